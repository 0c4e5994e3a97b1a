package org.backstep.coach;

import org.backstep.frame.Stillness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.backstep.core.Axis;
import org.backstep.event.AlertKind;
import org.backstep.sim.Population;
import org.backstep.sim.SensorModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stillness judged against the sensor's own noise floor, whatever the sampling rate. */
class StillnessTest {

    /** Standing with 1 to 4 times the MPU-6050's datasheet noise, at 100 and 200 Hz: still after the first blocks; a slow bend is not. */
    @ParameterizedTest
    @CsvSource({"100, 1", "100, 4", "200, 1", "200, 4"})
    void standingIsStillAtTheSensorsNoiseAndABendIsNot(double fs, double factor) {
        double sd = Population.sensorFor(fs, factor).accelNoise();
        Random r = new Random(7);
        Stillness s = new Stillness();
        int blocks = 0, steady = 0;
        for (int i = 0; i < (int) (20 * fs); i++) {
            double t = i / fs;
            s.update(t, 9.81 + sd * r.nextGaussian(), 0.01 * 0.01, 9.81);
            if (s.blockEnded() && t > 2) {
                blocks++;
                if (s.still()) steady++;
            }
        }
        assertTrue(steady >= 0.97 * blocks, fs + " Hz x" + factor + ": " + steady + " of " + blocks + " blocks still");
        assertTrue(s.noiseSd() < 1.2 * sd, "floor " + s.noiseSd() + " against noise " + sd);
        // a slow bend: the magnitude swings 0.8 m/s^2 at 1 Hz on top of the same noise; only a
        // block across a turning point (flat there) may look steady, never two in a row
        int moving = 0, ended = 0, run = 0, longest = 0;
        for (int i = 0; i < (int) (4 * fs); i++) {
            double t = 20 + i / fs;
            s.update(t, 9.81 + 0.8 * Math.sin(2 * Math.PI * t) + sd * r.nextGaussian(), 0.01 * 0.01, 9.81);
            if (s.blockEnded()) {
                ended++;
                if (!s.steady()) moving++;
                run = s.steady() ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        assertTrue(moving >= ended / 2 && longest <= 1, moving + " of " + ended + " bend blocks moving, " + longest + " steady in a row");
    }

    /** The whole coach on a noisy sensor (4x datasheet, 200 Hz): the upright reference is taken and a squat is a knee bend. */
    @ParameterizedTest
    @CsvSource({"200, 4", "100, 4", "200, 1"})
    void aNoisySensorTakesTheReferenceAndFindsASquat(double fs, double factor) {
        SensorModel m = Population.sensorFor(fs, factor);
        SyntheticWearer w = new SyntheticWearer(fs, 0).noise(m.accelNoise(), m.gyroNoise(), 11)
                .stand(5).squat(0.35, 2, 30, 1.0, 0).stand(4);
        CoachScenarioTest.Log log = new CoachScenarioTest.Log();
        w.replay(new Coach(CoachSettings.builder().cooldownS(0).build(), Axis.MINUS_Z, fs, log));
        assertEquals(1, log.refs.size(), "upright reference");
        assertEquals(1, log.count(AlertKind.KNEE), log.alerts.toString());
        assertEquals(0, log.count(AlertKind.POSTURE), log.alerts.toString());
    }

    /** Switched on during a jolt (the first sample reads 1.5 g or 0.6 g): gravity starts from standard gravity, not that sample. */
    @ParameterizedTest
    @CsvSource({"1.5", "0.6"})
    void gravityIsNotSeededFromAJoltedFirstSample(double firstG) {
        SyntheticWearer w = new SyntheticWearer(100, 0).stand(6);
        double[] first = w.samples().get(0);
        for (int i = 1; i <= 3; i++) first[i] *= firstG;
        CoachScenarioTest.Log log = CoachScenarioTest.run(w);
        assertEquals(1, log.refs.size(), "upright reference");
        assertTrue(log.refs.get(0) < 4, "reference at " + log.refs.get(0));
        assertFalse(log.alerts.stream().anyMatch(a -> a.kind() != AlertKind.CADENCE), log.alerts.toString());
    }
}
