package org.backstep.hw;

import org.backstep.core.ImuSink;

/** A 6-axis inertial sensor that buffers samples on the chip and is drained periodically. */
public interface Imu extends AutoCloseable {

    /**
     * Reads everything the sensor has buffered and delivers each sample to {@code sink}, in order,
     * with stream time {@code t = sampleIndex / sampleRateHz()}, where the index also counts lost
     * samples so that stream time stays aligned with real time after an overflow.
     *
     * @return the number of samples delivered (0 if none were ready)
     * @throws DeviceException on a bus error; the caller may retry or call {@link #reinitialize()}
     */
    int drain(ImuSink sink);

    /** The rate the chip actually runs at after divider rounding, in Hz. */
    double sampleRateHz();

    /** Samples lost to buffer overflows (or realignment) since the IMU was opened (estimated). */
    long lostSamples();

    /**
     * Resets and reconfigures the sensor after repeated bus errors. Stream time continues from where
     * it was. The default does nothing.
     */
    default void reinitialize() {
    }

    /**
     * Reads the sensor's configuration back: null when it holds what was written, else one line saying
     * which registers differ (a chip that was reset, for instance). The default knows no registers.
     *
     * @throws DeviceException on a bus error
     */
    default String checkConfiguration() {
        return null;
    }

    /**
     * Null when the sensor is there; else one line saying why not (it did not answer when the service
     * started, see {@link AwaitedImu}): the sampling loop then begins in a fault episode ({@code absent})
     * and re-initialises until it answers.
     */
    default String missing() {
        return null;
    }

    /** Puts the sensor to sleep where possible and releases its bus handle. Idempotent. */
    @Override
    void close();
}
