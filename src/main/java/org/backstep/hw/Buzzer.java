package org.backstep.hw;

/** A buzzer: passive ones play {@code hz}, active ones only switch on and off. */
public interface Buzzer extends AutoCloseable {

    /** Sounds at {@code hz} (ignored by an active buzzer); {@code hz <= 0} means {@link #off()}. */
    void tone(int hz);

    /** Silences the buzzer. */
    void off();

    /** True if this buzzer can only be switched on and off (no pitch). */
    default boolean active() {
        return false;
    }

    /** Silences the buzzer and releases it. Idempotent. */
    @Override
    void close();
}
