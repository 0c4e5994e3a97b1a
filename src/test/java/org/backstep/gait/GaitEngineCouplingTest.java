package org.backstep.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.junit.jupiter.api.Test;

/**
 * The braking coupling is the correlation of AP acceleration with vertical velocity. A walker whose
 * coupling is weak (here 0.2, no trunk pitch to help) must still get the right direction: the
 * filters that make vertical velocity must not shift its phase against the AP signal, or a weak
 * coupling of one sign reads as the other.
 */
class GaitEngineCouplingTest {
    private static final double G = 9.80665;
    private static final double RATE = 100;
    private static final double STEP_HZ = 1.8;

    /**
     * Body frame = sensor frame (+x forward, +z up). Vertical acceleration 2 sin(wt); AP
     * acceleration 1.5 cos(wt + psi) with psi chosen so that its correlation with the vertical
     * velocity -(2/w) cos(wt) is {@code coupling}.
     */
    private static GaitEngineSimTest.Run walk(double coupling) {
        return gait(coupling, 2, STEP_HZ);
    }

    /** The same with a vertical amplitude {@code verticalAmp} (m/s^2) at {@code stepHz}. */
    private static GaitEngineSimTest.Run gait(double coupling, double verticalAmp, double stepHz) {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        GaitEngine g = new GaitEngine(GaitSettings.builder(RATE).forwardAxis(Axis.PLUS_X).build(), run);
        double w = 2 * Math.PI * stepHz, psi = Math.acos(-coupling);
        for (int i = 0; i < 16 * RATE; i++) {
            double t = i / RATE;
            boolean walking = t >= 2 && t < 14;
            double av = walking ? verticalAmp * Math.sin(w * t) : 0;
            double ap = walking ? 1.5 * Math.cos(w * t + psi) : 0;
            double lat = walking ? 0.8 * Math.sin(w / 2 * t) : 0;  // sway to the stance side, once a stride
            g.sample(t, ap, lat, G + av, 0, 0, 0);
        }
        g.finish(16);
        return run;
    }

    @Test
    void aWeakCouplingStillGivesTheDirection() {
        for (double c : new double[] {0.2, -0.2, 0.5, -0.5}) {
            GaitEngineSimTest.Run r = walk(c);
            Direction expected = c > 0 ? Direction.BACKWARD : Direction.FORWARD;
            assertTrue(r.steps.size() >= 18, c + ": " + r.steps.size() + " steps");
            assertEquals(r.steps.size(), r.count(expected), "coupling " + c + " is " + expected);
        }
    }

    @Test
    void aRunIsASpringNotAPendulumSoItsCouplingSignIsTheOpposite() {
        // Jogging at 160 steps per minute: the pelvis leaves the ground (specific force below 0 g)
        // and is lowest and slowest at mid-stance, so forward running couples like backward walking.
        GaitEngineSimTest.Run run = gait(0.5, 12, 2.7);
        assertTrue(run.steps.size() >= 25, run.steps.size() + " steps");
        assertEquals(run.steps.size(), run.count(Direction.FORWARD), "a forward jog is not backward walking");
        GaitEngineSimTest.Run walk = gait(0.5, 3, 1.8);
        assertEquals(walk.steps.size(), walk.count(Direction.BACKWARD), "the same coupling walking is backward");
    }
}
