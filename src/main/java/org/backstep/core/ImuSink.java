package org.backstep.core;

/**
 * Receives one IMU sample at a time, in the sensor frame, with SI units.
 *
 * <p>The signal code (gait engine, coach, filters) consumes samples through this interface and
 * knows nothing of where they come from: the live MPU-6050, the simulated chip, a recording file
 * or a plain array in a test. Implementations must not allocate per sample.
 */
@FunctionalInterface
public interface ImuSink {
    /**
     * @param t  stream time in seconds (monotonic, from the start of the session or recording)
     * @param ax specific force along sensor x in m/s^2, gravity included (+9.81 on the axis pointing up at rest)
     * @param ay specific force along sensor y in m/s^2
     * @param az specific force along sensor z in m/s^2
     * @param gx angular rate about sensor x in rad/s, right-handed
     * @param gy angular rate about sensor y in rad/s
     * @param gz angular rate about sensor z in rad/s
     */
    void sample(double t, double ax, double ay, double az, double gx, double gy, double gz);
}
