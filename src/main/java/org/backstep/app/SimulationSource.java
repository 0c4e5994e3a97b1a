package org.backstep.app;

import org.backstep.hw.sim.SampleSource;
import org.backstep.sim.Simulation;
import org.backstep.sim.SimulationStream;

/**
 * Feeds the simulated chip from a gait simulation streamed as the chip reads it, sampled at the
 * chip's own times by linear interpolation between the two samples around it (the arithmetic of
 * {@link org.backstep.sim.Simulation#interpolate}); ends with the walk. The chip's times never go
 * back, so two samples are all it keeps.
 */
final class SimulationSource implements SampleSource {
    /** The walk's samples in order, as {@link SimulationStream#next} and {@link Simulation#cursor()} give them. */
    private interface Pull {
        boolean next(double[] out7);
    }

    private final Pull sim;
    private final int size;
    private final double rateHz;
    private final double duration;
    private double[] a = new double[7];
    private double[] b = new double[7];
    /** The index of the sample in {@link #b}; {@link #a} holds the one before. */
    private int inB = -1;

    SimulationSource(SimulationStream sim) {
        this(sim::next, sim.size(), sim.rateHz(), sim.duration());
    }

    /** A walk rendered whole (tests that also look at its samples). */
    SimulationSource(Simulation sim) {
        this(sim.cursor()::next, sim.size(), sim.rateHz(), sim.duration());
    }

    private SimulationSource(Pull sim, int size, double rateHz, double duration) {
        this.sim = sim;
        this.size = size;
        this.rateHz = rateHz;
        this.duration = duration;
    }

    @Override
    public boolean next(double t, double[] out) {
        if (t > duration) return false;
        int n = size;
        double x = Math.max(0, Math.min(t * rateHz, n - 1));
        if (n == 1) {
            advanceTo(0);
            System.arraycopy(b, 1, out, 0, 6);
            return true;
        }
        int i = Math.min((int) x, n - 2);
        double f = x - i;
        advanceTo(i + 1);
        if (inB - 1 != i) throw new IllegalStateException("the chip's time went back to " + t + " s");
        for (int k = 0; k < 6; k++) out[k] = a[k + 1] + f * (b[k + 1] - a[k + 1]);
        return true;
    }

    private void advanceTo(int index) {
        while (inB < index) {
            double[] s = a;
            a = b;
            b = s;
            if (!sim.next(b)) throw new IllegalStateException("the walk ended before sample " + index);
            inB++;
        }
    }
}
