package org.backstep.hw;

/**
 * One device on an I2C bus, addressed by 8-bit register numbers. All failures are reported as
 * {@link DeviceException}s whose message includes {@link #describe()}.
 */
public interface I2cDevice extends AutoCloseable {

    /** Reads one register, 0..255. */
    int readRegister(int reg);

    /** Writes one register (the low 8 bits of {@code value}). */
    void writeRegister(int reg, int value);

    /**
     * Burst read of {@code len} bytes starting at {@code reg} in ONE bus transaction, into
     * {@code dst[off .. off+len)}. How the device advances its register pointer during a burst is the
     * device's business (the MPU-6050 does not advance past FIFO_R_W).
     */
    void readRegisters(int reg, byte[] dst, int off, int len);

    /** Burst read filling the whole of {@code dst}. */
    default void readRegisters(int reg, byte[] dst) {
        readRegisters(reg, dst, 0, dst.length);
    }

    /** Reads a big-endian unsigned 16-bit value from {@code reg} (high byte) and {@code reg+1}. */
    default int readUnsignedWord(int reg) {
        byte[] two = new byte[2];
        readRegisters(reg, two, 0, 2);
        return ((two[0] & 0xFF) << 8) | (two[1] & 0xFF);
    }

    /** Read-modify-write: sets the bits of {@code mask} in {@code reg} to those of {@code bits}. */
    default void updateRegister(int reg, int mask, int bits) {
        int old = readRegister(reg);
        writeRegister(reg, (old & ~mask) | (bits & mask));
    }

    /** A short human description such as {@code "i2c bus 1 address 0x68"}. */
    String describe();

    /** Releases the device handle. Idempotent; never throws a checked exception. */
    @Override
    void close();
}
