package org.backstep.gait;

/**
 * Finds one peak per cycle of a zero-mean oscillation (the band-passed vertical acceleration)
 * with hysteresis: a cycle starts when the signal rises above {@code +threshold}, its peak is the
 * maximum while above zero, and it is confirmed once the signal falls below
 * {@code -threshold * lowFraction} (the downward half of the cycle, mid-stance). The threshold
 * adapts to the recent peak height so that weak walkers and vigorous ones both work, with a floor
 * that rejects sensor noise and postural sway.
 */
final class PeakDetector {
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

    // result of the last update that returned true
    double peakTime;
    double peakValue;

    PeakDetector(double floor, double relative, double lowFraction, double minIntervalS, double adaptRate) {
        this.floor = floor;
        this.relative = relative;
        this.relativeNow = relative;
        this.lowFraction = lowFraction;
        this.minIntervalS = minIntervalS;
        this.adaptRate = adaptRate;
    }

    private double relativeNow;

    double threshold() {
        return Math.max(floor, relativeNow * level);
    }

    /** Scales the threshold relative to the walking level by {@code factor} (1 = as configured). */
    void scaleThreshold(double factor) {
        relativeNow = relative * factor;
    }

    /** @return true when a peak was confirmed by this sample ({@link #peakTime}, {@link #peakValue}) */
    boolean update(double t, double x) {
        double thr = threshold();
        if (!armed) {
            if (x > thr) {
                armed = true;
                maxValue = x;
                maxTime = t;
            }
            return false;
        }
        if (x > maxValue) {
            maxValue = x;
            maxTime = t;
        }
        // Normally a cycle ends when the signal swings below zero (mid-stance). The last step of a
        // walk has no next mid-stance: the body settles, so a peak left alone long enough counts.
        boolean swung = x < -thr * lowFraction;
        boolean settled = t - maxTime > SETTLE_S && x < thr * 0.5;
        if (swung || settled) {
            armed = false;
            if (maxTime - lastPeakTime < minIntervalS) return false;
            lastPeakTime = maxTime;
            peakTime = maxTime;
            peakValue = maxValue;
            level += adaptRate * (maxValue - level);
            return true;
        }
        return false;
    }


    void reset() {
        armed = false;
        level = 0;
        lastPeakTime = Double.NEGATIVE_INFINITY;
    }
}
