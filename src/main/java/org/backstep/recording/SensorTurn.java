package org.backstep.recording;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.backstep.core.Axis;
import org.backstep.core.Rotations;

/**
 * The device clipped on turned: successive rotations about the sensor's own axes, such as
 * {@code x:15,y:-25,z:35} (15 degrees about x, then -25 about the new y, then 35 about the newer
 * z). {@link #apply} re-expresses a recording as that turned sensor would have measured the same
 * motion, and names the forward axis the nearest one to the wearer's front, as someone reading the
 * label on the case would. {@code eval --turn-sensor} uses it to check the figures under mountings
 * the recordings were not made with.
 */
public final class SensorTurn {
    private final String spec;
    /** Old sensor coordinates to new: v' = m v. */
    private final double[][] m;

    private SensorTurn(String spec, double[][] m) {
        this.spec = spec;
        this.m = m;
    }

    /** @throws IllegalArgumentException with a one-line reason when {@code spec} is malformed */
    public static SensorTurn parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("empty sensor turn; expected e.g. x:15,y:-25,z:35");
        double[][] r = Rotations.identity();
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split(":");
            if (kv.length != 2 || !kv[0].trim().matches("[xyzXYZ]")) {
                throw new IllegalArgumentException("sensor turn '" + part.trim() + "': expected AXIS:DEGREES with AXIS x, y or z");
            }
            double deg;
            try {
                deg = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sensor turn '" + part.trim() + "': '" + kv[1].trim() + "' is not a number of degrees");
            }
            if (!(Math.abs(deg) <= 360)) throw new IllegalArgumentException("sensor turn '" + part.trim() + "': degrees must be within +-360");
            r = Rotations.multiply(r, Rotations.about(Character.toLowerCase(kv[0].trim().charAt(0)) - 'x', Math.toRadians(deg)));
        }
        return new SensorTurn(spec.trim(), Rotations.transpose(r));
    }

    /** The same motion as measured by the turned sensor; the forward axis becomes the nearest one. */
    public Recording apply(Recording rec) {
        int n = rec.size();
        double[] ax = new double[n], ay = new double[n], az = new double[n];
        double[] gx = new double[n], gy = new double[n], gz = new double[n];
        double[] v = new double[3];
        for (int i = 0; i < n; i++) {
            turn(rec.ax()[i], rec.ay()[i], rec.az()[i], v);
            ax[i] = v[0];
            ay[i] = v[1];
            az[i] = v[2];
            turn(rec.gx()[i], rec.gy()[i], rec.gz()[i], v);
            gx[i] = v[0];
            gy[i] = v[1];
            gz[i] = v[2];
        }
        Axis forward = null;
        if (rec.forwardAxis() != null) {
            double[] f = rec.forwardAxis().unitVector();
            turn(f[0], f[1], f[2], v);
            forward = Axis.nearest(v);
        }
        Map<String, String> meta = new LinkedHashMap<>(rec.metadata());
        meta.put("forward_axis", forward == null ? "unknown" : forward.label());
        meta.put("sensor_turn", spec);
        return new Recording(rec.name(), meta, rec.rateHz(), forward, rec.t().clone(), ax, ay, az, gx, gy, gz);
    }

    /** A direction measured by the turned sensor, in the sensor's coordinates before the turn. */
    public double[] back(double[] v) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) out[i] = m[0][i] * v[0] + m[1][i] * v[1] + m[2][i] * v[2];
        return out;
    }

    private void turn(double x, double y, double z, double[] out) {
        for (int i = 0; i < 3; i++) out[i] = m[i][0] * x + m[i][1] * y + m[i][2] * z;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "sensor turned %s", spec);
    }
}
