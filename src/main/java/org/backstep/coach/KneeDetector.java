package org.backstep.coach;

import org.backstep.event.AlertKind;
import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;
import org.backstep.signal.DelayLine;

/**
 * Bent knees, from what the pelvis does.
 *
 * <p>Walking: per step, the pelvis's vertical bounce (RMS of 0.5-4 Hz vertical acceleration scaled
 * by the step period squared, a displacement) and the heel-strike impact (peak vertical
 * acceleration). Straight-knee walking vaults the pelvis over a stiff leg: it rises and falls a few
 * centimetres each step and lands hard. With bent knees the pelvis rides low and level and the knee
 * absorbs the impact, so both drop. The baseline is the wearer's own first {@link #BASE_STEPS}
 * walking steps of the session (after the upright reference: walk tall to start). A lapse is
 * {@link #WINDOW} steps with bounce below {@link #BOUNCE_RATIO} and impact below
 * {@link #IMPACT_RATIO} of the baseline.
 *
 * <p>Standing: a squat is a fast descent of the pelvis (vertical velocity from 1.5 s of
 * low-passed vertical acceleration below {@link #SQUAT_VEL}) starting from standing still with the
 * trunk upright; bending at the hips instead tips the trunk with little pelvis descent.
 */
final class KneeDetector {
    static final int BASE_STEPS = 12;
    static final int SKIP_STEPS = 3;
    static final int WINDOW = 8;
    static final double BOUNCE_RATIO = 0.6;
    static final double IMPACT_RATIO = 0.8;
    static final double CLEAR_RATIO = 0.75;
    static final double SQUAT_VEL = -0.35;
    static final double SQUAT_WINDOW_S = 1.5;
    static final double SQUAT_MAX_LEAN = 30;
    static final double JUMP_ACC = 5;

    private final double dt;
    private final Cascade band;
    private final Cascade low;
    private final DelayLine lowHist;
    private double lowSum;
    private double lastJump = Double.NEGATIVE_INFINITY;

    // per-step accumulators
    private double sq;
    private int n;
    private double peak = Double.NEGATIVE_INFINITY;
    private double lastStepT = Double.NaN;
    private int boutSteps;
    private int baseCount;
    private double baseBounce, baseImpact;
    private final double[] bounceR = new double[WINDOW];
    private final double[] impactR = new double[WINDOW];
    private int rCount;
    private boolean gaitLapse;

    private boolean squatArmed = true;
    private double lastSquat = Double.NEGATIVE_INFINITY;

    KneeDetector(double fs) {
        this.dt = 1 / fs;
        this.band = Butterworth.bandPass(2, 0.5, Math.min(4, fs * 0.45), fs);
        this.low = Butterworth.lowPass(2, Math.min(1.5, fs * 0.45), fs);
        this.lowHist = new DelayLine(Math.max(1, (int) Math.round(SQUAT_WINDOW_S * fs)));
    }

    /** Per sample: {@code vert} is the vertical acceleration (gravity removed), m/s^2. */
    void sample(double t, double vert, double lean, boolean walking, double lastStill, AlertPolicy policy) {
        double b = band.filter(vert);
        sq += b * b;
        n++;
        if (vert > peak) peak = vert;
        double l = low.filter(vert);
        if (lowHist.size() == lowHist.capacity()) lowSum -= lowHist.get(lowHist.capacity() - 1);
        lowHist.push(l);
        lowSum += l;
        if (Math.abs(l) > JUMP_ACC) lastJump = t;
        double vel = lowSum * dt;
        if (!walking && squatArmed && vel < SQUAT_VEL && lean < SQUAT_MAX_LEAN
                && t - lastStill < SQUAT_WINDOW_S + 1.0 && t - lastJump > SQUAT_WINDOW_S) {
            squatArmed = false;
            lastSquat = t;
            policy.offer(AlertKind.KNEE, t - SQUAT_WINDOW_S / 2, t);
        }
        if (!squatArmed && vel > -0.1 && t - lastStill < 0.3 && t - lastSquat > 2) squatArmed = true;
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
                } else {
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
        double bm = 0, im = 0;
        for (int i = 0; i < WINDOW; i++) {
            bm += bounceR[i];
            im += impactR[i];
        }
        bm /= WINDOW;
        im /= WINDOW;
        if (!gaitLapse && bm < BOUNCE_RATIO && im < IMPACT_RATIO) {
            gaitLapse = true;
            policy.offer(AlertKind.KNEE, t, at);
        } else if (gaitLapse && bm > CLEAR_RATIO) {
            gaitLapse = false;
        }
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
