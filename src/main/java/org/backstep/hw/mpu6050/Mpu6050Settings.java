package org.backstep.hw.mpu6050;

import java.util.Locale;

/**
 * Immutable MPU-6050 configuration, built with {@link #builder()}. Invalid values are rejected with a
 * one-line {@link IllegalArgumentException} naming the setting and the allowed values.
 *
 * <p>Derived values (divider, actual rate, DLPF setting) follow RM-MPU-6000A-00 §4.2 and §4.3.
 */
public final class Mpu6050Settings {
    /** Lowest and highest configurable sample rate, Hz. */
    public static final int MIN_RATE_HZ = 50;
    public static final int MAX_RATE_HZ = 400;
    /** {@link Builder#dlpfHz(int)} value meaning "choose for the rate". */
    public static final int DLPF_AUTO = -1;

    private final int bus;
    private final int address;
    private final int rateHz;
    private final int dlpfHz;
    private final int dlpfCfg;
    private final int accelRangeG;
    private final int gyroRangeDps;

    private Mpu6050Settings(Builder b) {
        this.bus = b.bus;
        this.address = b.address;
        this.rateHz = b.rateHz;
        this.accelRangeG = b.accelRangeG;
        this.gyroRangeDps = b.gyroRangeDps;
        this.dlpfHz = b.dlpfHz;
        this.dlpfCfg = b.dlpfHz == DLPF_AUTO ? autoDlpfCfg(rateHz) : explicitDlpfCfg(b.dlpfHz, rateHz);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: bus 1, address 0x68, 100 Hz, DLPF auto, ±4 g, ±500 °/s. */
    public static Mpu6050Settings defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.bus = bus;
        b.address = address;
        b.rateHz = rateHz;
        b.dlpfHz = dlpfHz;
        b.accelRangeG = accelRangeG;
        b.gyroRangeDps = gyroRangeDps;
        return b;
    }

    public int bus() { return bus; }

    public int address() { return address; }

    /** The requested rate, Hz. */
    public int rateHz() { return rateHz; }

    public int accelRangeG() { return accelRangeG; }

    public int gyroRangeDps() { return gyroRangeDps; }

    /** CONFIG.DLPF_CFG, 0..6 (RM §4.3). */
    public int dlpfCfg() { return dlpfCfg; }

    /** The gyroscope bandwidth of the chosen DLPF setting, Hz (RM §4.3). */
    public int dlpfGyroBandwidthHz() { return Mpu6050Registers.DLPF_GYRO_BANDWIDTH_HZ[dlpfCfg]; }

    /** The accelerometer bandwidth of the chosen DLPF setting, Hz (RM §4.3). */
    public int dlpfAccelBandwidthHz() { return Mpu6050Registers.DLPF_ACCEL_BANDWIDTH_HZ[dlpfCfg]; }

    /** Gyroscope output rate feeding the divider: 8 kHz with DLPF_CFG 0, else 1 kHz (RM §4.2). */
    public int gyroOutputRateHz() {
        return dlpfCfg == 0 ? Mpu6050Registers.GYRO_OUTPUT_RATE_NO_DLPF_HZ : Mpu6050Registers.GYRO_OUTPUT_RATE_DLPF_HZ;
    }

    /** SMPLRT_DIV value: the divider whose resulting rate is nearest the requested one (RM §4.2). */
    public int sampleRateDivider() {
        return divider(gyroOutputRateHz(), rateHz);
    }

    /** The rate the chip will actually run at: gyro output rate / (1 + SMPLRT_DIV). */
    public double actualRateHz() {
        return (double) gyroOutputRateHz() / (1 + sampleRateDivider());
    }

    /** AFS_SEL 0..3 (RM §4.5). */
    public int afsSel() { return Integer.numberOfTrailingZeros(accelRangeG / 2); }

    /** FS_SEL 0..3 (RM §4.4). */
    public int fsSel() { return Integer.numberOfTrailingZeros(gyroRangeDps / 250); }

    /** Accelerometer scale, (m/s^2) per LSB (PS §6.2). */
    public double accelScale() {
        return Mpu6050Registers.STANDARD_GRAVITY / Mpu6050Registers.ACCEL_LSB_PER_G[afsSel()];
    }

    /** Gyroscope scale, (rad/s) per LSB (PS §6.1). */
    public double gyroScale() {
        return Math.toRadians(1.0) / Mpu6050Registers.GYRO_LSB_PER_DPS[fsSel()];
    }

    /** E.g. {@code "i2c bus 1 address 0x68"}. */
    public String describeBus() {
        return String.format(Locale.ROOT, "i2c bus %d address 0x%02x", bus, address);
    }

    @Override
    public String toString() {
        return "MPU-6050 on " + describeBus() + ": " + describeSampling();
    }

    /** E.g. {@code "100 Hz requested, 100.00 Hz actual (SMPLRT_DIV 9), DLPF_CFG 3 (gyro 42 Hz, accel 44 Hz), ±4 g, ±500 dps"}. */
    public String describeSampling() {
        return String.format(Locale.ROOT,
            "%d Hz requested, %.2f Hz actual (SMPLRT_DIV %d), DLPF_CFG %d (gyro %d Hz, accel %d Hz), ±%d g, ±%d dps",
            rateHz, actualRateHz(), sampleRateDivider(), dlpfCfg, dlpfGyroBandwidthHz(),
            dlpfAccelBandwidthHz(), accelRangeG, gyroRangeDps);
    }

    /**
     * The widest DLPF (1..6) whose gyro and accel bandwidths are both below the Nyquist frequency of the
     * rate actually reached with the 1 kHz gyro output rate. DLPF_CFG 0 (filter off) is never chosen.
     */
    static int autoDlpfCfg(int rateHz) {
        double nyquist = actualRate(Mpu6050Registers.GYRO_OUTPUT_RATE_DLPF_HZ, rateHz) / 2.0;
        for (int cfg = 1; cfg <= 6; cfg++) {
            if (maxBandwidth(cfg) < nyquist) return cfg;
        }
        return 6;
    }

    /** SMPLRT_DIV giving the rate nearest {@code rateHz} from {@code baseHz}, 0..255 (RM §4.2). */
    static int divider(int baseHz, int rateHz) {
        double exact = (double) baseHz / rateHz;
        int lo = (int) Math.max(1, Math.min(256, Math.floor(exact)));
        int hi = (int) Math.max(1, Math.min(256, Math.ceil(exact)));
        double errLo = Math.abs((double) baseHz / lo - rateHz);
        double errHi = Math.abs((double) baseHz / hi - rateHz);
        return (errHi < errLo ? hi : lo) - 1;
    }

    static double actualRate(int baseHz, int rateHz) {
        return (double) baseHz / (1 + divider(baseHz, rateHz));
    }

    private static int maxBandwidth(int cfg) {
        return Math.max(Mpu6050Registers.DLPF_ACCEL_BANDWIDTH_HZ[cfg], Mpu6050Registers.DLPF_GYRO_BANDWIDTH_HZ[cfg]);
    }

    private static int explicitDlpfCfg(int hz, int rateHz) {
        for (int cfg = 0; cfg <= 6; cfg++) {
            if (Mpu6050Registers.DLPF_GYRO_BANDWIDTH_HZ[cfg] == hz || Mpu6050Registers.DLPF_ACCEL_BANDWIDTH_HZ[cfg] == hz) {
                int base = cfg == 0 ? Mpu6050Registers.GYRO_OUTPUT_RATE_NO_DLPF_HZ : Mpu6050Registers.GYRO_OUTPUT_RATE_DLPF_HZ;
                double nyquist = actualRate(base, rateHz) / 2.0;
                if (maxBandwidth(cfg) >= nyquist) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "dlpf %d Hz is not below the Nyquist frequency %.1f Hz of rate %d Hz; use a lower bandwidth or 'auto'",
                        hz, nyquist, rateHz));
                }
                return cfg;
            }
        }
        throw new IllegalArgumentException("dlpf " + hz + " Hz is not a DLPF bandwidth; allowed: auto, 188, 98, 42, 20, 10, 5 (or the accel values 184, 94, 44, 21)");
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int bus = 1;
        private int address = Mpu6050Registers.ADDRESS_AD0_LOW;
        private int rateHz = 100;
        private int dlpfHz = DLPF_AUTO;
        private int accelRangeG = 4;
        private int gyroRangeDps = 500;

        private Builder() {
        }

        /** Linux I2C bus number, {@code /dev/i2c-N} (default 1). */
        public Builder bus(int bus) {
            if (bus < 0) throw new IllegalArgumentException("i2c bus " + bus + " is negative; use the N of /dev/i2c-N (1 on a Pi)");
            this.bus = bus;
            return this;
        }

        /** 0x68 (AD0 low, default) or 0x69 (AD0 high). */
        public Builder address(int address) {
            if (address != Mpu6050Registers.ADDRESS_AD0_LOW && address != Mpu6050Registers.ADDRESS_AD0_HIGH) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "MPU-6050 address 0x%02x is not possible; allowed: 0x68 (AD0 low) or 0x69 (AD0 high)", address));
            }
            this.address = address;
            return this;
        }

        /** Requested sample rate, 50..400 Hz (default 100). */
        public Builder rateHz(int rateHz) {
            if (rateHz < MIN_RATE_HZ || rateHz > MAX_RATE_HZ) {
                throw new IllegalArgumentException("rate " + rateHz + " Hz is out of range; allowed: "
                    + MIN_RATE_HZ + ".." + MAX_RATE_HZ + " Hz");
            }
            this.rateHz = rateHz;
            return this;
        }

        /** DLPF bandwidth in Hz, or {@link #DLPF_AUTO}. Checked against the rate at {@link #build()}. */
        public Builder dlpfHz(int hz) {
            this.dlpfHz = hz;
            return this;
        }

        /** Parses "auto" or a bandwidth in Hz. */
        public Builder dlpf(String text) {
            String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            if (s.equals("auto")) return dlpfHz(DLPF_AUTO);
            try {
                return dlpfHz(Integer.parseInt(s.endsWith("hz") ? s.substring(0, s.length() - 2).trim() : s));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("dlpf '" + text + "' is neither 'auto' nor a bandwidth in Hz");
            }
        }

        /** Accelerometer full scale: 2, 4, 8 or 16 g (default 4). */
        public Builder accelRangeG(int g) {
            if (g != 2 && g != 4 && g != 8 && g != 16) {
                throw new IllegalArgumentException("accel range " + g + " g is not supported; allowed: 2, 4, 8, 16");
            }
            this.accelRangeG = g;
            return this;
        }

        /** Gyroscope full scale: 250, 500, 1000 or 2000 °/s (default 500). */
        public Builder gyroRangeDps(int dps) {
            if (dps != 250 && dps != 500 && dps != 1000 && dps != 2000) {
                throw new IllegalArgumentException("gyro range " + dps + " dps is not supported; allowed: 250, 500, 1000, 2000");
            }
            this.gyroRangeDps = dps;
            return this;
        }

        public Mpu6050Settings build() {
            return new Mpu6050Settings(this);
        }
    }
}
