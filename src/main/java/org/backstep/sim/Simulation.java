package org.backstep.sim;

import org.backstep.core.Axis;
import org.backstep.core.ImuSink;

/**
 * The result of {@link Scenario#run()}: IMU samples in the sensor frame (SI units, as the
 * {@link ImuSink} contract says) at a fixed rate from {@code t = 0}, plus ground truth.
 */
public final class Simulation {
    private final Scenario scenario;
    private final double[] t;
    private final double[][] v; // ax ay az gx gy gz
    private final double[] pitchDeg;
    private final Truth truth;

    Simulation(Scenario scenario, double[] t, double[][] v, double[] pitchDeg, Truth truth) {
        this.scenario = scenario;
        this.t = t;
        this.v = v;
        this.pitchDeg = pitchDeg;
        this.truth = truth;
    }

    public Scenario scenario() { return scenario; }

    public int size() { return t.length; }

    public double rateHz() { return scenario.rateHz(); }

    /** Duration in seconds (time of the last sample). */
    public double duration() { return t.length == 0 ? 0 : t[t.length - 1]; }

    public Axis forwardAxis() { return scenario.mounting().forward(); }

    public Axis upAxis() { return scenario.mounting().up(); }

    public Mounting mounting() { return scenario.mounting(); }

    public Truth truth() { return truth; }

    public double t(int i) { return t[i]; }

    /** Specific force on sensor axis {@code axis} (0 x, 1 y, 2 z) at sample {@code i}, m/s^2. */
    public double accel(int i, int axis) { return v[axis][i]; }

    /** Angular rate about sensor axis {@code axis} at sample {@code i}, rad/s. */
    public double gyro(int i, int axis) { return v[3 + axis][i]; }

    /** Copies of the sample columns. */
    public double[] t() { return t.clone(); }

    public double[] ax() { return v[0].clone(); }

    public double[] ay() { return v[1].clone(); }

    public double[] az() { return v[2].clone(); }

    public double[] gx() { return v[3].clone(); }

    public double[] gy() { return v[4].clone(); }

    public double[] gz() { return v[5].clone(); }

    /** True pelvis pitch in degrees at each sample (positive = forward), gait oscillation included. */
    public double truePitchDeg(int i) { return pitchDeg[i]; }

    /** Sample {@code i} as {@code t, ax, ay, az, gx, gy, gz}. */
    public void get(int i, double[] out7) {
        out7[0] = t[i];
        for (int k = 0; k < 6; k++) out7[k + 1] = v[k][i];
    }

    /**
     * The signal at an arbitrary time {@code t} (clamped to the recording), linearly interpolated
     * between samples, into {@code out7} as {@code t, ax, ay, az, gx, gy, gz}: for a simulated chip
     * that samples at its own rate or with its own clock error. Does not allocate.
     */
    public void interpolate(double time, double[] out7) {
        int n = t.length;
        double x = Math.max(0, Math.min(time * rateHz(), n - 1));
        int i = Math.min((int) x, n - 2);
        double f = x - i;
        out7[0] = time;
        if (n == 1) {
            for (int k = 0; k < 6; k++) out7[k + 1] = v[k][0];
            return;
        }
        for (int k = 0; k < 6; k++) out7[k + 1] = v[k][i] + f * (v[k][i + 1] - v[k][i]);
    }

    /** Feeds every sample, in order, to {@code sink}. */
    public void play(ImuSink sink) {
        for (int i = 0; i < t.length; i++) {
            sink.sample(t[i], v[0][i], v[1][i], v[2][i], v[3][i], v[4][i], v[5][i]);
        }
    }

    /** A new pull cursor over the samples, starting at the first. */
    public SampleCursor cursor() {
        return new SampleCursor(this);
    }
}
