package org.backstep.app;

import org.backstep.hw.sim.SampleSource;
import org.backstep.sim.Simulation;

/** Feeds the simulated chip from a gait simulation, sampled at the chip's own times; ends with it. */
final class SimulationSource implements SampleSource {
    private final Simulation sim;
    private final double[] row = new double[7];

    SimulationSource(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public boolean next(double t, double[] out) {
        if (t > sim.duration()) return false;
        sim.interpolate(t, row);
        System.arraycopy(row, 1, out, 0, 6);
        return true;
    }
}
