package org.backstep.hw;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.backstep.core.ImuSink;
import org.tinylog.Logger;

/**
 * Drains an {@link Imu} into an {@link ImuSink} every poll interval on its own thread.
 *
 * <p>It survives its own exceptions: an IMU error is counted, logged once per kind (with a count when
 * that kind recurs, at 10, 100, 1000...), and followed by an exponential back-off. An exception thrown
 * by the SINK is contained per sample (counted and logged the same way) so a bug downstream neither
 * stops sampling nor triggers an IMU reset.
 *
 * <p><b>Sensor faults.</b> A fault episode begins when the sensor delivers nothing for longer than
 * {@link #stallNanos()} (two poll windows, and at least four sample periods) although it should run, when
 * the driver says the chip lost its state ({@link DeviceException#needsReinit()}: a stuck FIFO count), or
 * after {@code failuresBeforeReinit} bus errors in a row. A stall is told apart by reading the
 * configuration back ({@link Imu#checkConfiguration()}): {@code reset} when it was lost (a power-on
 * reset), else {@code stalled}; the other causes are {@code stuck} and {@code bus}, and {@code absent} when
 * the IMU did not answer when the service started ({@link Imu#missing()}): the first poll begins the episode,
 * and the first samples of the chip once it answers end it. The loop then
 * re-initialises the sensor, again after each poll window without samples, with a back-off that doubles
 * from one poll interval up to {@code maxBackoffMs} (at most 2 s). The {@link FaultListener} hears the
 * start of an episode once, and its end, with the gap's length, when samples flow again.
 *
 * <p>The heartbeat hook runs after a poll that delivered samples or made a re-initialisation attempt:
 * the loop is alive and doing its job (the systemd watchdog is fed from it).
 *
 * <p>Time comes from the injected {@link NanoClock} and {@link Sleeper}; {@link #pollOnce()} runs one
 * iteration synchronously for tests. Start with {@link #start()}, stop with {@link #close()}.
 */
public final class SamplingLoop implements AutoCloseable {
    /** Longest back-off between two re-initialisation attempts allowed (issue 11: at most 2 s). */
    public static final int MAX_BACKOFF_LIMIT_MS = 2000;
    /** Sample periods without a frame that a stall needs at least, whatever the poll interval (jitter). */
    private static final int STALL_MIN_SAMPLE_PERIODS = 4;

    /** Hears sensor fault episodes, on the sampling thread. */
    public interface FaultListener {
        /**
         * An episode began: {@code cause} is {@code reset}, {@code stalled}, {@code stuck}, {@code bus} or {@code absent};
         * {@code lastSampleNanos} is when samples last came. Told once per episode.
         */
        void sensorFault(String cause, String detail, long lastSampleNanos);

        /** Samples flow again after {@code gapNanos} without any; about {@code lostSamples} were lost. */
        void sensorRecovered(String cause, long gapNanos, long lostSamples);

        FaultListener NONE = new FaultListener() {
            @Override
            public void sensorFault(String cause, String detail, long lastSampleNanos) {
            }

            @Override
            public void sensorRecovered(String cause, long gapNanos, long lostSamples) {
            }
        };
    }

    private final Imu imu;
    private final ImuSink sink;
    private final long intervalNanos;
    private final long stallNanos;
    private final long maxBackoffNanos;
    private final int failuresBeforeReinit;
    private final NanoClock clock;
    private final Sleeper sleeper;
    private final LongConsumer afterPoll;
    private final LongConsumer heartbeat;
    private final FaultListener faults;
    private final GuardedSink guarded;
    private final Map<String, Long> errorKinds = new HashMap<>();

    private int consecutiveFailures;
    private long backoffNanos;
    private long lastProgressNanos = Long.MIN_VALUE;
    private volatile String faultCause;
    private volatile long faultSinceNanos;
    private long lostAtFault;
    private boolean reinitDue;
    private long reinitBackoffNanos;
    private long nextReinitNanos = Long.MIN_VALUE;
    private volatile long samples;
    private volatile long imuErrors;
    private volatile long sinkErrors;
    private volatile long reinitializations;
    private volatile long episodes;
    private volatile boolean running;
    private volatile Thread thread;

    private SamplingLoop(Builder b) {
        this.imu = b.imu;
        this.sink = b.sink;
        this.intervalNanos = b.intervalMs * 1_000_000L;
        this.stallNanos = Math.max(2 * intervalNanos,
            (long) Math.ceil(STALL_MIN_SAMPLE_PERIODS * 1e9 / imu.sampleRateHz()));
        this.maxBackoffNanos = b.maxBackoffMs * 1_000_000L;
        this.failuresBeforeReinit = b.failuresBeforeReinit;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.afterPoll = b.afterPoll;
        this.heartbeat = b.heartbeat;
        this.faults = b.faults;
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
     * One iteration: drain (or re-initialise during a fault episode), handle errors, run the hooks.
     *
     * @return how long to wait before the next iteration, ns
     */
    public long pollOnce() {
        long start = clock.nanoTime();
        if (lastProgressNanos == Long.MIN_VALUE) lastProgressNanos = start;
        long wait;
        if (reinitDue) {
            wait = start >= nextReinitNanos ? reinitialize(start) : nextReinitNanos - start;
        } else {
            wait = drain(start);
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

    private long drain(long start) {
        String missing = imu.missing();
        if (missing != null) return fault(start, "absent", missing);
        try {
            int n = imu.drain(guarded);
            samples += n;
            if (consecutiveFailures > 0 && faultCause == null) {
                Logger.info("IMU reads recovered after {} failure(s)", consecutiveFailures);
            }
            consecutiveFailures = 0;
            backoffNanos = 0;
            long now = clock.nanoTime();
            if (n > 0) {
                lastProgressNanos = now;
                if (faultCause != null) endEpisode(now);
                beat(now);
            } else if (now - lastProgressNanos > stallNanos) {
                return stalled(now);
            }
            return Math.max(0, intervalNanos - (now - start));
        } catch (RuntimeException e) {
            imuErrors++;
            note("IMU", e);
            long now = clock.nanoTime();
            if (e instanceof DeviceException d && d.needsReinit()) return fault(now, "stuck", e.getMessage());
            consecutiveFailures++;
            if (faultCause != null || consecutiveFailures >= failuresBeforeReinit) {
                return fault(now, "bus", consecutiveFailures + " failed reads in a row, last: " + e.getMessage());
            }
            backoffNanos = backoffNanos == 0 ? 2 * intervalNanos : Math.min(maxBackoffNanos, 2 * backoffNanos);
            return backoffNanos;
        }
    }

    /** No samples for longer than a stall: was the chip reset (configuration lost) or does it just not deliver? */
    private long stalled(long now) {
        String wrong;
        try {
            wrong = imu.checkConfiguration();
        } catch (RuntimeException e) {
            imuErrors++;
            note("IMU", e);
            return fault(now, "bus", "no samples for " + (now - lastProgressNanos) / 1_000_000L + " ms; " + e.getMessage());
        }
        if (wrong != null) return fault(now, "reset", "configuration lost (" + wrong + ")");
        return fault(now, "stalled", "no samples for " + (now - lastProgressNanos) / 1_000_000L
            + " ms although the configuration reads back right");
    }

    /** Starts an episode (once) and re-initialises now, or when the back-off allows. */
    private long fault(long now, String cause, String detail) {
        if (faultCause == null) {
            faultCause = cause;
            faultSinceNanos = lastProgressNanos;
            lostAtFault = imu.lostSamples();
            episodes++;
            Logger.warn("IMU fault ({}): {}; no samples for {} ms; re-initialising", cause, detail,
                (now - lastProgressNanos) / 1_000_000L);
            try {
                faults.sensorFault(cause, detail, lastProgressNanos);
            } catch (RuntimeException e) {
                note("fault listener", e);
            }
        }
        reinitDue = true;
        return now >= nextReinitNanos ? reinitialize(now) : nextReinitNanos - now;
    }

    private long reinitialize(long now) {
        reinitBackoffNanos = reinitBackoffNanos == 0 ? intervalNanos : Math.min(maxBackoffNanos, 2 * reinitBackoffNanos);
        nextReinitNanos = now + reinitBackoffNanos;
        consecutiveFailures = 0;
        beat(now);
        try {
            imu.reinitialize();
            reinitializations++;
            reinitDue = false;
            lastProgressNanos = clock.nanoTime();     // a fresh stall window for the chip to deliver
            return drain(lastProgressNanos);          // starts the FIFO now, not one poll later
        } catch (RuntimeException r) {
            imuErrors++;
            note("IMU re-initialisation", r);
            return reinitBackoffNanos;
        }
    }

    private void endEpisode(long now) {
        String cause = faultCause;
        long gap = now - faultSinceNanos;
        long lost = imu.lostSamples() - lostAtFault;
        faultCause = null;
        reinitDue = false;
        reinitBackoffNanos = 0;
        nextReinitNanos = Long.MIN_VALUE;
        Logger.warn("IMU samples again after {} ms without ({}), about {} samples lost", gap / 1_000_000L, cause, lost);
        try {
            faults.sensorRecovered(cause, gap, lost);
        } catch (RuntimeException e) {
            note("fault listener", e);
        }
    }

    private void beat(long now) {
        if (heartbeat == null) return;
        try {
            heartbeat.accept(now);
        } catch (RuntimeException e) {
            note("heartbeat", e);
        }
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

    /** Fault episodes so far. */
    public long episodes() { return episodes; }

    /** The cause of the fault episode in progress, or null when samples flow. */
    public String faultCause() { return faultCause; }

    /** When samples last came before the episode in progress (clock nanos). */
    public long faultSinceNanos() { return faultSinceNanos; }

    /** No samples for longer than this while the sensor should run is a stall, ns. */
    public long stallNanos() { return stallNanos; }

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
        private LongConsumer heartbeat;
        private FaultListener faults = FaultListener.NONE;

        private Builder(Imu imu, ImuSink sink) {
            if (imu == null || sink == null) throw new IllegalArgumentException("sampling loop needs an IMU and a sink");
            this.imu = imu;
            this.sink = sink;
        }

        /**
         * Poll interval (default 10 ms). The configuration schema chose it within the FIFO's budget
         * ({@code imu.poll_ms}); this only asserts that it is positive.
         */
        public Builder intervalMs(int ms) {
            if (ms <= 0) throw new IllegalArgumentException("poll interval must be positive, not " + ms + " ms");
            this.intervalMs = ms;
            return this;
        }

        /** Longest back-off after errors and between re-initialisations (default 1000 ms, at most 2000). */
        public Builder maxBackoffMs(int ms) {
            if (ms < 1 || ms > MAX_BACKOFF_LIMIT_MS) throw new IllegalArgumentException("max back-off must be 1 to 2000 ms, not " + ms);
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

        /** Called on the sampling thread after a poll that delivered samples or tried to re-initialise. */
        public Builder heartbeat(LongConsumer hook) {
            this.heartbeat = hook;
            return this;
        }

        /** Hears fault episodes (default: nobody). */
        public Builder faults(FaultListener listener) {
            this.faults = listener;
            return this;
        }

        public SamplingLoop build() {
            return new SamplingLoop(this);
        }
    }
}
