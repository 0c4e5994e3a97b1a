package org.backstep.sim;

import java.util.List;

/** Small measurement helpers for the simulator tests. */
final class GaitSimSupport {
    static final double G = 9.81;

    private GaitSimSupport() {
    }

    /** Mean of sensor accel axis {@code axis} over samples with {@code t0 <= t < t1}. */
    static double meanAccel(Simulation sim, int axis, double t0, double t1) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < sim.size(); i++) {
            double t = sim.t(i);
            if (t >= t0 && t < t1) {
                s += sim.accel(i, axis);
                n++;
            }
        }
        if (n == 0) throw new AssertionError("no samples in " + t0 + ".." + t1);
        return s / n;
    }

    static double meanNorm(Simulation sim, double t0, double t1) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < sim.size(); i++) {
            double t = sim.t(i);
            if (t >= t0 && t < t1) {
                s += Math.sqrt(sq(sim.accel(i, 0)) + sq(sim.accel(i, 1)) + sq(sim.accel(i, 2)));
                n++;
            }
        }
        return s / n;
    }

    static double norm(Simulation sim, int i) {
        return Math.sqrt(sq(sim.accel(i, 0)) + sq(sim.accel(i, 1)) + sq(sim.accel(i, 2)));
    }

    static double sq(double x) {
        return x * x;
    }

    /**
     * Phase-binned mean of {@code value(i)} over steps {@code from..to-1} (phase 0 at contact, 1 at
     * the next contact).
     */
    static double[] phaseProfile(Simulation sim, List<TrueStep> steps, int from, int to, int bins,
            java.util.function.IntToDoubleFunction value) {
        double[] sum = new double[bins];
        int[] cnt = new int[bins];
        int i = 0;
        for (int s = from; s < to; s++) {
            double t0 = steps.get(s).time();
            double t1 = steps.get(s + 1).time();
            while (i < sim.size() && sim.t(i) < t0) i++;
            for (int j = i; j < sim.size() && sim.t(j) < t1; j++) {
                int b = (int) ((sim.t(j) - t0) / (t1 - t0) * bins);
                sum[b] += value.applyAsDouble(j);
                cnt[b]++;
            }
        }
        for (int b = 0; b < bins; b++) sum[b] /= Math.max(1, cnt[b]);
        return sum;
    }

    static int argmax(double[] v) {
        int k = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[k]) k = i;
        return k;
    }

    static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += v[i];
        return s / (to - from);
    }
}
