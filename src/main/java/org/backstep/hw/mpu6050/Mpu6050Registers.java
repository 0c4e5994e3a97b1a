package org.backstep.hw.mpu6050;

/**
 * MPU-6050 register addresses, bit fields and scale factors.
 *
 * <p>Sources: "MPU-6000 and MPU-6050 Register Map and Descriptions", RM-MPU-6000A-00 rev 4.2
 * (cited "RM §section"), and "MPU-6000 and MPU-6050 Product Specification", PS-MPU-6000A-00 rev 3.4
 * (cited "PS §section"). Every multi-byte sensor value is big-endian two's complement.
 */
public final class Mpu6050Registers {
    private Mpu6050Registers() {
    }

    // ---------------------------------------------------------------- addresses
    /** Default 7-bit I2C address, AD0 low. PS §9.2 (I2C interface), RM §4.32. */
    public static final int ADDRESS_AD0_LOW = 0x68;
    /** 7-bit I2C address with AD0 high. PS §9.2. */
    public static final int ADDRESS_AD0_HIGH = 0x69;

    // ---------------------------------------------------------------- SMPLRT_DIV
    /**
     * RM §4.2 Register 25 SMPLRT_DIV. Sample Rate = Gyroscope Output Rate / (1 + SMPLRT_DIV), where
     * the gyroscope output rate is 8 kHz with the DLPF disabled (DLPF_CFG 0 or 7) and 1 kHz otherwise.
     */
    public static final int SMPLRT_DIV = 0x19;
    /** RM §4.2: gyroscope output rate with the DLPF enabled (DLPF_CFG 1..6), Hz. */
    public static final int GYRO_OUTPUT_RATE_DLPF_HZ = 1000;
    /** RM §4.2: gyroscope output rate with the DLPF disabled (DLPF_CFG 0 or 7), Hz. */
    public static final int GYRO_OUTPUT_RATE_NO_DLPF_HZ = 8000;

    // ---------------------------------------------------------------- CONFIG
    /** RM §4.3 Register 26 CONFIG: EXT_SYNC_SET[5:3], DLPF_CFG[2:0]. */
    public static final int CONFIG = 0x1A;
    /** RM §4.3: DLPF_CFG field mask, bits 2:0. */
    public static final int CONFIG_DLPF_CFG_MASK = 0x07;
    /** RM §4.3: EXT_SYNC_SET field mask, bits 5:3 (0 = FSYNC input disabled). */
    public static final int CONFIG_EXT_SYNC_SET_MASK = 0x38;
    /**
     * RM §4.3 DLPF table: accelerometer bandwidth in Hz for DLPF_CFG 0..6 (index = DLPF_CFG).
     * DLPF_CFG 7 is reserved.
     */
    public static final int[] DLPF_ACCEL_BANDWIDTH_HZ = {260, 184, 94, 44, 21, 10, 5};
    /** RM §4.3 DLPF table: gyroscope bandwidth in Hz for DLPF_CFG 0..6. */
    public static final int[] DLPF_GYRO_BANDWIDTH_HZ = {256, 188, 98, 42, 20, 10, 5};

    // ---------------------------------------------------------------- GYRO_CONFIG / ACCEL_CONFIG
    /** RM §4.4 Register 27 GYRO_CONFIG: XG_ST bit 7, YG_ST bit 6, ZG_ST bit 5, FS_SEL[4:3]. */
    public static final int GYRO_CONFIG = 0x1B;
    /** RM §4.4: FS_SEL field mask (bits 4:3); value n selects ±250·2^n °/s. */
    public static final int GYRO_CONFIG_FS_SEL_MASK = 0x18;
    /** RM §4.4: FS_SEL field shift. */
    public static final int GYRO_CONFIG_FS_SEL_SHIFT = 3;
    /** RM §4.5 Register 28 ACCEL_CONFIG: XA_ST bit 7, YA_ST bit 6, ZA_ST bit 5, AFS_SEL[4:3]. */
    public static final int ACCEL_CONFIG = 0x1C;
    /** RM §4.5: AFS_SEL field mask (bits 4:3); value n selects ±2·2^n g. */
    public static final int ACCEL_CONFIG_AFS_SEL_MASK = 0x18;
    /** RM §4.5: AFS_SEL field shift. */
    public static final int ACCEL_CONFIG_AFS_SEL_SHIFT = 3;

    // ---------------------------------------------------------------- FIFO_EN
    /** RM §4.6 Register 35 FIFO_EN: which sensor registers are written to the FIFO at the sample rate. */
    public static final int FIFO_EN = 0x23;
    /** RM §4.6: TEMP_FIFO_EN, bit 7 (TEMP_OUT, registers 65-66). */
    public static final int FIFO_EN_TEMP = 1 << 7;
    /** RM §4.6: XG_FIFO_EN, bit 6 (GYRO_XOUT, registers 67-68). */
    public static final int FIFO_EN_XG = 1 << 6;
    /** RM §4.6: YG_FIFO_EN, bit 5 (GYRO_YOUT, registers 69-70). */
    public static final int FIFO_EN_YG = 1 << 5;
    /** RM §4.6: ZG_FIFO_EN, bit 4 (GYRO_ZOUT, registers 71-72). */
    public static final int FIFO_EN_ZG = 1 << 4;
    /** RM §4.6: ACCEL_FIFO_EN, bit 3 (ACCEL_*OUT, registers 59-64). */
    public static final int FIFO_EN_ACCEL = 1 << 3;
    /** What backstep puts in the FIFO: accelerometer and the three gyro axes, 12 bytes a sample (RM §4.6). */
    public static final int FIFO_EN_SELECTION = FIFO_EN_ACCEL | FIFO_EN_XG | FIFO_EN_YG | FIFO_EN_ZG;

    // ---------------------------------------------------------------- interrupts
    /** RM §4.14 Register 55 INT_PIN_CFG (INT_RD_CLEAR bit 4; 0 = status cleared by reading INT_STATUS). */
    public static final int INT_PIN_CFG = 0x37;
    /** RM §4.15 Register 56 INT_ENABLE. */
    public static final int INT_ENABLE = 0x38;
    /** RM §4.15: FIFO_OFLOW_EN, bit 4. */
    public static final int INT_ENABLE_FIFO_OFLOW = 1 << 4;
    /** RM §4.15: DATA_RDY_EN, bit 0. */
    public static final int INT_ENABLE_DATA_RDY = 1;
    /**
     * RM §4.16 Register 58 INT_STATUS. Bits are cleared when the register is read (with
     * INT_PIN_CFG INT_RD_CLEAR = 0, the reset value). The driver enables FIFO_OFLOW_EN so the
     * overflow status is reported even though the INT pin is not wired.
     */
    public static final int INT_STATUS = 0x3A;
    /** RM §4.16: FIFO_OFLOW_INT, bit 4, set when the FIFO buffer has overflowed. */
    public static final int INT_STATUS_FIFO_OFLOW = 1 << 4;
    /** RM §4.16: DATA_RDY_INT, bit 0, set when a new sample set is written to the sensor registers. */
    public static final int INT_STATUS_DATA_RDY = 1;

    // ---------------------------------------------------------------- sensor data
    /** RM §4.17 Registers 59 to 64: ACCEL_XOUT_H .. ACCEL_ZOUT_L. */
    public static final int ACCEL_XOUT_H = 0x3B;
    /** RM §4.18 Registers 65 and 66: TEMP_OUT_H, TEMP_OUT_L; °C = value/340 + 36.53. */
    public static final int TEMP_OUT_H = 0x41;
    /** RM §4.19 Registers 67 to 72: GYRO_XOUT_H .. GYRO_ZOUT_L. */
    public static final int GYRO_XOUT_H = 0x43;

    // ---------------------------------------------------------------- resets and power
    /** RM §4.26 Register 104 SIGNAL_PATH_RESET: GYRO_RESET bit 2, ACCEL_RESET bit 1, TEMP_RESET bit 0. */
    public static final int SIGNAL_PATH_RESET = 0x68;
    /** RM §4.27 Register 106 USER_CTRL. */
    public static final int USER_CTRL = 0x6A;
    /** RM §4.27: FIFO_EN, bit 6, enables FIFO operations. */
    public static final int USER_CTRL_FIFO_EN = 1 << 6;
    /** RM §4.27: I2C_MST_EN, bit 5 (auxiliary I2C master; we keep it off). */
    public static final int USER_CTRL_I2C_MST_EN = 1 << 5;
    /** RM §4.27: FIFO_RESET, bit 2; resets the FIFO buffer when FIFO_EN is 0; clears automatically. */
    public static final int USER_CTRL_FIFO_RESET = 1 << 2;
    /** RM §4.27: SIG_COND_RESET, bit 0; resets all signal paths and clears sensor registers. */
    public static final int USER_CTRL_SIG_COND_RESET = 1;
    /** RM §4.28 Register 107 PWR_MGMT_1: DEVICE_RESET bit 7, SLEEP bit 6, CYCLE bit 5, TEMP_DIS bit 3, CLKSEL[2:0]. */
    public static final int PWR_MGMT_1 = 0x6B;
    /** RM §4.28: DEVICE_RESET, bit 7; resets all registers to defaults, clears automatically. */
    public static final int PWR_MGMT_1_DEVICE_RESET = 1 << 7;
    /** RM §4.28: SLEEP, bit 6; set at power-on / after reset. */
    public static final int PWR_MGMT_1_SLEEP = 1 << 6;
    /** RM §4.28: CYCLE, bit 5. */
    public static final int PWR_MGMT_1_CYCLE = 1 << 5;
    /** RM §4.28: TEMP_DIS, bit 3. */
    public static final int PWR_MGMT_1_TEMP_DIS = 1 << 3;
    /** RM §4.28: CLKSEL field mask, bits 2:0. */
    public static final int PWR_MGMT_1_CLKSEL_MASK = 0x07;
    /** RM §4.28: CLKSEL 1 = PLL with X axis gyroscope reference (recommended for stability). */
    public static final int CLKSEL_PLL_XGYRO = 1;
    /** RM §3 (register map notes): reset value of PWR_MGMT_1 is 0x40 (asleep, internal 8 MHz oscillator). */
    public static final int PWR_MGMT_1_RESET_VALUE = 0x40;
    /** RM §4.29 Register 108 PWR_MGMT_2 (standby bits; 0 = everything on). */
    public static final int PWR_MGMT_2 = 0x6C;
    /** RM §4.30 Registers 114 and 115 FIFO_COUNTH / FIFO_COUNTL; read H first, it latches both. */
    public static final int FIFO_COUNTH = 0x72;
    /** RM §4.30 Register 115 FIFO_COUNTL. */
    public static final int FIFO_COUNTL = 0x73;
    /**
     * RM §4.31 Register 116 FIFO_R_W. Reading pops the FIFO; when empty it returns the last byte
     * read. On overflow FIFO_OFLOW_INT is set, the oldest data is lost and new data is written.
     */
    public static final int FIFO_R_W = 0x74;
    /** RM §4.32 Register 117 WHO_AM_I: bits 6:1 of the I2C address; 0x68 regardless of AD0. */
    public static final int WHO_AM_I = 0x75;
    /** RM §4.32 and RM §3: the reset value of WHO_AM_I. */
    public static final int WHO_AM_I_VALUE = 0x68;

    // ---------------------------------------------------------------- MPU-6500 / MPU-9250 only
    /**
     * RM-MPU-6500A-00 rev 2.1 §4.8 Register 29 ACCEL_CONFIG 2: ACCEL_FCHOICE_B bit 3 (0: filter on),
     * A_DLPF_CFG[2:0]. A_DLPF_CFG 1..6 gives nearly the bandwidths of the gyro's DLPF_CFG 1..6
     * (218, 99, 45, 21, 10, 5 Hz), so the driver writes the gyro's setting here too. On the
     * MPU-6050 this address is a motion-detection register the driver never writes.
     */
    public static final int ACCEL_CONFIG2_6500 = 0x1D;

    // ---------------------------------------------------------------- sizes and timings
    /** PS §7.17 (FIFO): the FIFO is 1024 bytes. */
    public static final int FIFO_SIZE = 1024;
    /** One FIFO frame with ACCEL + XG + YG + ZG enabled: 6 bytes accel then 6 bytes gyro (RM §4.31 register order). */
    public static final int FRAME_BYTES = 12;
    /** Time to wait after DEVICE_RESET before talking to the chip (the InvenSense drivers use 100 ms). */
    public static final long RESET_DELAY_NANOS = 100_000_000L;
    /** Gyro start-up time, PS §6.1 (30 ms typical); we wait this long after waking before enabling the FIFO. */
    public static final long WAKE_DELAY_NANOS = 30_000_000L;

    // ---------------------------------------------------------------- scale factors
    /** PS §6.2 Accelerometer sensitivity, LSB/g, for AFS_SEL 0..3 (±2, ±4, ±8, ±16 g). */
    public static final double[] ACCEL_LSB_PER_G = {16384.0, 8192.0, 4096.0, 2048.0};
    /** PS §6.1 Gyroscope sensitivity, LSB/(°/s), for FS_SEL 0..3 (±250, ±500, ±1000, ±2000 °/s). */
    public static final double[] GYRO_LSB_PER_DPS = {131.0, 65.5, 32.8, 16.4};
    /** Standard gravity, m/s^2 (the datasheets express acceleration in g). */
    public static final double STANDARD_GRAVITY = 9.80665;
}
