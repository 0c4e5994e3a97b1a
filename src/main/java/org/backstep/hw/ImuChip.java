package org.backstep.hw;

import java.util.List;
import java.util.Locale;

/**
 * The IMUs backstep drives, and how each one identifies itself: the WHO_AM_I register of its
 * family, read at the family's I2C addresses.
 */
public enum ImuChip {
    /** RM-MPU-6000A-00 §4.32: WHO_AM_I 0x68. PS-MPU-6000A-00 §7.17: 1024-byte FIFO. */
    MPU6050("mpu6050", "MPU-6050", Family.INVENSENSE, 0x68, 1024),
    /** RM-MPU-6500A-00 rev 2.1, register 117 WHO_AM_I: 0x70. PS-MPU-6500A-01 (FIFO): 512 bytes. */
    MPU6500("mpu6500", "MPU-6500", Family.INVENSENSE, 0x70, 512),
    /** RM-MPU-9250A-00, register 117 WHO_AM_I: 0x71 (an MPU-6500 plus a magnetometer we do not use); FIFO 512 bytes. */
    MPU9250("mpu9250", "MPU-9250", Family.INVENSENSE, 0x71, 512),
    /** DS12814 (LSM6DSOX datasheet) §9 register description, WHO_AM_I (0Fh): 0x6C. */
    LSM6DSOX("lsm6dsox", "LSM6DSOX", Family.ST, 0x6C, 0),
    /** DS13125 (LSM6DS3TR-C datasheet) §9 register description, WHO_AM_I (0Fh): 0x6A. */
    LSM6DS3TRC("lsm6ds3trc", "LSM6DS3TR-C", Family.ST, 0x6A, 0);

    /** A maker's register layout: where WHO_AM_I is and at which I2C addresses the chips sit. */
    public enum Family {
        /** RM-MPU-6000A-00 §4.32, RM-MPU-6500A-00 register 117: WHO_AM_I at 0x75; address 0x68, or 0x69 with AD0 high (PS-MPU-6000A-00 §9.2). */
        INVENSENSE(0x75, List.of(0x68, 0x69)),
        /** DS12814 / DS13125 §9: WHO_AM_I at 0x0F; §6.1.1 (I2C operation): address 0x6A, or 0x6B with SDO/SA0 high. */
        ST(0x0F, List.of(0x6A, 0x6B));

        private final int whoAmIRegister;
        private final List<Integer> addresses;

        Family(int whoAmIRegister, List<Integer> addresses) {
            this.whoAmIRegister = whoAmIRegister;
            this.addresses = addresses;
        }

        public int whoAmIRegister() {
            return whoAmIRegister;
        }

        public List<Integer> addresses() {
            return addresses;
        }

        /** The family whose chips may answer at {@code address}, or null. */
        public static Family at(int address) {
            for (Family f : values()) if (f.addresses.contains(address)) return f;
            return null;
        }
    }

    /** Every address a supported IMU may answer at, in probing order. */
    public static final List<Integer> KNOWN_ADDRESSES = List.of(0x68, 0x69, 0x6A, 0x6B);

    private final String key;
    private final String label;
    private final Family family;
    private final int whoAmI;
    private final int fifoBytes;

    ImuChip(String key, String label, Family family, int whoAmI, int fifoBytes) {
        this.key = key;
        this.label = label;
        this.family = family;
        this.whoAmI = whoAmI;
        this.fifoBytes = fifoBytes;
    }

    /** The name in the configuration ({@code imu.chip}). */
    public String key() {
        return key;
    }

    /** The name on the datasheet. */
    public String label() {
        return label;
    }

    public Family family() {
        return family;
    }

    /** The value its WHO_AM_I register reads. */
    public int whoAmI() {
        return whoAmI;
    }

    /** FIFO size in bytes of an InvenSense chip (0 for the ST chips, whose FIFO counts tagged words). */
    public int fifoBytes() {
        return fifoBytes;
    }

    /** The chip of {@code family} whose WHO_AM_I reads {@code value}, or null. */
    public static ImuChip identify(Family family, int value) {
        for (ImuChip c : values()) if (c.family == family && c.whoAmI == value) return c;
        return null;
    }

    /** The chip named {@code key} in the configuration. */
    public static ImuChip ofKey(String key) {
        for (ImuChip c : values()) if (c.key.equals(key.toLowerCase(Locale.ROOT))) return c;
        throw new IllegalArgumentException("unknown IMU chip '" + key + "'");
    }

    /** E.g. {@code "MPU-6500 (WHO_AM_I 0x70)"}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s (WHO_AM_I 0x%02x)", label, whoAmI);
    }
}
