package org.backstep.hw.sim;

/**
 * What the simulated chip senses: one sample per call, in SI units and the sensor frame (the same
 * convention as {@link org.backstep.core.ImuSink}: specific force in m/s^2 with gravity, +9.81 on the
 * axis pointing up at rest; angular rate in rad/s, right-handed).
 */
@FunctionalInterface
public interface SampleSource {

    /**
     * Fills {@code out[0..5]} = ax, ay, az, gx, gy, gz for the sample the chip takes at chip time
     * {@code t} seconds. Called once per sample, in time order.
     *
     * @return false when the source is exhausted; the chip then stops producing samples
     */
    boolean next(double t, double[] out);

    /** A chip lying still with sensor +z up: (0, 0, +9.80665) m/s^2, no rotation. */
    static SampleSource atRest() {
        return constant(0, 0, 9.80665, 0, 0, 0);
    }

    /** The same sample forever. */
    static SampleSource constant(double ax, double ay, double az, double gx, double gy, double gz) {
        return (t, out) -> {
            out[0] = ax;
            out[1] = ay;
            out[2] = az;
            out[3] = gx;
            out[4] = gy;
            out[5] = gz;
            return true;
        };
    }
}
