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
        return peaks(amplitude, periodS, cycles, cap, false);
    }

    /** The same, with the noise floor lowered ({@link PeakDetector#lowerNoiseFloor}) or not. */
    private static int peaks(double amplitude, double periodS, int cycles, double cap, boolean lowered) {
        PeakDetector p = new PeakDetector(0.35, 0.3, 0.3, 0.28, 0.25);
        p.capFloor(cap);
        p.lowerNoiseFloor(lowered);
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

    /**
     * A cane shuffler's pushes, 0.08 m/s^2 every 2 s (seed 1's walker 37 pushes 0.06 to 0.14): under the
     * noise floor, so no peaks; with the noise floor lowered (the engine does while a chain is open and
     * the pelvis alternates sides) each is one. Lowered, the pendulum floor still holds at a brisk pace,
     * and lobes under the lowered floor are still none.
     */
    @Test
    void aLoweredNoiseFloorSeesAFlatWalkersWeakPushes() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(0, peaks(0.08, 2, 10, inf, false));
        assertEquals(10, peaks(0.08, 2, 10, inf, true));
        assertEquals(0, peaks(0.05, 2, 10, inf, true), "under the lowered floor: noise");
        int brisk = peaks(0.08, 0.5, 12, inf, true);
        assertTrue(brisk <= 3, brisk + " of 12 at a brisk pace: the pendulum floor falls to them only 1.9 s after a peak");
    }

    /** One sine cycle of this amplitude and period from {@code t0}, else 0. */
    private static double cycle(double t, double t0, double amplitude, double periodS) {
        return t < t0 || t >= t0 + periodS ? 0 : amplitude * Math.sin(2 * Math.PI * (t - t0) / periodS);
    }

    /**
     * The peaks of a very slow walker's step (0.18 m/s^2, peaking at 3.25 s), a sharp spike 1.8 s
     * later (0.2 m/s^2 over 0.15 s: a loading spike or a knock, which the bout tracker drops as too
     * sharp) and the next step's push 3 s after the first; {@code fromStep}: the pendulum floor's
     * clock runs from the first step's push, as the engine sets it from the bout tracker's last step.
     */
    private static double[] slowStepsAroundASpike(boolean fromStep) {
        PeakDetector p = new PeakDetector(0.35, 0.3, 0.3, 0.28, 0.25);
        double[] out = new double[4];
        int n = 0;
        for (double t = 0; t < 9; t += 1 / FS) {
            double x = cycle(t, 3, 0.18, 1) + cycle(t, 5, 0.2, 0.3) + cycle(t, 6, 0.18, 1);
            if (p.update(t, x) && n < out.length) out[n++] = p.peakTime;
            if (fromStep) p.clockFrom(out[0] > 0 ? out[0] : Double.NaN);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * The floor is the push of the flattest step at the walker's pace, and the pace runs from step to
     * step: a peak that was no step does not restart its clock. Restarted at the spike, the next push
     * (1.2 s after it) faces a 50 steps/min pace's floor (0.21 m/s^2) and is lost; from the step
     * before (3 s), the noise floor.
     */
    @Test
    void aPeakThatWasNoStepDoesNotRestartThePendulumFloorsClock() {
        double[] restarted = slowStepsAroundASpike(false);
        assertEquals(2, restarted.length, "the step and the spike: " + java.util.Arrays.toString(restarted));
        double[] fromStep = slowStepsAroundASpike(true);
        assertEquals(3, fromStep.length, "the step, the spike and the next step: " + java.util.Arrays.toString(fromStep));
        assertEquals(6.25, fromStep[2], 0.05);
        assertEquals(restarted[1], fromStep[1], 1e-9, "the spike itself is judged as before");
    }
}
