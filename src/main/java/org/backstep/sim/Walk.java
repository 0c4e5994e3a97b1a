package org.backstep.sim;

import java.util.Objects;
import org.backstep.event.Direction;

/**
 * One walking stretch of a scenario, immutable; the {@code with}-style methods return copies.
 * Consecutive walks in a script flow into each other without stopping.
 *
 * <pre>{@code Walk.of(Direction.BACKWARD, 30, 85).lean(20).kneeBend(0.5).stumbleAt(12)}</pre>
 */
public final class Walk {
    private final Direction direction;
    private final int steps;
    private final double spm;
    private final double stepLength;
    private final double leanDeg;
    private final double kneeBend;
    private final double irregularity;
    private final int stumbleAt;
    private final double turnDeg;
    private final GaitStyle style;

    private Walk(Direction direction, int steps, double spm, double stepLength, double leanDeg, double kneeBend,
            double irregularity, int stumbleAt, double turnDeg, GaitStyle style) {
        this.direction = Objects.requireNonNull(direction, "direction");
        if (steps < 1 || steps > 100_000) throw new IllegalArgumentException("steps must be 1..100000, got " + steps);
        if (!(spm >= MIN_SPM && spm <= 200)) throw new IllegalArgumentException("cadence must be 15..200 spm, got " + spm);
        if (!(Double.isNaN(stepLength) || stepLength >= 0.05 && stepLength <= 1.2)) {
            throw new IllegalArgumentException("step length must be 0.05..1.2 m, got " + stepLength);
        }
        if (!(leanDeg >= -30 && leanDeg <= 60)) throw new IllegalArgumentException("lean must be -30..60 deg, got " + leanDeg);
        if (!(kneeBend >= 0 && kneeBend <= 1)) throw new IllegalArgumentException("knee bend must be 0..1, got " + kneeBend);
        if (!(irregularity >= 0 && irregularity <= 0.3)) {
            throw new IllegalArgumentException("irregularity must be 0..0.3, got " + irregularity);
        }
        if (stumbleAt != -1 && (stumbleAt < 1 || stumbleAt >= steps)) {
            throw new IllegalArgumentException("stumble step must be 1.." + (steps - 1) + ", got " + stumbleAt);
        }
        if (!(Math.abs(turnDeg) <= 720)) throw new IllegalArgumentException("turn must be within +-720 deg, got " + turnDeg);
        this.steps = steps;
        this.spm = spm;
        this.stepLength = stepLength;
        this.leanDeg = leanDeg;
        this.kneeBend = kneeBend;
        this.irregularity = irregularity;
        this.stumbleAt = stumbleAt;
        this.turnDeg = turnDeg;
        this.style = Objects.requireNonNull(style, "style");
    }

    /**
     * Slowest cadence, steps per minute: steps 4 s apart, the slowest walking reported for walkers
     * with aids and advanced neurological disease (see {@link Population}).
     */
    public static final double MIN_SPM = 15;

    /** A plain walk: {@code steps} contacts at {@code spm} steps per minute, default step length. */
    public static Walk of(Direction direction, int steps, double spm) {
        return new Walk(direction, steps, spm, Double.NaN, 0, 0, 0.02, -1, 0, GaitStyle.DEFAULT);
    }

    /** Step length in metres (default: by direction and cadence, see {@link #effectiveStepLength()}). */
    public Walk stepLength(double metres) {
        return new Walk(direction, steps, spm, metres, leanDeg, kneeBend, irregularity, stumbleAt, turnDeg, style);
    }

    /** Extra forward pitch of the pelvis in degrees (positive = forward), ramped in and out. */
    public Walk lean(double deg) {
        return new Walk(direction, steps, spm, stepLength, deg, kneeBend, irregularity, stumbleAt, turnDeg, style);
    }

    /**
     * Knee bend 0..1: lower pelvis, smaller bounce and impacts, shorter quicker steps, anterior tilt.
     * 1 stands for {@value #FULL_KNEE_BEND_DEG} degrees of knee flexion held through the stride;
     * {@link #kneeFlexion(double)} takes degrees.
     */
    public Walk kneeBend(double k) {
        return new Walk(direction, steps, spm, stepLength, leanDeg, k, irregularity, stumbleAt, turnDeg, style);
    }

    /**
     * Knee flexion kept through the stride (on top of the normal swing), 0 to
     * {@value #FULL_KNEE_BEND_DEG} degrees; the coach's "bent knees while walking" spans 0 to 40.
     * What a belt IMU sees, from the physics of a bent leg:
     * <ul>
     * <li>the pelvis rides lower by {@link #pelvisDropM()}: 1.3 cm at 20 degrees, 5.2 cm at 40
     * (1.75 m wearer);</li>
     * <li>a flatter vertical pelvis path: the pelvis vaults over the stance leg by about s²/(8L) for
     * step length s and leg length L, and bent knees shorten both (the step as below, the leg by the
     * drop): 18 % flatter at 20 degrees, 32 % at 40 ({@link GaitBout}). Stance-phase knee flexion by
     * itself hardly changes the trunk's vertical excursion (Gard and Childress 1999, Arch Phys Med
     * Rehabil 80:26), so there is no knee term beyond the geometry; walking on deliberately flexed legs
     * flattens it by up to 69 % (Ortega and Farley 2005, J Appl Physiol 99:2099), so this is the
     * cautious end;</li>
     * <li>softer contacts: a flexed knee is a softer spring and absorbs the impact (bent-knee "Groucho"
     * running: lower leg stiffness, less shock reaching the trunk; McMahon, Valiant and Frederick 1987,
     * J Appl Physiol 62:2326; knee angles of 0 to 40 degrees at contact lower the impact force,
     * Lafortune, Hennig and Lake 1996, J Biomech 29:1523): the impact peaks fall by 1 % a degree (40 %
     * less at 40 degrees, more with the lower speed), pelvic roll and pitch by 0.6 % a degree;</li>
     * <li>a bent leg reaches less far: steps 0.5 % a degree shorter and slightly quicker (0.16 % a
     * degree), so speed drops;</li>
     * <li>the trunk leans forward 0.1 degree a degree of flexion (4 degrees at 40) on top of the
     * walk's {@link #lean(double)}: with hips and knees flexed the trunk tips forward to keep the
     * centre of mass over the feet (flexed-knee stance, Perry, Antonelli and Ford 1975, J Bone
     * Joint Surg Am 57:961).</li>
     * </ul>
     * These per-degree rates are {@link #kneeBend(double)}'s effects divided by
     * {@value #FULL_KNEE_BEND_DEG}: the linear effects scale with the flexion, the drop and the
     * excursion with their geometry.
     */
    public Walk kneeFlexion(double deg) {
        if (!(deg >= 0 && deg <= FULL_KNEE_BEND_DEG)) {
            throw new IllegalArgumentException("knee flexion must be 0.." + FULL_KNEE_BEND_DEG + " deg, got " + deg);
        }
        return kneeBend(deg / FULL_KNEE_BEND_DEG);
    }

    /**
     * Knee flexion that {@link #kneeBend(double)} 1 stands for, degrees: the flexion that lowers the
     * pelvis of the 1.75 m reference wearer by the 8 cm the simulator has always used for a full
     * knee bend ({@link #pelvisDropM()}).
     */
    public static final double FULL_KNEE_BEND_DEG = 50;

    /**
     * Thigh and shank length, each, as a share of body height (Winter, Biomechanics and Motor
     * Control of Human Movement, 4th ed. 2009, table 4.1: thigh 0.245, leg 0.246).
     */
    static final double LEG_SEGMENT_PER_HEIGHT = 0.245;

    /** Sustained knee flexion of this walk, degrees (see {@link #kneeFlexion(double)}). */
    public double kneeFlexionDeg() {
        return kneeBend * FULL_KNEE_BEND_DEG;
    }

    /**
     * How much lower the pelvis rides with the knees bent, m: with the hip kept over the ankle, thigh
     * and shank each incline by half the knee flexion, so the leg shortens by
     * {@code 2 L (1 - cos(flexion / 2))} for segments of length L.
     */
    public double pelvisDropM() {
        double segment = LEG_SEGMENT_PER_HEIGHT * GaitStyle.REFERENCE_HEIGHT_M * style.legScale();
        return 2 * segment * (1 - Math.cos(Math.toRadians(kneeFlexionDeg() / 2)));
    }

    /** Relative standard deviation of step times (default 0.02). */
    public Walk irregularity(double fraction) {
        return new Walk(direction, steps, spm, stepLength, leanDeg, kneeBend, fraction, stumbleAt, turnDeg, style);
    }

    /** Trips during the swing before contact {@code step} (1..steps-1, 0-based within this walk). */
    public Walk stumbleAt(int step) {
        return new Walk(direction, steps, spm, stepLength, leanDeg, kneeBend, irregularity, step, turnDeg, style);
    }

    /** Changes heading by {@code deg} (positive = to the left) spread over this walk. */
    public Walk turn(double deg) {
        return new Walk(direction, steps, spm, stepLength, leanDeg, kneeBend, irregularity, stumbleAt, deg, style);
    }

    /** How the wearer walks (see {@link GaitStyle}); default {@link GaitStyle#DEFAULT}. */
    public Walk style(GaitStyle s) {
        return new Walk(direction, steps, spm, stepLength, leanDeg, kneeBend, irregularity, stumbleAt, turnDeg, s);
    }

    public GaitStyle style() { return style; }

    public Direction direction() { return direction; }

    public int steps() { return steps; }

    public double spm() { return spm; }

    public double leanDeg() { return leanDeg; }

    public double kneeBend() { return kneeBend; }

    public double irregularity() { return irregularity; }

    /** The stumble step, or -1. */
    public int stumbleAt() { return stumbleAt; }

    public double turnDeg() { return turnDeg; }

    /** Cadence after the knee-bend adjustment (bent knees: up to 8 % quicker). */
    public double effectiveSpm() {
        return spm * (1 + 0.08 * kneeBend);
    }

    /**
     * Step length in metres: the explicit one, else forward {@code 0.26 + 0.0042 spm} (0.72 m at
     * 110 spm), backward {@code 0.12 + 0.0028 spm} (0.36 m at 85 spm), shortened by up to 25 % with
     * bent knees. The default scales with the wearer's leg length and shrinks by up to 55 % with
     * a shuffle (Parkinsonian shuffling steps are 0.2 to 0.4 m, against 0.6 to 0.75 m healthy).
     */
    public double effectiveStepLength() {
        double base = !Double.isNaN(stepLength) ? stepLength
                : (direction == Direction.FORWARD ? clamp(0.26 + 0.0042 * spm, 0.3, 0.85)
                : clamp(0.12 + 0.0028 * spm, 0.2, 0.6)) * style.legScale() * (1 - 0.55 * style.shuffle());
        return Math.max(0.05, base * (1 - 0.25 * kneeBend));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public String toString() {
        return "walk " + direction.json() + " " + steps + " steps at " + spm + " spm";
    }
}
