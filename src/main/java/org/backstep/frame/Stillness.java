package org.backstep.frame;

/**
 * Stillness and quietness in blocks of a quarter second. A block is steady when the spread of the
 * accelerometer magnitude beyond the sensor's own noise is under {@link #STILL_SD} and the
 * gyroscope stays under {@link #STILL_GYRO}; still when it is steady and averages within
 * {@link #STILL_G_TOLERANCE} of 1 g; quiet (lying after a fall, some breathing and twitching
 * allowed) under the looser {@link #QUIET_RANGE} and {@link #QUIET_GYRO}.
 *
 * <p>The spread is the block's standard deviation, not its range: the range of n noisy samples
 * grows with n (about 4 sigma at 100 Hz, 4.5 sigma at 200 Hz), the deviation does not. The noise
 * floor is learned from this sensor on this wearer: the variance of the quietest blocks (it falls
 * at once to a quieter block and creeps up only towards blocks within twice it), and a block is
 * steady when its variance, less twice the floor's, is under {@code STILL_SD^2}: sensor noise and
 * movement add in variance. A sensor four times noisier than the MPU-6050's datasheet (0.15 m/s^2
 * at 200 Hz) is then still steady when it stands still, which a fixed range of 0.6 m/s^2 was not.
 */
public final class Stillness {
    public static final double BLOCK_S = 0.25;
    /**
     * Movement allowed in a steady block beyond the sensor's noise, m/s^2 (standard deviation of
     * the magnitude): standing sway moves a belt sensor by under 0.05 m/s^2; a slow bend, 0.3 and more.
     */
    public static final double STILL_SD = 0.13;
    /**
     * Largest noise floor believed, m/s^2 (standard deviation): four times the MPU-6050's
     * datasheet density (400 ug/sqrt(Hz), PS-MPU-6000A-00 section 6.2) over its widest low-pass
     * bandwidth (260 Hz) is 0.25; the floor starts there and learns down.
     */
    public static final double MAX_NOISE_SD = 0.25;
    /**
     * A block may carry this many times the floor's noise variance: a quarter second's sample
     * variance scatters by 20 to 30% (25 to 50 samples), and the floor sits at the low end of that scatter.
     */
    public static final double NOISE_MARGIN = 2;
    /** Share of the way the floor moves up towards a block within twice its variance (a slow drift, sensor warm-up). */
    public static final double FLOOR_RISE = 0.02;
    public static final double STILL_GYRO = 0.3;
    public static final double STILL_G_TOLERANCE = 0.04;
    public static final double QUIET_RANGE = 2.5;
    public static final double QUIET_GYRO = 0.7;

    private double floorVar = MAX_NOISE_SD * MAX_NOISE_SD;
    private double aSq;
    private double blockStart = Double.NaN;
    private double aMin, aMax, wMax2;
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
     * @param wn2 angular rate magnitude squared, rad^2/s^2 (compared with the squared limits: no root per sample)
     * @param g  the local gravity magnitude as last learned (a still block must read about 1 g)
     */
    public void update(double t, double an, double wn2, double g) {
        blockEnded = false;
        if (Double.isNaN(blockStart)) {
            blockStart = t;
            aMin = aMax = an;
            wMax2 = wn2;
            aSum = an;
            aSq = an * an;
            n = 1;
            return;
        }
        if (an < aMin) aMin = an;
        if (an > aMax) aMax = an;
        if (wn2 > wMax2) wMax2 = wn2;
        aSum += an;
        aSq += an * an;
        n++;
        if (t - blockStart >= BLOCK_S - 1e-9) {
            double mean = aSum / n;
            double var = n > 1 ? Math.max(0, (aSq - n * mean * mean) / (n - 1)) : 0;
            steady = var - NOISE_MARGIN * floorVar < STILL_SD * STILL_SD && wMax2 < STILL_GYRO * STILL_GYRO;
            if (wMax2 < STILL_GYRO * STILL_GYRO && var < floorVar) {
                floorVar = var;
            } else if (wMax2 < STILL_GYRO * STILL_GYRO && var < 2 * floorVar) {
                floorVar += FLOOR_RISE * (var - floorVar);
            }
            boolean s = steady && Math.abs(mean - g) < STILL_G_TOLERANCE * g;
            boolean q = aMax - aMin < QUIET_RANGE && wMax2 < QUIET_GYRO * QUIET_GYRO;
            if (s && !still) stillSince = blockStart;
            if (q && !quiet) quietSince = blockStart;
            still = s;
            quiet = q;
            if (s) lastStillEnd = t;
            blockEnded = true;
            blockStart = t;
            aMin = aMax = an;
            wMax2 = wn2;
            aSum = 0;
            aSq = 0;
            n = 0;
        }
    }

    public boolean still() { return still; }

    /** The sensor's noise floor learned so far, m/s^2 (standard deviation of the magnitude). */
    public double noiseSd() { return Math.sqrt(floorVar); }

    /** A block ended at this sample: {@link #still()} now describes the block just past. */
    public boolean blockEnded() { return blockEnded; }

    /** The last block was steady (little variation), whatever its level: gyro bias and gravity may be learned. */
    public boolean steady() { return steady; }

    /** Seconds of continuous stillness up to now (0 when moving). */
    public double stillFor(double t) { return still ? t - stillSince : 0; }

    /** Seconds of continuous quiet up to now (0 when moving). */
    public double quietFor(double t) { return quiet ? t - quietSince : 0; }

    /** End of the last still block. */
    public double lastStill() { return lastStillEnd; }
}
