package org.backstep.hw;

/**
 * An IMU driver's stream time: sample {@code k} is stamped {@code k / rate}, and samples the chip
 * did not record (a FIFO reset, an overrun, a re-initialisation) are skipped by an estimate from
 * the elapsed time, so stream time stays with real time, and are counted as lost. The sampling
 * thread moves it; {@link #lost()} may be read from any thread.
 */
public final class StreamTime {
    private final double rateHz;
    private long index;
    private volatile long lost;

    public StreamTime(double rateHz) {
        this.rateHz = rateHz;
    }

    /** The time of the next sample, s. */
    public double seconds() {
        return index / rateHz;
    }

    /** One sample delivered. */
    public void advance() {
        index++;
    }

    /**
     * Skips the samples the chip made in {@code elapsedNanos} (negative counts as none) and counts
     * them as lost.
     *
     * @return how many were skipped
     */
    public long skip(long elapsedNanos) {
        long estimate = Math.round(Math.max(0, elapsedNanos) * 1e-9 * rateHz);
        index += estimate;
        lost += estimate;
        return estimate;
    }

    /** Samples skipped so far. */
    public long lost() {
        return lost;
    }
}
