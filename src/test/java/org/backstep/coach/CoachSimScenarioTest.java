package org.backstep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.event.Event;
import org.backstep.gait.GaitSettings;
import org.backstep.pipeline.Pipeline;
import org.backstep.pipeline.PipelineListener;
import org.backstep.sim.FallKind;
import org.backstep.sim.Interval;
import org.backstep.sim.Scenario;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Simulation;
import org.backstep.sim.Walk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The colleague's gait simulator through the whole session pipeline (gait engine steps and bouts
 * into the coach): each script raises what it should, when it should, and nothing else.
 */
class CoachSimScenarioTest {
    static final class Run {
        final Simulation sim;
        final List<AlertEvent> alerts = new ArrayList<>();
        final List<Double> cleared = new ArrayList<>();

        Run(Scenario scenario) {
            this(scenario, 0);
        }

        /** @param skip samples dropped at the start, as if sampling had begun that much later */
        Run(Scenario scenario, int skip) {
            sim = scenario.run();
            Pipeline p = new Pipeline(GaitSettings.builder(sim.rateHz()).forwardAxis(sim.forwardAxis()).build(),
                    CoachSettings.defaults(), null, new PipelineListener() {
                        @Override
                        public void accept(Event e) {
                            if (e instanceof AlertEvent a) alerts.add(a);
                        }

                        @Override
                        public void alarmCleared(double t) {
                            cleared.add(t);
                        }
                    });
            double[] s = new double[7];
            for (int i = skip; i < sim.size(); i++) {
                sim.get(i, s);
                p.sample(s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
            }
            p.finish();
        }

        List<AlertEvent> of(AlertKind k) {
            return alerts.stream().filter(a -> a.kind() == k).toList();
        }

        Interval interval(Interval.Kind k) {
            return sim.truth().intervals(k).get(0);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void plainWalksAndStandingRaiseNothing(long seed) {
        for (Scenario s : List.of(Scenarios.forwardWalk(seed), Scenarios.backwardWalk(seed), Scenarios.mixed(seed),
                Scenarios.slowWalk(seed), Scenarios.standingSway(seed))) {
            Run r = new Run(s);
            assertEquals(List.of(), r.alerts, s.toString());
        }
    }

    @Test
    void demoLeanAndBentKneesAreOneAlertEachInTheirIntervals() {
        Run r = new Run(Scenarios.demo(7));
        List<AlertEvent> posture = r.of(AlertKind.POSTURE);
        List<AlertEvent> knee = r.of(AlertKind.KNEE);
        assertEquals(1, posture.size(), r.alerts.toString());
        assertEquals(1, knee.size(), r.alerts.toString());
        Interval lean = r.interval(Interval.Kind.LEAN);
        assertTrue(posture.get(0).t() > lean.start() - 1.5 && posture.get(0).at() < lean.end(), posture + " " + lean);
        Interval bent = r.interval(Interval.Kind.KNEE_BENT);
        assertTrue(knee.get(0).at() > bent.start() && knee.get(0).at() < bent.end() + 2, knee + " " + bent);
        assertEquals(0, r.of(AlertKind.FALL).size());
        assertEquals(0, r.of(AlertKind.IMBALANCE).size());
    }

    @Test
    void theDemoStumbleIsFoundWhereverSamplingStarted() {
        // The detector's half-second windows start at the first sample; a trip's brief unloading
        // then falls in different windows. None of that may decide whether the stumble counts.
        for (int skip = 0; skip < 50; skip += 4) {
            Run r = new Run(Scenarios.demo(42), skip);
            assertEquals(1, r.of(AlertKind.STUMBLE).size(), "sampling started " + skip + " samples late: " + r.alerts);
        }
    }

    @ParameterizedTest
    @EnumSource(FallKind.class)
    void everyFallIsOneFallAlertNearTheImpact(FallKind kind) {
        for (Scenario s : List.of(Scenarios.fall(3, kind), Scenarios.fallFromStanding(3, kind))) {
            Run r = new Run(s);
            List<AlertEvent> falls = r.of(AlertKind.FALL);
            assertEquals(1, falls.size(), kind + " " + r.alerts);
            double impact = r.interval(Interval.Kind.FALL).mark();
            assertTrue(Math.abs(falls.get(0).t() - impact) < 0.5, falls + " impact " + impact);
            assertTrue(falls.get(0).at() - impact < 4, falls + " impact " + impact);
            assertEquals(List.of(), r.cleared, "still lying when the script ends");
        }
    }

    @Test
    void fallAlarmClearsWhenTheWearerGetsUpAndWalks() {
        Run r = new Run(Scenarios.base(4).stand(5).walk(Direction.BACKWARD, 12, 85).fall(FallKind.LEFT).lie(6)
                .getUp().stand(2).walk(Direction.BACKWARD, 12, 85).stand(3).build());
        assertEquals(1, r.of(AlertKind.FALL).size(), r.alerts.toString());
        assertEquals(1, r.cleared.size());
        Interval up = r.interval(Interval.Kind.GET_UP);
        assertTrue(r.cleared.get(0) > up.start() && r.cleared.get(0) < up.end() + 5, r.cleared + " " + up);
    }

    @Test
    void everydayLifeIsNoFallStumbleOrImbalance() {
        Run r = new Run(Scenarios.dailyLife(5));
        for (AlertKind k : List.of(AlertKind.FALL, AlertKind.STUMBLE, AlertKind.IMBALANCE, AlertKind.CADENCE)) {
            assertEquals(0, r.of(k).size(), r.alerts.toString());
        }
        // bending over with straight knees reads as posture, the standing knee bend as knee
        List<AlertEvent> posture = r.of(AlertKind.POSTURE);
        List<AlertEvent> knee = r.of(AlertKind.KNEE);
        assertEquals(1, posture.size(), r.alerts.toString());
        assertTrue(r.interval(Interval.Kind.BEND).contains(posture.get(0).at()), posture.toString());
        assertTrue(knee.size() >= 1, r.alerts.toString());
        Interval squat = r.interval(Interval.Kind.SQUAT);
        assertTrue(knee.get(0).at() >= squat.start() && knee.get(0).at() <= squat.end() + 1, knee + " " + squat);
    }

    @ParameterizedTest
    @ValueSource(doubles = {50, 200, 400})
    void otherSampleRatesGiveTheSameAnswers(double hz) {
        Run fall = new Run(Scenarios.base(8).rateHz(hz).stand(5).walk(Direction.BACKWARD, 12, 85).fall(FallKind.BACKWARD)
                .lie(10).build());
        assertEquals(List.of(AlertKind.FALL), fall.alerts.stream().map(AlertEvent::kind).toList(), hz + " Hz");
        Run lean = new Run(Scenarios.base(8).rateHz(hz).stand(5).walk(Direction.BACKWARD, 30, 85)
                .walk(Walk.of(Direction.BACKWARD, 12, 85).lean(20)).walk(Direction.BACKWARD, 20, 85).stand(3).build());
        assertEquals(List.of(AlertKind.POSTURE), lean.alerts.stream().map(AlertEvent::kind).toList(), hz + " Hz");
    }

    @Test
    void fastBackwardPaceIsCadence() {
        Run r = new Run(Scenarios.base(6).stand(5).walk(Walk.of(Direction.BACKWARD, 40, 125)).stand(3).build());
        assertEquals(1, r.of(AlertKind.CADENCE).size(), r.alerts.toString());
        assertEquals(1, r.alerts.size(), r.alerts.toString());
    }
}
