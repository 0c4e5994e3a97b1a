package org.backstep.hw.lsm6dsx;

/**
 * LSM6DSOX and LSM6DS3TR-C register addresses, bit fields and scale factors.
 *
 * <p>Sources: ST's datasheets "LSM6DSOX iNEMO inertial module" (cited "DSOX §section") and
 * "LSM6DS3TR-C iNEMO inertial module" (cited "DS3 §section"); in both, §4.1 is the mechanical
 * characteristics table and §9 the register description, each register under its own heading.
 * Registers are little-endian: the low byte at the lower address (DSOX §9 OUTX_L_G/OUTX_H_G).
 * The control registers are the same on both chips; the FIFOs differ.
 */
public final class Lsm6dsxRegisters {
    private Lsm6dsxRegisters() {
    }

    // ---------------------------------------------------------------- shared control registers
    /** DSOX §9 / DS3 §9 WHO_AM_I (0Fh). */
    public static final int WHO_AM_I = 0x0F;
    /** DSOX §9 / DS3 §9 CTRL1_XL (10h): ODR_XL[3:0] bits 7:4, FS_XL[1:0] bits 3:2. */
    public static final int CTRL1_XL = 0x10;
    /** DSOX §9 / DS3 §9 CTRL2_G (11h): ODR_G[3:0] bits 7:4, FS_G[1:0] bits 3:2. */
    public static final int CTRL2_G = 0x11;
    /** CTRL1_XL / CTRL2_G: shift of the ODR field. */
    public static final int ODR_SHIFT = 4;
    /** CTRL1_XL / CTRL2_G: shift of the full-scale field. */
    public static final int FS_SHIFT = 2;
    /**
     * DSOX §9 / DS3 §9 CTRL3_C (12h): BOOT bit 7, BDU bit 6, IF_INC bit 2 (set at reset: the
     * address auto-increments in a burst), SW_RESET bit 0 (clears itself).
     */
    public static final int CTRL3_C = 0x12;
    public static final int CTRL3_C_BDU = 1 << 6;
    public static final int CTRL3_C_IF_INC = 1 << 2;
    public static final int CTRL3_C_SW_RESET = 1;
    /** DSOX §9 / DS3 §9: the reset value of CTRL3_C (IF_INC only). */
    public static final int CTRL3_C_RESET_VALUE = CTRL3_C_IF_INC;

    /**
     * DSOX §9 CTRL1_XL ODR table (DS3 §9 the same): code 1 is 12.5 Hz, code n = 2..8 is
     * 6.5 · 2^n Hz nominal: 3 = 52, 4 = 104, 5 = 208, 6 = 416 Hz. Code 0 is power-down, the value
     * at reset.
     */
    public static double odrHz(int code) {
        return code == 1 ? 12.5 : 6.5 * (1 << code);
    }

    /** DSOX §9 CTRL1_XL FS_XL: 00 = ±2 g, 01 = ±16 g, 10 = ±4 g, 11 = ±8 g. Index by {@code log2(g) - 1}: 2, 4, 8, 16 g. */
    public static final int[] FS_XL_CODE = {0b00, 0b10, 0b11, 0b01};
    /** DSOX §9 CTRL2_G FS_G: 00 = 250, 01 = 500, 10 = 1000, 11 = 2000 dps. Index by {@code log2(dps / 250)}. */
    public static final int[] FS_G_CODE = {0b00, 0b01, 0b10, 0b11};
    /** DSOX §4.1 / DS3 §4.1 linear acceleration sensitivity LA_So, mg/LSB, at ±2, ±4, ±8, ±16 g. */
    public static final double[] LA_SO_MG_PER_LSB = {0.061, 0.122, 0.244, 0.488};
    /** DSOX §4.1 / DS3 §4.1 angular rate sensitivity G_So, mdps/LSB, at ±250, ±500, ±1000, ±2000 dps. */
    public static final double[] G_SO_MDPS_PER_LSB = {8.75, 17.50, 35.0, 70.0};

    // ---------------------------------------------------------------- LSM6DSOX FIFO (tagged words)
    /** DSOX §9 FIFO_CTRL3 (09h): BDR_GY[3:0] bits 7:4, BDR_XL[3:0] bits 3:0 (batch rate, coded as the ODR). */
    public static final int DSOX_FIFO_CTRL3 = 0x09;
    /** DSOX §9 FIFO_CTRL4 (0Ah): FIFO_MODE[2:0] bits 2:0. */
    public static final int DSOX_FIFO_CTRL4 = 0x0A;
    /** DSOX §9 FIFO_STATUS1 (3Ah): DIFF_FIFO[7:0], the number of unread words. */
    public static final int FIFO_STATUS1 = 0x3A;
    /** DSOX §9 FIFO_STATUS2 (3Bh): FIFO_WTM_IA 7, FIFO_OVR_IA 6, FIFO_FULL_IA 5, COUNTER_BDR_IA 4, FIFO_OVR_LATCHED 3, DIFF_FIFO[9:8] bits 1:0. */
    public static final int FIFO_STATUS2 = 0x3B;
    public static final int DSOX_STATUS2_OVR_IA = 1 << 6;
    public static final int DSOX_STATUS2_OVR_LATCHED = 1 << 3;
    public static final int DSOX_STATUS2_DIFF_MASK = 0x03;
    /**
     * DSOX §9 FIFO_DATA_OUT_TAG (78h): TAG_SENSOR[4:0] bits 7:3, TAG_CNT[1:0] bits 2:1, TAG_PARITY
     * bit 0; then FIFO_DATA_OUT_X_L .. Z_H (79h..7Eh). A burst wraps from 7Eh back to 78h, so one
     * read takes many words (Linux's st_lsm6dsx reads four at a time the same way).
     */
    public static final int DSOX_FIFO_DATA_OUT_TAG = 0x78;
    /** One tagged FIFO word: tag and three little-endian axes. */
    public static final int DSOX_WORD_BYTES = 7;
    /** DSOX §9 FIFO tag table: gyroscope, uncompressed. */
    public static final int DSOX_TAG_GYRO = 0x01;
    /** DSOX §9 FIFO tag table: accelerometer, uncompressed. */
    public static final int DSOX_TAG_ACCEL = 0x02;

    // ---------------------------------------------------------------- LSM6DS3TR-C FIFO (pattern of words)
    /** DS3 §9 FIFO_CTRL3 (08h): DEC_FIFO_GYRO[2:0] bits 5:3, DEC_FIFO_XL[2:0] bits 2:0; 001 = in the FIFO, no decimation. */
    public static final int DS3_FIFO_CTRL3 = 0x08;
    public static final int DS3_FIFO_CTRL3_BOTH_UNDECIMATED = (0b001 << 3) | 0b001;
    /** DS3 §9 FIFO_CTRL5 (0Ah): ODR_FIFO[3:0] bits 6:3 (coded as the ODR), FIFO_MODE[2:0] bits 2:0. */
    public static final int DS3_FIFO_CTRL5 = 0x0A;
    public static final int DS3_FIFO_ODR_SHIFT = 3;
    /** DS3 §9 FIFO_STATUS2 (3Bh): WaterM 7, OVER_RUN 6, FIFO_FULL_SMART 5, FIFO_EMPTY 4, DIFF_FIFO[10:8] bits 2:0. */
    public static final int DS3_STATUS2_OVER_RUN = 1 << 6;
    public static final int DS3_STATUS2_DIFF_MASK = 0x07;
    /** DS3 §9 FIFO_STATUS3 (3Ch) and FIFO_STATUS4 (3Dh, bits 1:0): FIFO_PATTERN, the next word's place in the pattern. */
    public static final int FIFO_STATUS3 = 0x3C;
    /**
     * DS3 §9 FIFO_DATA_OUT_L (3Eh) and _H (3Fh): one 16-bit word per read pair; a burst wraps from
     * 3Fh back to 3Eh. With both sensors at the same rate undecimated the pattern is Gx, Gy, Gz,
     * XLx, XLy, XLz (the datasheet's FIFO chapter: the first data set is the gyroscope's, the
     * second the accelerometer's; Linux's st_lsm6dsx reads it so).
     */
    public static final int DS3_FIFO_DATA_OUT_L = 0x3E;
    /** Words of one DS3 sample: three gyro, three accel. */
    public static final int DS3_PATTERN_WORDS = 6;

    // ---------------------------------------------------------------- both FIFOs
    /** FIFO_MODE: bypass (the FIFO is emptied and stays empty). */
    public static final int FIFO_MODE_BYPASS = 0b000;
    /** FIFO_MODE: continuous (when full, the newest sample replaces the oldest). */
    public static final int FIFO_MODE_CONTINUOUS = 0b110;

    // ---------------------------------------------------------------- timings
    /** After SW_RESET: the datasheets give 50 µs for the reset; wait for BOOT (DSOX §4.1 turn-on time, 35 ms) to be safe. */
    public static final long RESET_DELAY_NANOS = 35_000_000L;
    /** Standard gravity, m/s^2 (the datasheets express acceleration in g). */
    public static final double STANDARD_GRAVITY = 9.80665;
}
