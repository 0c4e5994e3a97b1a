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

    /** Knee bend 0..1: lower pelvis, smaller bounce and impacts, shorter quicker steps, anterior tilt. */
    public Walk kneeBend(double k) {
        return new Walk(direction, steps, spm, stepLength, leanDeg, k, irregularity, stumbleAt, turnDeg, style);
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
