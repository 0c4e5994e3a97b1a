package org.backstep.sim;

/**
 * Sensor imperfections added after the kinematics: white noise, a constant gyro bias per axis
 * (drawn from the seed) and optional quantization with clipping to the full-scale range.
 *
 * @param accelNoise  accelerometer white-noise standard deviation, m/s^2 (default 0.03)
 * @param gyroNoise   gyro white-noise standard deviation, rad/s (default 0.005)
 * @param gyroBias    standard deviation of the constant per-axis gyro bias, rad/s (default 0.005)
 * @param accelRangeG accelerometer full scale in g for quantization and clipping, 0 = off
 * @param gyroRangeDps gyro full scale in deg/s for quantization and clipping, 0 = off
 */
public record SensorModel(double accelNoise, double gyroNoise, double gyroBias, double accelRangeG, double gyroRangeDps) {
    public static final SensorModel DEFAULT = new SensorModel(0.03, 0.005, 0.005, 0, 0);
    public static final SensorModel IDEAL = new SensorModel(0, 0, 0, 0, 0);

    public SensorModel {
        if (!(accelNoise >= 0 && gyroNoise >= 0 && gyroBias >= 0 && accelRangeG >= 0 && gyroRangeDps >= 0)) {
            throw new IllegalArgumentException("sensor model values must be >= 0");
        }
    }

    /** The same model quantized like a 16-bit MPU-6050 at the given full-scale ranges. */
    public SensorModel quantized(double rangeG, double rangeDps) {
        return new SensorModel(accelNoise, gyroNoise, gyroBias, rangeG, rangeDps);
    }
}
