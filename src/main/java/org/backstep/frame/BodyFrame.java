package org.backstep.frame;

import org.backstep.signal.Biquad;
import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;

/**
 * The body frame of one session, computed once per sample and read by the gait engine and the form
 * coach alike. It holds:
 * <ul>
 * <li>the stillness of the sensor ({@link Stillness}: quarter-second blocks against the sensor's own
 * noise floor), which gates what the attitude learns;</li>
 * <li>the attitude: the world's up in the sensor frame ({@link TiltFilter}: the gyroscope turns it,
 * the accelerometer pulls it slowly towards gravity, near 1 g only), the local gravity magnitude
 * learned at rest, and the specific force along that up less gravity. It follows the trunk within
 * a step: the coach's angles, falls and bends are measured from it;</li>
 * <li>the stride frame: up as the mean specific force over a few strides (a low-pass of the
 * accelerometer at {@link #STRIDE_CUTOFF_HZ}), and the specific force along it (less its
 * magnitude), along the wearer's front made horizontal, and along left (up x front). The gait
 * engine's step, direction and walking-signature figures are measured in it;</li>
 * <li>the magnitude of specific force, the squared magnitude of angular rate, and the rate about each up.</li>
 * </ul>
 * Two estimates of up, because each reader measured better on its own: the gait engine fed the
 * attitude's up instead of the stride frame's (3 December 2026, {@code eval ../shared/data}) gained
 * on the IPOL walks (F1 0.969 to 0.971) but told a daily-life walk's direction worse (mobgap-HA002
 * 100% to 76%) and took squats and getting out of a car for steps (0 to 2.6 phantom steps a
 * minute): its walking signature and turn-leak correction are built on a vertical that averages
 * over strides. The coach needs the trunk's tilt within a fall's 0.7 s, which a stride average
 * cannot give.
 *
 * <p>The front is the configured or calibrated forward vector projected onto the horizontal plane,
 * so a sensor tilted by 30 degrees or more still yields a horizontal fore-aft axis. Angles against
 * the wearer's upright reference are the coach's (it decides when the reference is taken); they
 * are measured from the attitude's up.
 *
 * <p>Configured once, then {@link #update} per sample; nothing is allocated per sample. Whoever
 * builds the frame updates it once per sample before its readers run (the pipeline, for the gait
 * engine and the coach together, or a gait engine or coach that owns its frame).
 */
public final class BodyFrame {
    /** Gyro rates above this are never taken for bias, rad/s (MPU-6050 bias is typically under 0.05 rad/s). */
    public static final double BIAS_MAX_RATE = 0.1;
    /** Stillness this long, s, before the gyro rate is taken for its bias: a rotation just begun is not. */
    static final double BIAS_STILL_S = 1.0;
    private static final double STILL_GYRO2 = Stillness.STILL_GYRO * Stillness.STILL_GYRO;
    /**
     * Cut-off of the stride frame's gravity low-pass, Hz: walking accelerations (steps at 1 to 2.5 Hz)
     * average out over a stride, and a tilt or a lean moves it within a second or two.
     */
    static final double STRIDE_CUTOFF_HZ = 0.25;
    /** Standard gravity, m/s^2: the stride frame's up when the low-passed specific force is zero. */
    static final double G = 9.80665;
    /**
     * The front's horizontal part below this (unit vectors; sin 0.06 degrees) leaves the front
     * undefined: the configured front points straight up or down.
     */
    static final double MIN_HORIZONTAL = 1e-3;
    /**
     * A reciprocal norm {@code r} of a squared norm {@code s} that barely moves between samples is
     * refined by one Newton step, {@code r (1 - e / 2)} with {@code e = s r^2 - 1}, while |e| is
     * under this: the step's relative error is 3/8 e^2, under 4e-9; further off, the exact
     * {@code 1 / sqrt(s)}. No root and no division per sample (each 13 to 20 cycles, chained). Written
     * out where used: C1 does not inline a helper nested in a long method.
     */
    static final double NEWTON_SPAN = 1e-4;
    /**
     * Further off, up to this, two Newton steps: the first leaves a relative error of 3/8 e^2 (under 4e-5),
     * the second 3/8 of twice that squared, under 3e-9; walking moves the stride frame's norms by about
     * 1e-3 a sample at 100 Hz, past {@link #NEWTON_SPAN}. Beyond, the exact root.
     */
    static final double NEWTON2_SPAN = 1e-2;

    private final TiltFilter tilt = new TiltFilter();
    private final Stillness stillness = new Stillness();
    /** The stride low-pass: one second-order Butterworth section, the same for the three axes, and each axis's state. */
    private final double b0, b1, b2, a1, a2, dcGain;
    private double xs1, xs2, ys1, ys2, zs1, zs2;
    private final double fx, fy, fz;
    private boolean primed;
    private double rn = 1 / G, rh = 1;  // the last reciprocal norms of the stride frame's gravity and front

    // outputs of the last update
    private double an, wn2;
    private double ux, uy, uz, vertical, upRate;
    private double sux, suy, suz, strideVertical, strideUpRate;
    private double forward, lateral;
    private double hx, hy, hz, lx, ly, lz;

    /**
     * @param forward the wearer's front in the sensor frame (any length; it is projected onto the horizontal)
     * @param rateHz  the sample rate, Hz
     */
    public BodyFrame(double[] forward, double rateHz) {
        if (forward == null || forward.length != 3) throw new IllegalArgumentException("forward must be a 3-vector");
        fx = forward[0];
        fy = forward[1];
        fz = forward[2];
        Cascade lowPass = Butterworth.lowPass(2, STRIDE_CUTOFF_HZ, rateHz);
        assert lowPass.sectionCount() == 1;
        double[] sos = lowPass.sos()[0];     // b0 b1 b2 a0 a1 a2, a0 = 1
        b0 = sos[0];
        b1 = sos[1];
        b2 = sos[2];
        a1 = sos[4];
        a2 = sos[5];
        dcGain = new Biquad(b0, b1, b2, a1, a2).dcGain();
    }

    /** One sample: specific force {@code a}, m/s^2, and angular rate {@code w}, rad/s, in the sensor frame, at stream time {@code t}, s. */
    public void update(double t, double ax, double ay, double az, double gx, double gy, double gz) {
        // one method, fields read into locals once: under the unit's C1 compiler a call or a field
        // access costs as much as the arithmetic around it
        double an = Math.sqrt(ax * ax + ay * ay + az * az);
        // the rate is only compared with limits: its square against theirs, no root
        double wn2 = gx * gx + gy * gy + gz * gz;
        this.an = an;
        this.wn2 = wn2;

        // the attitude
        double g = tilt.gravity();
        stillness.update(t, an, wn2, g);
        // the stillness verdict is a block old: a rotation that just began must not be learned as bias
        boolean calm = wn2 < STILL_GYRO2 && (!tilt.started()
                || Math.abs(an - g) < Stillness.STILL_G_TOLERANCE * g);
        tilt.update(t, ax, ay, az, an, gx, gy, gz, stillness.steady() && wn2 < STILL_GYRO2,
                calm && wn2 < BIAS_MAX_RATE * BIAS_MAX_RATE && stillness.stillFor(t) >= BIAS_STILL_S);
        if (tilt.started()) {
            double ux = tilt.ux(), uy = tilt.uy(), uz = tilt.uz();
            this.ux = ux;
            this.uy = uy;
            this.uz = uz;
            vertical = ax * ux + ay * uy + az * uz - tilt.gravity();
            upRate = gx * ux + gy * uy + gz * uz;
        } else {
            // no specific force yet (a sensor reading zeros): no up, nothing resolved along it
            ux = uy = uz = vertical = upRate = 0;
        }

        // the stride frame: the three axes' low-pass in one place (a section in transposed direct
        // form II, Biquad's arithmetic in Biquad's order: the bits of three Cascades)
        if (!primed) {
            primeStride(ax, ay, az);
            primed = true;
        }
        double b0 = this.b0, b1 = this.b1, b2 = this.b2, a1 = this.a1, a2 = this.a2;
        double x = b0 * ax + xs1;
        xs1 = b1 * ax - a1 * x + xs2;
        xs2 = b2 * ax - a2 * x;
        double y = b0 * ay + ys1;
        ys1 = b1 * ay - a1 * y + ys2;
        ys2 = b2 * ay - a2 * y;
        double z = b0 * az + zs1;
        zs1 = b1 * az - a1 * z + zs2;
        zs2 = b2 * az - a2 * z;
        double s = x * x + y * y + z * z;
        double n, r;
        if (s < 1e-12) {
            n = G;
            r = 1 / G;
        } else {
            // the low-passed norm moves little from sample to sample: one Newton step from the last reciprocal
            double rn = this.rn, e = s * rn * rn - 1, e2 = e * e;
            if (e2 < NEWTON_SPAN * NEWTON_SPAN) {
                r = rn * (1 - 0.5 * e);
            } else if (e2 < NEWTON2_SPAN * NEWTON2_SPAN) {
                r = rn * (1 - 0.5 * e);
                e = s * r * r - 1;
                r *= 1 - 0.5 * e;
            } else {
                r = 1 / Math.sqrt(s);
            }
            this.rn = r;
            n = s * r;
        }
        double ux = x * r, uy = y * r, uz = z * r;
        sux = ux;
        suy = uy;
        suz = uz;
        strideVertical = ax * ux + ay * uy + az * uz - n;
        strideUpRate = gx * ux + gy * uy + gz * uz;
        // the front minus its vertical part, made unit the same way
        double d = fx * ux + fy * uy + fz * uz;
        double hx = fx - d * ux, hy = fy - d * uy, hz = fz - d * uz;
        double hn2 = hx * hx + hy * hy + hz * hz;
        if (hn2 < MIN_HORIZONTAL * MIN_HORIZONTAL) {
            forward = lateral = 0;
            hx = hy = hz = lx = ly = lz = 0;
            return;
        }
        double rh = this.rh, e = hn2 * rh * rh - 1, e2 = e * e;
        if (e2 < NEWTON_SPAN * NEWTON_SPAN) {
            rh *= 1 - 0.5 * e;
        } else if (e2 < NEWTON2_SPAN * NEWTON2_SPAN) {
            rh *= 1 - 0.5 * e;
            e = hn2 * rh * rh - 1;
            rh *= 1 - 0.5 * e;
        } else {
            rh = 1 / Math.sqrt(hn2);
        }
        this.rh = rh;
        hx *= rh;
        hy *= rh;
        hz *= rh;
        this.hx = hx;
        this.hy = hy;
        this.hz = hz;
        forward = ax * hx + ay * hy + az * hz;
        // left = up x front
        double lx = uy * hz - uz * hy, ly = uz * hx - ux * hz, lz = ux * hy - uy * hx;
        this.lx = lx;
        this.ly = ly;
        this.lz = lz;
        lateral = ax * lx + ay * ly + az * lz;
    }

    /** The stride low-pass's state as if the first sample had always been there (Biquad.resetTo, per axis). */
    private void primeStride(double ax, double ay, double az) {
        double y = dcGain * ax;
        xs2 = b2 * ax - a2 * y;
        xs1 = b1 * ax - a1 * y + xs2;
        y = dcGain * ay;
        ys2 = b2 * ay - a2 * y;
        ys1 = b1 * ay - a1 * y + ys2;
        y = dcGain * az;
        zs2 = b2 * az - a2 * y;
        zs1 = b1 * az - a1 * y + zs2;
    }

    /** Whether the attitude is known (the first sample with a non-zero specific force has come). */
    public boolean started() { return tilt.started(); }

    /** The attitude's up, unit vector in the sensor frame (zero until {@link #started()}). */
    public double ux() { return ux; }

    public double uy() { return uy; }

    public double uz() { return uz; }

    /** Specific force along the attitude's up, less the learned gravity: the pelvis's vertical acceleration, m/s^2. */
    public double vertical() { return vertical; }

    /** Angular rate about the attitude's up, rad/s (turning, positive to the left). */
    public double upRate() { return upRate; }

    /** Local gravity magnitude as the accelerometer reads it at rest, m/s^2 (learns the sensor's scale error). */
    public double gravity() { return tilt.gravity(); }

    /** The stride frame's up, unit vector in the sensor frame. */
    public double strideUx() { return sux; }

    public double strideUy() { return suy; }

    public double strideUz() { return suz; }

    /** Specific force along the stride frame's up, less its mean magnitude, m/s^2. */
    public double strideVertical() { return strideVertical; }

    /** Angular rate about the stride frame's up, rad/s. */
    public double strideUpRate() { return strideUpRate; }

    /** Specific force along the wearer's front made horizontal (stride frame), m/s^2; 0 when the front is undefined. */
    public double forward() { return forward; }

    /** Specific force along left (stride frame), m/s^2; 0 when the front is undefined. */
    public double lateral() { return lateral; }

    /** The wearer's front made horizontal (stride frame), unit vector in the sensor frame; zero when the front is undefined. */
    public double hx() { return hx; }

    public double hy() { return hy; }

    public double hz() { return hz; }

    /** Left, horizontal unit vector in the sensor frame (stride up x front); zero when the front is undefined. */
    public double lx() { return lx; }

    public double ly() { return ly; }

    public double lz() { return lz; }

    /** Magnitude of the specific force, m/s^2. */
    public double accelNorm() { return an; }

    /** Squared magnitude of the angular rate, rad^2/s^2 (compare it with a squared limit; the root only where the magnitude itself is needed). */
    public double rateSquared() { return wn2; }

    /** The stillness verdicts this frame's learning is gated by. */
    public Stillness stillness() { return stillness; }
}
