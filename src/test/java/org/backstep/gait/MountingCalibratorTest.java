package org.backstep.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.backstep.sim.Mounting;
import org.backstep.sim.Scenario;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MountingCalibratorTest {
    private static org.backstep.gait.Mounting learn(Simulation sim) {
        MountingCalibrator c = new MountingCalibrator(sim.rateHz());
        sim.play(c);
        return c.result();
    }

    private static double angleDeg(double[] a, double[] b) {
        double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot))));
    }

    @ParameterizedTest
    @EnumSource(Axis.class)
    void learnsTheFrontFromTenForwardStepsWhateverTheMounting(Axis forward) {
        Mounting m = new Mounting(forward, 30, 20);
        Simulation sim = Scenario.builder(21).rateHz(100).mounting(m).stand(5).walk(Direction.FORWARD, 12, 105).stand(2).build().run();
        double[] truth = new double[3];
        m.toSensor(1, 0, 0, truth);
        org.backstep.gait.Mounting learned = learn(sim);
        assertNotNull(learned, "a usable estimate");
        assertTrue(angleDeg(learned.forward(), truth) < 12, forward + ": " + learned + " vs true " + java.util.Arrays.toString(truth));
        assertEquals(forward, learned.nearestAxis(), "20 deg of yaw still snaps to the right axis");
        assertTrue(learned.steps() >= 10);
    }

    @Test
    void standingStillLearnsNothing() {
        assertNull(learn(Scenarios.standingSway(5).run()));
    }

    @Test
    void aCalibratedFrontDrivesTheGaitEngine() {
        Mounting m = new Mounting(Axis.PLUS_Y, 25, 35);
        Simulation calib = Scenario.builder(22).rateHz(100).mounting(m).stand(5).walk(Direction.FORWARD, 12, 105).stand(2).build().run();
        org.backstep.gait.Mounting learned = learn(calib);
        Simulation walk = Scenario.builder(23).rateHz(100).mounting(m).stand(5).walk(Direction.BACKWARD, 40, 85).stand(3).build().run();
        GaitEngineSimTest.Run r = new GaitEngineSimTest.Run();
        GaitEngine g = new GaitEngine(GaitSettings.builder(100).forward(learned.forward()).build(), r);
        walk.play(g);
        g.finish(walk.duration());
        assertTrue(r.count(Direction.BACKWARD) >= 38, "backward " + r.count(Direction.BACKWARD));
        assertEquals(0, r.count(Direction.FORWARD));
    }
}
