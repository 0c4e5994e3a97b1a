package org.backstep.sim;

/**
 * A piecewise-constant signal whose jumps are replaced by smoothsteps of width {@code w} centred on
 * the breakpoints. Evaluate with non-decreasing times (a cursor makes it O(1) amortised).
 */
final class Stepwise {
    private final double[] b;
    private final double[] v;
    private final double half;
    private int p;

    /** @param breaks increasing breakpoints; @param values {@code breaks.length + 1} values; @param width transition width */
    Stepwise(double[] breaks, double[] values, double width) {
        if (values.length != breaks.length + 1) throw new IllegalArgumentException("need breaks+1 values");
        this.b = breaks;
        this.v = values;
        this.half = Math.max(width, 1e-6) / 2;
    }

    double at(double t) {
        while (p < b.length && b[p] + half <= t) p++;
        double val = v[p];
        for (int k = p; k < b.length && b[k] - half < t; k++) {
            val += (v[k + 1] - v[k]) * Smooth.step((t - b[k] + half) / (2 * half));
        }
        return val;
    }
}
