package org.backstep.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.backstep.core.Axis;
import org.junit.jupiter.api.Test;

class ResamplerTest {
    /** 10 s at {@code rate}: a 1.8 Hz step-like wave on z plus a 40 Hz buzz on x, gyro ramps. */
    private static Recording wave(double rate) {
        int n = (int) (10 * rate);
        double[] t = new double[n], ax = new double[n], ay = new double[n], az = new double[n];
        double[] gx = new double[n], gy = new double[n], gz = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / rate;
            ax[i] = Math.sin(2 * Math.PI * 40 * t[i]);
            az[i] = 9.81 + 2 * Math.sin(2 * Math.PI * 1.8 * t[i]);
            gz[i] = 0.1 * t[i];
        }
        return new Recording("w", Map.of("source", "test"), rate, Axis.PLUS_X, t, ax, ay, az, gx, gy, gz);
    }

    @Test
    void downKeepsTheGaitBandAndDropsWhatWouldAlias() {
        Recording r = Resampler.to(50).apply(wave(200));
        assertEquals(50, r.rateHz());
        assertEquals("50", r.metadata().get("rate_hz"));
        assertEquals("200", r.metadata().get("resampled_from_hz"));
        assertEquals(500, r.size(), "0 to 9.995 s at 50 Hz");
        assertEquals(0.02, r.t()[1] - r.t()[0], 1e-12);
        double maxX = 0, maxZ = 0, minZ = 99;
        for (int i = 100; i < r.size(); i++) {   // after the filter settles
            maxX = Math.max(maxX, Math.abs(r.ax()[i]));
            maxZ = Math.max(maxZ, r.az()[i]);
            minZ = Math.min(minZ, r.az()[i]);
        }
        assertTrue(maxX < 0.1, "40 Hz is above the new Nyquist and must be gone, was " + maxX);
        assertEquals(4, maxZ - minZ, 0.1, "the 1.8 Hz swing survives");
        assertEquals(Axis.PLUS_X, r.forwardAxis());
    }

    @Test
    void upInterpolates() {
        Recording r = Resampler.to(400).apply(wave(100));
        assertEquals(3997, r.size());
        assertEquals(0.1 * 5.0025, r.gz()[2001], 1e-9, "a ramp is interpolated exactly");
    }

    @Test
    void ratesOutside50To400HzAreRefusedInOneLine() {
        for (double hz : new double[] {20, 49.9, 401, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Resampler.to(hz));
            assertTrue(e.getMessage().contains("must be 50 to 400 Hz") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
