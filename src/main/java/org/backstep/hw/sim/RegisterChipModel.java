package org.backstep.hw.sim;

import java.util.function.DoubleSupplier;
import org.backstep.hw.DeviceException;

/**
 * The bus side every register-level chip model shares: each call is one transaction that first
 * advances the chip to the clock's time (when it has one), fails while failures are injected, and
 * then moves the register pointer through a burst as the chip's own rule ({@link #next}) says.
 * Subclasses keep every method that touches their state {@code synchronized}, as these are.
 */
public abstract class RegisterChipModel implements SimulatedChip {
    /** The chip's clock in seconds, or null for a chip advanced only by {@link #advanceTo}. */
    protected final DoubleSupplier clock;
    private final String failureText;
    private long transactions;
    private int failNext;

    /** @param failureText the message of an injected failure (the errno text the bus would give) */
    protected RegisterChipModel(DoubleSupplier clock, String failureText) {
        this.clock = clock;
        this.failureText = failureText;
    }

    /** Runs the chip forward to {@code seconds} (sampling, FIFO), as the clock would. */
    public abstract void advanceTo(double seconds);

    /** A register read as the chip answers it, side effects included; {@code r} is 0 to 0x7F. */
    protected abstract int readByte(int r);

    /** A register write as the chip takes it; {@code r} is 0 to 0x7F, {@code v} 0 to 255. */
    protected abstract void writeByte(int r, int v);

    /** Where the register pointer goes after {@code r} in a burst. */
    protected abstract int next(int r);

    /** Throws when the chip does not answer now (unplugged, busy after a reset); by default it always answers. */
    protected void refuse() {
    }

    private void begin() {
        transactions++;
        if (clock != null) advanceTo(clock.getAsDouble());
        if (failNext > 0) {
            failNext--;
            throw new DeviceException(failureText);
        }
        refuse();
    }

    /** One single-byte register read transaction. */
    @Override
    public final synchronized int read(int register) {
        begin();
        return readByte(register & 0x7F);
    }

    /** One burst read transaction of {@code len} bytes starting at {@code register}. */
    @Override
    public final synchronized void read(int register, byte[] dst, int off, int len) {
        begin();
        int r = register & 0x7F;
        for (int i = 0; i < len; i++) {
            dst[off + i] = (byte) readByte(r);
            r = next(r);
        }
    }

    /** One single-byte register write transaction. */
    @Override
    public final synchronized void write(int register, int value) {
        begin();
        writeByte(register & 0x7F, value & 0xFF);
    }

    /** One burst write transaction. */
    @Override
    public final synchronized void write(int register, byte[] src, int off, int len) {
        begin();
        int r = register & 0x7F;
        for (int i = 0; i < len; i++) {
            writeByte(r, src[off + i] & 0xFF);
            r = next(r);
        }
    }

    /** The next {@code n} bus transactions fail with a {@link DeviceException}. */
    public final synchronized void failNextTransactions(int n) {
        failNext = n;
    }

    /** Bus transactions so far. */
    public final synchronized long transactions() {
        return transactions;
    }
}
