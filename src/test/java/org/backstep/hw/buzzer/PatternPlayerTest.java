package org.backstep.hw.buzzer;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.backstep.hw.Buzzer;
import org.backstep.hw.DeviceException;
import org.backstep.hw.FakeTime;
import org.junit.jupiter.api.Test;

class PatternPlayerTest {
    private static final long MS = 1_000_000L;

    /** Records every buzzer call as "hz" (0 = off). */
    static final class LogBuzzer implements Buzzer {
        final List<Integer> calls = new ArrayList<>();
        int hz;
        boolean fail;

        @Override
        public void tone(int hz) {
            if (fail) throw new DeviceException("broken");
            calls.add(hz);
            this.hz = hz;
        }

        @Override
        public void off() {
            calls.add(0);
            hz = 0;
        }

        @Override
        public void close() {
            off();
        }
    }

    private final FakeTime time = new FakeTime();
    private final LogBuzzer buzzer = new LogBuzzer();
    private final PatternPlayer player = new PatternPlayer(buzzer, time, time);

    private void at(long ms) {
        time.sleepNanos(ms * MS - time.nanoTime());
        player.tick(time.nanoTime());
    }

    @Test
    void followsTheSegmentsAndEnds() {
        assertTrue(player.play(Patterns.STUMBLE, 90));
        assertEquals(2500, buzzer.hz, "first tone starts at once");
        at(30);
        assertEquals(List.of(2500), buzzer.calls, "no write while inside a segment");
        at(60);
        assertEquals(0, buzzer.hz);
        at(119);
        assertEquals(0, buzzer.hz);
        at(120);
        assertEquals(2500, buzzer.hz);
        assertTrue(player.playing());
        at(180);
        assertFalse(player.playing());
        assertEquals(List.of(2500, 0, 2500, 0), buzzer.calls);
    }

    @Test
    void higherPriorityPreemptsLowerIsDroppedEqualReplaces() {
        player.play(Patterns.TARGET, Patterns.PRIORITY_GOAL);
        at(50);
        assertTrue(player.play(Patterns.STUMBLE, 90));
        assertSame(Patterns.STUMBLE, player.current());
        assertFalse(player.play(Patterns.READY, Patterns.PRIORITY_READY), "lower priority is dropped");
        assertSame(Patterns.STUMBLE, player.current());
        assertTrue(player.play(Patterns.KNEE, 90), "equal priority: newest wins");
        assertEquals(1500, buzzer.hz);
        at(50 + 550);
        assertFalse(player.playing());
        assertTrue(player.play(Patterns.READY, Patterns.PRIORITY_READY), "idle player accepts anything");
    }

    @Test
    void alarmRepeatsUntilStopped() {
        player.play(Patterns.FALL, 100);
        for (long t = 0; t < 10_000; t += 5) at(t);
        assertTrue(player.playing());
        at(10_000 + 50);                     // 10 passes of 1 s: back at the start, 3 kHz
        assertEquals(3000, buzzer.hz);
        at(10_000 + 850);                     // in the 200 ms gap
        assertEquals(0, buzzer.hz);
        player.stop();
        assertFalse(player.playing());
        assertEquals(0, buzzer.hz);
    }

    @Test
    void buzzerErrorsDoNotEscapeTick() {
        buzzer.fail = true;
        assertDoesNotThrow(() -> player.play(Patterns.READY, 1));
        assertDoesNotThrow(() -> at(500));
        assertFalse(player.playing());
    }

    @Test
    void ownThreadModePlaysWithInjectedTime() throws Exception {
        PatternPlayer threaded = new PatternPlayer(buzzer, time, n -> {
            time.sleepNanos(n);
            Thread.onSpinWait();
        });
        threaded.start();
        threaded.play(Patterns.READY, 1);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (threaded.playing() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertFalse(threaded.playing(), "fake time advanced by the thread's own sleeps ended the pattern");
        threaded.close();
        assertEquals(0, buzzer.hz);
    }
}
