package org.backstep.sim;

import static org.backstep.sim.GaitSimSupport.G;
import static org.backstep.sim.GaitSimSupport.meanAccel;
import static org.backstep.sim.GaitSimSupport.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GaitSimFallTest {

    @ParameterizedTest
    @EnumSource(FallKind.class)
    void fallFromWalkingShowsFreeFallImpactAndRestOnAHorizontalAxis(FallKind kind) {
        check(Scenario.builder(21).mounting(Axis.MINUS_Z, 0).stand(3).walk(Direction.BACKWARD, 10, 85)
                .fall(kind).lie(8).build().run(), kind);
    }

    @ParameterizedTest
    @EnumSource(FallKind.class)
    void fallFromStandingToo(FallKind kind) {
        check(Scenarios.fallFromStanding(22, kind).run(), kind);
    }

    private static void check(Simulation sim, FallKind kind) {
        Interval fall = sim.truth().intervals(Interval.Kind.FALL).get(0);
        double impact = fall.mark();
        // near free fall: at least 0.2 s with |f| < 0.3 g in the second before the impact
        int longest = 0;
        int run = 0;
        for (int i = 0; i < sim.size(); i++) {
            if (sim.t(i) > impact - 1 && sim.t(i) < impact) {
                run = norm(sim, i) < 0.3 * G ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        assertTrue(longest / sim.rateHz() >= 0.2, kind + ": free fall only " + longest / sim.rateHz() + " s");
        // impact between 3 and 8 g near the marked instant
        double peak = 0;
        double peakT = 0;
        for (int i = 0; i < sim.size(); i++) {
            if (Math.abs(sim.t(i) - impact) < 0.3 && norm(sim, i) > peak) {
                peak = norm(sim, i);
                peakT = sim.t(i);
            }
        }
        assertTrue(peak > 3 * G && peak < 8 * G, kind + ": impact " + peak / G + " g");
        assertEquals(impact, peakT, 0.05);
        // lying still: gravity on a horizontal body axis, no rotation
        double t0 = sim.duration() - 5;
        double t1 = sim.duration();
        // body frame (forward, left, up) specific force of the lying pose, seen through the mounting
        double[] body = switch (kind) {
            case FORWARD -> new double[] {-G, 0, 0};  // prone: the front faces down
            case BACKWARD -> new double[] {G, 0, 0};  // supine: the back faces down
            case LEFT -> new double[] {0, -G, 0};     // left side down
            case RIGHT -> new double[] {0, G, 0};     // right side down
        };
        double[] expected = new double[3];
        sim.mounting().toSensor(body[0], body[1], body[2], expected);
        for (int a = 0; a < 3; a++) {
            assertEquals(expected[a], meanAccel(sim, a, t0, t1), 0.1, kind + ": axis " + a + " while lying");
        }
        Axis up = sim.upAxis();
        double tilt = Math.toRadians(sim.mounting().tiltDeg());
        assertTrue(Math.abs(meanAccel(sim, up.index(), t0, t1)) < G * Math.sin(Math.abs(tilt)) + 0.1,
                "gravity has left the upright up axis");
        for (int i = 0; i < sim.size(); i++) {
            if (sim.t(i) > t0) {
                for (int a = 0; a < 3; a++) assertEquals(0, sim.gyro(i, a), 0.05, "gyro while lying");
            }
        }
        assertTrue(sim.truth().intervals(Interval.Kind.LYING).size() >= 1);
    }
}
