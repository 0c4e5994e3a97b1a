package org.backstep.hw.sim;

/**
 * A register-level chip model on a simulated I2C bus: each call is one bus transaction, and a
 * failed transaction (a NACK) throws {@link org.backstep.hw.DeviceException}. How a burst moves the
 * register pointer is the chip's business.
 */
public interface SimulatedChip {

    /** One single-byte register read. */
    int read(int register);

    /** One burst read of {@code len} bytes starting at {@code register}. */
    void read(int register, byte[] dst, int off, int len);

    /** One single-byte register write. */
    void write(int register, int value);

    /** One burst write starting at {@code register}. */
    void write(int register, byte[] src, int off, int len);
}
