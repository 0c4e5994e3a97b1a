package org.backstep.hw.sim;

import java.util.Locale;
import org.backstep.hw.DeviceException;
import org.backstep.hw.I2cDevice;

/** An {@link I2cDevice} talking straight to a {@link SimulatedMpu6050}, without Pi4J. */
public final class SimulatedI2cDevice implements I2cDevice {
    private final SimulatedMpu6050 chip;
    private final int bus;
    private final int address;
    private volatile boolean closed;

    public SimulatedI2cDevice(SimulatedMpu6050 chip, int bus, int address) {
        this.chip = chip;
        this.bus = bus;
        this.address = address;
    }

    private void check() {
        if (closed) throw new DeviceException(describe() + " is closed");
    }

    @Override
    public int readRegister(int reg) {
        check();
        return chip.read(reg);
    }

    @Override
    public void writeRegister(int reg, int value) {
        check();
        chip.write(reg, value);
    }

    @Override
    public void readRegisters(int reg, byte[] dst, int off, int len) {
        check();
        chip.read(reg, dst, off, len);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "simulated i2c bus %d address 0x%02x", bus, address);
    }

    @Override
    public void close() {
        closed = true;
    }
}
