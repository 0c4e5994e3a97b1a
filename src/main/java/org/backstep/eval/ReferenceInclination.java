package org.backstep.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Trunk pitch of an orientation reference (an Xsens unit worn with the device), as the wearer
 * feels it: from the reference's full orientation, not from one of its Euler angles.
 *
 * <p>Each row {t, roll, pitch, yaw} (degrees, Xsens convention: the sensor-to-world rotation is
 * R = Rz(yaw) Ry(pitch) Rx(roll), world z up) gives the world's up direction in the sensor frame,
 * u = R^T e_z (yaw drops out: heading does not tilt the trunk). The upright reference is the mean of
 * u over the second before the device took its own upright reference, while the wearer stood.
 * Forward is the device's forward axis made horizontal in that upright frame; pitch is the angle of
 * u in the body's sagittal plane (up, forward), positive when the trunk leans forward (up then tips
 * toward the wearer's back). A reference worn upside down or turned about the vertical gives the
 * same pitch, because nothing depends on the sign convention of one Euler angle.
 */
public final class ReferenceInclination {
    /** Span before the device's reference over which the reference's upright is averaged, s. */
    static final double UPRIGHT_SPAN_S = 1.0;

    private ReferenceInclination() {
    }

    /** World up in the sensor frame for one orientation in degrees. */
    static double[] up(double rollDeg, double pitchDeg, double yawDeg) {
        double[][] r = rotation(rollDeg, pitchDeg, yawDeg);
        return new double[] {r[2][0], r[2][1], r[2][2]};
    }

    /** Sensor-to-world rotation Rz(yaw) Ry(pitch) Rx(roll). */
    static double[][] rotation(double rollDeg, double pitchDeg, double yawDeg) {
        double a = Math.toRadians(yawDeg), b = Math.toRadians(pitchDeg), c = Math.toRadians(rollDeg);
        double ca = Math.cos(a), sa = Math.sin(a), cb = Math.cos(b), sb = Math.sin(b), cc = Math.cos(c), sc = Math.sin(c);
        return new double[][] {
            {ca * cb, ca * sb * sc - sa * cc, ca * sb * cc + sa * sc},
            {sa * cb, sa * sb * sc + ca * cc, sa * sb * cc - ca * sc},
            {-sb, cb * sc, cb * cc}};
    }

    /**
     * The reference's upright: mean up over {@link #UPRIGHT_SPAN_S} before {@code t0} (the nearest
     * row when none lies there), unit length; null without rows.
     */
    static double[] upright(List<double[]> rows, double t0) {
        double[] m = new double[3];
        int n = 0;
        double[] nearest = null;
        double best = Double.POSITIVE_INFINITY;
        for (double[] row : rows) {
            double[] u = up(row[1], row[2], row[3]);
            if (row[0] <= t0 && row[0] >= t0 - UPRIGHT_SPAN_S) {
                for (int i = 0; i < 3; i++) m[i] += u[i];
                n++;
            }
            if (Math.abs(row[0] - t0) < best) {
                best = Math.abs(row[0] - t0);
                nearest = u;
            }
        }
        if (n == 0) return nearest;
        return unit(m);
    }

    /**
     * Pitch relative to the upright at {@code t0}, rows {t, pitchDeg} from {@code t0} on.
     *
     * @param forward the device's forward direction in the (shared) sensor frame
     */
    public static List<double[]> pitch(List<double[]> rows, double t0, double[] forward) {
        List<double[]> out = new ArrayList<>();
        double[] u0 = upright(rows, t0);
        if (u0 == null) return out;
        double d = dot(forward, u0);
        double[] f0 = unit(new double[] {forward[0] - d * u0[0], forward[1] - d * u0[1], forward[2] - d * u0[2]});
        for (double[] row : rows) {
            if (row[0] < t0) continue;
            double[] u = up(row[1], row[2], row[3]);
            out.add(new double[] {row[0], Math.toDegrees(Math.atan2(-dot(u, f0), dot(u, u0)))});
        }
        return out;
    }

    /** Cosine of the angle between the reference's upright at {@code t0} and a measured gravity direction. */
    public static double agreement(List<double[]> rows, double t0, double[] gravityUp) {
        double[] u0 = upright(rows, t0);
        return u0 == null ? Double.NaN : dot(u0, unit(gravityUp.clone()));
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] unit(double[] v) {
        double n = Math.sqrt(dot(v, v));
        for (int i = 0; i < 3; i++) v[i] /= n;
        return v;
    }
}
