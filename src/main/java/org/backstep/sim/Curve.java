package org.backstep.sim;

/**
 * A keyframed curve: cubic Hermite through {@code (t_k, v_k)} with Catmull-Rom slopes and zero
 * slope at the first and last key (so motions start and stop at rest). Constant outside.
 */
final class Curve {
    private final double[] t;
    private final double[] v;
    private final double[] m;

    private Curve(double[] t, double[] v) {
        this.t = t;
        this.v = v;
        int n = t.length;
        this.m = new double[n];
        for (int k = 1; k < n - 1; k++) {
            m[k] = (v[k + 1] - v[k - 1]) / (t[k + 1] - t[k - 1]);
            // keep plateaus flat and avoid overshoot at local extrema
            if ((v[k] - v[k - 1]) * (v[k + 1] - v[k]) <= 0) m[k] = 0;
        }
    }

    /** Keys as alternating time, value: {@code of(0, 0, 1.2, 30, 2.0, 0)}; times strictly increasing, first 0. */
    static Curve of(double... tv) {
        if (tv.length < 4 || tv.length % 2 != 0) throw new IllegalArgumentException("need pairs of time, value");
        int n = tv.length / 2;
        double[] t = new double[n];
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = tv[2 * k];
            v[k] = tv[2 * k + 1];
            if (k > 0 && !(t[k] > t[k - 1])) throw new IllegalArgumentException("key times must increase");
        }
        return new Curve(t, v);
    }

    double end() {
        return t[t.length - 1];
    }

    double last() {
        return v[v.length - 1];
    }

    double at(double x) {
        if (x <= t[0]) return v[0];
        int n = t.length;
        if (x >= t[n - 1]) return v[n - 1];
        int k = 0;
        while (x > t[k + 1]) k++;
        double h = t[k + 1] - t[k];
        double s = (x - t[k]) / h;
        double s2 = s * s;
        double s3 = s2 * s;
        return (2 * s3 - 3 * s2 + 1) * v[k] + (s3 - 2 * s2 + s) * h * m[k]
                + (-2 * s3 + 3 * s2) * v[k + 1] + (s3 - s2) * h * m[k + 1];
    }
}
