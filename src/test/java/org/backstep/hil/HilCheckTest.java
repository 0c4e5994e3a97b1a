package org.backstep.hil;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The emulated-ARM test's checks must catch what they are there to catch. */
class HilCheckTest {

    /** The PWM writes of Pi4J's linuxfs provider for every written tone, as the model logs them. */
    private static List<String> pwmLog(List<HilCheck.Tone> tones, boolean blipAfterRepeat) {
        List<String> log = new ArrayList<>();
        double t = 1.0;
        log.add(line(0.5, "export 0 ok"));
        for (HilCheck.Tone tone : tones) {
            if (tone.optional() && !blipAfterRepeat) continue;
            long period = Math.round(1e9 / tone.hz());
            log.add(line(t, "pwm0/duty_cycle 0 ok"));
            log.add(line(t, "pwm0/period " + period + " ok"));
            log.add(line(t, "pwm0/duty_cycle " + period / 2 + " ok"));
            log.add(line(t, "pwm0/enable 1 ok"));
            t += (tone.optional() ? 10 : tone.ms()) / 1000.0;
            log.add(line(t, "pwm0/enable 0 ok"));
            t += 0.1;
        }
        return log;
    }

    private static String line(double t, String what) {
        return String.format(Locale.ROOT, "t=%.3f pwm /pwmchip0/%s", t, what);
    }

    @Test
    void everyPatternAsWrittenPasses() {
        List<HilCheck.Tone> tones = HilCheck.writtenTones();
        assertEquals(List.of(), HilCheck.pwm(pwmLog(tones, false)));
        assertEquals(List.of(), HilCheck.pwm(pwmLog(tones, true)), "a blip of the repeating pattern's restart is allowed");
    }

    @Test
    void aShortGapSkippedByALatePlayerIsAllowedButAWrongLengthIsNot() {
        List<HilCheck.Tone> tones = new ArrayList<>(HilCheck.writtenTones());
        int k = 0;
        while (!(tones.get(k).gapAfterMs() > 0 && tones.get(k).gapAfterMs() <= HilCheck.SKIPPABLE_MS
            && tones.get(k + 1).hz() == tones.get(k).hz())) k++;
        HilCheck.Tone a = tones.get(k), b = tones.get(k + 1);
        List<HilCheck.Tone> merged = new ArrayList<>(tones);
        merged.remove(k + 1);
        merged.set(k, new HilCheck.Tone(a.hz(), a.ms() + a.gapAfterMs() + b.ms()));
        assertEquals(List.of(), HilCheck.pwm(pwmLog(merged, false)));
        merged.set(k, new HilCheck.Tone(a.hz(), a.ms() + a.gapAfterMs() + b.ms() + 300));
        assertFalse(HilCheck.pwm(pwmLog(merged, false)).isEmpty());
        List<HilCheck.Tone> skipped = new ArrayList<>(tones);
        int shortTone = 0;
        while (tones.get(shortTone).ms() > HilCheck.SKIPPABLE_MS || tones.get(shortTone).optional()) shortTone++;
        skipped.remove(shortTone);
        assertEquals(List.of(), HilCheck.pwm(pwmLog(skipped, false)), "one short tone skipped");
        List<HilCheck.Tone> many = new ArrayList<>(tones);
        many.removeIf(t -> t.ms() <= HilCheck.SKIPPABLE_MS && !t.optional());
        assertFalse(HilCheck.pwm(pwmLog(many, false)).isEmpty(), "every short tone skipped is the player's fault");
    }

    @Test
    void aMissingOrWrongToneFails() {
        List<HilCheck.Tone> tones = new ArrayList<>(HilCheck.writtenTones());
        tones.remove(3);
        assertFalse(HilCheck.pwm(pwmLog(tones, false)).isEmpty());
        tones = new ArrayList<>(HilCheck.writtenTones());
        tones.set(0, new HilCheck.Tone(tones.get(0).hz() + 100, tones.get(0).ms()));
        assertFalse(HilCheck.pwm(pwmLog(tones, false)).isEmpty());
    }

    @Test
    void aRefusedWriteOrATonePlayedOnFails() {
        List<String> log = pwmLog(HilCheck.writtenTones(), false);
        log.add(5, line(1.0, "pwm0/duty_cycle 9999999 Invalid argument"));
        assertTrue(HilCheck.pwm(log).stream().anyMatch(e -> e.contains("refused")), HilCheck.pwm(log).toString());
        log = pwmLog(HilCheck.writtenTones(), false);
        log.remove(log.size() - 1);
        assertTrue(HilCheck.pwm(log).stream().anyMatch(e -> e.contains("left enabled")));
    }

    @Test
    void countingMustResumeAfterEveryFault() {
        List<String> ok = List.of("t=6.0 fault nack begins (0.50 s)", "t=6.5 fault nack ends",
            "t=6.7 data resumed 0.200 s after the last fault ended");
        assertEquals(List.of(), HilCheck.resumed(ok, 2.0));
        List<String> late = List.of("t=6.5 fault reset ends", "t=9.0 data resumed 2.500 s after the last fault ended");
        assertFalse(HilCheck.resumed(late, 2.0).isEmpty());
        List<String> never = List.of("t=6.5 fault unplug ends");
        assertFalse(HilCheck.resumed(never, 2.0).isEmpty());
    }
}
