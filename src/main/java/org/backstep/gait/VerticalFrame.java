package org.backstep.gait;

import org.backstep.core.Axis;
import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;

/**
 * Splits specific force into vertical, anterior-posterior and medio-lateral parts whatever the
 * mounting tilt. The vertical is the direction of gravity, tracked by a low-pass of the
 * accelerometer (walking accelerations average out over a stride; a tilt or a lean moves it
 * within a second or two). Forward is the configured forward axis projected onto the horizontal
 * plane, so a sensor tilted by 30 degrees or more still yields a horizontal AP axis.
 */
final class VerticalFrame {
    private static final double GRAVITY_CUTOFF_HZ = 0.25;
    private static final double G = 9.80665;

    private final Cascade gx, gy, gz;
    private final double fx, fy, fz;
    private boolean primed;

    // outputs of the last update
    double vertical;   // upward dynamic acceleration, m/s^2 (gravity removed)
    double forward;    // along the wearer's front, horizontal, m/s^2
    double lateral;    // to the wearer's left, horizontal, m/s^2
    double ux, uy, uz; // unit up vector in the sensor frame
    double gravityX, gravityY, gravityZ; // the tracked gravity (specific force at rest), m/s^2
    double lx, ly, lz; // unit left vector (horizontal) in the sensor frame

    VerticalFrame(Axis forwardAxis, double rateHz) {
        this((forwardAxis == null ? Axis.PLUS_X : forwardAxis).unitVector(), rateHz);
    }

    /** @param forward the wearer's front in the sensor frame (any length; it is projected onto the horizontal) */
    VerticalFrame(double[] forward, double rateHz) {
        gx = Butterworth.lowPass(2, GRAVITY_CUTOFF_HZ, rateHz);
        gy = Butterworth.lowPass(2, GRAVITY_CUTOFF_HZ, rateHz);
        gz = Butterworth.lowPass(2, GRAVITY_CUTOFF_HZ, rateHz);
        fx = forward[0];
        fy = forward[1];
        fz = forward[2];
    }

    void update(double ax, double ay, double az) {
        if (!primed) {
            gx.resetTo(ax);
            gy.resetTo(ay);
            gz.resetTo(az);
            primed = true;
        }
        double x = gx.filter(ax), y = gy.filter(ay), z = gz.filter(az);
        gravityX = x;
        gravityY = y;
        gravityZ = z;
        double n = Math.sqrt(x * x + y * y + z * z);
        if (n < 1e-6) n = G;
        // in locals, then the fields (the same arithmetic; C1 would reload each field per use)
        double ux = x / n, uy = y / n, uz = z / n;
        this.ux = ux;
        this.uy = uy;
        this.uz = uz;
        vertical = ax * ux + ay * uy + az * uz - n;
        // forward axis minus its vertical component, normalised
        double d = fx * ux + fy * uy + fz * uz;
        double hx = fx - d * ux, hy = fy - d * uy, hz = fz - d * uz;
        double hn = Math.sqrt(hx * hx + hy * hy + hz * hz);
        if (hn < 1e-3) {
            forward = 0;
            lateral = 0;
            lx = ly = lz = 0;
            return;
        }
        hx /= hn;
        hy /= hn;
        hz /= hn;
        forward = ax * hx + ay * hy + az * hz;
        // left = up x forward
        double lx = uy * hz - uz * hy, ly = uz * hx - ux * hz, lz = ux * hy - uy * hx;
        this.lx = lx;
        this.ly = ly;
        this.lz = lz;
        lateral = ax * lx + ay * ly + az * lz;
    }

    void reset() {
        primed = false;
        gx.reset();
        gy.reset();
        gz.reset();
    }
}
