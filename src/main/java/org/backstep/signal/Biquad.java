package org.backstep.signal;

/**
 * A second-order section in transposed direct form II. Coefficients are normalised ({@code a0 = 1}):
 * {@code y = b0 x + b1 x[-1] + b2 x[-2] - a1 y[-1] - a2 y[-2]}. A first-order section has
 * {@code b2 = a2 = 0}.
 */
public final class Biquad implements Filter {
    final double b0, b1, b2, a1, a2;     // read by Cascade, which computes its first two sections itself
    private double s1, s2;

    public Biquad(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
    }

    @Override
    public double filter(double x) {
        double y = b0 * x + s1;
        s1 = b1 * x - a1 * y + s2;
        s2 = b2 * x - a2 * y;
        return y;
    }

    @Override
    public void reset() {
        s1 = 0;
        s2 = 0;
    }

    @Override
    public void resetTo(double x) {
        double y = dcGain() * x;
        s2 = b2 * x - a2 * y;
        s1 = b1 * x - a1 * y + s2;
    }

    /** Gain at 0 Hz. */
    public double dcGain() {
        return (b0 + b1 + b2) / (1 + a1 + a2);
    }

    /** Coefficients {b0, b1, b2, 1, a1, a2}, in the order of scipy's second-order sections. */
    public double[] sos() {
        return new double[] {b0, b1, b2, 1, a1, a2};
    }
}
