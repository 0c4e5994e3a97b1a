package org.backstep.coach;

import org.backstep.event.AlertKind;
import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;

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
 * <p>Standing bends (squats against hip hinges) are {@link StandingBend}'s.
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

    private final Cascade band;

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

    KneeDetector(double fs) {
        this.band = Butterworth.bandPass(2, 0.5, Math.min(4, fs * 0.45), fs);
    }

    /** Per sample: {@code vert} is the vertical acceleration (gravity removed), m/s^2. */
    void sample(double vert) {
        double b = band.filter(vert);
        sq += b * b;
        n++;
        if (vert > peak) peak = vert;
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

    boolean lapseActive() { return gaitLapse; }

    /** Contact time of the last step the gait engine reported. */
    double lastStep() { return lastStepT; }

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
