package org.backstep.frame;

import org.backstep.core.MinMax;

/**
 * A 6-axis tilt filter: tracks the world "up" direction in the sensor frame. The gyroscope turns
 * it ({@code du/dt = u x w}, w minus an estimated bias); the accelerometer pulls it towards the
 * measured specific force with a time constant of {@link #TAU_S}, but only while the specific force
 * is close to 1 g, so walking accelerations and impacts barely tilt it, and less while turning,
 * when centripetal acceleration tilts the specific force. Heading is not observable
 * with six axes and is not needed: only the tilt of the trunk is used. No allocation per sample.
 */
final class TiltFilter {
    /** Time constant of the accelerometer correction. */
    static final double TAU_S = 2.0;
    /** Time constant of the gyro bias estimate while at rest. */
    static final double BIAS_TAU_S = 5.0;
    /**
     * Turning at this rate (rad/s) halves the accelerometer's pull: walking at 1.2 m/s, the
     * centripetal acceleration v*w then tilts the specific force by atan(v*w/g) = 1.4 degrees, as
     * much as the trunk angles the coach resolves; faster turns are trusted less still (1/(1+x^2)).
     */
    static final double TURN_RATE = 0.2;
    /** The turn rate is the rate about up averaged over about a stride, s (the trunk's own yaw swing averages out). */
    static final double TURN_TAU = 1.0;

    private double ux, uy, uz;
    private double bx, by, bz;
    /**
     * Standard gravity, m/s^2: where the learned magnitude starts, never a first sample that may be
     * taken mid-movement (a sensor's scale error is within 3%, learned at the first steady blocks).
     */
    static final double STANDARD_G = 9.80665;

    private double g = STANDARD_G;
    private double rg = 1 / STANDARD_G;
    private double turn;
    private boolean started;
    private double lastT = Double.NaN;

    /**
     * @param an        the magnitude of {@code (ax, ay, az)}, {@code Math.sqrt(ax * ax + ay * ay + az * az)}, as
     *                  the caller has it already
     * @param still     true when the caller's stillness test says the sensor is steady (the
     *                  magnitude barely varies, the gyro is quiet): the local gravity magnitude is
     *                  learned then (accelerometer scale and offset errors make it depend on the
     *                  orientation), and the correction is faster when it reads about 1 g
     * @param learnBias true after a second of true stillness: the gyro rate is then its bias
     */
    void update(double t, double ax, double ay, double az, double an, double gx, double gy, double gz, boolean still,
                boolean learnBias) {
        if (!started) {
            if (an < 1e-6) return;
            ux = ax / an;
            uy = ay / an;
            uz = az / an;
            started = true;
            lastT = t;
            return;
        }
        double dt = t - lastT;
        lastT = t;
        if (!(dt > 0) || dt > 0.5) dt = 0;
        if (learnBias) {
            double kb = MinMax.atMost(1, dt / BIAS_TAU_S);
            bx += kb * (gx - bx);
            by += kb * (gy - by);
            bz += kb * (gz - bz);
        }
        // fields in locals for the sample (C1 would store and reload each field per use)
        double g = this.g;
        // time constants as reciprocals javac folds: no division per sample
        if (still) {
            g += MinMax.atMost(1, dt * (1 / 2.0)) * (an - g);
            this.g = g;
            rg = 1 / g;     // divided only when gravity is learned, multiplied per sample
        }
        boolean calm = still && Math.abs(an - g) < 0.04 * g;
        double wx = gx - bx, wy = gy - by, wz = gz - bz;
        double ux = this.ux, uy = this.uy, uz = this.uz;
        double dx = uy * wz - uz * wy;
        double dy = uz * wx - ux * wz;
        double dz = ux * wy - uy * wx;
        ux += dx * dt;
        uy += dy * dt;
        uz += dz * dt;
        if (an > 1e-6) {
            double err = Math.abs(an - g) * rg;
            double turn = this.turn;
            turn += MinMax.atMost(1, dt * (1 / TURN_TAU)) * (wx * ux + wy * uy + wz * uz - turn);
            this.turn = turn;
            // the accelerometer's weight: none far from 1 g (a walking peak, an impact), so the
            // turn weighting and the pull are computed only when it has some
            if (err < 0.25) {
                double w = err < 0.05 ? 1 : (0.25 - err) * (1 / 0.2);
                double wv = turn * (1 / TURN_RATE);
                double k = MinMax.atMost(1, dt * (calm ? 1 / 0.5 : 1 / TAU_S)) * w / (1 + wv * wv);
                double ra = 1 / an;  // one division, three products
                ux += k * (ax * ra - ux);
                uy += k * (ay * ra - uy);
                uz += k * (az * ra - uz);
            }
        }
        // back to unit length: up moved by a small rotation and a small pull, so its squared norm is
        // near 1 and one or two Newton steps from 1 give 1/|u| (BodyFrame.NEWTON_SPAN, NEWTON2_SPAN)
        double e = ux * ux + uy * uy + uz * uz - 1;
        double r, e2 = e * e;
        if (e2 < BodyFrame.NEWTON_SPAN * BodyFrame.NEWTON_SPAN) {
            r = 1 - 0.5 * e;
        } else if (e2 < BodyFrame.NEWTON2_SPAN * BodyFrame.NEWTON2_SPAN) {
            r = 1 - 0.5 * e;
            double e1 = (e + 1) * r * r - 1;
            r *= 1 - 0.5 * e1;
        } else {
            r = 1 / Math.sqrt(e + 1);
        }
        this.ux = ux * r;
        this.uy = uy * r;
        this.uz = uz * r;
    }

    boolean started() { return started; }

    double ux() { return ux; }

    double uy() { return uy; }

    double uz() { return uz; }

    /** Local gravity magnitude as the accelerometer reads it at rest (learns the scale error). */
    double gravity() { return g; }

    void reset() {
        started = false;
        bx = by = bz = 0;
    }
}
