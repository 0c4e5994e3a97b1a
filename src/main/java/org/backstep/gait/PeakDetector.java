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
        this.lowFraction = lowFraction;
        this.minIntervalS = minIntervalS;
        this.adaptRate = adaptRate;
    }

    double threshold() {
        return Math.max(floor, relative * level);
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
        if (x < -thr * lowFraction) {
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

    /** Forget the adapted level (after a long rest, the next walk may be gentler). */
    void relax(double factor) {
        level *= factor;
    }

    void reset() {
        armed = false;
        level = 0;
        lastPeakTime = Double.NEGATIVE_INFINITY;
    }
}
