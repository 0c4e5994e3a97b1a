package org.backstep.coach;

import java.util.ArrayList;
import java.util.List;
import org.backstep.event.Direction;
import org.backstep.event.StepEvent;

/**
 * Synthesizes what a belt IMU sees, from a trunk orientation (pitch forward positive, roll right
 * positive) and a pelvis acceleration in the world frame (X forward, Y left, Z up), for tests.
 * The sensor is mounted with x up, y left, z backward (forward axis {@code -z}), optionally tilted
 * forward by {@code mountTiltDeg}. Gyro rates are the exact body rates of the orientation path.
 * Steps (contacts) are collected and handed to the coach with a report delay, like a gait engine.
 */
final class SyntheticWearer {
    static final double G = 9.81;

    final double fs;
    final double mountTiltDeg;
    private double t;
    private double pitch, roll;
    private final List<double[]> samples = new ArrayList<>();
    private final List<StepEvent> steps = new ArrayList<>();
    private final List<double[]> bouts = new ArrayList<>();
    private final double[] accScale = {1, 1, 1};
    private final double[] accOffset = {0, 0, 0};
    private java.util.Random noise;
    private double accNoise, gyroNoise;

    SyntheticWearer(double fs, double mountTiltDeg) {
        this.fs = fs;
        this.mountTiltDeg = mountTiltDeg;
    }

    /**
     * A miscalibrated accelerometer from now on: each sensor axis reads {@code scale * f + offset}
     * (MPU-6050 datasheet 6.2: sensitivity within 3% and zero-g offset within 0.5 to 0.8 m/s^2 per
     * axis), so the magnitude of gravity it reads depends on how the sensor is tilted.
     */
    SyntheticWearer accelError(double sx, double sy, double sz, double ox, double oy, double oz) {
        accScale[0] = sx;
        accScale[1] = sy;
        accScale[2] = sz;
        accOffset[0] = ox;
        accOffset[1] = oy;
        accOffset[2] = oz;
        return this;
    }

    /** White sensor noise from now on, standard deviations in m/s^2 and rad/s, from a fixed seed. */
    SyntheticWearer noise(double accSd, double gyroSd, long seed) {
        noise = new java.util.Random(seed);
        accNoise = accSd;
        gyroNoise = gyroSd;
        return this;
    }

    /** Orientation and pelvis acceleration over time (relative to segment start). */
    interface Motion {
        /** Fills {pitchDeg, rollDeg, ax, ay, az} (world acceleration without gravity). */
        void at(double s, double[] out);
    }

    SyntheticWearer segment(double seconds, Motion m) {
        double[] o = new double[5];
        int n = (int) Math.round(seconds * fs);
        for (int i = 0; i < n; i++) {
            double s = i / fs;
            m.at(s, o);
            emit(o);
        }
        return this;
    }

    /** Standing still at the current orientation. */
    SyntheticWearer stand(double seconds) {
        double p = pitch, r = roll;
        return segment(seconds, (s, o) -> set(o, p, r, 0, 0, 0));
    }

    /** Turns the trunk smoothly to the given pitch and roll over {@code seconds}. */
    SyntheticWearer tiltTo(double pitchDeg, double rollDeg, double seconds) {
        double p0 = pitch, r0 = roll;
        return segment(seconds, (s, o) -> {
            double k = 0.5 - 0.5 * Math.cos(Math.PI * s / seconds);
            set(o, p0 + k * (pitchDeg - p0), r0 + k * (rollDeg - r0), 0, 0, 0);
        });
    }

    /** Walking parameters. */
    static final class Gait {
        double spm = 90;
        Direction direction = Direction.BACKWARD;
        double bounceM = 0.03;
        double impact = 4;
        double leanDeg = 2;
        double swayDeg = 2;
        double jitter;
        long seed = 1;

        Gait spm(double v) { spm = v; return this; }
        Gait bounce(double v) { bounceM = v; return this; }
        Gait impact(double v) { impact = v; return this; }
        Gait lean(double v) { leanDeg = v; return this; }
        Gait sway(double v) { swayDeg = v; return this; }
        Gait jitter(double v) { jitter = v; return this; }
        Gait direction(Direction d) { direction = d; return this; }
    }

    /** Walking: vertical bounce once per step, a heel-strike pulse at each contact, lateral sway once per stride. */
    SyntheticWearer walk(double seconds, Gait g) {
        java.util.Random rnd = new java.util.Random(g.seed + samples.size());
        double start = t;
        double period = 60 / g.spm;
        List<Double> contacts = new ArrayList<>();
        double c = 0.2;
        while (c < seconds - 0.2) {
            contacts.add(c);
            c += period * (1 + g.jitter * rnd.nextGaussian());
        }
        for (double ct : contacts) steps.add(new StepEvent(start + ct, start + ct + 0.35, g.direction));
        bouts.add(new double[] {start + contacts.get(0), start + contacts.get(contacts.size() - 1)});
        double p0 = pitch, r0 = roll;
        return segment(seconds, (s, o) -> {
            double ramp = Math.min(1, s / 1.0);
            double lean = p0 + ramp * (g.leanDeg - p0);
            // phase within the current step
            int k = 0;
            while (k + 1 < contacts.size() && contacts.get(k + 1) <= s) k++;
            double ct = contacts.get(k);
            double per = k + 1 < contacts.size() ? contacts.get(k + 1) - ct : period;
            double ph = s >= ct ? (s - ct) / per : 0;
            double w = 2 * Math.PI / per;
            double az = g.bounceM * w * w * Math.cos(2 * Math.PI * ph) * ramp;
            double dt = s - ct;
            if (dt >= 0 && dt < 0.05) az += g.impact * Math.sin(Math.PI * dt / 0.05);
            double strideW = Math.PI / period;
            double rollNow = r0 + g.swayDeg * Math.sin(strideW * s) * ramp;
            double ay = 0.5 * Math.sin(strideW * s) * ramp;
            // braking in the first half of each step (against the direction of travel), then push-off
            double travel = g.direction == Direction.FORWARD ? 1 : -1;
            double ax = -travel * 1.5 * Math.sin(2 * Math.PI * ph) * ramp;
            set(o, lean + 1.0 * Math.sin(2 * Math.PI * ph) * ramp, rollNow, ax, ay, az);
        });
    }

    /** A fall: the trunk pitches to {@code toPitch} in 0.7 s, hits the ground, then lies still. */
    SyntheticWearer fall(double toPitch, double lieSeconds) {
        tiltTo(toPitch, roll, 0.7);
        segment(0.08, (s, o) -> set(o, toPitch, roll, -15, 0, 40 * Math.sin(Math.PI * s / 0.08)));
        return stand(lieSeconds);
    }

    /** A stumble while walking: a hard jolt and a quick forward pitch and recovery. */
    SyntheticWearer jolt() {
        double p0 = pitch, r0 = roll;
        return segment(0.6, (s, o) -> {
            double k = Math.sin(Math.PI * s / 0.6);
            double pulse = s < 0.06 ? Math.sin(Math.PI * s / 0.06) : 0;
            set(o, p0 + 18 * k, r0 + 6 * k, -20 * pulse, 5 * pulse, 25 * pulse);
        });
    }

    /** A squat: the pelvis goes down {@code depthM} in 1 s with the trunk near upright, holds, comes up. */
    SyntheticWearer squat(double depthM, double holdS) {
        double p0 = pitch;
        double a = 2 * Math.PI * depthM; // one sine period of acceleration over 1 s moves depthM
        segment(1.0, (s, o) -> set(o, p0 + 8 * s, roll, 0, 0, -a * Math.sin(2 * Math.PI * s)));
        segment(holdS, (s, o) -> set(o, p0 + 8, roll, 0, 0, 0));
        segment(1.0, (s, o) -> set(o, p0 + 8 * (1 - s), roll, 0, 0, a * Math.sin(2 * Math.PI * s)));
        return this;
    }

    /**
     * A squat with the trunk leaning {@code leanDeg} at the bottom: the pelvis goes down
     * {@code depthM} in {@code downS} (one sine period of vertical acceleration), holds for
     * {@code holdS} with a tremor of {@code tremor} m/s^2 at 5 Hz and 1.5 degrees of sway per
     * m/s^2 of it (a shaky wearer), and comes back up in {@code downS}.
     */
    SyntheticWearer squat(double depthM, double holdS, double leanDeg, double downS, double tremor) {
        double p0 = pitch;
        descend(depthM, leanDeg, downS);
        segment(holdS, (s, o) -> set(o, p0 + leanDeg + 1.5 * tremor * Math.sin(2 * Math.PI * 1.3 * s), roll, 0, 0,
                tremor * Math.sin(2 * Math.PI * 5 * s)));
        return descend(-depthM, -leanDeg, downS);
    }

    /** The pelvis goes down {@code depthM} (up when negative) in {@code seconds} while the trunk pitches by {@code leanDeg}. */
    SyntheticWearer descend(double depthM, double leanDeg, double seconds) {
        double p0 = pitch;
        double a = 2 * Math.PI * depthM / (seconds * seconds);
        return segment(seconds, (s, o) -> set(o, p0 + leanDeg * 0.5 * (1 - Math.cos(Math.PI * s / seconds)), roll, 0, 0,
                -a * Math.sin(2 * Math.PI * s / seconds)));
    }

    /**
     * A bend from the hips with straight knees to {@code leanDeg}: the belt sensor, {@code radiusM}
     * over the hip joints, goes down by radiusM (1 - cos lean) as the trunk pitches.
     */
    SyntheticWearer hinge(double leanDeg, double radiusM, double downS, double holdS) {
        double p0 = pitch;
        double w = Math.PI / downS, th = Math.toRadians(leanDeg - p0);
        // pitch(s) = p0 + th (1 - cos ws)/2; height = -r (1 - cos pitch), differentiated twice
        Motion down = (s, o) -> {
            double q = Math.toRadians(p0) + th * 0.5 * (1 - Math.cos(w * s));
            double qd = th * 0.5 * w * Math.sin(w * s), qdd = th * 0.5 * w * w * Math.cos(w * s);
            set(o, Math.toDegrees(q), roll, 0, 0, -radiusM * (Math.sin(q) * qdd + Math.cos(q) * qd * qd));
        };
        segment(downS, down);
        double held = pitch;
        segment(holdS, (s, o) -> set(o, held, roll, 0, 0, 0));
        Motion up = (s, o) -> {
            double q = Math.toRadians(held) - th * 0.5 * (1 - Math.cos(w * s));
            double qd = -th * 0.5 * w * Math.sin(w * s), qdd = -th * 0.5 * w * w * Math.cos(w * s);
            set(o, Math.toDegrees(q), roll, 0, 0, -radiusM * (Math.sin(q) * qdd + Math.cos(q) * qd * qd));
        };
        return segment(downS, up);
    }

    List<double[]> samples() { return samples; }

    List<StepEvent> steps() { return steps; }

    double time() { return t; }

    /** Feeds everything to a coach, with steps reported at their report times and bouts around them. */
    void replay(Coach coach) {
        int si = 0, bi = 0;
        boolean walking = false;
        for (double[] x : samples) {
            double now = x[0];
            while (si < steps.size() && steps.get(si).at() <= now) coach.onStep(steps.get(si++));
            if (!walking && bi < bouts.size() && now >= bouts.get(bi)[0] + 1.5) {
                walking = true;
                coach.onWalking(true, bouts.get(bi)[0]);
            }
            if (walking && now >= bouts.get(bi)[1] + 1.0) {
                walking = false;
                coach.onWalking(false, bouts.get(bi)[1]);
                bi++;
            }
            coach.sample(now, x[1], x[2], x[3], x[4], x[5], x[6]);
        }
    }

    static void set(double[] o, double p, double r, double ax, double ay, double az) {
        o[0] = p;
        o[1] = r;
        o[2] = ax;
        o[3] = ay;
        o[4] = az;
    }

    private double[][] prevR;

    private void emit(double[] o) {
        pitch = o[0];
        roll = o[1];
        double[][] r = sensorToWorld(pitch, roll);
        double[] fw = {o[2], o[3], o[4] + G};
        double[] f = mulT(r, fw);
        double[] w = new double[3];
        if (prevR != null) {
            // body rate from R_prev^T R_now = I + [w]x dt
            double[][] d = new double[3][3];
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    for (int k = 0; k < 3; k++) d[i][j] += prevR[k][i] * r[k][j];
            double dt = 1 / fs;
            w[0] = (d[2][1] - d[1][2]) / (2 * dt);
            w[1] = (d[0][2] - d[2][0]) / (2 * dt);
            w[2] = (d[1][0] - d[0][1]) / (2 * dt);
        }
        prevR = r;
        for (int i = 0; i < 3; i++) f[i] = accScale[i] * f[i] + accOffset[i];
        if (noise != null) {
            for (int i = 0; i < 3; i++) {
                f[i] += accNoise * noise.nextGaussian();
                w[i] += gyroNoise * noise.nextGaussian();
            }
        }
        samples.add(new double[] {t, f[0], f[1], f[2], w[0], w[1], w[2]});
        t += 1 / fs;
    }

    /** Columns: the sensor axes in world coordinates. */
    private double[][] sensorToWorld(double pitchDeg, double rollDeg) {
        // body = Ry(pitch) * Rx(roll); the mount is tilted forward about the body's left axis;
        // sensor axes in the mount: x = up, y = left, z = back
        double[][] m = {{0, 0, -1}, {0, 1, 0}, {1, 0, 0}};
        return mul(mul(mul(ry(pitchDeg), rx(rollDeg)), ry(mountTiltDeg)), m);
    }

    private static double[][] ry(double deg) {
        double p = Math.toRadians(deg);
        return new double[][] {{Math.cos(p), 0, Math.sin(p)}, {0, 1, 0}, {-Math.sin(p), 0, Math.cos(p)}};
    }

    private static double[][] rx(double deg) {
        double q = Math.toRadians(deg);
        return new double[][] {{1, 0, 0}, {0, Math.cos(q), -Math.sin(q)}, {0, Math.sin(q), Math.cos(q)}};
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }

    private static double[] mulT(double[][] r, double[] v) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++)
            for (int k = 0; k < 3; k++) out[i] += r[k][i] * v[k];
        return out;
    }
}
