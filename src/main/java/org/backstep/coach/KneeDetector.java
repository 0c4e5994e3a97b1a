package org.backstep.coach;

import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;

/**
 * Bent knees while walking, from what the pelvis does, against the wearer's own straight-knee
 * walking in this session.
 *
 * <p>Per stride (two consecutive steps, so that a limp's alternating soft and firm steps cancel),
 * two features of the vertical acceleration (gravity removed):
 * <ul>
 * <li>the bounce: the pelvis's vertical excursion over the stride, peak to peak, from the 0.5-4 Hz
 * vertical acceleration integrated twice ({@link #LEAK_HZ}). A straight leg vaults the pelvis over
 * an arc of about s²/(8L) for step length s and leg length L; knees kept bent shorten the step and
 * the arc flattens (Ortega and Farley 2005, J Appl Physiol 99:2099: walking on flexed stance legs
 * cut the vertical excursion by up to 69 %). The excursion needs no step period, so neither the
 * gait engine's error in a contact time nor a step it missed or reported twice changes it, and a
 * very slow step (a vault and a pause on both feet) reads as its vault;</li>
 * <li>the contact: the heel strike's ring in each step (the log mean of the two), the most energy
 * the vertical acceleration above {@link #CONTACT_HZ} holds in {@link #CONTACT_WINDOW_S}, as an RMS.
 * A flexed knee at contact lowers the impact force (Lafortune, Hennig and Lake 1996, J Biomech
 * 29:1523, knee angles 0 to 40 degrees). The ring alone, not the step's largest acceleration, which
 * in a brisk walk is the pendulum's own at double support and would make the contact the bounce
 * again.</li>
 * </ul>
 * Each feature counts by how steady it is in this wearer's own straight-knee strides (inverse
 * variance, {@link #MIN_FEATURE_SPREAD}): a cane's jolts or an uneven floor scatter the contacts of
 * one wearer, a limp's or a very slow walker's steps cut differently by the gait engine scatter
 * another's excursion, and the steadier feature tells a lapse sooner.
 * <p>Both scale with walking speed too, and speed is what separates the two: walking slower with
 * straight knees lowers the cadence, bent knees raise it (shorter, quicker steps). A window's score
 * is the median of its strides' weighted log-ratios to the baseline, less {@link #CADENCE_EXPONENT}
 * times the log of the median cadence ratio, and only windows at about the baseline's pace are
 * judged ({@link #PACE_BAND_LOG}).
 *
 * <p>Steps come from the gait engine, which misses weak ones, reports each contact with some
 * error and a walk's first steps together, late. A step's samples are those from contact to contact
 * in stream time ({@link #STEP_TAIL_S}), kept until it is reported ({@link #HISTORY_S}), so a step
 * reported late is measured as one reported at once. A gap of about two steps is a missed step only
 * when the pelvis rose and fell twice in it ({@link #CYCLE_SHARE}) about as high as in the step
 * before ({@link #TWO_VAULTS}), or in two such gaps in a row as long as each other
 * ({@link #SAME_GAP}); each is then a stride by itself. A longer gap is a pause, after which the walk starts again (the
 * {@link #SKIP_STEPS} steps of gait initiation are not judged). The last step before a pause is a
 * stop, not walking: each step is judged only once the next one shows the walk went on.
 *
 * <p>The baseline is the wearer's own first {@link #BASE_STEPS} steps in each direction, in strides
 * (walk tall to start): forward and backward walking are different gaits (backward steps are
 * shorter and land on the forefoot), so neither is judged against the other. It also gives the
 * wearer's own stride-to-stride spread of the score. A lapse is the median score of the last
 * {@link #WINDOW} strides under {@link #LAPSE_LOG} and {@link #SPREADS} standard errors (of the
 * window's median against the baseline's, from the baseline's spread) below the baseline; it
 * clears above {@link #CLEAR_LOG}. A median of twelve resists odd strides. A lapse the alert policy
 * held back (a more urgent alert was sounding) is offered again at each stride while it lasts,
 * until it is heard.
 *
 * <p>Not every stride on foot is walking at an even pace: a stride that turns ({@link #MAX_TURN_DEG})
 * is not judged, and a step with a flight phase ({@link #RUN_G}: running, a jump) ends the walk.
 *
 * <p>Standing bends (squats against hip hinges) are {@link StandingBend}'s.
 */
final class KneeDetector {
    /**
     * Straight-knee steps per direction that make the baseline, in strides (enough for a median and a
     * spread): twelve strides overlapping by a step, or six whose middle contact the gait engine
     * missed; the same walking either way.
     */
    static final int BASE_STEPS = 12;
    /** Gait initiation: the first steps of each bout accelerate the pelvis and are not typical. */
    static final int SKIP_STEPS = 3;
    /**
     * The least stride-to-stride spread (SD of the log) credited to either feature when the two are
     * weighted by their steadiness: healthy step length varies by about 2 to 3 % from stride to stride
     * (step time by 1 to 3 %, Hausdorff 2005, J NeuroEng Rehabil 2:19), and the excursion, about s²/8L,
     * by twice that; twelve strides that happened to agree more closely do not make one feature the
     * whole score.
     */
    static final double MIN_FEATURE_SPREAD = 0.05;
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
    /**
     * The lapse must also be this many standard errors below the baseline (the standard error from
     * the wearer's own stride-to-stride spread): a window of straight-knee walking reads that low
     * about once in 160 (one-sided normal tail), and a lapse needs the 0.82 as well. With 3, walkers
     * whose steps vary by 10 to 15 % were hardly ever judged bent at 20 degrees; with 2, the simulated
     * population's very slow walkers (about 20 steps/min) raised 0.6 to 0.8 false alerts per 10
     * minutes of straight-knee walking, one of them three in six minutes.
     */
    static final double SPREADS = 2.5;
    /**
     * How the score discounts a change of cadence: straight-knee bounce and contacts grow with speed,
     * and speed with cadence. A pure pendulum arc at a fixed walk ratio (step length proportional to
     * cadence, Sekiya and Nagasaki 1998, Eur J Appl Physiol 77:240) would give 2, the excursion's
     * floor at slow speeds (about 2 cm) less; with 2, a straight-knee walker 25 % quicker read
     * nearly as bent in the simulator. 1 is between, and bent knees' quicker steps still count.
     */
    static final double CADENCE_EXPONENT = 1;
    /**
     * Strides are judged only while their median period is within 15 % of the baseline's: knees bent
     * 40 degrees quicken steps by about 6 %, while a change of pace of 15 % or more changes the
     * speed, and with it the bounce and the contacts, by more than a knee bend does.
     */
    static final double PACE_BAND_LOG = Math.log(1.15);
    /** A "step" with bounce and contact under this share of the baseline is the pelvis at rest, not a step. */
    static final double STILL_RATIO = 0.25;
    /**
     * Steps further apart than this (s) end a walk: the slowest walking reported, steps 4 s apart
     * (walking aids, advanced neurological disease), with step times varying by up to 15 % (three
     * standard deviations: 4 s x 1.45, about 6 s). A slow step is a vault and a pause on both feet;
     * judged against the wearer's own steps at the same pace, that is what it is compared with.
     */
    static final double MAX_STEP_S = 6;
    /** Steps closer than this (s) are not walking. */
    static final double MIN_STEP_S = 0.3;
    /**
     * A gap between 1.6 and 2.4 of the walk's step period (half its last stride) holds one missed
     * step, or is a pause when longer and without a second cycle ({@link #CYCLE_SHARE}): halfway
     * between one and two steps, and between two and three, with step times varying by up to 15 %.
     */
    static final double MISSED_LOW = 1.6;
    static final double MISSED_HIGH = 2.4;
    /**
     * Two gaps this close (ratio) are the same span of walking: step times vary by up to 15 % from
     * step to step, and a limp's short and long steps are both inside each span of two.
     */
    static final double SAME_GAP = 1.3;

    /**
     * A missed step shows as two cycles of the pelvis's vertical motion in one gap, a slow step as
     * one: the band-passed vertical acceleration must cross this share of the last step's amplitude
     * downward and then upward to count a cycle. A third is far above sensor noise for any walking
     * bounce (a shuffle's 0.1 m/s^2 against the MPU-6050's 0.01 m/s^2 in this band) and below the
     * half-amplitude the pelvis reaches each step.
     */
    static final double CYCLE_SHARE = 1 / 3.0;
    /**
     * Corner (Hz) of the two leaky integrators that turn the band-passed vertical acceleration into
     * the pelvis's height: under the slowest walking's vertical motion (a vault of up to 1.2 s, about
     * 0.4 Hz and up), so the excursion passes, while the sensor's drift and the integrators' own
     * error fade within a few seconds. At 0.3 Hz a 1 Hz step's excursion reads 8 % small, a 0.5 Hz
     * one 30 %: the same for the baseline and the walk judged against it, at the same pace.
     */
    static final double LEAK_HZ = 0.3;
    /**
     * A stride whose heading turned by more than this (degrees) is a turn, neither baseline nor
     * judged: turning steps are shorter and slower, the pelvis path flatter and the contacts softer,
     * as with bent knees (a U-turn of healthy walkers in the IPOL recordings read as one). Straight
     * walking's own pelvic rotation (about 4 degrees each way at each step) cancels over a stride,
     * and a corridor's gentle curve (a 1.4 m stride on a 6 m radius) turns about 13 degrees.
     */
    static final double MAX_TURN_DEG = 15;
    /**
     * A step in which the pelvis fell faster than this (in g) was not walking: a walker's pelvis
     * is always carried by a stance leg, whose inverted pendulum pulls it down by at most v²/L, and
     * people change to running at a Froude number v²/(gL) of about 0.5 (Alexander 1989, Physiol Rev
     * 69:1199); heel-strike rebound adds a little. A flight phase is free fall, 1 g: jogging in
     * SisFall dips to 1 to 1.6 g at the waist, walking quickly 0.6 to 0.85 g, walking 0.1 to 0.4 g.
     * Running and jumping end the walk like a pause, so they are neither baseline nor judged.
     */
    static final double RUN_G = 0.8;
    /**
     * Corner (Hz) of the high-pass that keeps a contact's ring and drops the walk's own motion: the
     * pelvis's vault and the weight acceptance (a sink of about 0.1 s) lie under 5 Hz, a heel strike
     * rings at the waist at 15 to 30 Hz.
     */
    static final double CONTACT_HZ = 8;
    /**
     * The contact is the most energy the ring holds in any window this long (s), as an RMS: a heel
     * strike's transient dies within about 60 ms (three decay times of 20 ms). Energy over a window, not a
     * sample's peak, so that where the samples fall matters less: for the simulator's 22 Hz ring sampled
     * at 100 Hz the largest sample varies by 13 % (SD of the log) from strike to strike, the energy by 1 %;
     * at 50 Hz, near the Nyquist frequency, by 73 and 57 % (the sensor's own low-pass, which the
     * simulator leaves out, spreads a real ring over more samples).
     */
    static final double CONTACT_WINDOW_S = 0.06;
    /**
     * A contact weaker than this (m/s^2 RMS) is read as this: the MPU-6050's noise over its widest
     * band (400 µg/√Hz over 188 Hz, PS-MPU-6000A-00 §6.2, about 0.05 m/s^2), so that noise alone does not
     * make a ratio.
     */
    static final double CONTACT_FLOOR = 0.05;
    /**
     * A step's samples run from where the step before ended to this long after its own contact, s, in
     * stream time, however late the gait engine reports it: its heel strike's ring
     * ({@link #CONTACT_WINDOW_S}) then falls inside it even where the gait engine read the contact up
     * to a quarter of a second early (a very slow walker's soft landing: 0.23 s early in the simulated
     * population). A little past the gait engine's own delay in reporting a step it sees as it comes
     * (0.2 to 0.3 s), where each step's samples used to end.
     */
    static final double STEP_TAIL_S = 0.35;
    /**
     * Samples kept until the step they belong to is reported, s. The gait engine reports a walk's
     * first steps together, when it confirms the walk: three steps of up to 4 s each (its step
     * ceiling), the first up to 12 s late, and a step spans up to 4 s. Without them the steps reported
     * together had no samples of their own, and a very slow walker, whose walk the gait engine
     * confirms again every few steps, was judged on the few steps between, fewer the fewer it reported.
     */
    static final double HISTORY_S = 16;
    /**
     * A gap with two vertical cycles holds a missed step only when the pelvis rose in it at least this
     * share of its excursion in the gap before: two steps hold two vaults, each about as high as the
     * step before (the excursion varies by about 5 % from step to step, twice the step length's 2 to
     * 3 %). A very slow step's pause on both feet, reported as a step of its own when the gait engine
     * takes the trailing leg's push-off for a step, holds two cycles too (the end of the collision and
     * the push-off) but lifts the pelvis about half as high as the vault after it (0.5 to 0.65 in the
     * simulated population); taken for two steps, each such pause was a stride by itself, half as
     * bouncy as the baseline's, whichever way the steps around it were reported.
     */
    static final double TWO_VAULTS = 0.7;
    /** Standard gravity, m/s^2. */
    private static final double G = 9.80665;

    private final Cascade band;
    /** The last {@link #HISTORY_S} of samples not yet taken into a step: time, vertical acceleration, rate of turn. */
    private final double[] histT, histVert, histYaw;
    /** Oldest sample kept, and how many are kept. */
    private int histFirst, histCount;
    /** The contact's ring: vertical acceleration above {@link #CONTACT_HZ}. */
    private final Cascade contactBand;
    /** Squares of the contact band's last {@link #CONTACT_WINDOW_S} of samples (a ring), and their sum. */
    private final double[] ring;
    private int ringAt;
    private double ringSum;
    /** Leak of the two integrators per sample (from {@link #LEAK_HZ}), and the sample period, s. */
    private final double leak, dt;
    /** The pelvis's vertical velocity and height from the band-passed acceleration (leaky integrals). */
    private double vel, height;
    /** The highest and lowest height of the step in progress, m. */
    private double hiMax = Double.NEGATIVE_INFINITY, hiMin = Double.POSITIVE_INFINITY;
    /** The lowest vertical acceleration of the step in progress, m/s^2 (gravity removed). */
    private double trough = Double.POSITIVE_INFINITY;
    /** Heading turned in the step in progress, rad. */
    private double yaw;

    // accumulators of the step in progress
    private double sq;
    private int n;
    private double peak = Double.NEGATIVE_INFINITY;
    /** Vertical cycles in this gap: upward crossings of +level after the signal was under -level (kept across steps). */
    private int cycles;
    private boolean low;
    private double level = Double.POSITIVE_INFINITY;

    private double lastStepT = Double.NEGATIVE_INFINITY;
    private double lastGap = Double.NaN;
    private int lastCycles;
    /** The pelvis's excursion in the last step with samples, m. */
    private double lastExc;
    private Direction lastDir;
    private int boutSteps;
    private double lastPeriod = Double.NaN;
    /** The walk's step period: half its last stride. */
    private double walkPeriod = Double.NaN;
    /** The last step, judged once the next one shows the walk went on. */
    private final Step pending = new Step();
    /** The step judged before, the first half of the next stride. */
    private final Step previous = new Step();

    private final Baseline[] base = {new Baseline(), new Baseline()};
    /** Stride bounce and contact against the baseline, of the last {@link #WINDOW} strides. */
    private final double[] score = new double[WINDOW];
    /** The window's values sorted, for its medians. */
    private final double[] scratch = new double[WINDOW];
    /** Log stride period against the baseline's, of the last {@link #WINDOW} strides. */
    private final double[] pace = new double[WINDOW];
    private int rCount;
    private Direction windowDir;
    private boolean gaitLapse;
    private double lapseAt;

    /**
     * One step's sums: squared band-passed acceleration over n samples, contact peak, period (s);
     * or two steps', when the gait engine missed the contact between them.
     */
    private static final class Step {
        boolean set, two;
        double sq, peak, period, hiMax, hiMin, yaw;
        int n;

        void copy(Step o) {
            set = o.set;
            two = o.two;
            sq = o.sq;
            hiMax = o.hiMax;
            hiMin = o.hiMin;
            yaw = o.yaw;
            n = o.n;
            peak = o.peak;
            period = o.period;
        }

        double amplitude() {
            return Math.sqrt(2 * sq / n);
        }
    }

    /** The straight-knee baseline of one walking direction, in logs of stride features. */
    private static final class Baseline {
        final double[] bounce = new double[BASE_STEPS];
        final double[] impact = new double[BASE_STEPS];
        final double[] period = new double[BASE_STEPS];
        final double[] amplitude = new double[BASE_STEPS];
        final double[] tmp = new double[BASE_STEPS];
        final double[] sorted = new double[BASE_STEPS];
        /** Strides kept, and the steps they add up to. */
        int count, steps;
        double logBounce, logImpact, logPeriod, spread, stillAmp, stillImpact;
        /** The bounce's share of the score (the contact's is the rest), from the features' spreads. */
        double bounceWeight = 0.5;

        boolean ready() {
            return steps >= BASE_STEPS;
        }

        /** A stride that adds {@code newSteps} steps of walking (one when it overlaps the last). */
        void add(double logB, double logI, double logP, double logA, int newSteps) {
            bounce[count] = logB;
            amplitude[count] = logA;
            impact[count] = logI;
            period[count] = logP;
            count++;
            steps += newSteps;
            if (!ready()) return;
            logBounce = median(bounce, count, sorted);
            logImpact = median(impact, count, sorted);
            logPeriod = median(period, count, sorted);
            // each feature weighted by how steady it is in this wearer's walking (inverse variance)
            double sb = featureSpread(bounce, logBounce), si = featureSpread(impact, logImpact);
            bounceWeight = si * si / (sb * sb + si * si);
            // the spread of the stride score, robustly: 1.4826 MAD is the SD of a normal spread
            for (int k = 0; k < count; k++) tmp[k] = Math.abs(score(bounce[k], impact[k]));
            spread = 1.4826 * median(tmp, count, sorted);
            // as quiet as the pelvis at rest: a small share of the baseline's bounce and contact
            stillAmp = STILL_RATIO * Math.exp(median(amplitude, count, sorted));
            stillImpact = STILL_RATIO * Math.exp(logImpact);
        }

        /** The spread (robust SD) of one feature's logs about its median, at least {@link #MIN_FEATURE_SPREAD}. */
        private double featureSpread(double[] v, double median) {
            for (int k = 0; k < count; k++) tmp[k] = Math.abs(v[k] - median);
            return Math.max(MIN_FEATURE_SPREAD, 1.4826 * median(tmp, count, sorted));
        }

        /** A stride's bounce and contact against this baseline: their log ratios, each by its weight. */
        double score(double logB, double logI) {
            return bounceWeight * (logB - logBounce) + (1 - bounceWeight) * (logI - logImpact);
        }

        void reset() {
            count = 0;
            steps = 0;
        }
    }

    KneeDetector(double fs) {
        this.band = Butterworth.bandPass(2, 0.5, Math.min(4, fs * 0.45), fs);
        this.dt = 1 / fs;
        this.leak = Math.exp(-2 * Math.PI * LEAK_HZ / fs);
        this.contactBand = Butterworth.highPass(2, CONTACT_HZ, fs);
        this.ring = new double[Math.max(1, (int) Math.round(CONTACT_WINDOW_S * fs))];
        int cap = (int) Math.ceil(HISTORY_S * fs) + 1;
        this.histT = new double[cap];
        this.histVert = new double[cap];
        this.histYaw = new double[cap];
    }

    /**
     * Per sample at time {@code t}: {@code vert} is the vertical acceleration (gravity removed), m/s^2.
     * Kept until the step it belongs to is reported ({@link #STEP_TAIL_S}), or for {@link #HISTORY_S}.
     */
    void sample(double t, double vert, double yawRate) {
        if (histCount == histT.length) take();
        int i = histFirst + histCount;
        if (i >= histT.length) i -= histT.length;
        histT[i] = t;
        histVert[i] = vert;
        histYaw[i] = yawRate;
        histCount++;
    }

    /** Takes the kept samples up to time {@code until} into the step in progress. */
    private void takeUntil(double until) {
        while (histCount > 0 && histT[histFirst] <= until) take();
    }

    /** Takes the oldest kept sample into the step in progress. */
    private void take() {
        double vert = histVert[histFirst], yawRate = histYaw[histFirst];
        histFirst = histFirst + 1 == histT.length ? 0 : histFirst + 1;
        histCount--;
        yaw += yawRate * dt;
        double b = band.filter(vert);
        sq += b * b;
        n++;
        double c = contactBand.filter(vert);
        ringSum += c * c - ring[ringAt];
        ring[ringAt] = c * c;
        ringAt = ringAt + 1 == ring.length ? 0 : ringAt + 1;
        if (ringSum > peak) peak = ringSum;
        if (vert < trough) trough = vert;
        vel = leak * vel + b * dt;
        height = leak * height + vel * dt;
        if (height > hiMax) hiMax = height;
        if (height < hiMin) hiMin = height;
        if (b < -level) {
            low = true;
        } else if (low && b > level) {
            low = false;
            cycles++;
        }
    }

    /** A step contact (from the gait engine) closes the previous step's features. */
    void step(double t, Direction dir, boolean walking, AlertPolicy policy, double reportAt) {
        takeUntil(t + STEP_TAIL_S);
        double gap = t - lastStepT;
        Baseline b = base[dir == Direction.FORWARD ? 0 : 1];
        // the walk's step period: its last stride's half (a limp's short and long steps averaged), or
        // at its start the baseline's
        double typical = walkPeriod > 0 ? walkPeriod : b.ready() ? Math.exp(b.logPeriod) : Double.NaN;
        boolean same = walking && dir == lastDir;
        // a gap of about two steps holding two vertical cycles is one step the gait engine missed (weak
        // steps of a limp, a cane or a bent knee): the span is then two steps of half that period. A
        // limp's long step, or one slow step, is one cycle. A walk whose every other step is missed from
        // its start has no shorter step of its own: about two of the baseline's steps count too, and so
        // does a gap as long as the last one when both held two cycles (the gait engine's error in a
        // contact time can move one rise of the pelvis into the next gap, not two into two gaps in a row).
        // Two cycles with half a vault's rise are a slow step's pause on both feet, not two steps.
        boolean missed = same && cycles >= 2 && hiMax - hiMin >= TWO_VAULTS * lastExc
                && (about2(gap, typical) || b.ready() && about2(gap, Math.exp(b.logPeriod))
                || lastCycles >= 2 && gap < SAME_GAP * lastGap && lastGap < SAME_GAP * gap);
        double period = missed ? gap / 2 : gap;
        // longer than the slowest step, or than two of this walk's steps and not a missed one: a pause
        boolean paused = !(gap <= MAX_STEP_S) || typical > 0 && !missed && gap > MISSED_HIGH * typical;
        // a walking pelvis is always held up by a stance leg: one that fell faster than RUN_G flew (running, a jump)
        boolean ran = trough < -RUN_G * G;
        if (!same || paused || ran) {
            boutSteps = 0;
            walkPeriod = Double.NaN;
            lastPeriod = Double.NaN;
            pending.set = false;
            previous.set = false;
        } else if (n == 0) {
            // a step without samples of its own: reported more than HISTORY_S late, or out of order
            boutSteps++;
            pending.set = false;
            previous.set = false;
        } else if (period > MIN_STEP_S) {
            // a step period from a whole stride: a very slow walker's steps are often reported twice (the
            // collision and the push-off after the pause on both feet), and one short gap after a pause would
            // make the next long one a pause again, and so on for the whole walk
            walkPeriod = lastPeriod > 0 ? 0.5 * (lastPeriod + period) : Double.NaN;
            lastPeriod = period;
            boutSteps += missed ? 2 : 1;
            if (boutSteps > SKIP_STEPS) {
                // the step before went on into this one: it was walking, not the stop at a walk's end
                if (pending.set) judgeStep(t, dir, b, policy, reportAt);
                pending.set = true;
                pending.sq = sq;
                pending.hiMax = hiMax;
                pending.hiMin = hiMin;
                pending.yaw = yaw;
                pending.n = n;
                // the contact's RMS over its window, above the sensor's noise floor there
                pending.peak = Math.max(Math.sqrt(Math.max(peak, 0) / ring.length), CONTACT_FLOOR);
                pending.period = period;
                pending.two = missed;
            }
        }
        lastStepT = t;
        lastDir = dir;
        lastGap = gap;
        lastCycles = n > 0 ? cycles : 0;
        if (n > 0) lastExc = hiMax - hiMin;
        // (a step without samples leaves the level as it was)
        if (n > 0) level = CYCLE_SHARE * Math.sqrt(2 * sq / n);
        sq = 0;
        n = 0;
        cycles = 0;
        peak = Double.NEGATIVE_INFINITY;
        hiMax = Double.NEGATIVE_INFINITY;
        hiMin = Double.POSITIVE_INFINITY;
        yaw = 0;
        trough = Double.POSITIVE_INFINITY;
    }

    /** Whether a gap is about two steps of {@code period}. */
    private static boolean about2(double gap, double period) {
        return period > 0 && gap > MISSED_LOW * period && gap < MISSED_HIGH * period;
    }

    /** The pending step closes a stride with the one before: into the baseline, or the window judged against it. */
    private void judgeStep(double t, Direction dir, Baseline b, AlertPolicy policy, double reportAt) {
        // a "step" with the pelvis at rest is the gait engine's mistake, not a bent knee
        if (b.ready() && !(pending.amplitude() > b.stillAmp || pending.peak > b.stillImpact)) {
            previous.set = false;
            return;
        }
        if (windowDir != dir) {
            rCount = 0;
            windowDir = dir;
        }
        if (pending.two) {
            // two steps whose middle contact the gait engine missed are a stride by themselves
            stride(t, b, pending.period, pending.amplitude(), pending.hiMax - pending.hiMin, Math.log(pending.peak), pending.yaw, 2, policy, reportAt);
            previous.set = false;
            return;
        }
        if (previous.set) {
            double amp = Math.sqrt(2 * (pending.sq + previous.sq) / (pending.n + previous.n));
            double logI = 0.5 * (Math.log(pending.peak) + Math.log(previous.peak));
            double exc = Math.max(pending.hiMax, previous.hiMax) - Math.min(pending.hiMin, previous.hiMin);
            stride(t, b, 0.5 * (pending.period + previous.period), amp, exc, logI, pending.yaw + previous.yaw, 1, policy, reportAt);
        }
        previous.copy(pending);
    }

    /**
     * A stride of mean step period {@code p}, acceleration amplitude {@code amp}, excursion {@code exc}
     * (m), log contact peak and heading change {@code turn} (rad): into the baseline, or judged.
     */
    private void stride(double t, Baseline b, double p, double amp, double exc, double logI, double turn, int newSteps,
            AlertPolicy policy, double reportAt) {
        // a turn flattens the pelvis path as bent knees do: not walking straight, so not judged
        if (Math.abs(turn) > Math.toRadians(MAX_TURN_DEG)) return;
        double logB = Math.log(exc);
        if (!b.ready()) {
            b.add(logB, logI, Math.log(p), Math.log(amp), newSteps);
            return;
        }
        score[rCount % WINDOW] = b.score(logB, logI);
        pace[rCount % WINDOW] = Math.log(p) - b.logPeriod;
        rCount++;
        if (rCount >= WINDOW) judge(t, b, policy, reportAt);
    }

    private void judge(double t, Baseline b, AlertPolicy policy, double at) {
        double p = median(pace, scratch);
        // another pace is another gait: its bounce and contacts changed with the speed, not the knees
        if (Math.abs(p) > PACE_BAND_LOG) return;
        double m = median(score, scratch) + CADENCE_EXPONENT * p;
        // the standard error of the window's median against the baseline's, both from the baseline's
        // spread (1.25 sigma / sqrt(n) for a median)
        double se = 1.25 * b.spread * Math.sqrt(1.0 / WINDOW + 1.0 / b.count);
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

    private static double median(double[] v, double[] sorted) {
        return median(v, v.length, sorted);
    }

    /**
     * The median of the first {@code n} of {@code v}, using {@code sorted} (not {@code v}): each middle value
     * is the first of {@code v} equal to the one sorted there, which is the element the selection by
     * counting ({@link #kth}) returns, down to the sign of a zero. A NaN has no rank: then by counting.
     */
    static double median(double[] v, int n, double[] sorted) {
        if (!sortInto(v, n, sorted)) {
            return n % 2 == 1 ? kth(v, n, n / 2) : 0.5 * (kth(v, n, n / 2 - 1) + kth(v, n, n / 2));
        }
        return n % 2 == 1 ? firstEqual(v, n, sorted[n / 2])
                : 0.5 * (firstEqual(v, n, sorted[n / 2 - 1]) + firstEqual(v, n, sorted[n / 2]));
    }

    /** The first {@code n} of {@code v} into {@code sorted}, ascending (insertion: a dozen values); false if one is NaN. */
    private static boolean sortInto(double[] v, int n, double[] sorted) {
        for (int i = 0; i < n; i++) {
            double x = v[i];
            if (x != x) return false;
            int j = i;
            for (; j > 0 && x < sorted[j - 1]; j--) sorted[j] = sorted[j - 1];
            sorted[j] = x;
        }
        return true;
    }

    /** The first of the first {@code n} of {@code v} equal to {@code x}, which is one of them. */
    private static double firstEqual(double[] v, int n, double x) {
        for (int i = 0; i < n; i++) if (v[i] == x) return v[i];
        throw new AssertionError(x + " is not among the values");
    }

    /** The k-th smallest (0-based) of the first {@code n} of {@code v}, without allocating (selection by counting). */
    static double kth(double[] v, int n, int want) {
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

