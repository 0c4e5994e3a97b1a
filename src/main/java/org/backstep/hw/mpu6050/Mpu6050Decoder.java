package org.backstep.hw.mpu6050;

/**
 * Turns FIFO frames into SI units. A frame (FIFO_EN = ACCEL|XG|YG|ZG) is 12 bytes in register order
 * (RM-MPU-6000A-00 §4.31): ACCEL_XOUT_H, _L, ACCEL_Y.., ACCEL_Z.., GYRO_XOUT_H, _L, GYRO_Y.., GYRO_Z..;
 * each value big-endian two's complement (RM §4.17, §4.19). Allocation free.
 */
public final class Mpu6050Decoder {
    private final double accelScale;
    private final double gyroScale;

    /**
     * @param accelScale (m/s^2) per LSB, e.g. 9.80665 / 16384 at ±2 g
     * @param gyroScale  (rad/s) per LSB, e.g. (π/180) / 131 at ±250 °/s
     */
    public Mpu6050Decoder(double accelScale, double gyroScale) {
        this.accelScale = accelScale;
        this.gyroScale = gyroScale;
    }

    public static Mpu6050Decoder of(Mpu6050Settings s) {
        return new Mpu6050Decoder(s.accelScale(), s.gyroScale());
    }

    /** The signed 16-bit value of a big-endian byte pair. */
    public static int s16(byte[] b, int off) {
        return (short) (((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF));
    }

    /** Decodes the frame at {@code src[off .. off+12)} into {@code out[0..5]} = ax, ay, az (m/s^2), gx, gy, gz (rad/s). */
    public void decode(byte[] src, int off, double[] out) {
        out[0] = s16(src, off) * accelScale;
        out[1] = s16(src, off + 2) * accelScale;
        out[2] = s16(src, off + 4) * accelScale;
        out[3] = s16(src, off + 6) * gyroScale;
        out[4] = s16(src, off + 8) * gyroScale;
        out[5] = s16(src, off + 10) * gyroScale;
    }

    public double accelScale() { return accelScale; }

    public double gyroScale() { return gyroScale; }
}
