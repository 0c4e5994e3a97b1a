package org.backstep.app;

import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.function.DoubleSupplier;
import org.backstep.hw.NanoClock;
import org.backstep.hw.Sleeper;
import org.backstep.store.TimeSource;

/**
 * The demo's own clock. Demo time moves only when the demo sleeps (the driver's reset waits, the
 * sampling loop between polls), by exactly what was asked, so the simulated chip fills its FIFO with
 * what one poll period holds however loaded the machine is: the counts do not depend on the machine.
 * Each sleep is paced against the wall clock at {@code speed} times real time; when the machine is
 * too slow for that, demo time still moves by the full amount and the lag behind the wall is
 * recorded, so the demo can say it could not keep up.
 *
 * <p>The journal runs on this clock too ({@link #timeSource}): sessions last as long as the walk,
 * not as long as the accelerated run.
 */
final class DemoTime implements NanoClock, Sleeper, DoubleSupplier {
    /** Wall-clock nap of a sleeper held at the halt, until it is interrupted. */
    private static final long HALTED_NAP_NANOS = 10_000_000L;
    private final double speed;
    private final NanoClock wall;
    private final Sleeper wallSleeper;
    private volatile long wallStartNanos;
    private volatile long paceFromNanos;
    private final long epochStartMillis;
    private volatile long demoNanos;
    /** Demo time before the sleep in progress (demo time itself is already at its end). */
    private volatile long beforeSleepNanos;
    private volatile long maxLagNanos;
    private volatile long haltNanos = Long.MAX_VALUE;
    private final CountDownLatch halted = new CountDownLatch(1);

    DemoTime(double speed) {
        this(speed, NanoClock.SYSTEM, Sleeper.SYSTEM, System.currentTimeMillis());
    }

    /** Paced against {@code wall} (sleeping on {@code wallSleeper}); the journal's wall clock starts at {@code epochStartMillis}. */
    DemoTime(double speed, NanoClock wall, Sleeper wallSleeper, long epochStartMillis) {
        if (!(speed > 0)) throw new IllegalArgumentException("demo speed must be positive, not " + speed);
        this.speed = speed;
        this.wall = wall;
        this.wallSleeper = wallSleeper;
        this.wallStartNanos = wall.nanoTime();
        this.epochStartMillis = epochStartMillis;
    }

    /** Demo nanoseconds since the demo started. */
    @Override
    public long nanoTime() {
        return demoNanos;
    }

    /** Demo seconds since the demo started: the simulated chip's clock. */
    @Override
    public double getAsDouble() {
        return demoNanos * 1e-9;
    }

    /**
     * Moves demo time on by {@code nanos} and waits until the wall clock catches up with it at
     * {@code speed}. Only one thread sleeps at a time in the demo (first the opening driver, then the
     * sampling loop).
     */
    @Override
    public synchronized void sleepNanos(long nanos) {
        if (nanos <= 0) return;
        if (demoNanos + nanos >= haltNanos) {
            demoNanos = haltNanos;
            halted.countDown();
            while (!Thread.currentThread().isInterrupted()) wallSleeper.sleepNanos(HALTED_NAP_NANOS);
            return;
        }
        beforeSleepNanos = demoNanos;
        demoNanos += nanos;
        long ahead = wallNanosAt(demoNanos) - wall.nanoTime();
        if (ahead > 0) {
            wallSleeper.sleepNanos(ahead);
        } else if (-ahead > maxLagNanos) {
            maxLagNanos = -ahead;
        }
    }

    /**
     * Paces from now on: what came before (the JVM loading classes, the journal opening) is not counted
     * as lag. Called once, just before sampling starts.
     */
    synchronized void startPacing() {
        wallStartNanos = wall.nanoTime();
        paceFromNanos = demoNanos;
    }

    /**
     * Demo time stops at {@code nanos}: a sleep that would pass it ends there and then waits, on the wall
     * clock, until its thread is interrupted (the sampling loop closing). So the loop cannot poll a chip
     * whose walk is over and take the silence for a stalled sensor.
     */
    void haltAt(long nanos) {
        haltNanos = nanos;
    }

    /** Waits until a sleeper reached the halt, at most {@code wallSeconds}; false when it did not. */
    boolean awaitHalt(double wallSeconds) throws InterruptedException {
        return halted.await((long) (wallSeconds * 1e9), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** The most the wall clock was behind the pace the speed asks for, ns. */
    long maxLagNanos() {
        return maxLagNanos;
    }

    /** Wall seconds the demo should have taken so far at its speed. */
    double plannedWallSeconds() {
        return (demoNanos - paceFromNanos) * 1e-9 / speed;
    }

    /** The wall clock this demo is paced against, ns. */
    long wallNanos() {
        return wall.nanoTime();
    }

    /** When the wall clock is due to reach demo time {@code demoNanos} at the demo's pace, ns of {@link #wallNanos}. */
    long wallNanosAt(long demoNanos) {
        return wallStartNanos + (long) ((demoNanos - paceFromNanos) / speed);
    }

    /** The demo's pace, times real time. */
    double speed() {
        return speed;
    }

    /**
     * Demo time as another thread sees it: while the sampling loop sleeps, it moves on with the wall
     * clock at the demo's speed from where the sleep began, never past where it ends. Demo time itself
     * jumps at the start of each sleep; a journal writer that waits on the wall clock until a commit is
     * due, reading the jump only at the next poll, found it not yet due and parked again and again
     * (7 wake-ups a second at a 89 ms poll, where the host's clock gives 3.8).
     */
    long smoothNanos() {
        long end = demoNanos;
        long paced = paceFromNanos + (long) ((wall.nanoTime() - wallStartNanos) * speed);
        return Math.min(end, Math.max(beforeSleepNanos, paced));
    }

    /**
     * The journal's clock: monotonic time is demo time ({@link #smoothNanos}), the wall clock starts at the
     * host's time when the demo started and moves with demo time (trusted, like a PC's clock).
     */
    TimeSource timeSource(ZoneId zone) {
        TimeSource host = TimeSource.host(zone);
        String boot = host.bootId() + "-demo-" + epochStartMillis;
        return new TimeSource() {
            @Override public long monotonicNanos() { return smoothNanos(); }
            @Override public long wallMillis() { return epochStartMillis + smoothNanos() / 1_000_000L; }
            @Override public ZoneId zone() { return host.zone(); }
            @Override public boolean wallTrusted() { return wallMillis() >= TRUST_FLOOR_MILLIS; }
            @Override public String bootId() { return boot; }
        };
    }
}
