package org.backstep.gait;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the pelvis's sideways velocity alternates sides at a step's pace, and when it does not. */
class SwayAlternationTest {
    private static final double FS = 100;

    /** A sine of sideways velocity, {@code amplitude} m/s, one side for {@code sideS} s, for {@code durationS} s. */
    private static SwayAlternation sway(double amplitude, double sideS, double durationS) {
        SwayAlternation a = new SwayAlternation(4);
        for (double t = 0; t < durationS; t += 1 / FS) a.update(t, amplitude * Math.sin(Math.PI * t / sideS));
        return a;
    }

    @Test
    void aSlowWalkersWeightTransferAlternates() {
        assertTrue(sway(0.08, 2, 8).alternating(8), "steps 2 s apart, 0.08 m/s each way");
        assertTrue(sway(0.08, 0.5, 3).alternating(3), "brisk steps");
    }

    @Test
    void aDriftAFastSwayOrAStillPelvisDoesNot() {
        assertFalse(sway(0.03, 2, 8).alternating(8), "under a step's sideways velocity: standing sway");
        assertFalse(sway(0.08, 0.2, 8).alternating(8), "each side held 0.2 s: a vibration, a car");
        assertFalse(sway(0.08, 5, 20).alternating(20), "each side held 5 s: past the step ceiling");
        SwayAlternation drift = new SwayAlternation(4);
        for (double t = 0; t < 8; t += 1 / FS) drift.update(t, 0.08);
        assertFalse(drift.alternating(8), "one side only: leaning, a turn of the car");
        SwayAlternation stopped = sway(0.08, 2, 8);
        for (double t = 8; t < 13; t += 1 / FS) stopped.update(t, 0);
        assertFalse(stopped.alternating(13), "no turn for 5 s: the walker stopped");
    }
}
