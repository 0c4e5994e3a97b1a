package org.backstep.gait;

import org.backstep.core.MinMax;

/**
 * Finds one peak per cycle of a zero-mean oscillation (the band-passed vertical acceleration)
 * with hysteresis: a cycle starts when the signal rises above {@code +threshold}, its peak is the
 * maximum while above zero, and it is confirmed once the signal falls below
 * {@code -threshold * lowFraction} (the downward half of the cycle, mid-stance). The threshold
 * adapts to the recent peak height so that weak walkers and vigorous ones both work, with a floor
 * that rejects sensor noise and postural sway.
 *
 * <p><b>The floor follows the pendulum.</b> The pelvis rises and falls once a step: a vertical
 * excursion {@code Z} (peak to peak) over a step of {@code T} seconds is an acceleration of about
 * {@code (Z / 2) (2 pi / T)^2}. A brisk step (0.5 s) with the smallest excursion of walking makes
 * over 1 m/s^2; a slow one (1.5 s) only 0.13. So the floor is not one number: a peak that comes
 * {@code dt} after the last one must reach {@link #pendulumFloor}, the push of the flattest walking
 * step that slow, capped by the configured floor (which brisk steps always pass) and bounded below
 * by the sensor's noise. A weak bump soon after a step (a second hump, a sway) still faces the
 * configured floor; a slow walker's weak pushes, seconds apart, are seen. The pace is from step to
 * step: the engine runs the floor's clock from the last peak the bout tracker took as a step
 * ({@link #clockFrom}), so a peak that was none (a push-off hump, a sharp spike) does not restart it.
 */
final class PeakDetector {
    /**
     * Smallest peak-to-peak vertical excursion of the pelvis in walking, m: 1.5 cm in the slowest,
     * flattest gait (shuffling, walking aids; 2 to 5 cm in ordinary walking).
     */
    static final double MIN_EXCURSION_M = 0.015;
    /** {@code (Z / 2) (2 pi)^2}: the pendulum's acceleration for that excursion is this over T^2, m. */
    static final double PENDULUM_M = MIN_EXCURSION_M / 2 * (2 * Math.PI) * (2 * Math.PI);
    /**
     * Lowest floor, m/s^2: four standard deviations of the band-passed (0.5 to 3 Hz) noise of an
     * MPU-6050 at four times its datasheet density (400 ug/sqrt(Hz) x 4 x 9.81 x sqrt(2.5 Hz), about
     * 0.025 m/s^2), so that sensor noise alone does not make peaks.
     */
    static final double NOISE_FLOOR = 0.1;
    /**
     * The noise floor while two independent witnesses say the wearer walks ({@link #lowerNoiseFloor}),
     * m/s^2: 2.4 SD of that noisiest sensor's band-passed noise. Alone, a lobe of noise passes it now and
     * then; it is only taken between candidates of a chain a push over {@link #NOISE_FLOOR} started,
     * while the pelvis alternates sides at a step's pace, which noise and fidgets do not.
     */
    static final double WALKING_NOISE_FLOOR = 0.06;
    /** A peak with no new maximum for this long, and the signal back near zero, is confirmed. */
    static final double SETTLE_S = 0.45;

    private final double floor;
    private final double relative;
    private final double lowFraction;
    private final double minIntervalS;
    private final double adaptRate;

    private boolean armed;      // above +threshold since the last confirmation
    private double maxValue;
    private double maxTime;
    private double level;       // running estimate of peak height
    private double lastPeakTime = Double.NEGATIVE_INFINITY;
    private double clockTime = Double.NEGATIVE_INFINITY; // the pendulum floor's clock runs from here

    // result of the last update that returned true
    double peakTime;
    double peakValue;
    /**
     * How long the signal stayed above zero around the peak, s: about half the period of a
     * walking step's vertical oscillation; a knock or a vibration's spike is far narrower.
     */
    double peakLobe;

    PeakDetector(double floor, double relative, double lowFraction, double minIntervalS, double adaptRate) {
        this.floor = floor;
        this.relative = relative;
        this.relativeNow = relative;
        this.lowFraction = lowFraction;
        this.minIntervalS = minIntervalS;
        this.adaptRate = adaptRate;
        this.bottomFloor = MinMax.atMost(floor, NOISE_FLOOR);
    }

    private double relativeNow;
    private double prevX;       // the last sample
    private double lastUp = Double.NaN;    // when the signal last rose through zero
    private double lobeStart;   // the upward zero crossing before the current maximum
    private double downCross;   // the first downward zero crossing after it, or NaN

    private double floorCap = Double.POSITIVE_INFINITY;
    private boolean lowered;    // the noise floor is WALKING_NOISE_FLOOR, not NOISE_FLOOR

    /*
     * The pendulum floor at the time on its clock (since the last step's peak), without its division at most samples: it
     * only falls as that time grows (a rounded division by a growing square never rises), from the
     * configured floor at first to the noise floor's at last. The largest squared time seen still at
     * the top and the smallest already at the bottom bound both flat stretches; the same bits as
     * pendulumFloor, whose division only the ramp between them needs (0.92 to 1.72 s after a peak at
     * the default 0.35 m/s^2 floor: a walk's peaks come before it, a standing wearer's after).
     */
    private double topDt2 = Double.NEGATIVE_INFINITY;   // q >= max(floor, NOISE_FLOOR) at and below this
    private double bottomDt2 = Double.POSITIVE_INFINITY; // q <= NOISE_FLOOR at and above this
    private final double bottomFloor;                    // pendulumFloor there: NOISE_FLOOR capped by floor

    private double pendulumRamp(double dt2) {
        double q = PENDULUM_M / dt2;
        if (q >= floor && q >= NOISE_FLOOR) topDt2 = dt2;
        else if (q <= NOISE_FLOOR) bottomDt2 = dt2;
        return pendulumBounded(floor, NOISE_FLOOR, q);
    }

    /**
     * Caps the pendulum floor (never below {@link #NOISE_FLOOR}); {@code +Infinity} lifts the cap.
     * Inside a confirmed bout the walker's own pushes say how flat its gait is: a shuffle or a cane
     * can flatten the pelvis path below the floor's {@link #MIN_EXCURSION_M}.
     */
    void capFloor(double cap) {
        floorCap = cap;
    }

    /**
     * Lowers the noise floor to {@link #WALKING_NOISE_FLOOR} ({@code true}) or restores
     * {@link #NOISE_FLOOR}: a weaker push is credible while the wearer is seen walking by other means
     * (the pelvis alternating sides, a chain of stronger pushes open). Set once a sample, before
     * {@link #update}.
     */
    void lowerNoiseFloor(boolean lower) {
        lowered = lower;
    }

    /**
     * The smallest push of a walking step that comes {@code dt} seconds after the last one, m/s^2:
     * the flattest pendulum at that pace, at most {@code floor} and at least {@link #NOISE_FLOOR}.
     */
    static double pendulumFloor(double floor, double dt) {
        return pendulumBounded(floor, NOISE_FLOOR, PENDULUM_M / (dt * dt));
    }

    /**
     * The same for a step whose vault is {@code share} of the flattest walking step's at that pace (a
     * first step from standing, shorter than the walk's steady ones), m/s^2.
     */
    static double pendulumFloor(double floor, double dt, double share) {
        return pendulumBounded(floor, NOISE_FLOOR, share * PENDULUM_M / (dt * dt));
    }

    /** The pendulum's push {@code q}, m/s^2, between the noise floor {@code noise} and {@code floor}. */
    private static double pendulumBounded(double floor, double noise, double q) {
        return MinMax.atMost(floor, MinMax.atLeast(noise, q));
    }

    /**
     * Runs the pendulum floor's clock from the peak of the last step, {@code stepPeak} (s), when that
     * is earlier than the last peak: the floor is the push of the flattest step at the walker's pace,
     * and the pace is from step to step, so a peak that was no step (a push-off hump, a second bump,
     * a candidate the bout tracker dropped or holds) does not restart it. Never later than the last
     * peak (a step the bout tracker credited without a peak does not raise the floor); {@code NaN}:
     * the last peak. Set once a sample, before the next {@link #update}.
     */
    void clockFrom(double stepPeak) {
        clockTime = stepPeak < lastPeakTime ? stepPeak : lastPeakTime;
    }

    /** Scales the threshold relative to the walking level by {@code factor} (1 = as configured). */
    void scaleThreshold(double factor) {
        relativeNow = relative * factor;
    }

    /** @return true when a peak was confirmed by this sample ({@link #peakTime}, {@link #peakValue}) */
    boolean update(double t, double x) {
        boolean rose = prevX <= 0 && x > 0;
        boolean fell = prevX > 0 && x <= 0;
        prevX = x;
        if (rose) lastUp = t;
        // the threshold, the flat stretches of the pendulum floor in line (a call costs as much under C1)
        double dt = t - clockTime, dt2 = dt * dt;
        double pendulumFloor = dt2 <= topDt2 ? floor : dt2 >= bottomDt2 ? bottomFloor : pendulumRamp(dt2);
        double noise = NOISE_FLOOR;
        if (lowered) {
            // the flattest pendulum's push at this pace, down to the lowered floor (the cache's bottom is NOISE_FLOOR's)
            noise = WALKING_NOISE_FLOOR;
            if (dt2 > topDt2) pendulumFloor = pendulumBounded(floor, noise, PENDULUM_M / dt2);
        }
        double thr = MinMax.atLeast(MinMax.atLeast(noise, MinMax.atMost(floorCap, pendulumFloor)), relativeNow * level);
        if (!armed) {
            if (x > thr) {
                armed = true;
                newMaximum(t, x);
            }
            return false;
        }
        if (x > maxValue) newMaximum(t, x);
        if (fell && Double.isNaN(downCross)) downCross = t;
        // Normally a cycle ends when the signal swings below zero (mid-stance). The last step of a
        // walk has no next mid-stance: the body settles, so a peak left alone long enough counts.
        boolean swung = x < -thr * lowFraction;
        boolean settled = t - maxTime > SETTLE_S && x < thr * 0.5;
        if (swung || settled) {
            armed = false;
            if (maxTime - lastPeakTime < minIntervalS) return false;
            lastPeakTime = maxTime;
            clockTime = maxTime;
            peakTime = maxTime;
            peakValue = maxValue;
            peakLobe = (Double.isNaN(downCross) ? t : downCross) - lobeStart;
            level += adaptRate * (maxValue - level);
            return true;
        }
        return false;
    }


    private void newMaximum(double t, double x) {
        maxValue = x;
        maxTime = t;
        lobeStart = Double.isNaN(lastUp) ? t : lastUp;
        downCross = Double.NaN;
    }
}
