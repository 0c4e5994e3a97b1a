package org.backstep.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.backstep.event.Direction;
import org.backstep.sim.GaitStyle;
import org.backstep.sim.Population;
import org.backstep.sim.Scenario;
import org.backstep.sim.Simulation;
import org.backstep.sim.TrueStep;
import org.backstep.sim.Walk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gait engine on the walkers issue 9 names, each alone in a straight or curving bout at the
 * default mounting, forward and backward: slow, limping, with a cane, shuffling, irregular, turning.
 * These are the levels the engine meets; {@code eval --population} measures the mixtures, and
 * where it falls short (short swaying bouts, direction below about 45 steps/min) is in the README.
 */
class GaitEngineWalkerTypesTest {
    private static final GaitStyle D = GaitStyle.DEFAULT;

    static Stream<Arguments> walkers() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Direction d : Direction.values()) {
            b.add(Arguments.of("slow, steps 1.1 s apart", Walk.of(d, 20, 55)));

            b.add(Arguments.of("limping 1:1.8", Walk.of(d, 30, 90).style(D.withAsymmetry(1.8))));
            b.add(Arguments.of("limping 1:1.5, slow", Walk.of(d, 30, 70).style(D.withAsymmetry(1.5))));
            b.add(Arguments.of("cane", Walk.of(d, 30, 70).style(D.withCane(true).withAsymmetry(1.2))));
            b.add(Arguments.of("shuffling", Walk.of(d, 30, 90).style(D.withShuffle(0.7))));
            b.add(Arguments.of("shuffling fully", Walk.of(d, 30, 100).style(D.withShuffle(1))));
            b.add(Arguments.of("irregular, 12% step-time SD", Walk.of(d, 30, 100).irregularity(0.12)));
            b.add(Arguments.of("turning", Walk.of(d, 20, 100).turn(d == Direction.FORWARD ? 180 : 90)));
            b.add(Arguments.of("short bout in a curve", Walk.of(d, 8, 100).turn(90)));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("walkers")
    void everyStepFoundWithItsDirection(String kind, Walk walk) {
        for (long seed = 1; seed <= 3; seed++) {
            Simulation sim = Scenario.builder(seed).stand(4).walk(walk).stand(3).build().run();
            GaitEngineSimTest.Run r = GaitEngineSimTest.run(sim);
            List<TrueStep> truth = sim.truth().steps();
            int[] right = {0};
            int m = GaitEngineSimTest.matched(r, truth, walk.direction(), right);
            String what = kind + " " + walk.direction() + " seed " + seed + ": ";
            // every step; the closing one (the trailing foot set down beside the other, its push
            // fading as the walker stops) may go unseen at a slow pace
            assertTrue(m >= truth.size() - 1, what + "matched " + m + " of " + truth.size());
            assertTrue(r.steps.size() <= truth.size(), what + "found " + r.steps.size() + " for " + truth.size());
            assertEquals(m, right[0], what + "every matched step " + walk.direction());
        }
    }

    /**
     * Very slow walkers, steps 1.3 and 1.5 s apart: their pushes are under the configured floor and
     * over the pendulum's (see {@link PeakDetector}). Counted within a step, with their direction.
     * Slower still (steps 1.7 to 2 s apart, a vault and a pause on both feet) the pause's own bump can
     * take the push's place: the README's population figures say how often.
     */
    @ParameterizedTest(name = "{0} spm {1}")
    @MethodSource("verySlow")
    void verySlowWalkersAreCountedWithinAStep(double spm, Direction d) {
        for (long seed = 1; seed <= 3; seed++) {
            Walk walk = Walk.of(d, 16, spm);
            Simulation sim = Scenario.builder(seed).stand(4).walk(walk).stand(4).build().run();
            GaitEngineSimTest.Run r = GaitEngineSimTest.run(sim);
            List<TrueStep> truth = sim.truth().steps();
            int[] right = {0};
            int m = GaitEngineSimTest.matched(r, truth, d, right);
            String what = spm + " spm " + d + " seed " + seed + ": ";
            assertTrue(m >= truth.size() - 2, what + "matched " + m + " of " + truth.size() + " (the closing step included)");
            assertEquals(m, right[0], what + "every matched step " + d);
            assertTrue(r.steps.size() <= truth.size() + 1, what + "found " + r.steps.size() + " for " + truth.size());
        }
    }

    /**
     * Slower still, 18 and 26 steps/min, alone and with a cane: each step is a vault and a pause on
     * both feet, whose trailing push-off makes a vertical hump of its own a second before the next
     * contact. The bout keeps the contact and not the hump (before, each step counted twice).
     */
    @ParameterizedTest(name = "{0} spm, cane {1}, {2}")
    @MethodSource("pauseOnBothFeet")
    void aStepsPushOffHumpAfterAPauseOnBothFeetIsNotAStep(double spm, boolean cane, Direction d) {
        for (long seed = 1; seed <= 3; seed++) {
            Walk walk = Walk.of(d, 16, spm).style(D.withCane(cane));
            Simulation sim = Scenario.builder(seed).stand(4).walk(walk).stand(4).build().run();
            GaitEngineSimTest.Run r = GaitEngineSimTest.run(sim);
            List<TrueStep> truth = sim.truth().steps();
            int[] right = {0};
            int m = GaitEngineSimTest.matched(r, truth, d, right);
            String what = spm + " spm, cane " + cane + ", " + d + " seed " + seed + ": ";
            assertTrue(r.steps.size() <= truth.size() + 3, what + "found " + r.steps.size() + " for " + truth.size());
            assertTrue(m >= truth.size() - 6, what + "matched " + m + " of " + truth.size());
            assertEquals(m, right[0], what + "every matched step " + d);
        }
    }

    static Stream<Arguments> pauseOnBothFeet() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (double spm : new double[] {18, 26}) {
            for (boolean cane : new boolean[] {false, true}) {
                for (Direction d : Direction.values()) b.add(Arguments.of(spm, cane, d));
            }
        }
        return b.build();
    }

    static Stream<Arguments> verySlow() {
        return Stream.of(Arguments.of(40.0, Direction.FORWARD), Arguments.of(40.0, Direction.BACKWARD),
                Arguments.of(45.0, Direction.FORWARD), Arguments.of(45.0, Direction.BACKWARD));
    }

    /**
     * A shuffle with a cane at 60 steps/min: a pelvis path flatter than the pendulum floor assumes
     * (1.2 cm), its weak leg's pushes under that floor. The bout starts on the strong leg's steps
     * (its first weak ones are lost) and then finds the weak ones on its own level.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Direction.class)
    void aFlatGaitKeepsItsWeakLegsStepsOnceItsBoutIsConfirmed(Direction d) {
        Walk walk = Walk.of(d, 30, 60).style(D.withCane(true).withShuffle(0.6));
        for (long seed = 1; seed <= 3; seed++) {
            Simulation sim = Scenario.builder(seed).stand(4).walk(walk).stand(3).build().run();
            GaitEngineSimTest.Run r = GaitEngineSimTest.run(sim);
            List<TrueStep> truth = sim.truth().steps();
            int[] right = {0};
            int m = GaitEngineSimTest.matched(r, truth, d, right);
            String what = d + " seed " + seed + ": ";
            assertTrue(m >= truth.size() - 4, what + "matched " + m + " of " + truth.size());
            assertTrue(r.steps.size() <= truth.size() + 1, what + "found " + r.steps.size() + " for " + truth.size());
            assertEquals(m, right[0], what + "every matched step " + d);
        }
    }

    /**
     * Walker 188 of population seed 1: a cane and a shuffle at 44 steps/min (37 backward), pushes of
     * 0.10 to 0.20 m/s^2, noise 3.8 times the datasheet's. Its steps alternate a soft push and a sharp
     * loading spike (0.11 to 0.16 s wide), which a chain drops as too sharp when the pelvis has not yet
     * swayed; the spike restarted the pendulum floor's clock, so the push 1.1 s later faced a 55
     * steps/min pace's floor (0.25 m/s^2), and the chain never held three candidates (8 of 38 steps
     * found). The clock runs from the last step the bout tracker took: 26 of them.
     */
    @Test
    void aSpikeTheChainDropsDoesNotHideTheNextPush() {
        Session s = Session.of(1, 188);
        assertTrue(s.matched >= 24, s.toString());
        assertTrue(s.found <= s.truth, s.toString());
    }

    /**
     * Seed 1's walkers 16 (17 to 21 steps/min) and 52 (a cane, 23 to 26): a chain's weak candidate with
     * no step's sideways travel, the push-off hump 1 s before a contact, does not restart the pendulum
     * floor's clock, so the contact after it is a candidate and shows the hump for what it is; the
     * chain had locked on the humps, each found step 1 s before a true contact.
     */
    @Test
    void aChainDoesNotLockOnPushOffHumps() {
        for (int id : new int[] {16, 52}) {
            Session s = Session.of(1, id);
            assertTrue(s.matched >= 0.8 * s.truth, s.toString());
        }
    }

    /**
     * Seed 1's walker 44: a 51 steps/min cane limp (1:1.74) with 2.1 times the sway, whose trunk rolls
     * 12 to 14 degrees a step, past the rhythm's steady trunk, and whose long step's window brakes the
     * wrong way. Its chains are confirmed because the trunk rolls to the side the pelvis travels to,
     * window after window (without that, 62 of its 105 steps were found, 75 reported).
     */
    @Test
    void aLimpWhoseTrunkRollsWithItsSwayIsCounted() {
        Session s = Session.of(1, 44);
        assertTrue(s.matched >= 90, s.toString());
        assertTrue(Math.abs(s.found - s.truth) <= s.truth / 10, s.toString());
    }

    /**
     * Seed 1's walkers 31 (20/15 steps/min, 13% step-to-step variability) and 190 (18/15 steps/min, a 1:1.9
     * limp): steps of 3.5 to 5 s, each a pause on both feet, the trailing leg's push-off hump and a 1 s
     * vault. A step past the step ceiling (4 s) or the bout's longest stillness (3.5 s) ended the chain or
     * the bout, though the hump showed the walker moving; now the pause up to the hump faces those limits
     * (before: 51 of 73 and 14 of 27 steps found).
     */
    @Test
    void aSlowStepWithAPushOffHumpIsNoStop() {
        int[][] cases = {{31, 62}, {190, 16}};
        for (int[] c : cases) {
            Session s = Session.of(1, c[0]);
            assertTrue(s.matched >= c[1], s.toString());
            assertTrue(s.found <= s.truth * 1.15, s.toString());
        }
    }

    /**
     * Seed 1's walkers 23 (17 steps/min, a 1:1.44 limp) and 173 (20 steps/min, 1:1.74): the long step's
     * push-off hump comes about a second before its contact, past one step interval after the step
     * before (walker 23: 3.4 s after it, at a 3.3 s pace), and was counted as a step; held, the contact after it shows
     * it for a hump, and the bout is kept across the long step (4.2 to 4.4 s, past the 3.5 s a still
     * walker is bridged) because the walker moved at the hump. Found 81 for 66 and 57 for 50 over the session;
     * before, 89 and 66 (88 and 66 with the hump held but the bout ended at the long step).
     */
    @Test
    void aLimpsLongStepCountsOnceNotWithItsPushOffHump() {
        for (int id : new int[] {23, 173}) {
            Session s = Session.of(1, id);
            assertTrue(s.found <= 1.25 * s.truth, s.toString());
            assertTrue(s.matched >= 0.75 * s.truth, s.toString());
        }
    }

    /**
     * Seed 1's walkers 37 (40 steps/min, a cane and a 0.9 shuffle, noise 2.7 times the datasheet's) and
     * 26 (16 steps/min, the same, 2.9 times): their pushes, 0.06 to 0.14 m/s^2, stand under the noise
     * floor, so no chain reached three candidates and none of their steps was found (114 and 54). While
     * a chain a push past the floor started is open and the pelvis alternates sides at a step's pace,
     * the floor is lowered to 0.06: 21 and 17 matched (21 and 23 reported), neither over-counted.
     */
    @Test
    void aFlatCaneShufflersWeakPushesExtendItsChain() {
        int[][] cases = {{37, 18}, {26, 14}};
        for (int[] c : cases) {
            Session s = Session.of(1, c[0]);
            assertTrue(s.matched >= c[1], s.toString());
            assertTrue(s.found <= s.truth, s.toString());
        }
    }

    /**
     * Very slow walkers (18 and 24 steps/min): a push held as a possible hump just after a contact
     * (that step's second bump) was taken for the push-off of the next contact, over 2 s on, and the
     * real hump, a vault in front of that contact, braking as the pause's window may, counted as a
     * step. A push-off is a vault before its contact, not two seconds.
     */
    @Test
    void aSecondBumpIsNoPushOffOfAContactTwoSecondsOn() {
        // before: 68 and 86 found (45 and 62 matched) of 48 and 67; the session's other stretches add a few
        double[] ceiling = {1.35, 1.25};
        int[] ids = {42, 150};
        for (int i = 0; i < ids.length; i++) {
            Session s = Session.of(3, ids[i]);
            assertTrue(s.found <= ceiling[i] * s.truth, s.toString());
            assertTrue(s.matched >= 0.9 * s.truth, s.toString());
        }
    }

    /**
     * Limps at 45 to 48 steps/min (1:1.8): the bout's running interval is the short steps' (a chain keeps
     * the long one without its pace), so the stretch where the step after a short one would land ended
     * before the long step's contact, and its highest push was credited as a missed step, one extra a
     * stride. After a short step, the long one comes as long as the one before it.
     */
    @Test
    void aLimpsLongStepIsNoMissedStep() {
        // before: seed 3's walker 184 114 found (90 matched) of 103; after: 94 (90), seed 1's walker 39 100 (85) of 99
        int[][] cases = {{3, 184}, {1, 39}};
        for (int[] c : cases) {
            Session s = Session.of(c[0], c[1]);
            assertTrue(s.found <= 1.02 * s.truth, s.toString());
            assertTrue(s.matched >= 0.85 * s.truth, s.toString());
        }
    }

    /** A population walker's whole session through the engine, scored against its truth (forward). */
    private record Session(int walker, int truth, int found, int matched) {
        static Session of(int seed, int walker) {
            Simulation sim = Population.walker(seed, walker).scenario().run();
            GaitEngineSimTest.Run r = GaitEngineSimTest.run(sim);
            List<TrueStep> truth = sim.truth().steps();
            int m = GaitEngineSimTest.matched(r, truth, Direction.FORWARD, new int[1]);
            return new Session(walker, truth.size(), r.steps.size(), m);
        }

        @Override
        public String toString() {
            return "walker " + walker + ": found " + found + ", matched " + matched + " of " + truth;
        }
    }
}
