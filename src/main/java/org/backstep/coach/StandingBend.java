package org.backstep.coach;

import org.backstep.frame.Stillness;
import org.backstep.event.AlertKind;

/**
 * A bend while standing, classified on what the pelvis does at the deepest point.
 *
 * <p>From the last still moment (where the pelvis's velocity is zero and the accelerometer's
 * vertical bias is learned) the vertical acceleration is integrated twice into a pelvis descent.
 * The deepest point is where neither the descent nor the trunk lean has grown for
 * {@link #DEEPEST_S}. There the descent is set against what the trunk's pitch alone explains: a
 * hinge at the hips lowers a belt sensor by about {@code r (1 - cos pitch)} with r the sensor's
 * height over the hip joints ({@link #HINGE_RADIUS_M}). A pelvis lower than that by more than
 * {@link #KNEE_DESCENT_M} needs bent knees: a squat, raised as {@code knee}, whatever the trunk's
 * lean (people lean 30 to 45 degrees to balance a squat). A deep lean without that descent is a
 * hip hinge, which the posture detector's stoop rule judges. While a descent is tracked and not
 * yet classified the bend is {@link #pending}: the stoop rule waits for the verdict instead of
 * racing the squat, since the policy would then drop the knee alert under the posture one.
 *
 * <p>A pelvis that went down by {@link #LOW_M} or more (sitting, lying down) is {@link #low} until
 * it comes back up or the wearer walks: a lean down there is not a standing stoop.
 */
final class StandingBend {
    /**
     * Height of a belt sensor over the hip joints, m: 10 to 15 cm in adults; the upper value, so
     * that a pure hinge is never read as a squat (at 45 degrees it explains 4.4 cm, at 90 degrees 15 cm).
     */
    static final double HINGE_RADIUS_M = 0.15;
    /**
     * Descent beyond the hinge's that takes bent knees, m: a partial squat lowers the pelvis by 20
     * to 40 cm; standing sway and a few seconds of integration drift stay under 5 cm.
     */
    static final double KNEE_DESCENT_M = 0.12;
    /** The deepest point is passed once neither descent nor lean has grown for this long, s (a held pose or the way back up). */
    static final double DEEPEST_S = 0.6;
    /**
     * A hold at least this long, s, ended before {@link #DEEPEST_S}, is still judged if the pelvis
     * is already lower there than a hinge explains: two stillness blocks, longer than the pauses
     * seen mid-descent (a slow descent's acceleration crosses zero for about a block).
     */
    static final double MIN_HOLD_S = 0.5;
    /** Growth that counts as going deeper: 1 cm of descent (pelvis sway), 2 degrees of lean (trunk sway). */
    static final double DEEPER_M = 0.01;
    static final double DEEPER_DEG = 2;
    /**
     * Longest descent tracked, s: slow wearers take 2 to 3 s down; the double integral's drift grows
     * with the square of time (a residual bias of 0.01 m/s^2 gives 8 cm after 4 s).
     */
    static final double MAX_DESCENT_S = 4;
    /** An acceleration jump this large (m/s^2) is a jump or a knock, not a controlled bend. */
    static final double JUMP_ACC = 5;
    /** A squat's lean is its own for this long after the verdict, s (the way back up). */
    static final double SQUAT_HOLD_S = 4;
    /** A pelvis this much lower than standing is sitting or lying, m (a chair seat is 40 to 50 cm under the standing pelvis). */
    static final double LOW_M = 0.35;
    /**
     * A bend starts from standing: the trunk within 25 degrees of the upright reference (cosine
     * compared). Rising from a held bend is not a descent, and its integral would carry the
     * gravity error of the bent orientation.
     */
    static final double UPRIGHT_COS = Math.cos(Math.toRadians(25));
    /** Time constant of the vertical bias learned while still, s. */
    static final double BIAS_TAU_S = 1.0;

    enum Verdict { NONE, SQUAT, HINGE }

    private final double dt;
    private double bias;
    private boolean biasSeeded;
    private double blockSum;
    private int blockN;
    private double lastBlockEnd = Double.NaN;
    private boolean jumped;

    private boolean tracking;
    private boolean decided;
    private boolean disqualified;
    private double start;
    private double v, z;
    private double zMin, leanAtMin, leanMax, lastDeeper;
    private double tMin;
    /** The integral at the last block end (the current block's start). */
    private double blockZ, blockV;
    /** The corrected descent where the current hold began, m. */
    private double holdDescent;
    private double lastSquat = Double.NEGATIVE_INFINITY;
    private boolean low;
    private boolean uprightStill;
    private boolean holding;
    private double holdStart;
    /** The low pelvis's height in the current episode's coordinates. */
    private double lowZ;
    private Verdict verdict = Verdict.NONE;

    StandingBend(double fs) {
        this.dt = 1 / fs;
    }

    /**
     * Per sample.
     *
     * @param vert       vertical acceleration, gravity removed, m/s^2
     * @param lean       forward lean, degrees
     * @param cosTilt    cosine of the trunk's tilt from the upright reference (1 when unknown)
     * @param blockEnded a stillness block ended at this sample; {@code still} is its verdict (the
     *                   verdict comes a block late, so the integral runs on and is reset only at
     *                   the end of a still block, where the pelvis was at rest)
     * @param steady     that block varied little, whatever its level (a held pose that a tilted
     *                   accelerometer with scale errors does not read as 1 g)
     * @param lastStep   contact time of the last step reported by the gait engine
     */
    void sample(double t, double vert, double lean, double cosTilt, boolean blockEnded, boolean still, boolean steady,
                boolean walking, double lastStep, AlertPolicy policy) {
        if (walking) low = false;
        blockSum += vert;
        blockN++;
        if (biasSeeded) {
            double a = vert - bias;
            v += a * dt;
            z += v * dt;
            if (Math.abs(a) > JUMP_ACC) jumped = true;
        }
        if (blockEnded) {
            double mean = blockSum / blockN;
            blockSum = 0;
            blockN = 0;
            if (steady && tracking && !decided && !disqualified && zMin < -DEEPER_M) {
                // holding steady at the bottom (quiet, whatever gravity the tilted accelerometer
                // reads there): the deepest point, once held for DEEPEST_S without going deeper
                if (!holding) {
                    // if the pelvis is at rest from this block's start: the descent there, corrected
                    // (the integral's deepest point moves on with the error while the wearer holds)
                    holding = true;
                    holdStart = t;
                    holdDescent = correctedDescent(blockZ, lastBlockEnd, blockV, lastBlockEnd);
                }
                if (t - holdStart >= DEEPEST_S && t - lastDeeper >= DEEPEST_S) decide(t, correctedDescent(zMin, tMin, v, t), policy);
            } else if (still) {
                bias = biasSeeded ? bias + Math.min(1, (t - lastBlockEnd) / BIAS_TAU_S) * (mean - bias) : mean;
                biasSeeded = true;
                tracking = false;
                holding = false;
                uprightStill = cosTilt > UPRIGHT_COS;
                v = 0;
                z = 0;
                jumped = false;
                if (low) lowZ = 0;
            } else {
                // a hold too short for the deepest point: a pause in the middle of a slow descent,
                // or a short hold at the bottom. Already deeper than a hinge explains, it was a
                // squat either way; otherwise the descent goes on being tracked.
                if (holding && tracking && !decided && !disqualified && lastBlockEnd - holdStart + Stillness.BLOCK_S >= MIN_HOLD_S - 1e-9
                        && holdDescent - hinge(leanAtMin) > KNEE_DESCENT_M) {
                    decide(t, holdDescent, policy);
                }
                holding = false;
                if (!tracking && biasSeeded) {
                    tracking = true;
                    decided = false;
                    disqualified = !uprightStill;
                    start = lastBlockEnd;
                    zMin = Math.min(0, z);
                    tMin = t;
                    leanAtMin = leanMax = lean;
                    lastDeeper = t;
                }
            }
            lastBlockEnd = t;
            blockZ = z;
            blockV = v;
        }
        if (low && z > lowZ + LOW_M / 2) low = false;
        if (!tracking || decided) return;
        if (jumped || walking || lastStep >= start) disqualified = true;
        if (z < zMin - DEEPER_M) {
            zMin = z;
            tMin = t;
            leanAtMin = lean;
            lastDeeper = t;
        }
        if (lean > leanMax + DEEPER_DEG) {
            leanMax = lean;
            lastDeeper = t;
        }
        if (disqualified || t - start > MAX_DESCENT_S) {
            decided = true;
                verdict = Verdict.NONE;
        } else if (!holding && t - lastDeeper >= DEEPEST_S) {
            decide(t, -zMin, policy);
        }
    }

    /**
     * The descent at {@code at}, where the integral read {@code z}, for a wearer at rest at
     * {@code now}, where it reads velocity {@code v}. At rest the pelvis's velocity is zero, so the
     * integrated velocity is the error of the bias learned upright (a swaying start, and a cheap
     * accelerometer reading gravity differently once tilted: SisFall D15 SA02 reads 10.08 m/s^2
     * upright and 9.6 at the bottom of its squat). Taken as growing linearly from the start (a
     * constant error in acceleration, the zero-velocity update of pedestrian dead reckoning), its
     * double integral is taken off.
     */
    private double correctedDescent(double z, double at, double v, double now) {
        double e = now > start ? v / (now - start) : 0;
        return -(z - e * (at - start) * (at - start) / 2);
    }

    private void decide(double t, double descent, AlertPolicy policy) {
        decided = true;
        double hinge = hinge(leanAtMin);
        if (descent >= LOW_M && descent - hinge > KNEE_DESCENT_M) {
            low = true;
            // held, the pelvis is at the bottom now, whatever the integral's drift says
            lowZ = holding ? z : zMin;
        }
        if (descent - hinge > KNEE_DESCENT_M) {
            verdict = Verdict.SQUAT;
            lastSquat = t;
            policy.offer(AlertKind.KNEE, start, t);
        } else {
            verdict = Verdict.HINGE;
        }
    }

    /** The descent of a belt sensor that a hinge at the hips to {@code leanDeg} explains, m. */
    private static double hinge(double leanDeg) {
        return HINGE_RADIUS_M * (1 - Math.cos(Math.toRadians(Math.min(90, Math.max(0, leanDeg)))));
    }

    /** A descent is being tracked and not yet classified: a standing lean must wait for the verdict. */
    boolean pending() { return tracking && !decided && z < -DEEPER_M; }

    /** A squat was classified in the last {@link #SQUAT_HOLD_S}: its lean is not a stoop. */
    boolean squatting(double t) { return t - lastSquat < SQUAT_HOLD_S; }

    /** The pelvis is down at sitting or lying height. */
    boolean low() { return low; }

    /** The last verdict (NONE before any). */
    Verdict verdict() { return verdict; }

    /** Last squat time. */
    double lastSquat() { return lastSquat; }
}
