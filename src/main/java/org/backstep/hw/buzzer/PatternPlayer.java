package org.backstep.hw.buzzer;

import java.util.List;
import org.backstep.hw.Buzzer;
import org.backstep.hw.DeviceException;
import org.backstep.hw.NanoClock;
import org.backstep.hw.Sleeper;
import org.tinylog.Logger;

/**
 * Plays {@link Pattern}s on a {@link Buzzer} without blocking the caller.
 *
 * <p>{@link #play} only records the request (and starts the first tone); the pattern advances in
 * {@link #tick(long)}, which the owner calls often (every few ms), or which the player's own daemon
 * thread calls after {@link #start()}. Time comes from the injected clock.
 *
 * <p>Priority rule: a request with priority HIGHER than or EQUAL to the one playing replaces it (the
 * newest news wins among equals); a LOWER one is DROPPED, not queued, because a stale cue after an
 * alarm would mislead. {@link #play} says which happened. A repeating pattern plays until
 * {@link #stop()} or until something of at least its priority replaces it.
 *
 * <p>Buzzer errors are logged (first one, then every 100th) and never thrown from tick.
 */
public final class PatternPlayer implements AutoCloseable {
    private static final long TICK_NANOS = 5_000_000L;

    private final Buzzer buzzer;
    private final NanoClock clock;
    private final Sleeper sleeper;
    private Pattern current;
    private int priority;
    private long startNanos;
    private int segmentIndex = -1;
    private long errors;
    private volatile Thread thread;
    private volatile boolean running;

    public PatternPlayer(Buzzer buzzer, NanoClock clock, Sleeper sleeper) {
        this.buzzer = buzzer;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** With the wall clock, for live use with {@link #start()}. */
    public PatternPlayer(Buzzer buzzer) {
        this(buzzer, NanoClock.SYSTEM, Sleeper.SYSTEM);
    }

    /**
     * Requests {@code pattern} at {@code priority} (higher is more urgent; see {@link Patterns}).
     *
     * @return true if it plays now, false if dropped for a higher-priority pattern in progress
     */
    public synchronized boolean play(Pattern pattern, int priority) {
        if (current != null && priority < this.priority) return false;
        current = pattern;
        this.priority = priority;
        startNanos = clock.nanoTime();
        segmentIndex = -1;
        tick(startNanos);
        return true;
    }

    /** Silences the buzzer and forgets the current pattern. */
    public synchronized void stop() {
        current = null;
        segmentIndex = -1;
        safely(0);
    }

    public synchronized boolean playing() {
        return current != null;
    }

    /** The pattern playing, or null. */
    public synchronized Pattern current() {
        return current;
    }

    /** Advances to {@code nowNanos}: switches tone at segment boundaries, ends finished patterns. */
    public synchronized void tick(long nowNanos) {
        Pattern p = current;
        if (p == null) return;
        long elapsedMs = Math.max(0, nowNanos - startNanos) / 1_000_000L;
        if (elapsedMs >= p.totalMs()) {
            if (!p.repeat()) {
                current = null;
                segmentIndex = -1;
                safely(0);
                return;
            }
            elapsedMs %= p.totalMs();
        }
        List<Pattern.Segment> segs = p.segments();
        int i = 0;
        long acc = segs.get(0).durationMs();
        while (elapsedMs >= acc) {
            i++;
            acc += segs.get(i).durationMs();
        }
        if (i != segmentIndex) {
            segmentIndex = i;
            safely(segs.get(i).hz());
        }
    }

    private void safely(int hz) {
        try {
            if (hz > 0) buzzer.tone(hz); else buzzer.off();
        } catch (DeviceException e) {
            if (errors++ % 100 == 0) Logger.warn("buzzer error ({} so far): {}", errors, e.getMessage());
        }
    }

    /** Starts a daemon thread ticking every 5 ms. Idempotent. */
    public synchronized PatternPlayer start() {
        if (thread != null) return this;
        running = true;
        Thread t = new Thread(() -> {
            while (running) {
                tick(clock.nanoTime());
                sleeper.sleepNanos(TICK_NANOS);
                if (Thread.currentThread().isInterrupted()) break;
            }
        }, "backstep-buzzer");
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    /** Stops the thread (if any) and silences the buzzer. Does not close the buzzer. */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        stop();
    }
}
