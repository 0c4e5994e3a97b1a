package org.backstep.sim;

/** Pulls a simulation's samples one at a time without allocating; not thread-safe. */
public final class SampleCursor {
    private final Simulation sim;
    private int next;

    SampleCursor(Simulation sim) {
        this.sim = sim;
    }

    /** Writes the next sample as {@code t, ax, ay, az, gx, gy, gz} into {@code out7}; false at the end. */
    public boolean next(double[] out7) {
        if (next >= sim.size()) return false;
        sim.get(next++, out7);
        return true;
    }

    public boolean hasNext() {
        return next < sim.size();
    }

    /** Index of the sample the next call returns. */
    public int position() {
        return next;
    }

    public void reset() {
        next = 0;
    }
}
