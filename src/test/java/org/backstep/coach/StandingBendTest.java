package org.backstep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backstep.event.AlertKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Squats against bends from the hips, through the whole coach, on what the pelvis does at the deepest point. */
class StandingBendTest {
    static final double FS = 100;

    private static CoachScenarioTest.Log run(SyntheticWearer w) {
        return CoachScenarioTest.run(w);
    }

    /** People lean their trunk 30 to 45 degrees to balance a squat: it stays a knee bend, never a stoop. */
    @ParameterizedTest
    @ValueSource(doubles = {0, 15, 30, 45})
    void aSquatIsAKneeBendHoweverFarTheTrunkLeans(double lean) {
        CoachScenarioTest.Log log = run(new SyntheticWearer(FS, 10).stand(4).squat(0.35, 2, lean, 1.0, 0).stand(4));
        assertEquals(1, log.count(AlertKind.KNEE), lean + ": " + log.alerts);
        assertEquals(0, log.count(AlertKind.POSTURE), lean + ": " + log.alerts);
    }

    /** Slow (2 s down) and shaky (a tremor at the bottom) squatters. */
    @ParameterizedTest
    @CsvSource({"2.0, 0, 15", "1.5, 0.8, 40", "2.0, 1.5, 20"})
    void slowAndShakySquattersAreKneeBends(double downS, double tremor, double lean) {
        CoachScenarioTest.Log log = run(new SyntheticWearer(FS, 0).stand(4).squat(0.40, 3, lean, downS, tremor).stand(4));
        assertEquals(1, log.count(AlertKind.KNEE), log.alerts.toString());
        assertEquals(0, log.count(AlertKind.POSTURE), log.alerts.toString());
    }

    /**
     * An accelerometer that reads gravity 5% lower once tilted (SisFall D15 SA02: 10.08 m/s^2
     * upright, 9.6 at the bottom of a squat leaning 36 degrees): integrated, the descent runs away
     * by metres while the wearer holds still at the bottom. The hold itself is the deepest point.
     */
    @ParameterizedTest
    @CsvSource({"36, 1.0", "-36, 1.0", "30, 0.6", "15, 0.8"})
    void aSquatIsFoundWhereTheTiltedAccelerometerReadsLessGravity(double lean, double holdS) {
        // x up (2.8% high: 10.08 m/s^2 upright); z, which takes gravity as the trunk tilts, 0.7 m/s^2 low
        SyntheticWearer w = new SyntheticWearer(FS, 0).accelError(1.028, 1, 1, 0, 0, -Math.signum(lean) * 0.7)
                .stand(4).squat(0.30, holdS, lean, 1.5, 0).stand(4);
        CoachScenarioTest.Log log = run(w);
        assertEquals(1, log.count(AlertKind.KNEE), lean + ": " + log.alerts);
        assertEquals(0, log.count(AlertKind.POSTURE), lean + ": " + log.alerts);
    }

    /** The same miscalibrated accelerometer on a hip bend: the hold at the bottom is no squat. */
    @ParameterizedTest
    @ValueSource(doubles = {40, 70})
    void aHipBendStaysPostureWhereTheTiltedAccelerometerReadsLessGravity(double lean) {
        SyntheticWearer w = new SyntheticWearer(FS, 0).accelError(1.028, 1, 1, 0, 0, -0.7)
                .stand(4).hinge(lean, 0.15, 1.5, 3).stand(4);
        CoachScenarioTest.Log log = run(w);
        assertEquals(1, log.count(AlertKind.POSTURE), lean + ": " + log.alerts);
        assertEquals(0, log.count(AlertKind.KNEE), lean + ": " + log.alerts);
    }

    /** A deep bend from the hips (a flexible wearer goes past 90 degrees) is a stoop, not a lying wearer nor a squat. */
    @ParameterizedTest
    @CsvSource({"40, 0.15", "70, 0.15", "100, 0.10", "110, 0.15"})
    void deepHipBendsArePosture(double lean, double radius) {
        CoachScenarioTest.Log log = run(new SyntheticWearer(FS, 0).stand(4).hinge(lean, radius, 1.5, 3).stand(4));
        assertEquals(1, log.count(AlertKind.POSTURE), lean + ": " + log.alerts);
        assertEquals(0, log.count(AlertKind.KNEE), lean + ": " + log.alerts);
    }

    /** Switched on mid-movement: the first samples are no reference, and a squat soon after still counts. */
    @Test
    void movementAtPowerUpThenAnEarlySquat() {
        SyntheticWearer w = new SyntheticWearer(FS, 0).tiltTo(25, 5, 0.6).tiltTo(0, 0, 0.6).stand(1.2)
                .squat(0.35, 2, 30, 1.0, 0).stand(4);
        CoachScenarioTest.Log log = run(w);
        assertEquals(1, log.count(AlertKind.KNEE), log.alerts.toString());
        assertEquals(0, log.count(AlertKind.POSTURE), log.alerts.toString());
    }

    /** Sitting down (a pelvis 45 cm lower) then leaning forward in the chair is not a standing stoop. */
    @Test
    void leaningForwardSeatedIsNotAStoop() {
        SyntheticWearer w = new SyntheticWearer(FS, 0).stand(4).descend(0.45, 10, 1.2).stand(2);
        CoachScenarioTest.Log log = run(w.tiltTo(35, 0, 1).stand(4).tiltTo(5, 0, 1).stand(2));
        assertEquals(0, log.count(AlertKind.POSTURE), log.alerts.toString());
    }
}
