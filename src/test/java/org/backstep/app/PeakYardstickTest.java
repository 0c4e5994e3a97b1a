package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Simulation;
import org.junit.jupiter.api.Test;

class PeakYardstickTest {
    private static long count(double[] t, double[] ax, double[] ay, double[] az, int rate) {
        PeakYardstick y = new PeakYardstick(rate);
        for (int i = 0; i < t.length; i++) y.sample(t[i], ax[i], ay[i], az[i], 0, 0, 0);
        return y.steps();
    }

    @Test
    void countsTheDemoWalksStepsWithinTenPercent() {
        Simulation sim = Scenarios.demo(42, 100, Axis.MINUS_Z).run();
        long truth = sim.truth().count(Direction.FORWARD) + sim.truth().count(Direction.BACKWARD);
        long got = count(sim.t(), sim.ax(), sim.ay(), sim.az(), 100);
        assertTrue(Math.abs(got - truth) <= truth / 10, got + " steps counted, " + truth + " true");
    }

    @Test
    void standingStillIsNoStep() {
        int n = 3000;
        double[] t = new double[n], x = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 0.01;
            z[i] = 9.81 + 0.05 * Math.sin(i * 0.7);
        }
        assertEquals(0, count(t, x, x, z, 100));
    }
}
