package org.backstep.hw.pi4j;

import com.pi4j.io.pwm.Pwm;
import org.backstep.hw.Buzzer;
import org.backstep.hw.DeviceException;

/**
 * A buzzer on a hardware PWM channel. Passive: the tone's frequency at 50 % duty. Active: 100 % duty
 * (the buzzer makes its own tone) at a fixed carrier. Repeating the current tone writes nothing, so a
 * pattern player may call {@link #tone} freely. Starts silent; silent after {@link #close()}.
 */
public final class PwmBuzzer implements Buzzer {
    /** PWM frequency used for an active buzzer at 100 % duty (any value works). */
    static final int ACTIVE_CARRIER_HZ = 1000;
    /** Frequency range a small piezo can play. */
    static final int MIN_HZ = 100;
    static final int MAX_HZ = 10_000;

    private final Pwm pwm;
    private final boolean active;
    private int currentHz = -1;
    private boolean closed;

    public PwmBuzzer(Pwm pwm, boolean active) {
        this.pwm = pwm;
        this.active = active;
        off();
    }

    @Override
    public synchronized void tone(int hz) {
        if (closed) return;
        if (hz <= 0) {
            off();
            return;
        }
        int f = active ? ACTIVE_CARRIER_HZ : Math.max(MIN_HZ, Math.min(MAX_HZ, hz));
        if (f == currentHz) return;
        try {
            pwm.on(active ? 100 : 50, f);
            currentHz = f;
        } catch (RuntimeException e) {
            currentHz = -1;
            throw new DeviceException("buzzer on PWM channel " + pwm.address() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void off() {
        if (currentHz == 0) return;
        try {
            pwm.off();
            currentHz = 0;
        } catch (RuntimeException e) {
            currentHz = -1;
            throw new DeviceException("buzzer on PWM channel " + pwm.address() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean active() {
        return active;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        try {
            off();
        } catch (DeviceException e) {
            // nothing more we can do; the context shutdown will try again
        } finally {
            closed = true;
        }
    }
}
