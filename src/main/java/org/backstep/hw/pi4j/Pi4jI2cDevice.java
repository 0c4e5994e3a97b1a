package org.backstep.hw.pi4j;

import com.pi4j.io.i2c.I2C;
import java.util.Locale;
import org.backstep.hw.DeviceException;
import org.backstep.hw.I2cDevice;

/**
 * {@link I2cDevice} over a Pi4J {@link I2C}. Pi4J failures (unchecked Pi4J exceptions) become
 * {@link DeviceException}s naming the bus and address.
 *
 * <p>Pi4J 2.8.0's linuxfs {@code readRegister(reg, buf, off, len)} ignores {@code off} and writes from
 * index 0, so a burst with a non-zero offset goes through a scratch buffer and is copied.
 */
public final class Pi4jI2cDevice implements I2cDevice {
    private final I2C i2c;
    private final String description;
    private byte[] scratch = new byte[0];
    private final Runnable onClose;
    private volatile boolean closed;

    public Pi4jI2cDevice(I2C i2c) {
        this(i2c, null);
    }

    /**
     * @param onClose run once after the Pi4J I2C closes, e.g. to take it out of its context's registry: Pi4J's
     *                {@code close()} only marks it closed, so a handle opened per retry (an IMU awaited for
     *                hours) would otherwise stay registered for good
     */
    public Pi4jI2cDevice(I2C i2c, Runnable onClose) {
        this.i2c = i2c;
        this.onClose = onClose;
        this.description = String.format(Locale.ROOT, "i2c bus %d address 0x%02x", i2c.bus(), i2c.device());
    }

    @Override
    public int readRegister(int reg) {
        check();
        try {
            int v = i2c.readRegister(reg);
            if (v < 0) throw new DeviceException(fail("read of register", reg, "returned " + v));
            return v & 0xFF;
        } catch (DeviceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DeviceException(fail("read of register", reg, reason(e)), e);
        }
    }

    @Override
    public void writeRegister(int reg, int value) {
        check();
        try {
            i2c.writeRegister(reg, (byte) value);
        } catch (RuntimeException e) {
            throw new DeviceException(fail("write of register", reg, reason(e)), e);
        }
    }

    @Override
    public void readRegisters(int reg, byte[] dst, int off, int len) {
        check();
        if (len == 0) return;
        try {
            int n;
            if (off == 0) {
                n = i2c.readRegister(reg, dst, 0, len);
            } else {
                if (scratch.length < len) scratch = new byte[len];
                n = i2c.readRegister(reg, scratch, 0, len);
                if (n > 0) System.arraycopy(scratch, 0, dst, off, Math.min(n, len));
            }
            if (n != len) throw new DeviceException(fail("burst read at register", reg, "got " + n + " of " + len + " bytes"));
        } catch (DeviceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DeviceException(fail("burst read at register", reg, reason(e)), e);
        }
    }

    private String fail(String what, int reg, String why) {
        return String.format(Locale.ROOT, "%s: %s 0x%02x failed: %s", description, what, reg, why);
    }

    /**
     * Why a Pi4J call failed, in the kernel's words: linuxfs wraps the ioctl's IOException ("Remote I/O
     * error", i.e. nothing acknowledged the address) in "Failed to execute action for device 104 on bus
     * 1", which names the address in decimal and loses the errno text; the innermost message is the one
     * that says what happened.
     */
    static String reason(Throwable e) {
        Throwable t = e;
        String msg = e.getMessage();
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 8; depth++) {
            t = t.getCause();
            if (t.getMessage() != null && !t.getMessage().isBlank()) msg = t.getMessage();
        }
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    private void check() {
        if (closed) throw new DeviceException(description + " is closed");
    }

    @Override
    public String describe() {
        return description;
    }

    /** The wrapped Pi4J I2C. */
    public I2C pi4j() {
        return i2c;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            i2c.close();
            if (onClose != null) onClose.run();
        } catch (RuntimeException e) {
            // closing a handle must not mask the reason we are closing
        }
    }
}
