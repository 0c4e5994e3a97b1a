package org.backstep.signal;

/**
 * One filter of one or two sections run on three or four signals at once: the gait engine band-passes
 * its vertical, forward and pitch-rate signals with the same filter, then high-passes four integrals
 * with another. Under the unit's C1 compiler a call costs about as much as a section's arithmetic, and
 * {@link Cascade#filter} is too large to be inlined: one call a sample instead of three or four.
 * Each channel is a {@link Cascade} of the same sections, with its arithmetic in its order (the same
 * bits). Configured once; {@link #filter} takes one sample of each channel without allocating, and
 * the outputs are read with {@link #y0} to {@link #y3}.
 */
public final class ParallelCascade {
    private final int channels;
    private final boolean two;
    // first section, then the second (zero coefficients when there is none)
    private final double b0, b1, b2, a1, a2;
    private final double c0, c1, c2, d1, d2;
    // per channel: the sections' states, then the output
    private double s10, s20, t10, t20, y0;
    private double s11, s21, t11, t21, y1;
    private double s12, s22, t12, t22, y2;
    private double s13, s23, t13, t23, y3;

    /**
     * @param filter   the filter each channel runs (one or two sections; its own state is not used)
     * @param channels 3 or 4
     */
    public ParallelCascade(Cascade filter, int channels) {
        if (channels != 3 && channels != 4) throw new IllegalArgumentException("3 or 4 channels, not " + channels);
        if (filter.sectionCount() > 2) throw new IllegalArgumentException("one or two sections, not " + filter.sectionCount());
        double[][] sos = filter.sos();   // b0 b1 b2 a0 a1 a2, a0 = 1
        this.channels = channels;
        this.two = sos.length == 2;
        b0 = sos[0][0];
        b1 = sos[0][1];
        b2 = sos[0][2];
        a1 = sos[0][4];
        a2 = sos[0][5];
        double[] g = two ? sos[1] : new double[6];
        c0 = g[0];
        c1 = g[1];
        c2 = g[2];
        d1 = g[4];
        d2 = g[5];
    }

    /** One sample of each channel; {@code x3} is ignored with three channels. */
    public void filter(double x0, double x1, double x2, double x3) {
        double b0 = this.b0, b1 = this.b1, b2 = this.b2, a1 = this.a1, a2 = this.a2;
        double y0 = b0 * x0 + s10;
        s10 = b1 * x0 - a1 * y0 + s20;
        s20 = b2 * x0 - a2 * y0;
        double y1 = b0 * x1 + s11;
        s11 = b1 * x1 - a1 * y1 + s21;
        s21 = b2 * x1 - a2 * y1;
        double y2 = b0 * x2 + s12;
        s12 = b1 * x2 - a1 * y2 + s22;
        s22 = b2 * x2 - a2 * y2;
        double y3 = 0;
        boolean four = channels == 4;
        if (four) {
            y3 = b0 * x3 + s13;
            s13 = b1 * x3 - a1 * y3 + s23;
            s23 = b2 * x3 - a2 * y3;
        }
        if (two) {
            double c0 = this.c0, c1 = this.c1, c2 = this.c2, d1 = this.d1, d2 = this.d2;
            double z = c0 * y0 + t10;
            t10 = c1 * y0 - d1 * z + t20;
            t20 = c2 * y0 - d2 * z;
            y0 = z;
            z = c0 * y1 + t11;
            t11 = c1 * y1 - d1 * z + t21;
            t21 = c2 * y1 - d2 * z;
            y1 = z;
            z = c0 * y2 + t12;
            t12 = c1 * y2 - d1 * z + t22;
            t22 = c2 * y2 - d2 * z;
            y2 = z;
            if (four) {
                z = c0 * y3 + t13;
                t13 = c1 * y3 - d1 * z + t23;
                t23 = c2 * y3 - d2 * z;
                y3 = z;
            }
        }
        this.y0 = y0;
        this.y1 = y1;
        this.y2 = y2;
        this.y3 = y3;
    }

    public double y0() { return y0; }

    public double y1() { return y1; }

    public double y2() { return y2; }

    public double y3() { return y3; }

    /** Back to rest, every channel. */
    public void reset() {
        s10 = s20 = t10 = t20 = y0 = 0;
        s11 = s21 = t11 = t21 = y1 = 0;
        s12 = s22 = t12 = t22 = y2 = 0;
        s13 = s23 = t13 = t23 = y3 = 0;
    }
}
