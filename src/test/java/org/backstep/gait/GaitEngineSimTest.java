package org.backstep.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.backstep.event.StepEvent;
import org.backstep.event.StepRevision;
import org.backstep.sim.Scenario;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Simulation;
import org.backstep.sim.TrueStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The gait engine on simulated walks: counts, contact times, directions, and nothing at rest. */
class GaitEngineSimTest {

    /** Steps found and bouts seen in one simulated session. */
    static final class Run implements GaitListener {
        final List<StepEvent> steps = new ArrayList<>();
        final List<StepRevision> revisions = new ArrayList<>();
        int boutsStarted;

        @Override
        public void step(StepEvent step) {
            steps.add(step);
        }

        /** Applies each revision to the steps it covers, as every consumer of the event stream does. */
        @Override
        public void revised(StepRevision revision) {
            revisions.add(revision);
            List<org.backstep.event.Event> all = new ArrayList<>(steps);
            all.add(revision);
            List<StepEvent> revised = StepRevision.finalSteps(all);
            steps.clear();
            steps.addAll(revised);
        }

        @Override
        public void walking(boolean walking, double t) {
            if (walking) boutsStarted++;
        }

        long count(Direction d) {
            return steps.stream().filter(s -> s.direction() == d).count();
        }
    }

    static Run run(Simulation sim) {
        return run(sim, sim.forwardAxis());
    }

    static Run run(Simulation sim, Axis configuredForward) {
        Run r = new Run();
        GaitEngine g = new GaitEngine(GaitSettings.builder(sim.rateHz()).forwardAxis(configuredForward).build(), r);
        sim.play(g);
        g.finish(sim.duration());
        return r;
    }

    /** Every true step matched by a detected one within 0.3 s, nearest first; returns the matched count. */
    static int matched(Run r, List<TrueStep> truth, Direction expected, int[] rightDirection) {
        boolean[] used = new boolean[r.steps.size()];
        int m = 0;
        for (TrueStep ts : truth) {
            int best = -1;
            double bd = 0.3;
            for (int i = 0; i < r.steps.size(); i++) {
                double d = Math.abs(r.steps.get(i).t() - ts.time());
                if (!used[i] && d <= bd) {
                    bd = d;
                    best = i;
                }
            }
            if (best >= 0) {
                used[best] = true;
                m++;
                if (r.steps.get(best).direction() == expected) rightDirection[0]++;
            }
        }
        return m;
    }

    private static void assertWalk(Simulation sim, Direction dir, double minRecall) {
        Run r = run(sim);
        List<TrueStep> truth = sim.truth().steps();
        int[] right = {0};
        int m = matched(r, truth, dir, right);
        assertTrue(m >= minRecall * truth.size(), "matched " + m + " of " + truth.size() + " true steps");
        assertTrue(r.steps.size() <= truth.size() + 1, "found " + r.steps.size() + " for " + truth.size());
        assertEquals(m, right[0], "every matched step has direction " + dir);
        for (StepEvent s : r.steps) {
            assertTrue(s.at() >= s.t(), "reported after its contact");
        }
    }

    @Test
    void forwardWalkCountsEveryStepForward() {
        assertWalk(Scenarios.forwardWalk(1).run(), Direction.FORWARD, 0.95);
    }

    @Test
    void backwardWalkCountsEveryStepBackward() {
        assertWalk(Scenarios.backwardWalk(2).run(), Direction.BACKWARD, 0.95);
    }

    @Test
    void slowBackwardWalkAt60spm() {
        assertWalk(Scenarios.slowWalk(3).run(), Direction.BACKWARD, 0.9);
    }

    @Test
    void mixedWalkSwitchesDirectionBetweenBouts() {
        Simulation sim = Scenarios.mixed(4).run();
        Run r = run(sim);
        assertEquals(2, r.boutsStarted);
        long fwd = r.count(Direction.FORWARD), bwd = r.count(Direction.BACKWARD);
        assertTrue(Math.abs(fwd - 20) <= 1, "forward " + fwd);
        assertTrue(Math.abs(bwd - 30) <= 1, "backward " + bwd);
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 200, 400})
    void sampleRatesFrom50To400Hz(int rate) {
        Simulation sim = Scenarios.base(5).rateHz(rate).stand(4).walk(Direction.BACKWARD, 30, 85).stand(3).build().run();
        assertWalk(sim, Direction.BACKWARD, 0.95);
    }

    @ParameterizedTest
    @EnumSource(Axis.class)
    void everyMountingWithATiltedSensor(Axis forward) {
        Simulation sim = Scenario.builder(6).rateHz(100).mounting(forward, 35)
                .stand(4).walk(Direction.BACKWARD, 30, 85).stand(2).walk(Direction.FORWARD, 20, 105).stand(3).build().run();
        Run r = run(sim);
        long fwd = r.count(Direction.FORWARD), bwd = r.count(Direction.BACKWARD);
        assertTrue(Math.abs(bwd - 30) <= 2, forward + ": backward " + bwd);
        assertTrue(Math.abs(fwd - 20) <= 2, forward + ": forward " + fwd);
    }

    @Test
    void aSensorClippedOnBackToFrontSwapsTheDirections() {
        // Configured +z while the sensor's front is -z: the physics is intact, only the sign flips.
        Simulation sim = Scenarios.backwardWalk(7).run();
        Run r = run(sim, Axis.PLUS_Z);
        assertTrue(r.count(Direction.FORWARD) >= 38, "forward " + r.count(Direction.FORWARD));
        assertEquals(0, r.count(Direction.BACKWARD));
    }

    @Test
    void standingWithSwayCountsNothing() {
        assertEquals(0, run(Scenarios.standingSway(8).run()).steps.size());
    }

    @Test
    void sittingDownAndStandingUpCountsNothing() {
        assertEquals(0, run(Scenarios.sitDown(9).run()).steps.size());
    }

    @Test
    void bendingSquattingFidgetingAndACarCountNothing() {
        Simulation sim = Scenarios.base(10).stand(4).bendOver().stand(3).kneeBendStanding().stand(3)
                .fidget(10).stand(2).carInOut(20).stand(3).build().run();
        Run r = run(sim);
        assertTrue(r.steps.size() <= 1, "phantom steps: " + r.steps);
    }

    @Test
    void theFirstStepsOfABoutAreCreditedWithTheirOwnContactTimes() {
        Simulation sim = Scenarios.backwardWalk(11).run();
        Run r = run(sim);
        double firstTrue = sim.truth().steps().get(0).time();
        StepEvent first = r.steps.get(0);
        assertTrue(Math.abs(first.t() - firstTrue) <= 0.3, "first step at " + first.t() + ", truth " + firstTrue);
        assertTrue(first.at() > first.t() + 0.5, "it was reported when the bout was confirmed, later");
    }

    @Test
    void deterministicForTheSameInput() {
        Simulation sim = Scenarios.mixed(12).run();
        assertEquals(run(sim).steps, run(sim).steps);
    }
}
