package org.backstep.app;

import org.backstep.hw.Buzzer;

/**
 * Pitches every pattern relative to the passive buzzer's loudest tone ({@code buzzer.tone_hz}):
 * patterns are written around {@value #REFERENCE_HZ} Hz, a common piezo resonance.
 */
final class TunedBuzzer implements Buzzer {
    static final int REFERENCE_HZ = 2700;
    private final Buzzer buzzer;
    private final double factor;

    TunedBuzzer(Buzzer buzzer, int toneHz) {
        this.buzzer = buzzer;
        this.factor = (double) toneHz / REFERENCE_HZ;
    }

    @Override
    public void tone(int hz) {
        buzzer.tone((int) Math.round(Math.min(10_000, Math.max(100, hz * factor))));
    }

    @Override
    public boolean active() {
        return buzzer.active();
    }

    @Override
    public void off() {
        buzzer.off();
    }

    @Override
    public void close() {
        buzzer.close();
    }
}
