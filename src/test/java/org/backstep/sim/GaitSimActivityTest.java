package org.backstep.sim;

import static org.backstep.sim.GaitSimSupport.G;
import static org.backstep.sim.GaitSimSupport.meanAccel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.backstep.recording.Recording;
import org.backstep.recording.RecordingReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Non-walking activities and the recording tool. */
class GaitSimActivityTest {

    @Test
    void sittingKeepsTheTrunkRoughlyUprightAndStandingUpReturns() {
        Simulation sim = Scenario.builder(3).mounting(Axis.MINUS_Z, 0).stand(3).sitDown().sit(6).standUp().stand(3).build().run();
        Interval sit = sim.truth().intervals(Interval.Kind.SIT).get(0);
        double up = meanAccel(sim, 0, sit.start() + 1, sit.end() - 1);
        assertTrue(up > 0.98 * G * Math.cos(Math.toRadians(10)), "up while sitting " + up);
        assertEquals(G, meanAccel(sim, 0, sim.duration() - 2, sim.duration()), 0.1);
        // standing up pitches the trunk forward by tens of degrees for a moment
        Interval rise = sim.truth().intervals(Interval.Kind.STAND_UP).get(0);
        double maxPitch = 0;
        for (int i = 0; i < sim.size(); i++) if (rise.contains(sim.t(i))) maxPitch = Math.max(maxPitch, sim.truePitchDeg(i));
        assertTrue(maxPitch > 25, "pitch while standing up " + maxPitch);
    }

    @Test
    void bendingOverPitchesFarForwardWithoutSteps() {
        Simulation sim = Scenario.builder(3).stand(2).bendOver().stand(1).kneeBendStanding().stand(2).build().run();
        Interval bend = sim.truth().intervals(Interval.Kind.BEND).get(0);
        Interval squat = sim.truth().intervals(Interval.Kind.SQUAT).get(0);
        assertTrue(sim.truePitchDeg((int) (bend.mark() * sim.rateHz())) > 50);
        double squatPitch = sim.truePitchDeg((int) (squat.mark() * sim.rateHz()));
        assertTrue(squatPitch > 8 && squatPitch < 25, "squat pitch " + squatPitch);
        assertTrue(sim.truth().steps().isEmpty());
    }

    @Test
    void vehicleVibrationIsBroadbandAroundHalfToOneMetrePerSecondSquared() {
        Simulation sim = Scenario.builder(3).mounting(Axis.MINUS_Z, 0).ideal().stand(1).carIn().vibration(20).carOut().stand(1)
                .build().run();
        Interval v = sim.truth().intervals(Interval.Kind.VEHICLE).get(0);
        double m = meanAccel(sim, 0, v.start() + 1, v.end() - 1);
        double s = 0;
        int n = 0;
        int crossings = 0;
        double prev = 0;
        for (int i = 0; i < sim.size(); i++) {
            if (sim.t(i) > v.start() + 1 && sim.t(i) < v.end() - 1) {
                double d = sim.accel(i, 0) - m;
                s += d * d;
                n++;
                if (d * prev < 0) crossings++;
                prev = d;
            }
        }
        double rms = Math.sqrt(s / n);
        assertTrue(rms > 0.5 && rms < 1.0, "vertical vibration rms " + rms);
        double hz = crossings / 2.0 / (n / sim.rateHz());
        assertTrue(hz > 8 && hz < 30, "zero-crossing frequency " + hz);
        assertTrue(sim.truth().steps().isEmpty());
    }

    @Test
    void dailyLifeRunsAndEndsUpright() {
        Simulation sim = Scenarios.dailyLife(4).run();
        assertEquals(Scenarios.TILT_DEG, sim.mounting().tiltDeg());
        double up = meanAccel(sim, 0, sim.duration() - 2, sim.duration());
        assertEquals(G * Math.cos(Math.toRadians(Scenarios.TILT_DEG)), up, 0.15);
        assertTrue(sim.truth().steps().isEmpty());
    }

    @Test
    void getUpAfterAFallReturnsUpright() {
        Simulation sim = Scenario.builder(3).mounting(Axis.MINUS_Z, 0).stand(2).fall(FallKind.LEFT).lie(3).getUp().stand(3)
                .walk(Direction.FORWARD, 6, 100).stand(2).build().run();
        assertEquals(G, meanAccel(sim, 0, sim.duration() - 1.5, sim.duration()), 0.1);
        assertEquals(6 + 1, sim.truth().steps().size(), "six steps and the closing one");
    }

    @Test
    void recordingToolWritesAReadableFile(@TempDir Path dir) throws Exception {
        Simulation sim = Scenarios.backwardWalk(1).run();
        Path file = dir.resolve("backward.csv.gz");
        WriteRecording.write(sim, file, "backward");
        assertTrue(Files.size(file) > 1000);
        Recording r = RecordingReader.read(file);
        assertEquals(sim.size(), r.size());
        assertEquals(100, r.rateHz());
        assertEquals(Axis.MINUS_Z, r.forwardAxis());
        assertEquals("41", r.metadata().get("true_backward_steps"), "40 steps and the closing one");
        assertEquals(sim.accel(500, 0), r.ax()[500], 1e-4);
    }
}
