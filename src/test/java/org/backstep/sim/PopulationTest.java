package org.backstep.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.backstep.event.Direction;
import org.junit.jupiter.api.Test;

/** The population draws its walkers from the documented ranges, with every kind represented. */
class PopulationTest {
    private static final List<Population.Walker> WALKERS = Population.draw(1, 400);

    private static double share(Predicate<Population.Walker> p) {
        return WALKERS.stream().filter(p).count() / (double) WALKERS.size();
    }

    @Test
    void everyTraitWithinItsDocumentedRange() {
        for (Population.Walker w : WALKERS) {
            assertTrue(w.cadenceSpm() >= Walk.MIN_SPM && w.cadenceSpm() <= 130, w.toString());
            assertTrue(w.backwardCadenceSpm() <= w.cadenceSpm() && w.backwardCadenceSpm() >= Walk.MIN_SPM, w.toString());
            assertTrue(w.style().asymmetry() >= 1 && w.style().asymmetry() <= 2, w.toString());
            assertTrue(w.variability() >= 0.01 && w.variability() <= 0.15, w.toString());
            assertTrue(w.style().sway() >= 0.7 && w.style().sway() <= 2.5, w.toString());
            assertTrue(w.heightM() >= 1.5 && w.heightM() <= 1.95, w.toString());
            assertTrue(Math.abs(w.mounting().tiltDeg()) <= 40 && Math.abs(w.mounting().yawDeg()) <= 45, w.toString());
            assertTrue(w.noiseFactor() >= 1 && w.noiseFactor() <= 4, w.toString());
            assertTrue(Set.of(50.0, 100.0, 200.0, 400.0).contains(w.rateHz()), w.toString());
            assertTrue(w.bouts().size() >= Population.MIN_BOUTS && w.bouts().size() <= Population.MAX_BOUTS, w.toString());
        }
    }

    @Test
    void everyKindOfWalkerIsRepresented() {
        assertTrue(share(w -> w.cadenceSpm() < 60) > 0.15, "slow walkers (steps more than 1 s apart)");
        assertTrue(share(w -> w.cadenceSpm() < 30) > 0.02, "very slow walkers (steps 2 to 4 s apart)");
        assertTrue(share(w -> w.cadenceSpm() > 110) > 0.1, "brisk walkers");
        assertTrue(share(Population.Walker::limping) > 0.15, "limping");
        assertTrue(share(w -> w.style().asymmetry() > 1.8) > 0.03, "limping near 1:2");
        assertTrue(share(w -> w.style().cane()) > 0.1, "with a cane");
        assertTrue(share(Population.Walker::shuffling) > 0.1, "shuffling");
        assertTrue(share(Population.Walker::swaying) > 0.1, "swaying");
        assertTrue(share(w -> w.variability() > 0.1) > 0.05, "irregular");
        assertTrue(share(w -> Math.abs(w.mounting().tiltDeg()) > 30) > 0.1, "steeply tilted");
        assertTrue(share(w -> w.bouts().stream().anyMatch(b -> b.direction() == Direction.BACKWARD)) > 0.5, "walking backward");
        assertTrue(share(w -> w.bouts().stream().anyMatch(b -> b.turnDeg() >= 90)) > 0.3, "turning");
        assertTrue(share(w -> w.bouts().stream().anyMatch(b -> b.steps() <= 6)) > 0.2, "short bouts");
    }

    @Test
    void aWalkerDependsOnlyOnTheSeedAndItsNumber() {
        Population.Walker a = Population.draw(7, 5).get(3);
        Population.Walker b = Population.walker(7, 3);
        assertEquals(a.toString(), b.toString());
        assertEquals(a.bouts(), b.bouts());
        Simulation sa = a.scenario().run(), sb = b.scenario().run();
        assertArrayEquals(sa.az(), sb.az());
        assertTrue(!Population.walker(8, 3).toString().equals(a.toString()), "another seed, another walker");
    }

    @Test
    void boutsMatchTheWalkingTruth() {
        Population.Walker w = Population.walker(3, 11);
        Simulation sim = w.scenario().run();
        int walks = w.bouts().stream().mapToInt(Population.Bout::walks).sum();
        assertEquals(walks, sim.truth().intervals(Interval.Kind.WALK).size());
        // each bout ends with its closing step, the trailing foot set down beside the other
        assertEquals(w.bouts().stream().mapToInt(Population.Bout::steps).sum() + w.bouts().size(), sim.truth().steps().size());
    }

    @Test
    void refusesAnEmptyPopulation() {
        assertThrows(IllegalArgumentException.class, () -> Population.draw(1, 0));
    }
}
