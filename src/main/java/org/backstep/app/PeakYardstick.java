package org.backstep.app;

import org.backstep.core.ImuSink;

/**
 * A yardstick for {@code bench}, not part of the product: the simplest step counter there is, a
 * windowed peak detector on the accelerometer magnitude (the kind the Oxford Java step counter
 * uses). It smooths |a| with a moving average, then counts a sample as a step when it is the
 * largest of the window centred on it and above gravity by a margin, at most one per refractory
 * time. It knows nothing of direction, posture or the coach; {@code bench} runs it beside the
 * pipeline so the pipeline's cost per sample has something to be compared with. Allocates nothing
 * per sample.
 */
final class PeakYardstick implements ImuSink {
    /** Moving-average span, s: shorter than a step (0.4 s and more) so each step keeps its peak. */
    private static final double SMOOTH_S = 0.1;
    /** Half-width of the peak window, s: half the shortest step period at a brisk 150 steps/min. */
    private static final double HALF_WINDOW_S = 0.2;
    /** How far above gravity a peak must rise, m/s^2: heel strikes reach 2 to 5 m/s^2 above. */
    private static final double MIN_RISE = 1.0;
    private static final double G = 9.80665;

    private final double[] raw;
    private final double[] smooth;
    private final int half;
    private double sum;
    private long n;
    private long lastPeak = Long.MIN_VALUE / 2;
    private long steps;

    PeakYardstick(double rateHz) {
        raw = new double[Math.max(1, (int) Math.round(SMOOTH_S * rateHz))];
        half = Math.max(1, (int) Math.round(HALF_WINDOW_S * rateHz));
        smooth = new double[2 * half + 1];
    }

    @Override
    public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
        double m = Math.sqrt(ax * ax + ay * ay + az * az);
        int r = (int) (n % raw.length);
        sum += m - raw[r];
        raw[r] = m;
        smooth[(int) (n % smooth.length)] = sum / raw.length;
        n++;
        if (n < smooth.length + raw.length) return;
        long centre = n - 1 - half;
        double c = smooth[(int) (centre % smooth.length)];
        if (c < G + MIN_RISE || centre - lastPeak <= half) return;
        for (int i = 0; i < smooth.length; i++) {
            if (smooth[i] > c) return;
        }
        lastPeak = centre;
        steps++;
    }

    long steps() {
        return steps;
    }
}
