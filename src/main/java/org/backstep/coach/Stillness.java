package org.backstep.coach;

/**
 * Stillness and quietness in blocks of a quarter second: a block is still when the accelerometer
 * magnitude varies by less than {@link #STILL_RANGE} and the gyroscope stays under
 * {@link #STILL_GYRO}; it is quiet (lying after a fall, some breathing and twitching allowed) under
 * the looser {@link #QUIET_RANGE} and {@link #QUIET_GYRO}.
 */
final class Stillness {
    static final double BLOCK_S = 0.25;
    static final double STILL_RANGE = 0.6;
    static final double STILL_GYRO = 0.3;
    static final double QUIET_RANGE = 2.5;
    static final double QUIET_GYRO = 0.7;

    private double blockStart = Double.NaN;
    private double aMin, aMax, wMax;
    private double stillSince = Double.NaN;
    private double quietSince = Double.NaN;
    private double lastStillEnd = Double.NEGATIVE_INFINITY;
    private boolean still;
    private boolean quiet;

    void update(double t, double an, double wn) {
        if (Double.isNaN(blockStart)) {
            blockStart = t;
            aMin = aMax = an;
            wMax = wn;
            return;
        }
        if (an < aMin) aMin = an;
        if (an > aMax) aMax = an;
        if (wn > wMax) wMax = wn;
        if (t - blockStart >= BLOCK_S - 1e-9) {
            boolean s = aMax - aMin < STILL_RANGE && wMax < STILL_GYRO;
            boolean q = aMax - aMin < QUIET_RANGE && wMax < QUIET_GYRO;
            if (s && !still) stillSince = blockStart;
            if (q && !quiet) quietSince = blockStart;
            still = s;
            quiet = q;
            if (s) lastStillEnd = t;
            blockStart = t;
            aMin = aMax = an;
            wMax = wn;
        }
    }

    boolean still() { return still; }

    /** Seconds of continuous stillness up to now (0 when moving). */
    double stillFor(double t) { return still ? t - stillSince : 0; }

    /** Seconds of continuous quiet up to now (0 when moving). */
    double quietFor(double t) { return quiet ? t - quietSince : 0; }

    /** End of the last still block. */
    double lastStill() { return lastStillEnd; }
}
