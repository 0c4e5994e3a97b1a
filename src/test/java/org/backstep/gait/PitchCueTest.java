package org.backstep.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PitchCueTest {
    @Test
    void keepsTheTunedSignUntilClearCyclesDisagree() {
        PitchCue c = new PitchCue();
        assertEquals(1, c.sign());
        for (int i = 0; i < 20; i++) c.learn(-0.3, 0.6);   // AP cue not clear: ignored
        for (int i = 0; i < 20; i++) c.learn(-0.8, 0.1);   // pitch cue not clear: ignored
        assertEquals(1, c.sign());
        for (int i = 0; i < PitchCue.CYCLES - 1; i++) c.learn(-0.8, 0.5);
        assertEquals(1, c.sign(), "one cycle short of the evidence needed");
        c.learn(-0.7, 0.6);
        assertEquals(-1, c.sign(), "a sensor whose pitch cue runs against the AP cue");
        c.reset();
        assertEquals(1, c.sign());
    }

    @Test
    void agreeingCyclesKeepThePositiveSign() {
        PitchCue c = new PitchCue();
        for (int i = 0; i < 10; i++) c.learn(0.8, 0.5);
        for (int i = 0; i < 3; i++) c.learn(0.8, -0.5);
        assertEquals(1, c.sign());
    }
}
