package org.backstep.recording;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;

/**
 * A recording as a device sampling at another rate would have delivered it: going down, a causal
 * 4th-order low-pass at 0.4 of the new rate first (what the IMU's own low-pass filter does), then
 * linear interpolation at the new sample times. {@code eval --resample} uses it to check the
 * figures at 50 to 400 Hz on recordings made at 100 or 200 Hz.
 */
public final class Resampler {
    /** Rates the device may record at. */
    public static final double MIN_HZ = 50, MAX_HZ = 400;
    private static final double ANTI_ALIAS = 0.4;

    private final double rateHz;

    private Resampler(double rateHz) {
        this.rateHz = rateHz;
    }

    /** @throws IllegalArgumentException with a one-line reason outside 50 to 400 Hz */
    public static Resampler to(double rateHz) {
        if (!(rateHz >= MIN_HZ && rateHz <= MAX_HZ)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "resample rate %s Hz: must be %.0f to %.0f Hz",
                    rateHz, MIN_HZ, MAX_HZ));
        }
        return new Resampler(rateHz);
    }

    public Recording apply(Recording rec) {
        int n = rec.size();
        double[][] in = {rec.ax(), rec.ay(), rec.az(), rec.gx(), rec.gy(), rec.gz()};
        if (rateHz < rec.rateHz()) {
            double[][] filtered = new double[6][];
            for (int c = 0; c < 6; c++) {
                Cascade lp = Butterworth.lowPass(4, ANTI_ALIAS * rateHz, rec.rateHz());
                double[] x = in[c], y = new double[n];
                if (n > 0) lp.resetTo(x[0]);
                for (int i = 0; i < n; i++) y[i] = lp.filter(x[i]);
                filtered[c] = y;
            }
            in = filtered;
        }
        double t0 = n == 0 ? 0 : rec.t()[0], t1 = n == 0 ? 0 : rec.t()[n - 1];
        int m = n == 0 ? 0 : (int) Math.floor((t1 - t0) * rateHz + 1e-9) + 1;
        double[] t = new double[m];
        double[][] out = new double[6][m];
        int k = 0;
        for (int j = 0; j < m; j++) {
            double tj = t0 + j / rateHz;
            t[j] = tj;
            while (k < n - 2 && rec.t()[k + 1] <= tj) k++;
            double span = n > 1 ? rec.t()[k + 1] - rec.t()[k] : 0;
            double w = span > 0 ? Math.max(0, Math.min(1, (tj - rec.t()[k]) / span)) : 0;
            int k1 = Math.min(n - 1, k + 1);
            for (int c = 0; c < 6; c++) out[c][j] = in[c][k] + w * (in[c][k1] - in[c][k]);
        }
        Map<String, String> meta = new LinkedHashMap<>(rec.metadata());
        meta.put("rate_hz", format(rateHz));
        meta.put("resampled_from_hz", format(rec.rateHz()));
        return new Recording(rec.name(), meta, rateHz, rec.forwardAxis(), t, out[0], out[1], out[2], out[3], out[4], out[5]);
    }

    private static String format(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }

    @Override
    public String toString() {
        return "resampled to " + format(rateHz) + " Hz";
    }
}
