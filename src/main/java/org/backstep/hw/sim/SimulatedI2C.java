package org.backstep.hw.sim;

import com.pi4j.exception.Pi4JException;
import com.pi4j.io.exception.IOException;
import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CBusBase;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import java.nio.charset.Charset;
import java.util.Locale;
import org.backstep.hw.DeviceException;

/**
 * A Pi4J {@link com.pi4j.io.i2c.I2C} whose register reads and writes are transactions on a
 * {@link SimulatedChip}, through Pi4J's bus lock like the real linuxfs implementation. A null chip is an
 * empty address: every transaction throws a Pi4J {@link IOException}. A register transaction allocates
 * nothing (one reused action), so allocation tests of the live loop see only our own code; Pi4J's
 * linuxfs I2C does allocate a few small arrays per transaction on the Pi (see README, Benchmarks).
 */
final class SimulatedI2C extends I2CBase<SimulatedI2C.Bus> {
    private final SimulatedChip chip;
    private int pointer;

    /** The bus lock of Pi4J's I2CBusBase; nothing else to do in a simulation. */
    static final class Bus extends I2CBusBase {
        Bus(I2CConfig config) {
            super(config);
        }

        @Override
        public <R> R execute(com.pi4j.io.i2c.I2C i2c, java.util.concurrent.Callable<R> action) {
            return _execute(i2c, action);
        }
    }

    SimulatedI2C(I2CProvider provider, I2CConfig config, SimulatedChip chip) {
        super(provider, config, new Bus(config));
        this.chip = chip;
    }

    private SimulatedChip chip() {
        if (!isOpen) throw new IOException("I2C bus " + config.bus() + " device " + hex(config.device()) + " is closed");
        if (chip == null) throw new DeviceException(SimulatedMpu6050.NACK_TEXT);
        return chip;
    }

    private static String hex(int v) {
        return String.format(Locale.ROOT, "0x%02x", v);
    }

    /** What a transaction does; one reused instance, so a transaction allocates nothing (the sampling thread). */
    private enum Op { READ_REG, READ_BURST, WRITE_REG, WRITE_BURST }

    /** The transaction in progress: its operands, then its result. Only used under the bus lock. */
    private final class Txn implements java.util.concurrent.Callable<Object> {
        Op op;
        int register;
        int value;
        byte[] data;
        int offset;
        int length;
        int result;

        @Override
        public Object call() {
            SimulatedChip c = chip();
            switch (op) {
                case READ_REG -> result = c.read(register);
                case READ_BURST -> {
                    c.read(register, data, offset, length);
                    result = length;
                }
                case WRITE_REG -> {
                    c.write(register, value);
                    result = 1;
                }
                case WRITE_BURST -> {
                    c.write(register, data, offset, length);
                    result = length;
                }
            }
            data = null;
            return null;
        }
    }

    private final Txn txn = new Txn();

    /** A register transaction on the reused {@link Txn}, under the bus lock. */
    private synchronized int transact(Op op, int register, int value, byte[] data, int offset, int length) {
        txn.op = op;
        txn.register = register;
        txn.value = value;
        txn.data = data;
        txn.offset = offset;
        txn.length = length;
        onBus(txn);
        return txn.result;
    }

    /**
     * Runs a transaction; a chip error surfaces the way Pi4J's linuxfs I2C reports a failed ioctl: a
     * {@link Pi4JException} naming the device in decimal, with the errno text only in its cause.
     */
    private <T> T onBus(java.util.concurrent.Callable<T> action) {
        try {
            return i2CBus.execute(this, action);
        } catch (DeviceException e) {
            throw new Pi4JException("Failed to execute action for device " + config.device() + " on bus " + config.bus(),
                new java.io.IOException(e.getMessage()));
        }
    }

    // ---------------------------------------------------------------- raw (pointer) access

    @Override
    public int write(byte b) {
        return onBus(() -> {
            chip();
            pointer = b & 0xFF;
            return 1;
        });
    }

    @Override
    public int write(byte[] data, int offset, int length) {
        return onBus(() -> {
            SimulatedChip c = chip();
            if (length <= 0) return 0;
            pointer = data[offset] & 0xFF;
            if (length > 1) c.write(pointer, data, offset + 1, length - 1);
            return length;
        });
    }

    @Override
    public int write(Charset charset, CharSequence data) {
        byte[] bytes = data.toString().getBytes(charset);
        return write(bytes, 0, bytes.length);
    }

    @Override
    public int read() {
        return onBus(() -> chip().read(pointer));
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        return onBus(() -> {
            chip().read(pointer, buffer, offset, length);
            return length;
        });
    }

    @Override
    public String readString(Charset charset, int length) {
        byte[] b = new byte[length];
        read(b, 0, length);
        return new String(b, charset);
    }

    // ---------------------------------------------------------------- register access

    @Override
    public int writeRegister(int register, byte b) {
        return transact(Op.WRITE_REG, register, b & 0xFF, null, 0, 0);
    }

    @Override
    public int writeRegister(int register, byte[] data, int offset, int length) {
        return transact(Op.WRITE_BURST, register, 0, data, offset, length);
    }

    @Override
    public int writeRegister(byte[] register, byte[] data, int offset, int length) {
        return writeRegister(register[0] & 0xFF, data, offset, length);
    }

    @Override
    public int readRegister(int register) {
        return transact(Op.READ_REG, register, 0, null, 0, 0);
    }

    @Override
    public int readRegister(int register, byte[] buffer, int offset, int length) {
        return transact(Op.READ_BURST, register, 0, buffer, offset, length);
    }

    @Override
    public int readRegister(byte[] register, byte[] buffer, int offset, int length) {
        return readRegister(register[0] & 0xFF, buffer, offset, length);
    }
}
