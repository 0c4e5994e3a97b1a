package org.backstep.sim;

import java.util.Objects;
import org.backstep.core.Axis;
import org.backstep.core.Rotations;

/**
 * How the sensor sits on the pelvis: which sensor axis points forward, which points up, a tilt
 * about the wearer's left-right axis and a small yaw offset.
 *
 * <p><b>Convention.</b> The "up" axis follows from the forward axis: when forward is {@code +-z}
 * (board clipped vertically to the belt at the lower back, chip face toward or away from the
 * body) up is {@code +x}; when forward is {@code +-x} or {@code +-y} (board lying flat, chip face
 * up) up is {@code +z}. The left axis is {@code up x forward}. So forward {@code +x} is the
 * identity (up {@code +z}, left {@code +y}), and the default forward {@code -z} gives up
 * {@code +x}, left {@code +y}.
 *
 * <p><b>Tilt</b> (degrees) rotates the sensor about the wearer's left axis, positive in the same
 * sense as a forward lean: at rest a tilt {@code a} reads {@code g cos a} on the up axis and
 * {@code -g sin a} on the forward axis. <b>Yaw</b> (degrees, positive to the left) turns the
 * sensor about the wearer's vertical.
 */
public final class Mounting {
    private final Axis forward;
    private final Axis up;
    private final Axis left;
    private final double tiltDeg;
    private final double yawDeg;
    /** Body-from-sensor rotation: v_body = m * v_sensor; rows are body forward, left, up. */
    private final double[][] m = new double[3][3];

    public Mounting(Axis forward, double tiltDeg, double yawDeg) {
        this.forward = Objects.requireNonNull(forward, "forward axis");
        if (!(Math.abs(tiltDeg) <= 90)) throw new IllegalArgumentException("tilt must be within +-90 deg, got " + tiltDeg);
        if (!(Math.abs(yawDeg) <= 45)) throw new IllegalArgumentException("yaw offset must be within +-45 deg, got " + yawDeg);
        this.tiltDeg = tiltDeg;
        this.yawDeg = yawDeg;
        this.up = upFor(forward);
        this.left = cross(up, forward);
        // nominal: rows are the sensor-frame unit vectors of body forward, left, up
        double[][] c = {forward.unitVector(), left.unitVector(), up.unitVector()};
        double a = Math.toRadians(tiltDeg);
        double p = Math.toRadians(yawDeg);
        // r = Rz(yaw) * Ry(tilt): the sensor's orientation in the body frame
        double[][] r = Rotations.multiply(Rotations.about(2, p), Rotations.about(1, a));
        double[][] mm = Rotations.multiply(r, c);
        for (int i = 0; i < 3; i++) m[i] = mm[i].clone();
    }

    /** Identity-like mounting: forward {@code +x}, up {@code +z}, no tilt. */
    public static Mounting identity() {
        return new Mounting(Axis.PLUS_X, 0, 0);
    }

    /** The sensor axis pointing up for a given forward axis: {@code +x} for {@code +-z}, else {@code +z}. */
    public static Axis upFor(Axis forward) {
        return forward.index() == 2 ? Axis.PLUS_X : Axis.PLUS_Z;
    }

    public Axis forward() { return forward; }

    public Axis up() { return up; }

    /** The sensor axis pointing to the wearer's left ({@code up x forward}). */
    public Axis left() { return left; }

    public double tiltDeg() { return tiltDeg; }

    public double yawDeg() { return yawDeg; }

    /** Converts a body-frame vector (forward, left, up) to the sensor frame, into {@code out}. */
    public void toSensor(double bx, double by, double bz, double[] out) {
        // v_sensor = m^T v_body
        out[0] = m[0][0] * bx + m[1][0] * by + m[2][0] * bz;
        out[1] = m[0][1] * bx + m[1][1] * by + m[2][1] * bz;
        out[2] = m[0][2] * bx + m[1][2] * by + m[2][2] * bz;
    }

    private static Axis cross(Axis a, Axis b) {
        double[] u = a.unitVector();
        double[] v = b.unitVector();
        double[] w = {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
        for (Axis ax : Axis.values()) {
            if (w[ax.index()] == ax.sign()) return ax;
        }
        throw new IllegalStateException("axes not orthogonal");
    }

    @Override
    public String toString() {
        return "forward " + forward + ", up " + up + ", left " + left + ", tilt " + tiltDeg + " deg, yaw " + yawDeg + " deg";
    }
}
