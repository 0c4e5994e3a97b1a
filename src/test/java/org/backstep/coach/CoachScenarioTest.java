package org.backstep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backstep.core.Axis;
import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.PostureEvent;
import org.junit.jupiter.api.Test;

/** Simulated wearers through the whole coach: each scenario raises what it should and nothing else. */
class CoachScenarioTest {
    static final double FS = 100;

    static final class Log implements CoachListener {
        final List<AlertEvent> alerts = new ArrayList<>();
        final List<PostureEvent> trace = new ArrayList<>();
        final List<Double> refs = new ArrayList<>();
        final List<Double> cleared = new ArrayList<>();

        @Override
        public void alert(AlertEvent a) { alerts.add(a); }

        @Override
        public void posture(PostureEvent p) { trace.add(p); }

        @Override
        public void uprightReferenceTaken(double t) { refs.add(t); }

        @Override
        public void alarmCleared(double t) { cleared.add(t); }

        long count(AlertKind k) { return alerts.stream().filter(a -> a.kind() == k).count(); }
    }

    static Log run(SyntheticWearer w, CoachSettings s) {
        Log log = new Log();
        Coach c = new Coach(s, Axis.MINUS_Z, FS, log);
        w.replay(c);
        return log;
    }

    static Log run(SyntheticWearer w) {
        return run(w, CoachSettings.builder().postureTrace(true).cooldownS(0).build());
    }

    static SyntheticWearer.Gait gait() {
        return new SyntheticWearer.Gait();
    }

    @Test
    void cleanWalkRaisesNothingAndTakesTheReference() {
        SyntheticWearer w = new SyntheticWearer(FS, 25).stand(4).walk(120, gait().jitter(0.02)).stand(3);
        Log log = run(w);
        assertEquals(List.of(), log.alerts);
        assertEquals(1, log.refs.size());
        assertTrue(log.refs.get(0) < 4);
    }

    @Test
    void leaningForwardWhileWalkingIsOnePostureAlert() {
        SyntheticWearer w = new SyntheticWearer(FS, 0).stand(4).walk(30, gait())
                .walk(6, gait().lean(25)).walk(1.0, gait().lean(13)).walk(8, gait().lean(25)) // a brief partial lapse
                .walk(20, gait());
        Log log = run(w);
        assertEquals(1, log.count(AlertKind.POSTURE), log.alerts.toString());
        assertEquals(log.alerts.size(), log.count(AlertKind.POSTURE), log.alerts.toString());
        AlertEvent a = log.alerts.get(0);
        assertTrue(a.t() > 33 && a.t() < 36.5, a.toString());
        assertTrue(a.at() - a.t() >= 3, "dwell: " + a);
    }

    @Test
    void twoSeparateLapsesAreTwoAlerts() {
        SyntheticWearer w = new SyntheticWearer(FS, 0).stand(4).walk(25, gait())
                .walk(6, gait().lean(25)).walk(10, gait()).walk(6, gait().lean(25)).walk(10, gait());
        assertEquals(2, run(w).count(AlertKind.POSTURE));
    }

    @Test
    void shortLeanIsNotALapse() {
        SyntheticWearer w = new SyntheticWearer(FS, 0).stand(4).walk(25, gait()).walk(2, gait().lean(25)).walk(10, gait());
        assertEquals(0, run(w).count(AlertKind.POSTURE));
    }

    @Test
    void bentKneeWalkingIsAKneeAlert() {
        SyntheticWearer w = new SyntheticWearer(FS, 10).stand(4).walk(30, gait())
                .walk(30, gait().bounce(0.012).impact(1.5)).walk(5, gait());
        Log log = run(w);
        assertEquals(1, log.count(AlertKind.KNEE), log.alerts.toString());
        assertEquals(0, log.count(AlertKind.POSTURE));
        assertTrue(log.alerts.get(0).t() > 34, log.alerts.toString());
    }

    @Test
    void squatWhileStandingIsKneeAndStoopIsPosture() {
        Log squat = run(new SyntheticWearer(FS, 0).stand(4).squat(0.35, 2).stand(3));
        assertEquals(1, squat.count(AlertKind.KNEE), squat.alerts.toString());
        assertEquals(0, squat.count(AlertKind.POSTURE), squat.alerts.toString());
        Log stoop = run(new SyntheticWearer(FS, 0).stand(4).tiltTo(60, 0, 1.5).stand(3).tiltTo(0, 0, 1.5).stand(3));
        assertEquals(1, stoop.count(AlertKind.POSTURE), stoop.alerts.toString());
        assertEquals(0, stoop.count(AlertKind.KNEE), stoop.alerts.toString());
    }

    @Test
    void increasedSwayIsImbalance() {
        SyntheticWearer w = new SyntheticWearer(FS, 0).stand(4).walk(40, gait()).walk(20, gait().sway(7)).walk(5, gait());
        Log log = run(w);
        assertEquals(1, log.count(AlertKind.IMBALANCE), log.alerts.toString());
        assertEquals(0, log.count(AlertKind.FALL));
    }

    @Test
    void stumbleIsStumbleNotFall() {
        SyntheticWearer w = new SyntheticWearer(FS, 0).stand(4).walk(20, gait()).jolt().walk(10, gait());
        Log log = run(w);
        assertEquals(1, log.count(AlertKind.STUMBLE), log.alerts.toString());
        assertEquals(0, log.count(AlertKind.FALL), log.alerts.toString());
        assertTrue(Math.abs(log.alerts.get(0).t() - 24) < 0.6, log.alerts.toString());
    }

    @Test
    void fallRaisesTheAlarmUntilTheWearerIsUpAndMoving() {
        SyntheticWearer w = new SyntheticWearer(FS, 0).stand(4).walk(15, gait()).fall(85, 8)
                .tiltTo(0, 0, 2).walk(10, gait());
        Log log = run(w);
        assertEquals(1, log.count(AlertKind.FALL), log.alerts.toString());
        AlertEvent f = log.alerts.stream().filter(a -> a.kind() == AlertKind.FALL).findFirst().orElseThrow();
        assertTrue(Math.abs(f.t() - 19.75) < 0.3, f.toString());
        assertTrue(f.at() - f.t() < 4, f.toString());
        assertEquals(1, log.cleared.size());
        double up = 19 + 0.78 + 8;
        assertTrue(log.cleared.get(0) > up && log.cleared.get(0) < up + 5, log.cleared.toString());
        // nothing else while the alarm played
        for (AlertEvent a : log.alerts) {
            if (a.kind() != AlertKind.FALL) assertFalse(a.at() > f.at() && a.at() < log.cleared.get(0), a.toString());
        }
    }

    @Test
    void fallAlarmStopsAfterAlarmSecondsWhenNobodyGetsUp() {
        SyntheticWearer w = new SyntheticWearer(FS, 0).stand(4).walk(10, gait()).fall(90, 40);
        Log log = run(w, CoachSettings.builder().fallAlarmS(20).build());
        assertEquals(1, log.count(AlertKind.FALL));
        assertEquals(1, log.cleared.size());
        AlertEvent f = log.alerts.get(log.alerts.size() - 1);
        assertEquals(f.at() + 20, log.cleared.get(0), 0.02, log.alerts.toString());
    }

    @Test
    void lyingDownSlowlyIsNotAFall() {
        Log log = run(new SyntheticWearer(FS, 0).stand(4).tiltTo(85, 0, 3).stand(10));
        assertEquals(0, log.count(AlertKind.FALL), log.alerts.toString());
    }

    @Test
    void fastBackwardCadenceIsACadenceAlert() {
        Log fast = run(new SyntheticWearer(FS, 0).stand(4).walk(30, gait().spm(125)));
        assertEquals(1, fast.count(AlertKind.CADENCE), fast.alerts.toString());
        // step times varying by a quarter (SD); at 0.3 some steps land so close that their impacts
        // add up to a stumble-sized jolt, which the stumble alert then rightly takes first
        Log uneven = run(new SyntheticWearer(FS, 0).stand(4).walk(30, gait().spm(80).jitter(0.25)));
        assertTrue(uneven.count(AlertKind.CADENCE) >= 1, uneven.alerts.toString());
        Log forwardFast = run(new SyntheticWearer(FS, 0).stand(4)
                .walk(30, gait().spm(125).direction(org.backstep.event.Direction.FORWARD)));
        assertEquals(0, forwardFast.count(AlertKind.CADENCE), forwardFast.alerts.toString());
    }

    @Test
    void summaryCountsAlertsAndGoodFormMinutes() {
        SyntheticWearer w = new SyntheticWearer(FS, 0).stand(4).walk(60, gait()).walk(20, gait().lean(25)).walk(40, gait());
        Log log = new Log();
        Coach c = new Coach(CoachSettings.defaults(), Axis.MINUS_Z, FS, log);
        w.replay(c);
        FormSummary s = c.summary();
        assertEquals(1, s.count(AlertKind.POSTURE));
        assertEquals(0, s.count(AlertKind.FALL));
        assertEquals(2.0, s.walkingMinutes(), 0.1);
        // the lapse is active from the alert until the lean is corrected: about 20 s - dwell
        assertEquals(s.walkingMinutes() - 17.0 / 60, s.goodFormMinutes(), 0.06);
    }

    @Test
    void disabledKindIsSilentButCounted() {
        SyntheticWearer w = new SyntheticWearer(FS, 0).stand(4).walk(25, gait()).walk(8, gait().lean(25)).walk(5, gait());
        Log log = new Log();
        Coach c = new Coach(CoachSettings.builder().enabled(AlertKind.POSTURE, false).build(), Axis.MINUS_Z, FS, log);
        w.replay(c);
        assertEquals(0, log.alerts.size());
        assertEquals(1, c.summary().detected().get(AlertKind.POSTURE));
    }
}
