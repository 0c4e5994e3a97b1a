package org.backstep.coach;

import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;

/**
 * Bent knees while walking, from what the pelvis does, against the wearer's own straight-knee
 * walking in this session.
 *
 * <p>Per step, two features of the vertical acceleration (gravity removed):
 * <ul>
 * <li>the bounce: RMS of the 0.5-4 Hz vertical acceleration divided by the step's angular frequency
 * squared, a displacement that tracks the pelvis's vertical excursion. A straight leg vaults the
 * pelvis over an arc of about s²/(8L) for step length s and leg length L; knees kept bent shorten
 * the step and the arc flattens (Ortega and Farley 2005, J Appl Physiol 99:2099: walking on flexed
 * stance legs cut the vertical excursion by up to 69 %);</li>
 * <li>the contact: the peak vertical acceleration of the step, the heel strike and the weight
 * acceptance. A flexed knee at contact lowers the impact force (Lafortune, Hennig and Lake 1996,
 * J Biomech 29:1523, knee angles 0 to 40 degrees) and the knee, already bent, has no loading-response
 * flexion left to give.</li>
 * </ul>
 * Both scale with walking speed too, and speed is what separates the two: walking slower with
 * straight knees lowers the cadence, bent knees raise it (shorter, quicker steps). Each step's score
 * is the mean of the two log-ratios to the baseline, less {@link #CADENCE_EXPONENT} times the log
 * of the cadence ratio, and only steps at about the baseline's pace are judged
 * ({@link #PACE_BAND_LOG}).
 *
 * <p>The baseline is the wearer's own first {@link #BASE_STEPS} steps in each direction (after
 * {@link #SKIP_STEPS} steps of gait initiation in each bout; walk tall to start): forward and
 * backward walking are different gaits (backward steps are shorter and land on the forefoot), so
 * neither is judged against the other. It also gives the wearer's own step-to-step spread of the
 * score. Steps are scored in strides (two consecutive steps), so a limp's alternating soft and firm
 * steps cancel. A lapse is the median score of the last {@link #WINDOW} strides under
 * {@link #LAPSE_LOG} and under {@link #SPREADS} standard errors of the baseline's own spread; it
 * clears above {@link #CLEAR_LOG}. A median of twelve resists the soft closing steps of a walk. A
 * lapse the alert policy held back (a more urgent alert was sounding) is offered again at each
 * stride while it lasts, until it is heard.
 *
 * <p>Standing bends (squats against hip hinges) are {@link StandingBend}'s.
 */
final class KneeDetector {
    /** Straight-knee steps per direction that make the baseline (enough for a median and a spread). */
    static final int BASE_STEPS = 12;
    /** Gait initiation: the first steps of each bout accelerate the pelvis and are not typical. */
    static final int SKIP_STEPS = 3;
    /** Strides judged together: a median over twelve, about ten seconds of slow walking. */
    static final int WINDOW = 12;
    /**
     * Alert threshold on the median log score: 0.82 of the baseline. Knees bent 20 degrees make the
     * step about 10 % shorter, which flattens the arc by about 18 % (s²/8L) and softens contacts by
     * as much; smaller drops are within how a wearer's gait varies over a walk.
     */
    static final double LAPSE_LOG = Math.log(0.82);
    /** Clears at 0.9 of the baseline: hysteresis, so one lapse is one alert. */
    static final double CLEAR_LOG = Math.log(0.9);
    /** The lapse must also be this many standard errors of the window median below the baseline. */
    static final double SPREADS = 3;
    /**
     * How the score discounts a change of cadence: straight-knee bounce and contacts grow with speed,
     * and speed with cadence. A pure pendulum arc at a fixed walk ratio (step length proportional to
     * cadence, Sekiya and Nagasaki 1998, Eur J Appl Physiol 77:240) would give 2, the excursion's
     * floor at slow speeds (about 2 cm) less; with 2, a straight-knee walker 25 % quicker read
     * nearly as bent in the simulator. 1 is between, and bent knees' quicker steps still count.
     */
    static final double CADENCE_EXPONENT = 1;
    /**
     * Steps are judged only while their median period is within 15 % of the baseline's: knees bent
     * 40 degrees quicken steps by about 6 %, while a change of pace of 15 % or more changes the
     * speed, and with it the bounce and the contacts, by more than a knee bend does.
     */
    static final double PACE_BAND_LOG = Math.log(1.15);
    /** A "step" with bounce and contact under this share of the baseline is the pelvis at rest, not a step. */
    static final double STILL_RATIO = 0.25;
    /**
     * Steps further apart than this (s) end a walk: the slowest walking reported, steps 4 s apart
     * (walking aids, advanced neurological disease). A slow step is a vault and a pause on both
     * feet; judged against the wearer's own steps at the same pace, that is what it is compared with.
     */
    static final double MAX_STEP_S = 4;
    /** Steps closer than this (s) are not walking. */
    static final double MIN_STEP_S = 0.3;
    /**
     * A gap between 1.6 and 2.4 of the walk's last step period holds one missed step: halfway
     * between one and two steps, and between two and three, with step times varying by up to 15 %.
     */
    static final double MISSED_LOW = 1.6;
    static final double MISSED_HIGH = 2.4;

    private final Cascade band;

    // per-step accumulators
    private double sq;
    private int n;
    private double peak = Double.NEGATIVE_INFINITY;
    private double lastStepT = Double.NEGATIVE_INFINITY;
    private Direction lastDir;
    private int boutSteps;
    private double lastPeriod = Double.NaN;

    private final Baseline[] base = {new Baseline(), new Baseline()};
    private final double[] score = new double[WINDOW];
    private final double[] scratch = new double[WINDOW];
    /** Log step period against the baseline's, of the last {@link #WINDOW} steps. */
    private final double[] pace = new double[WINDOW];
    private int paceCount;
    private int rCount;
    private double prevScore = Double.NaN;
    private Direction windowDir;
    private boolean gaitLapse;
    private double lapseAt;

    /** The straight-knee baseline of one walking direction. */
    private static final class Baseline {
        final double[] bounce = new double[BASE_STEPS];
        final double[] impact = new double[BASE_STEPS];
        final double[] period = new double[BASE_STEPS];
        final double[] tmp = new double[BASE_STEPS];
        int count;
        double logBounce, logImpact, logPeriod, spread;

        boolean ready() {
            return count >= BASE_STEPS;
        }

        void add(double b, double i, double p) {
            bounce[count] = Math.log(b);
            impact[count] = Math.log(i);
            period[count] = Math.log(p);
            count++;
            if (!ready()) return;
            logBounce = median(bounce, tmp);
            logImpact = median(impact, tmp);
            logPeriod = median(period, tmp);
            // the spread of the stride score (two consecutive steps), robustly: 1.4826 MAD is the SD
            // of a normal spread
            double prev = stepScore(0);
            for (int k = 1; k < BASE_STEPS; k++) {
                double cur = stepScore(k);
                tmp[k - 1] = Math.abs(0.5 * (prev + cur));
                prev = cur;
            }
            tmp[BASE_STEPS - 1] = Double.POSITIVE_INFINITY;
            spread = 1.4826 * kth(tmp, (BASE_STEPS - 1) / 2);
        }

        private double stepScore(int k) {
            return score(bounce[k], impact[k], period[k]);
        }

        /** A step's score against this baseline, from the logs of its bounce, contact and period. */
        double score(double logB, double logI, double logP) {
            return 0.5 * (logB - logBounce + logI - logImpact) + CADENCE_EXPONENT * (logP - logPeriod);
        }

        void reset() {
            count = 0;
        }
    }

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
    void step(double t, Direction dir, boolean walking, AlertPolicy policy, double reportAt) {
        double gap = t - lastStepT;
        // a gap of about two of this walk's last steps is one step the gait engine missed (weak steps
        // of a limp, a cane or a bent knee): the span is then two steps of half that period
        boolean missed = lastPeriod > 0 && dir == lastDir && gap > MISSED_LOW * lastPeriod && gap < MISSED_HIGH * lastPeriod;
        double period = missed ? gap / 2 : gap;
        boolean valid = walking && period > MIN_STEP_S && period < MAX_STEP_S && n > 0 && dir == lastDir;
        if (!(period > 0) || period > MAX_STEP_S || dir != lastDir) {
            boutSteps = 0;
            prevScore = Double.NaN;
            lastPeriod = Double.NaN;
        }
        if (valid && !missed) lastPeriod = period;
        lastStepT = t;
        lastDir = dir;
        if (valid) {
            boutSteps++;
            double w = 2 * Math.PI / period;
            double bounce = Math.sqrt(2 * sq / n) / (w * w);
            double impact = Math.max(peak, 0.1);
            Baseline b = base[dir == Direction.FORWARD ? 0 : 1];
            if (boutSteps > SKIP_STEPS) {
                if (!b.ready()) {
                    b.add(bounce, impact, period);
                } else if (bounce > STILL_RATIO * Math.exp(b.logBounce) || impact > STILL_RATIO * Math.exp(b.logImpact)) {
                    // (a "step" with the pelvis at rest is the gait engine's mistake, not a bent knee)
                    if (windowDir != dir) {
                        rCount = 0;
                        paceCount = 0;
                        windowDir = dir;
                        prevScore = Double.NaN;
                    }
                    double sc = b.score(Math.log(bounce), Math.log(impact), Math.log(period));
                    pace[paceCount++ % WINDOW] = Math.log(period) - b.logPeriod;
                    // strides, not steps: a limp alternates a soft step on the weak leg with a firm one
                    if (!Double.isNaN(prevScore)) {
                        score[rCount % WINDOW] = 0.5 * (sc + prevScore);
                        rCount++;
                        if (rCount >= WINDOW) judge(t, b, policy, reportAt);
                    }
                    prevScore = sc;
                }
            }
        }
        sq = 0;
        n = 0;
        peak = Double.NEGATIVE_INFINITY;
    }

    private void judge(double t, Baseline b, AlertPolicy policy, double at) {
        // another pace is another gait: its bounce and contacts changed with the speed, not the knees
        if (Math.abs(median(pace, scratch)) > PACE_BAND_LOG) return;
        double m = median(score, scratch);
        // the window median's standard error, from the baseline's spread (1.25 sigma / sqrt(n) for a median)
        double se = 1.25 * b.spread / Math.sqrt(WINDOW);
        if (!gaitLapse && m < LAPSE_LOG && m < -SPREADS * se) {
            gaitLapse = true;
            lapseAt = at;
            policy.offer(AlertKind.KNEE, t, at);
        } else if (gaitLapse && m > CLEAR_LOG) {
            gaitLapse = false;
        } else if (gaitLapse && !policy.deliveredSince(AlertKind.KNEE, lapseAt)) {
            // the policy held it back (a more urgent alert was sounding): the lapse goes on, say it now
            policy.offerAgain(AlertKind.KNEE, t, at);
        }
    }

    private static double median(double[] v, double[] tmp) {
        System.arraycopy(v, 0, tmp, 0, v.length);
        int n = v.length;
        return n % 2 == 1 ? kth(tmp, n / 2) : 0.5 * (kth(tmp, n / 2 - 1) + kth(tmp, n / 2));
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

    boolean baselineReady(Direction dir) { return base[dir == Direction.FORWARD ? 0 : 1].ready(); }

    /** Forget the straight-knee baselines (after {@code calibrate}). */
    void resetBaseline() {
        base[0].reset();
        base[1].reset();
        rCount = 0;
        gaitLapse = false;
    }
}
