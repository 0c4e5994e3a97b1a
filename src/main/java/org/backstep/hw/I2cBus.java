package org.backstep.hw;

/** One I2C bus: opens a device handle at any 7-bit address on it. */
public interface I2cBus {

    /** A handle on {@code address}; opening never talks to the chip, the first transaction does. */
    I2cDevice open(int address);

    /** N of {@code /dev/i2c-N}. */
    int number();

    /** E.g. {@code "i2c bus 1"}. */
    String describe();
}
