package org.backstep.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The population score is deterministic for a seed and pools its groups from the walkers. */
class PopulationEvalTest {
    private static final PopulationEval EV = PopulationEval.run(2, 6);

    @Test
    void sameSeedSameFigures() {
        assertEquals(EV.figures(), PopulationEval.run(2, 6).figures());
    }

    @Test
    void groupsPoolTheWalkers() {
        Evaluator.Group all = EV.groups().get("all");
        int truth = EV.worstFirst().stream().mapToInt(w -> w.total().truth).sum();
        assertEquals(truth, all.truth);
        Evaluator.Group fwd = EV.groups().get("walk/forward"), bwd = EV.groups().get("walk/backward");
        assertEquals(all.truth, fwd.truth + bwd.truth);
        assertEquals(all.detected, fwd.detected + bwd.detected);
        assertTrue(all.truth > 100, "six walkers walk over a hundred steps");
        List<PopulationEval.WalkerScore> w = EV.worstFirst();
        assertEquals(w.get(0).total().countErrorPct(), EV.figures().get("worst_walker_count_error_pct"));
        long within = w.stream().filter(x -> x.total().countErrorPct() <= 5).count();
        assertEquals(within / 6.0, EV.figures().get("walkers_within_5pct"), 1e-12);
        for (int i = 1; i < w.size(); i++) {
            assertTrue(w.get(i - 1).total().countErrorPct() >= w.get(i).total().countErrorPct());
        }
    }

    @Test
    void aClosingStepReportedOnTimeOrALittleLateIsScoredWithItsBout() {
        // a bout from 2 s to its closing contact at 20 s, the next one from 24 s: a closing step
        // reported 0.1 s after its contact matches it, and one 0.1 s early does too, alike
        List<Dataset.TrueStep> truth = List.of(new Dataset.TrueStep(19.4, org.backstep.event.Direction.BACKWARD),
                new Dataset.TrueStep(20.0, org.backstep.event.Direction.BACKWARD));
        Dataset.Window w = PopulationEval.scoredWindow(2, 20, 24);
        for (double late : new double[] {-0.1, 0.1, 0.25}) {
            List<org.backstep.event.StepEvent> found = List.of(
                    new org.backstep.event.StepEvent(19.4, 19.9, org.backstep.event.Direction.BACKWARD),
                    new org.backstep.event.StepEvent(20.0 + late, 21, org.backstep.event.Direction.BACKWARD));
            StepMatch m = StepMatch.score(found, truth, List.of(w), 0, 30);
            assertEquals(2, m.detected, "closing step " + late + " s off its contact");
            assertEquals(2, m.matched, "closing step " + late + " s off its contact");
        }
        // never into the next bout
        assertEquals(20.1, PopulationEval.scoredWindow(2, 20, 20.1).to(), 1e-12);
    }

    @Test
    void guardsAreCeilingsForErrorsAndFloorsForTheRest() {
        double err = EV.figures().get("walk_forward_count_error_pct");
        double f1 = EV.figures().get("walk_f1");
        assertEquals(List.of(), EV.missedGuards(Map.of("walk_forward_count_error_pct", err + 1, "walk_f1", f1 - 0.01)));
        assertEquals(2, EV.missedGuards(Map.of("walk_forward_count_error_pct", err - 1, "walk_f1", f1 + 0.01)).size());
        assertEquals(1, EV.missedGuards(Map.of("no_such_figure", 1.0)).size());
    }
}
