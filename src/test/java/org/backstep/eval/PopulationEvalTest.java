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
    void guardsAreCeilingsForErrorsAndFloorsForTheRest() {
        double err = EV.figures().get("walk_forward_count_error_pct");
        double f1 = EV.figures().get("walk_f1");
        assertEquals(List.of(), EV.missedGuards(Map.of("walk_forward_count_error_pct", err + 1, "walk_f1", f1 - 0.01)));
        assertEquals(2, EV.missedGuards(Map.of("walk_forward_count_error_pct", err - 1, "walk_f1", f1 + 0.01)).size());
        assertEquals(1, EV.missedGuards(Map.of("no_such_figure", 1.0)).size());
    }
}
