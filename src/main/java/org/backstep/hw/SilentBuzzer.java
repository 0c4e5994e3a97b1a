package org.backstep.hw;

/**
 * A buzzer that makes no sound and remembers what it was told: for the demo and for tests. Logs
 * nothing per call (patterns switch tones often).
 */
public final class SilentBuzzer implements Buzzer {
    private volatile int hz;
    private volatile long tones;
    private volatile boolean closed;

    @Override
    public void tone(int hz) {
        if (closed) return;
        if (hz <= 0) {
            off();
            return;
        }
        this.hz = hz;
        tones++;
    }

    @Override
    public void off() {
        hz = 0;
    }

    /** The frequency sounding now, 0 when silent. */
    public int hz() {
        return hz;
    }

    public boolean on() {
        return hz > 0;
    }

    /** How many times a tone was started. */
    public long tones() {
        return tones;
    }

    @Override
    public void close() {
        off();
        closed = true;
    }
}
