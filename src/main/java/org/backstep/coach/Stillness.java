package org.backstep.coach;

/**
 * Stillness and quietness in blocks of a quarter second: a block is still when the accelerometer
 * magnitude varies by less than {@link #STILL_RANGE}, averages within {@link #STILL_G_TOLERANCE}
 * of 1 g, and the gyroscope stays under {@link #STILL_GYRO}; it is quiet (lying after a fall, some breathing and twitching allowed) under
 * the looser {@link #QUIET_RANGE} and {@link #QUIET_GYRO}.
 */
final class Stillness {
    static final double BLOCK_S = 0.25;
    static final double STILL_RANGE = 0.6;
    static final double STILL_GYRO = 0.3;
    static final double STILL_G_TOLERANCE = 0.04;
    static final double QUIET_RANGE = 2.5;
    static final double QUIET_GYRO = 0.7;

    private double blockStart = Double.NaN;
    private double aMin, aMax, wMax;
    private double stillSince = Double.NaN;
    private double quietSince = Double.NaN;
    private double lastStillEnd = Double.NEGATIVE_INFINITY;
    private boolean still;
    private boolean steady;
    private double aSum;
    private int n;
    private boolean quiet;
    private boolean blockEnded;

    /**
     * @param an specific force magnitude, m/s^2
     * @param wn angular rate magnitude, rad/s
     * @param g  the local gravity magnitude as last learned (a still block must read about 1 g)
     */
    void update(double t, double an, double wn, double g) {
        blockEnded = false;
        if (Double.isNaN(blockStart)) {
            blockStart = t;
            aMin = aMax = an;
            wMax = wn;
            aSum = an;
            n = 1;
            return;
        }
        if (an < aMin) aMin = an;
        if (an > aMax) aMax = an;
        if (wn > wMax) wMax = wn;
        aSum += an;
        n++;
        if (t - blockStart >= BLOCK_S - 1e-9) {
            steady = aMax - aMin < STILL_RANGE && wMax < STILL_GYRO;
            boolean s = steady && Math.abs(aSum / n - g) < STILL_G_TOLERANCE * g;
            boolean q = aMax - aMin < QUIET_RANGE && wMax < QUIET_GYRO;
            if (s && !still) stillSince = blockStart;
            if (q && !quiet) quietSince = blockStart;
            still = s;
            quiet = q;
            if (s) lastStillEnd = t;
            blockEnded = true;
            blockStart = t;
            aMin = aMax = an;
            wMax = wn;
            aSum = 0;
            n = 0;
        }
    }

    boolean still() { return still; }

    /** A block ended at this sample: {@link #still()} now describes the block just past. */
    boolean blockEnded() { return blockEnded; }

    /** The last block was steady (little variation), whatever its level: gyro bias and gravity may be learned. */
    boolean steady() { return steady; }

    /** Seconds of continuous stillness up to now (0 when moving). */
    double stillFor(double t) { return still ? t - stillSince : 0; }

    /** Seconds of continuous quiet up to now (0 when moving). */
    double quietFor(double t) { return quiet ? t - quietSince : 0; }

    /** End of the last still block. */
    double lastStill() { return lastStillEnd; }
}
