package org.backstep.hw;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.backstep.core.ImuSink;
import org.tinylog.Logger;

/**
 * Drains an {@link Imu} into an {@link ImuSink} every few milliseconds on its own thread.
 *
 * <p>It survives its own exceptions: an IMU error is counted, logged once per kind (with a count when
 * that kind recurs, at 10, 100, 1000...), and followed by an exponential back-off; after
 * {@code failuresBeforeReinit} consecutive failures the IMU is {@link Imu#reinitialize() re-initialised}.
 * An exception thrown by the SINK is contained per sample (counted and logged the same way) so a bug
 * downstream neither stops sampling nor triggers an IMU reset.
 *
 * <p>Time comes from the injected {@link NanoClock} and {@link Sleeper}; {@link #pollOnce()} runs one
 * iteration synchronously for tests. Start with {@link #start()}, stop with {@link #close()}.
 */
public final class SamplingLoop implements AutoCloseable {
    private final Imu imu;
    private final ImuSink sink;
    private final long intervalNanos;
    private final long maxBackoffNanos;
    private final int failuresBeforeReinit;
    private final NanoClock clock;
    private final Sleeper sleeper;
    private final LongConsumer afterPoll;
    private final GuardedSink guarded;
    private final Map<String, Long> errorKinds = new HashMap<>();

    private int consecutiveFailures;
    private long backoffNanos;
    private volatile long samples;
    private volatile long imuErrors;
    private volatile long sinkErrors;
    private volatile long reinitializations;
    private volatile boolean running;
    private volatile Thread thread;

    private SamplingLoop(Builder b) {
        this.imu = b.imu;
        this.sink = b.sink;
        this.intervalNanos = b.intervalMs * 1_000_000L;
        this.maxBackoffNanos = b.maxBackoffMs * 1_000_000L;
        this.failuresBeforeReinit = b.failuresBeforeReinit;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.afterPoll = b.afterPoll;
        this.guarded = new GuardedSink();
    }

    public static Builder builder(Imu imu, ImuSink sink) {
        return new Builder(imu, sink);
    }

    /** Forwards samples, containing the sink's exceptions. One instance, no allocation per sample. */
    private final class GuardedSink implements ImuSink {
        @Override
        public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
            try {
                sink.sample(t, ax, ay, az, gx, gy, gz);
            } catch (RuntimeException e) {
                sinkErrors++;
                note("sample consumer", e);
            }
        }
    }

    /**
     * One iteration: drain, handle errors, run the after-poll hook.
     *
     * @return how long to wait before the next iteration, ns
     */
    public long pollOnce() {
        long start = clock.nanoTime();
        long wait;
        try {
            samples += imu.drain(guarded);
            if (consecutiveFailures > 0) {
                Logger.info("IMU reads recovered after {} failure(s)", consecutiveFailures);
            }
            consecutiveFailures = 0;
            backoffNanos = 0;
            wait = Math.max(0, intervalNanos - (clock.nanoTime() - start));
        } catch (RuntimeException e) {
            imuErrors++;
            consecutiveFailures++;
            note("IMU", e);
            if (consecutiveFailures >= failuresBeforeReinit) {
                consecutiveFailures = 0;
                try {
                    imu.reinitialize();
                    reinitializations++;
                    Logger.warn("IMU re-initialised after {} consecutive failures", failuresBeforeReinit);
                } catch (RuntimeException r) {
                    imuErrors++;
                    note("IMU re-initialisation", r);
                }
            }
            backoffNanos = backoffNanos == 0 ? 2 * intervalNanos : Math.min(maxBackoffNanos, 2 * backoffNanos);
            wait = backoffNanos;
        }
        if (afterPoll != null) {
            try {
                afterPoll.accept(clock.nanoTime());
            } catch (RuntimeException e) {
                note("after-poll hook", e);
            }
        }
        return wait;
    }

    /** Logs the first error of each kind, then again at 10, 100, 1000... occurrences. */
    private void note(String where, RuntimeException e) {
        String kind = where + ": " + e.getClass().getSimpleName();
        long n;
        synchronized (errorKinds) {
            n = errorKinds.merge(kind, 1L, Long::sum);
        }
        if (n == 1) {
            Logger.warn("{} error: {}", where, e.getMessage());
        } else if (isPowerOfTen(n)) {
            Logger.warn("{} ({} times so far), latest: {}", kind, n, e.getMessage());
        }
    }

    private static boolean isPowerOfTen(long n) {
        while (n >= 10 && n % 10 == 0) n /= 10;
        return n == 1;
    }

    /** Starts the sampling thread ("backstep-imu"). Idempotent. */
    public synchronized SamplingLoop start() {
        if (thread != null) return this;
        running = true;
        Thread t = new Thread(this::run, "backstep-imu");
        t.setDaemon(true);
        t.setPriority(Math.min(Thread.MAX_PRIORITY, Thread.NORM_PRIORITY + 2));
        thread = t;
        t.start();
        return this;
    }

    private void run() {
        Logger.info("sampling every {} ms at {} Hz", intervalNanos / 1_000_000L, imu.sampleRateHz());
        while (running) {
            long wait;
            try {
                wait = pollOnce();
            } catch (Throwable t) {        // an Error from the sink: log, keep the loop alive
                Logger.error(t, "sampling loop");
                wait = maxBackoffNanos;
            }
            if (!running) break;
            sleeper.sleepNanos(wait);
        }
    }

    public boolean running() {
        return running && thread != null && thread.isAlive();
    }

    /** Samples delivered so far. */
    public long samples() { return samples; }

    public long imuErrors() { return imuErrors; }

    public long sinkErrors() { return sinkErrors; }

    public long reinitializations() { return reinitializations; }

    /** Error counts by kind, e.g. {@code "IMU: DeviceException" -> 3}. */
    public Map<String, Long> errorCounts() {
        synchronized (errorKinds) {
            return Map.copyOf(errorKinds);
        }
    }

    /** Stops and joins the thread. Does not close the IMU (its owner does). Idempotent. */
    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static final class Builder {
        private final Imu imu;
        private final ImuSink sink;
        private int intervalMs = 10;
        private int maxBackoffMs = 1000;
        private int failuresBeforeReinit = 5;
        private NanoClock clock = NanoClock.SYSTEM;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private LongConsumer afterPoll;

        private Builder(Imu imu, ImuSink sink) {
            if (imu == null || sink == null) throw new IllegalArgumentException("sampling loop needs an IMU and a sink");
            this.imu = imu;
            this.sink = sink;
        }

        /** Poll interval, 5..100 ms (default 10). Keep it well under the FIFO's 1024/12 = 85 samples. */
        public Builder intervalMs(int ms) {
            if (ms < 5 || ms > 100) throw new IllegalArgumentException("poll interval " + ms + " ms is out of range; allowed: 5..100 ms");
            this.intervalMs = ms;
            return this;
        }

        /** Longest back-off after errors (default 1000 ms). */
        public Builder maxBackoffMs(int ms) {
            if (ms < 10) throw new IllegalArgumentException("max back-off " + ms + " ms is too short; at least 10 ms");
            this.maxBackoffMs = ms;
            return this;
        }

        /** Consecutive IMU failures before re-initialising it (default 5). */
        public Builder failuresBeforeReinit(int n) {
            if (n < 1) throw new IllegalArgumentException("failures before re-init must be at least 1, not " + n);
            this.failuresBeforeReinit = n;
            return this;
        }

        public Builder clock(NanoClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** Called with the time after each poll, on the sampling thread (e.g. {@code player::tick}). */
        public Builder afterPoll(LongConsumer hook) {
            this.afterPoll = hook;
            return this;
        }

        public SamplingLoop build() {
            return new SamplingLoop(this);
        }
    }
}
