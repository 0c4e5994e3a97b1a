package org.backstep.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeakDetectorTest {
    private static final double FS = 100;

    @Test
    void theFloorFollowsThePendulumBetweenNoiseAndTheConfiguredFloor() {
        assertEquals(0.35, PeakDetector.pendulumFloor(0.35, 0.5), 1e-12, "a brisk step faces the configured floor");
        assertEquals(PeakDetector.PENDULUM_M / (1.5 * 1.5), PeakDetector.pendulumFloor(0.35, 1.5), 1e-12);
        assertEquals(0.13, PeakDetector.pendulumFloor(0.35, 1.5), 0.005, "a 1.5 s step of the flattest gait");
        assertEquals(PeakDetector.NOISE_FLOOR, PeakDetector.pendulumFloor(0.35, 4), 1e-12);
        assertEquals(PeakDetector.NOISE_FLOOR, PeakDetector.pendulumFloor(0.35, Double.POSITIVE_INFINITY), 1e-12);
    }

    /** Counts the peaks of {@code cycles} sine cycles of this amplitude and period, after 3 s of quiet. */
    private static int peaks(double amplitude, double periodS, int cycles) {
        return peaks(amplitude, periodS, cycles, Double.POSITIVE_INFINITY);
    }

    /** The same, with the pendulum floor capped at {@code cap}. */
    private static int peaks(double amplitude, double periodS, int cycles, double cap) {
        PeakDetector p = new PeakDetector(0.35, 0.3, 0.3, 0.28, 0.25);
        p.capFloor(cap);
        int n = 0;
        double t = 0;
        for (; t < 3; t += 1 / FS) if (p.update(t, 0)) n++;
        for (double u = 0; u < cycles * periodS; u += 1 / FS) {
            if (p.update(t + u, amplitude * Math.sin(2 * Math.PI * u / periodS))) n++;
        }
        return n;
    }

    @Test
    void aSlowWalkersWeakPushesArePeaks() {
        // 40 steps/min with a 0.2 m/s^2 push: under the configured floor, over the pendulum's
        assertEquals(10, peaks(0.2, 1.5, 10));
    }

    @Test
    void theSameWeakBumpsAtABriskPaceAreNot() {
        // 0.2 m/s^2 every 0.5 s is no walking step: a brisk step pushes far harder. The floor only
        // falls as time passes without a peak, so at most every third bump gets through.
        int n = peaks(0.2, 0.5, 12);
        assertTrue(n <= 4, n + " of 12 weak brisk bumps read as peaks");
    }

    @Test
    void noiseIsNotAPeak() {
        assertEquals(0, peaks(0.08, 2, 10));
    }

    /**
     * A flat walker (a shuffle with a cane, 1.2 cm of pelvis travel) at 60 steps/min pushes 0.22
     * m/s^2, under the pendulum's 0.3 at that pace: seen once its bout caps the floor at half its
     * own level, and still not noise.
     */
    @Test
    void aCappedFloorSeesAFlatWalkersPushesButNotNoise() {
        int uncapped = peaks(0.22, 1.0, 10);
        assertTrue(uncapped <= 5, uncapped + " of 10: at most every other one, once the floor has fallen for 2 s");
        assertEquals(10, peaks(0.22, 1.0, 10, 0.15));
        assertEquals(0, peaks(0.08, 1.0, 10, 0.02), "the cap never goes under the noise floor");
    }
}
