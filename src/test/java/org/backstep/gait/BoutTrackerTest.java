package org.backstep.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backstep.event.Direction;
import org.junit.jupiter.api.Test;

/** The bout gate on hand-made candidates: when two are enough, and when they are not. */
class BoutTrackerTest {
    private static final double INTERVAL = 0.55;

    /**
     * Feeds candidates 0.55 s apart; the cycle ending at the second has the given coupling
     * (negative: forward), trunk rotation and push height relative to the first.
     */
    private static GaitEngineSimTest.Run twoCandidates(double corr, double tiltDeg, double amplitudeRatio) {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        b.peak(10.0, 2.0, 0.1, 1, 0.05, 2, 10.2);
        b.peak(10.0 + INTERVAL, 2.0 * amplitudeRatio, corr, 1, -0.05, tiltDeg, 10.2 + INTERVAL);
        return run;
    }

    @Test
    void twoCandidatesAreEnoughWhenTheCycleBetweenThemIsClearlyWalking() {
        GaitEngineSimTest.Run r = twoCandidates(-0.8, 3, 1.1);
        assertEquals(2, r.steps.size());
        assertEquals(1, r.boutsStarted);
        assertEquals(Direction.FORWARD, r.steps.get(0).direction());
        assertEquals(10.0, r.steps.get(0).t(), 1e-9, "credited with its own contact time");
        assertEquals(10.2 + INTERVAL, r.steps.get(0).at(), 1e-9, "when the second candidate came");
        assertEquals(Direction.BACKWARD, twoCandidates(0.8, 3, 1.1).steps.get(1).direction());
    }

    @Test
    void otherwiseTheyWaitForAThird() {
        assertEquals(0, twoCandidates(-0.6, 3, 1.1).steps.size(), "coupling not clear enough");
        assertEquals(0, twoCandidates(-0.8, 12, 1.1).steps.size(), "the trunk rotated: bending, sitting");
        assertEquals(0, twoCandidates(-0.8, 3, 3).steps.size(), "pushes unlike each other");
    }

    @Test
    void turningCyclesNeitherAddNorEraseMuchDirection() {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        double t = 10;
        double lateral = 0.05;
        for (int i = 0; i < 5; i++, t += INTERVAL, lateral = -lateral) {
            b.peak(t, 2.0, 0.8, 1, lateral, 2, t + 0.2);          // walking backward, straight
        }
        for (int i = 0; i < 12; i++, t += INTERVAL, lateral = -lateral) {
            b.peak(t, 2.0, -0.5, 0.1, lateral, 2, t + 0.2);       // a long curve: weak, misleading cycles
        }
        assertEquals(17, run.steps.size());
        assertEquals(17, run.count(Direction.BACKWARD), "the curve did not turn the walk forward");
    }
}
