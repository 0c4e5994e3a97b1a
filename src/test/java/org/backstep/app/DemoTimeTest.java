package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import org.backstep.store.TimeSource;
import org.junit.jupiter.api.Test;

/** The demo's own clock on a fake wall clock: paced at its speed, a slow machine only shows as lag. */
class DemoTimeTest {
    private long wallNanos = 5_000_000_000L;
    private long slept;

    @Test
    void demoTimeMovesByWhatIsAskedAndSleepsToKeepPace() {
        DemoTime t = new DemoTime(25, () -> wallNanos, n -> { slept += n; wallNanos += n; }, 1_800_000_000_000L);
        t.sleepNanos(100_000_000L);                  // a 100 ms poll period is 4 ms of wall time at 25x
        assertEquals(100_000_000L, t.nanoTime());
        assertEquals(4_000_000L, slept);
        assertEquals(0, t.maxLagNanos());
        TimeSource journal = t.timeSource(ZoneOffset.UTC);
        assertEquals(100_000_000L, journal.monotonicNanos());
        assertEquals(1_800_000_000_100L, journal.wallMillis(), "the journal's day runs on demo time");
    }

    /**
     * Another thread (the journal's writer) sees demo time move on with the wall clock while the loop
     * sleeps, from where the sleep began to where it ends, never past it: a commit due mid-sleep is
     * due when it is, not at the next poll.
     */
    @Test
    void otherThreadsSeeDemoTimeMoveSmoothlyThroughASleep() {
        long[] seen = new long[3];
        DemoTime[] holder = new DemoTime[1];
        DemoTime t = new DemoTime(25, () -> wallNanos, n -> {
            TimeSource j = holder[0].timeSource(ZoneOffset.UTC);
            seen[0] = j.monotonicNanos();            // the sleep begins: demo time is already at its end
            wallNanos += n / 2;
            seen[1] = j.monotonicNanos();
            wallNanos += n;                          // the machine overslept by half
            seen[2] = j.monotonicNanos();
        }, 1_800_000_000_000L);
        holder[0] = t;
        t.startPacing();
        t.sleepNanos(100_000_000L);                  // 4 ms of wall time at 25x
        assertEquals(100_000_000L, t.nanoTime());
        assertEquals(0, seen[0], "where the sleep began");
        assertEquals(50_000_000L, seen[1], "half way through it");
        assertEquals(100_000_000L, seen[2], "never past its end");
        assertEquals(100_000_000L, t.timeSource(ZoneOffset.UTC).monotonicNanos());
    }

    @Test
    void aMachineTooSlowForThePaceLosesNoDemoTimeButShowsTheLag() {
        DemoTime t = new DemoTime(25, () -> wallNanos, n -> { slept += n; wallNanos += n; }, 1_800_000_000_000L);
        for (int i = 0; i < 10; i++) {
            wallNanos += 10_000_000L;                // each poll's work takes 10 ms of wall time, more than the 4 ms pace
            t.sleepNanos(100_000_000L);
        }
        assertEquals(1_000_000_000L, t.nanoTime(), "the chip still sees exactly ten poll periods");
        assertEquals(0, slept);
        assertEquals(60_000_000L, t.maxLagNanos(), "100 ms of wall work against a 40 ms pace");
        assertEquals(0.04, t.plannedWallSeconds(), 1e-12);

        wallNanos += 2_000_000_000L;                 // the journal opens slowly...
        t.startPacing();                             // ...before sampling starts: not lag
        t.sleepNanos(100_000_000L);
        assertEquals(4_000_000L, slept, "paced again from the start of sampling");
        assertEquals(0.004, t.plannedWallSeconds(), 1e-12);
    }

    @Test
    void demoTimeStopsAtTheHaltAndTheSleeperWaitsThereUntilInterrupted() throws InterruptedException {
        int[] naps = {0};
        DemoTime t = new DemoTime(25, () -> wallNanos, n -> {
            wallNanos += n;
            if (++naps[0] == 3) Thread.currentThread().interrupt();   // a pacing nap, then two at the halt: the loop closes
        }, 1_800_000_000_000L);
        t.haltAt(150_000_000L);
        assertEquals(false, t.awaitHalt(0));
        t.sleepNanos(100_000_000L);
        t.sleepNanos(100_000_000L);                  // would pass the halt: held there
        assertEquals(150_000_000L, t.nanoTime(), "the chip never sees time after the walk's end");
        assertEquals(true, Thread.interrupted(), "it returned because it was interrupted");
        assertEquals(true, t.awaitHalt(0));
        assertEquals(3, naps[0]);
    }
}
