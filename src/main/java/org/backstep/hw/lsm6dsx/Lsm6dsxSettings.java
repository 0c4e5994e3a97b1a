package org.backstep.hw.lsm6dsx;

import java.util.Locale;
import org.backstep.hw.ImuChip;
import org.backstep.hw.mpu6050.Mpu6050Settings;

/**
 * How an ST chip is run: the configured rate rounded to the nearest output data rate (52, 104,
 * 208 or 416 Hz), and the configured ranges. {@code imu.dlpf} does not apply: these chips filter
 * at ODR/2 by themselves (DSOX §4.1, the accelerometer's LPF1 and gyroscope's LPF1 at ODR).
 */
public record Lsm6dsxSettings(ImuChip chip, int rateHz, int odrCode, int accelRangeG, int gyroRangeDps) {
    /** Lowest and highest ODR code used: 52 and 416 Hz (the configured rate is 50 to 400 Hz). */
    static final int MIN_ODR_CODE = 3;
    static final int MAX_ODR_CODE = 6;

    public Lsm6dsxSettings {
        if (chip.family() != ImuChip.Family.ST) throw new IllegalArgumentException(chip.label() + " is not an ST chip");
    }

    /** The shared settings of {@code imu.*} for {@code chip}. */
    public static Lsm6dsxSettings of(ImuChip chip, Mpu6050Settings s) {
        int best = MIN_ODR_CODE;
        for (int code = MIN_ODR_CODE; code <= MAX_ODR_CODE; code++) {
            if (Math.abs(Lsm6dsxRegisters.odrHz(code) - s.rateHz()) < Math.abs(Lsm6dsxRegisters.odrHz(best) - s.rateHz())) best = code;
        }
        return new Lsm6dsxSettings(chip, s.rateHz(), best, s.accelRangeG(), s.gyroRangeDps());
    }

    public double actualRateHz() {
        return Lsm6dsxRegisters.odrHz(odrCode);
    }

    int fsXlCode() {
        return Lsm6dsxRegisters.FS_XL_CODE[Integer.numberOfTrailingZeros(accelRangeG) - 1];
    }

    int fsGCode() {
        return Lsm6dsxRegisters.FS_G_CODE[Integer.numberOfTrailingZeros(gyroRangeDps / 250)];
    }

    /** (m/s^2) per LSB. */
    double accelScale() {
        return Lsm6dsxRegisters.LA_SO_MG_PER_LSB[Integer.numberOfTrailingZeros(accelRangeG) - 1] * 1e-3 * Lsm6dsxRegisters.STANDARD_GRAVITY;
    }

    /** (rad/s) per LSB. */
    double gyroScale() {
        return Math.toRadians(Lsm6dsxRegisters.G_SO_MDPS_PER_LSB[Integer.numberOfTrailingZeros(gyroRangeDps / 250)] * 1e-3);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d Hz requested, %.0f Hz actual (ODR code %d), ±%d g, ±%d dps",
            rateHz, actualRateHz(), odrCode, accelRangeG, gyroRangeDps);
    }
}
