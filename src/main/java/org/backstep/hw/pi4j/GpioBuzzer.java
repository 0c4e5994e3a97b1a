package org.backstep.hw.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import org.backstep.hw.Buzzer;
import org.backstep.hw.DeviceException;

/**
 * An active buzzer switched by a GPIO pin (Pi4J gpiod-digital-output). Any tone means on. Starts
 * silent; silent after {@link #close()}.
 */
public final class GpioBuzzer implements Buzzer {
    private final DigitalOutput pin;
    private final boolean activeLow;
    private int state = -1;   // -1 unknown, 0 off, 1 on
    private boolean closed;

    public GpioBuzzer(DigitalOutput pin, boolean activeLow) {
        this.pin = pin;
        this.activeLow = activeLow;
        off();
    }

    @Override
    public synchronized void tone(int hz) {
        if (closed) return;
        if (hz <= 0) {
            off();
            return;
        }
        set(1);
    }

    @Override
    public synchronized void off() {
        set(0);
    }

    private void set(int on) {
        if (state == on) return;
        try {
            boolean high = (on == 1) != activeLow;
            if (high) pin.high(); else pin.low();
            state = on;
        } catch (RuntimeException e) {
            state = -1;
            throw new DeviceException("buzzer on BCM " + pin.address() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        try {
            off();
        } catch (DeviceException e) {
            // the context shutdown applies the configured shutdown state
        } finally {
            closed = true;
        }
    }
}
