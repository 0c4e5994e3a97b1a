package org.backstep.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KneeWalkEvalTest {
    /** Graded knee flexion while walking, on a few simulated walkers: straight knees raise nothing, 40 degrees mostly does. */
    @Test
    void bentKneesAreAlertedAndStraightKneesAreNot() {
        KneeWalkEval ev = KneeWalkEval.run(1, 4);
        Map<String, Double> f = ev.figures();
        assertEquals(0.0, f.get("knee_walk_alerted_0deg"), 1e-9, f.toString());
        assertEquals(0.0, f.get("knee_false_per_10min_straight"), 1e-9, f.toString());
        assertTrue(f.get("knee_walk_alerted_40deg") >= 0.5, f.toString());
        assertTrue(ev.table().contains("knee_walk_sensitivity_20deg"));
        // walks whose steps the gait engine missed cannot be alerted: the stepped ones are alerted at least as often
        assertTrue(f.get("knee_walk_sensitivity_20deg_stepped") >= f.get("knee_walk_sensitivity_20deg"), f.toString());
        assertTrue(f.get("knee_walk_stepped_share_20deg") > 0, f.toString());
    }
}
