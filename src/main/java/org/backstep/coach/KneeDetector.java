package org.backstep.coach;

import org.backstep.event.AlertKind;
import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;
import org.backstep.signal.OnePole;

/**
 * Bent knees, from what the pelvis does.
 *
 * <p>Walking: per step, the pelvis's vertical bounce (RMS of 0.5-4 Hz vertical acceleration scaled
 * by the step period squared, a displacement) and the heel-strike impact (peak vertical
 * acceleration). Straight-knee walking vaults the pelvis over a stiff leg: it rises and falls a few
 * centimetres each step and lands hard. With bent knees the pelvis rides low and level and the knee
 * absorbs the impact, so both drop. The baseline is the wearer's own first {@link #BASE_STEPS}
 * walking steps of the session (after the upright reference: walk tall to start). A lapse is
 * {@link #WINDOW} steps of which nine have a bounce below {@link #BOUNCE_RATIO} of the baseline,
 * with the median impact below {@link #IMPACT_RATIO} of it (the last steps before stopping, which
 * are soft too, are too few to make a lapse).
 *
 * <p>Standing: a squat is a descent of the pelvis by more than {@link #SQUAT_DEPTH_M} (vertical
 * acceleration integrated twice from the last moment of standing still, where velocity is zero and
 * the accelerometer bias is learned) with the trunk within {@link #SQUAT_MAX_LEAN} degrees of
 * upright, then holding still low down for {@link #SQUAT_HOLD_S} within {@link #SQUAT_CONFIRM_S}
 * without a step or a jump. Bending at the hips instead tips the trunk with little pelvis descent,
 * and setting off to walk keeps moving and makes steps.
 */
final class KneeDetector {
    static final int BASE_STEPS = 12;
    static final int SKIP_STEPS = 3;
    static final int WINDOW = 12;
    /** Rank (0-based, ascending) of the bounce ratio that must be low: 9 of 12 steps. */
    static final int BOUNCE_RANK = 8;
    static final double BOUNCE_RATIO = 0.6;
    static final double IMPACT_RATIO = 0.8;
    static final double CLEAR_RATIO = 0.75;
    static final double STILL_RATIO = 0.25;
    static final double SQUAT_MAX_LEAN = 30;
    static final double JUMP_ACC = 5;
    static final double SQUAT_CONFIRM_S = 3;
    static final double SQUAT_HOLD_S = 0.5;
    static final double SETTLE_S = 3;
    static final double MAX_EPISODE_S = 4;
    static final double SQUAT_DEPTH_M = 0.12;

    private final double dt;
    private final Cascade band;
    private final OnePole bias;
    private double firstT = Double.NaN;

    // per-step accumulators
    private double sq;
    private int n;
    private double peak = Double.NEGATIVE_INFINITY;
    private double lastStepT = Double.NEGATIVE_INFINITY;
    private int boutSteps;
    private int baseCount;
    private double baseBounce, baseImpact;
    private final double[] bounceR = new double[WINDOW];
    private final double[] impactR = new double[WINDOW];
    private int rCount;
    private boolean gaitLapse;

    private boolean squatArmed = true;
    private boolean episode;
    private double episodeStart;
    private double episodeLean;
    private boolean jumped;
    private boolean fromStill;
    private double v, z;
    private double descentT = Double.NaN;
    private double lastSquat = Double.NEGATIVE_INFINITY;

    KneeDetector(double fs) {
        this.dt = 1 / fs;
        this.band = Butterworth.bandPass(2, 0.5, Math.min(4, fs * 0.45), fs);
        this.bias = new OnePole(1.0, fs);
    }

    /** Per sample: {@code vert} is the vertical acceleration (gravity removed), m/s^2. */
    void sample(double t, double vert, double lean, boolean walking, double lastStill, double stillFor,
                AlertPolicy policy) {
        double b = band.filter(vert);
        sq += b * b;
        n++;
        if (vert > peak) peak = vert;
        if (Double.isNaN(firstT)) {
            firstT = t;
            bias.resetTo(vert);
        }
        boolean still = stillFor > 0;
        if (still) {
            bias.filter(vert);
            episode = false;
            v = 0;
            z = 0;
        } else {
            if (!episode) {
                episode = true;
                episodeStart = t;
                episodeLean = lean;
                jumped = false;
                fromStill = t - lastStill < 0.5;
            }
            double a = vert - bias.value();
            if (Math.abs(a) > JUMP_ACC) jumped = true;
            v += a * dt;
            z += v * dt;
            if (lean > episodeLean) episodeLean = lean;
        }
        boolean valid = episode && fromStill && !jumped && t - episodeStart < MAX_EPISODE_S && !walking
                && lastStepT < episodeStart && t - firstT > SETTLE_S;
        if (valid && squatArmed && Double.isNaN(descentT) && z < -SQUAT_DEPTH_M && episodeLean < SQUAT_MAX_LEAN) {
            descentT = t;
        }
        if (!Double.isNaN(descentT)) {
            // a squat holds the low position; setting off to walk keeps moving and makes steps
            if (walking || lastStepT > descentT - 1 || t - descentT > SQUAT_CONFIRM_S || lean > SQUAT_MAX_LEAN) {
                descentT = Double.NaN;
            } else if (stillFor >= SQUAT_HOLD_S) {
                squatArmed = false;
                lastSquat = t;
                policy.offer(AlertKind.KNEE, episodeStart, t);
                descentT = Double.NaN;
            }
        }
        if (!squatArmed && still && t - lastSquat > 2) squatArmed = true;
    }

    /** A pelvis descent is being tracked or was seen in the last seconds (no upright reference now). */
    boolean descending(double t) {
        return (episode && z < -SQUAT_DEPTH_M / 2) || t - lastSquat < 5;
    }

    /** A step contact (from the gait engine) closes the previous step's features. */
    void step(double t, boolean walking, AlertPolicy policy, double reportAt) {
        double period = t - lastStepT;
        boolean valid = walking && period > 0.3 && period < 1.5 && n > 0;
        if (!(period > 0) || period > 1.5) boutSteps = 0;
        lastStepT = t;
        if (valid) {
            boutSteps++;
            double w = 2 * Math.PI / period;
            double bounce = Math.sqrt(2 * sq / n) / (w * w);
            double impact = Math.max(peak, 0.1);
            if (boutSteps > SKIP_STEPS) {
                if (baseCount < BASE_STEPS) {
                    baseCount++;
                    baseBounce += (bounce - baseBounce) / baseCount;
                    baseImpact += (impact - baseImpact) / baseCount;
                } else if (bounce > STILL_RATIO * baseBounce || impact > STILL_RATIO * baseImpact) {
                    // (a "step" with the pelvis at rest is the gait engine's mistake, not a bent knee)
                    bounceR[rCount % WINDOW] = bounce / baseBounce;
                    impactR[rCount % WINDOW] = impact / baseImpact;
                    rCount++;
                    if (rCount >= WINDOW) judge(t, policy, reportAt);
                }
            }
        }
        sq = 0;
        n = 0;
        peak = Double.NEGATIVE_INFINITY;
    }

    private void judge(double t, AlertPolicy policy, double at) {
        double bm = kth(bounceR, BOUNCE_RANK);
        double im = kth(impactR, WINDOW / 2);
        if (!gaitLapse && bm < BOUNCE_RATIO && im < IMPACT_RATIO) {
            gaitLapse = true;
            policy.offer(AlertKind.KNEE, t, at);
        } else if (gaitLapse && bm > CLEAR_RATIO) {
            gaitLapse = false;
        }
    }

    /** The k-th smallest (0-based) of a small array, without allocating (selection by counting). */
    static double kth(double[] v, int want) {
        int n = v.length;
        for (int i = 0; i < n; i++) {
            int less = 0, equal = 0;
            for (int j = 0; j < n; j++) {
                if (v[j] < v[i]) less++;
                else if (v[j] == v[i]) equal++;
            }
            if (less <= want && want < less + equal) return v[i];
        }
        return v[want];
    }

    /** The last squat time (for the posture detector: a squat's lean is not a stoop). */
    double lastSquat() { return lastSquat; }

    boolean lapseActive() { return gaitLapse; }

    boolean baselineReady() { return baseCount >= BASE_STEPS; }

    double bounceBaseline() { return baseBounce; }

    /** Forget the straight-knee baseline (after {@code calibrate}). */
    void resetBaseline() {
        baseCount = 0;
        baseBounce = baseImpact = 0;
        rCount = 0;
        gaitLapse = false;
    }
}
