package org.backstep.sim;

/**
 * A fall: loss of balance (0.45 s), near free fall (0.33 s at 0.88 g), impact (0.09 s, the
 * vertical speed of about 3 m/s is removed with a half-cosine, 5-6 g), then settling still. The
 * pelvis rotates by 90 deg about its left axis (forward/backward) or forward axis (sideways) and
 * drifts about 0.4 m toward the fall. Rendered by integrating velocity profiles, so the
 * accelerations are consistent with the positions.
 */
final class FallMotion implements Segment {
    static final double LOSS = 0.45;
    static final double FREE = 0.33;
    static final double IMPACT = 0.09;
    static final double SETTLE = 1.0;
    private static final double G = 9.81;

    private final double start;
    private final FallKind kind;

    FallMotion(double start, FallKind kind) {
        this.start = start;
        this.kind = kind;
    }

    double impactTime() {
        return start + LOSS + FREE + IMPACT / 2;
    }

    @Override
    public double start() {
        return start;
    }

    @Override
    public double end() {
        return start + LOSS + FREE + IMPACT + SETTLE;
    }

    /** Final pitch (radians) relative to the pose before the fall. */
    double finalPitch() {
        return kind == FallKind.FORWARD ? Math.PI / 2 : kind == FallKind.BACKWARD ? -Math.PI / 2 : 0;
    }

    /** Final roll (radians) relative to the pose before the fall. */
    double finalRoll() {
        return kind == FallKind.RIGHT ? Math.PI / 2 : kind == FallKind.LEFT ? -Math.PI / 2 : 0;
    }

    /** Net height change of the pelvis (negative), integrated from {@link #vz}. */
    static double finalDrop() {
        double dt = 1e-4;
        double z = 0;
        for (double tau = 0; tau < LOSS + FREE + IMPACT; tau += dt) z += vz(tau + dt / 2) * dt;
        return z;
    }

    /** Vertical velocity at local time tau (m/s). */
    static double vz(double tau) {
        double vLoss = -0.3;
        if (tau <= LOSS) return vLoss * Smooth.step(tau / LOSS);
        double tf = tau - LOSS;
        double vImpact = vLoss - 0.88 * G * FREE;
        if (tf <= FREE) {
            // onset of the free fall over 50 ms keeps the acceleration continuous enough
            double onset = Math.min(tf, 0.05);
            double ramp = onset * onset / (2 * 0.05) + Math.max(0, tf - 0.05);
            double scale = FREE / (FREE - 0.025); // reach vImpact exactly at the end of the free fall
            return vLoss - 0.88 * G * ramp * scale;
        }
        double ti = tf - FREE;
        if (ti <= IMPACT) return vImpact * (1 + Math.cos(Math.PI * ti / IMPACT)) / 2;
        return 0;
    }

    /** Horizontal speed toward the fall (m/s). */
    static double vh(double tau) {
        double peak = 0.55;
        double tImpact = LOSS + FREE;
        if (tau <= tImpact) return peak * Smooth.step(tau / tImpact);
        double ti = tau - tImpact;
        if (ti <= IMPACT) return peak * (1 + Math.cos(Math.PI * ti / IMPACT)) / 2;
        return 0;
    }

    @Override
    public void render(Timeline tl, Truth.Collector truth) {
        int i0 = tl.index(start);
        int m = tl.index(end()) - i0 + 1;
        double heading = tl.ch[Timeline.YAW][Math.min(i0, tl.n - 1)];
        double dir = switch (kind) {
            case FORWARD -> heading;
            case BACKWARD -> heading + Math.PI;
            case LEFT -> heading + Math.PI / 2;
            case RIGHT -> heading - Math.PI / 2;
        };
        double ux = Math.cos(dir);
        double uy = Math.sin(dir);
        double dt = tl.dt;
        double[] x = new double[m];
        double[] y = new double[m];
        double[] z = new double[m];
        double[] pitch = new double[m];
        double[] roll = new double[m];
        double[] yaw = new double[m];
        double h = 0;
        double zz = 0;
        double vhPrev = 0;
        double vzPrev = 0;
        double rotEnd = LOSS + FREE + IMPACT;
        for (int j = 0; j < m; j++) {
            double tau = tl.time(i0 + j) - start;
            double vhh = vh(tau);
            double vzz = vz(tau);
            if (j > 0) {
                h += 0.5 * (vhPrev + vhh) * dt;
                zz += 0.5 * (vzPrev + vzz) * dt;
            }
            vhPrev = vhh;
            vzPrev = vzz;
            x[j] = h * ux;
            y[j] = h * uy;
            z[j] = zz;
            // rotation: slow at first, fastest just before impact, stopped by the impact
            double a = Smooth.step(tau / rotEnd);
            pitch[j] = finalPitch() * a;
            roll[j] = finalRoll() * a;
        }
        tl.addHeldPose(i0, x, y, z, yaw, pitch, roll);
        truth.interval(new Interval(Interval.Kind.FALL, start, impactTime(), impactTime(), null));
        truth.interval(Interval.Kind.LYING, impactTime() + IMPACT, end());
    }
}
