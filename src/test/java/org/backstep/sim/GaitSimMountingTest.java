package org.backstep.sim;

import static org.backstep.sim.GaitSimSupport.G;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GaitSimMountingTest {

    @Test
    void conventionForEveryForwardAxis() {
        assertEquals(Axis.PLUS_Z, new Mounting(Axis.PLUS_X, 0, 0).up());
        assertEquals(Axis.PLUS_Y, new Mounting(Axis.PLUS_X, 0, 0).left());
        assertEquals(Axis.PLUS_X, new Mounting(Axis.MINUS_Z, 0, 0).up());
        assertEquals(Axis.PLUS_Y, new Mounting(Axis.MINUS_Z, 0, 0).left());
        assertEquals(Axis.PLUS_X, new Mounting(Axis.PLUS_Z, 0, 0).up());
        assertEquals(Axis.MINUS_Y, new Mounting(Axis.PLUS_Z, 0, 0).left());
        assertEquals(Axis.PLUS_Z, new Mounting(Axis.MINUS_X, 0, 0).up());
        assertEquals(Axis.MINUS_Y, new Mounting(Axis.MINUS_X, 0, 0).left());
        assertEquals(Axis.PLUS_Z, new Mounting(Axis.PLUS_Y, 0, 0).up());
        assertEquals(Axis.MINUS_X, new Mounting(Axis.PLUS_Y, 0, 0).left());
    }

    @Test
    void tiltPutsGravityPartlyOnTheForwardAxis() {
        Mounting m = new Mounting(Axis.MINUS_Z, 30, 0);
        double[] s = new double[3];
        m.toSensor(0, 0, G, s); // at rest, body frame specific force is +g up
        assertEquals(G * Math.cos(Math.toRadians(30)), s[0], 1e-9);      // up = +x
        assertEquals(0, s[1], 1e-9);
        assertEquals(G * Math.sin(Math.toRadians(30)), s[2], 1e-9);      // forward = -z reads -g sin 30
        m.toSensor(1, 0, 0, s); // body forward
        assertEquals(-Math.cos(Math.toRadians(30)), s[2], 1e-9);
    }

    @ParameterizedTest
    @EnumSource(Axis.class)
    void mountingRotationPreservesNorms(Axis forward) {
        Scenario.Builder a = Scenario.builder(5).ideal().mounting(Axis.PLUS_X, 0);
        Scenario.Builder b = Scenario.builder(5).ideal().mounting(forward, -35).mountingYaw(7);
        Simulation ref = a.stand(1).walk(Direction.BACKWARD, 8, 85).turn(90).build().run();
        Simulation sim = b.stand(1).walk(Direction.BACKWARD, 8, 85).turn(90).build().run();
        for (int i = 0; i < sim.size(); i++) {
            assertEquals(GaitSimSupport.norm(ref, i), GaitSimSupport.norm(sim, i), 1e-9);
            double gr = Math.hypot(Math.hypot(ref.gyro(i, 0), ref.gyro(i, 1)), ref.gyro(i, 2));
            double gs = Math.hypot(Math.hypot(sim.gyro(i, 0), sim.gyro(i, 1)), sim.gyro(i, 2));
            assertEquals(gr, gs, 1e-9);
        }
    }

    @Test
    void turningLeftIsPositiveRateAboutUp() {
        Simulation sim = Scenario.builder(5).ideal().mounting(Axis.MINUS_Z, 0).stand(1).turn(90).stand(1).build().run();
        double integral = 0;
        for (int i = 0; i < sim.size(); i++) integral += sim.gyro(i, 0) / sim.rateHz(); // up = +x
        assertEquals(Math.PI / 2, integral, 0.01);
    }

    @Test
    void turningWhileWalkingChangesHeadingByTheScriptedAngle() {
        Simulation sim = Scenario.builder(5).ideal().mounting(Axis.MINUS_Z, 0).stand(1)
                .walk(Walk.of(Direction.FORWARD, 16, 100).turn(-90)).stand(1).build().run();
        double integral = 0;
        for (int i = 0; i < sim.size(); i++) integral += sim.gyro(i, 0) / sim.rateHz();
        assertEquals(-Math.PI / 2, integral, 0.02);
        assertEquals(16 + 1, sim.truth().steps().size(), "16 steps and the closing one");
    }

    @Test
    void quantizationClipsAtFullScale() {
        Simulation sim = Scenario.builder(5).sensor(SensorModel.DEFAULT.quantized(4, 500)).mounting(Axis.MINUS_Z, 0)
                .stand(2).fall(FallKind.FORWARD).lie(2).build().run();
        double lsb = 4 * G / 32768;
        double max = 0;
        for (int i = 0; i < sim.size(); i++) {
            for (int a = 0; a < 3; a++) {
                double v = sim.accel(i, a);
                assertEquals(0, Math.abs(v / lsb - Math.rint(v / lsb)), 1e-6);
                max = Math.max(max, Math.abs(v));
            }
        }
        assertEquals(4 * G, max, 2 * lsb); // the impact saturates a +-4 g range
    }
}
