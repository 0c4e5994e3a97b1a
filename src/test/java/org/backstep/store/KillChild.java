package org.backstep.store;

import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.event.StepEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Child JVM for {@link SigkillTest}: writes steps at a steady rate through a threaded {@link Store} and prints
 * "C n" after each fsync, n = steps committed since open. Runs until killed.
 */
public final class KillChild {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long start = System.nanoTime();
        long wall0 = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();
        TimeSource time = new TimeSource() {
            @Override public long monotonicNanos() { return System.nanoTime(); }
            @Override public long wallMillis() { return wall0 + (System.nanoTime() - start) / 1_000_000L; }
            @Override public ZoneId zone() { return ZoneId.of("UTC"); }
            @Override public boolean wallTrusted() { return true; }
            @Override public String bootId() { return "kill-test"; }
        };
        StoreSettings s = StoreSettings.builder().commitInterval(Duration.ofMillis(150)).segmentMaxBytes(64 * 1024).build();
        Store st = Store.open(dir, s, time);
        int base = 0;
        for (DailyTotals d : st.days()) base += d.forward() + d.backward();
        System.out.println("READY " + base);
        System.out.flush();
        st.onCommit((seq, n) -> { System.out.println("C " + n); System.out.flush(); });
        st.sessionStarted("kill");
        for (long i = 0; ; i++) {
            st.accept(new StepEvent(0, 0, i % 3 == 0 ? Direction.FORWARD : Direction.BACKWARD), System.nanoTime());
            if (i % 97 == 0) st.accept(new AlertEvent(0, 0, AlertKind.CADENCE), System.nanoTime());
            Thread.sleep(1);
        }
    }
}
