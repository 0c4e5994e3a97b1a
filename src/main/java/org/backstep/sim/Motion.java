package org.backstep.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A non-gait segment: keyframed pelvis deltas plus sinusoidal oscillators (sway, vibration,
 * bobbing). AP and lateral offsets are along the heading the segment starts with.
 * Channels: 0 AP (forward), 1 lateral (left), 2 up, 3 yaw, 4 pitch, 5 roll (angles in radians).
 */
final class Motion implements Segment {
    static final int AP = 0;
    static final int LAT = 1;

    private final double start;
    private final double length;
    private final Curve[] curves = new Curve[6];
    private final List<double[]> osc = new ArrayList<>(); // {channel, amplitude, hz, phase}
    private double oscRamp = 0.8;
    private final List<Interval> intervals = new ArrayList<>(); // relative times

    Motion(double start, double length) {
        if (!(length > 0)) throw new IllegalArgumentException("segment length must be > 0");
        this.start = start;
        this.length = length;
    }

    Motion curve(int channel, Curve c) {
        curves[channel] = c;
        return this;
    }

    /** Keys in degrees for angle channels, metres otherwise: alternating time, value. */
    Motion keys(int channel, double... tv) {
        if (channel >= 3) {
            double[] r = tv.clone();
            for (int i = 1; i < r.length; i += 2) r[i] = Math.toRadians(r[i]);
            return curve(channel, Curve.of(r));
        }
        return curve(channel, Curve.of(tv));
    }

    Motion oscillator(int channel, double amplitude, double hz, double phase) {
        osc.add(new double[] {channel, amplitude, hz, phase});
        return this;
    }

    Motion oscRamp(double seconds) {
        this.oscRamp = seconds;
        return this;
    }

    /** Labels the whole segment. */
    Motion label(Interval.Kind kind) {
        return label(kind, 0, length, 0);
    }

    Motion label(Interval.Kind kind, double relStart, double relEnd, double relMark) {
        intervals.add(new Interval(kind, relStart, relEnd, relMark, null));
        return this;
    }

    /** Final value of a keyframed channel (radians for angles). */
    double finalValue(int channel) {
        return curves[channel] == null ? 0 : curves[channel].last();
    }

    @Override
    public double start() {
        return start;
    }

    @Override
    public double end() {
        return start + length;
    }

    @Override
    public void render(Timeline tl, Truth.Collector truth) {
        int i0 = tl.index(start);
        int m = tl.index(start + length) - i0 + 1;
        double heading = tl.ch[Timeline.YAW][Math.min(i0, tl.n - 1)];
        double c = Math.cos(heading);
        double s = Math.sin(heading);
        double[][] d = new double[6][m];
        double[] local = new double[6];
        for (int j = 0; j < m; j++) {
            double tau = tl.time(i0 + j) - start;
            for (int k = 0; k < 6; k++) local[k] = curves[k] == null ? 0 : curves[k].at(tau);
            if (!osc.isEmpty()) {
                double w = Smooth.window(tau, length, oscRamp);
                for (double[] o : osc) local[(int) o[0]] += w * o[1] * Math.sin(2 * Math.PI * o[2] * tau + o[3]);
            }
            d[Timeline.X][j] = local[AP] * c - local[LAT] * s;
            d[Timeline.Y][j] = local[AP] * s + local[LAT] * c;
            for (int k = 2; k < 6; k++) d[k][j] = local[k];
        }
        tl.addHeldPose(i0, d);
        for (Interval iv : intervals) {
            truth.interval(new Interval(iv.kind(), start + iv.start(), start + iv.end(), start + iv.mark(), null));
        }
    }
}
