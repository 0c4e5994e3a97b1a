package org.backstep.app;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.backstep.event.Direction;
import org.backstep.gait.GaitSettings;
import org.backstep.gait.Mounting;
import org.backstep.hw.Hardware;
import org.backstep.hw.NanoClock;
import org.backstep.hw.SamplingLoop;
import org.backstep.hw.Sleeper;
import org.backstep.hw.buzzer.Patterns;
import org.backstep.pipeline.GoalTracker;
import org.backstep.pipeline.Pipeline;
import org.backstep.pipeline.PipelineListener;
import org.backstep.store.Store;
import org.tinylog.Logger;

/**
 * A live session: the sampling loop feeds the pipeline on its own thread; what the pipeline
 * reports goes to the journal, the buzzer and any extra listener. The same code runs {@code run}
 * on the Pi and the {@code demo} on the simulated chip. It owns the loop and the session; the
 * caller owns the hardware, the store and the pattern player and closes them after this.
 */
final class Device implements AutoCloseable {
    private final Store store;
    private final Pipeline pipeline;
    private final GoalTracker goal;
    private final GoalDay goalDay;
    private final FaultEpisode storageFault;
    private long samplesSeen;
    private long nextHeartbeat;
    private final SamplingLoop loop;
    private final NanoClock clock;
    private final double rateHz;
    private long nextDayCheck;
    private final long pollNanos;
    private long imuErrorsSeen;
    private boolean closed;

    private Device(AppConfig cfg, Mounting mounting, Hardware hw, Store store, PatternSink patterns, PipelineListener extra,
                   NanoClock clock, Sleeper sleeper, int pollMs, LongConsumer heartbeat, Supplier<LocalTime> localTime) {
        this.store = store;
        this.clock = clock;
        this.rateHz = hw.imu().sampleRateHz();
        this.pollNanos = pollMs * 1_000_000L;
        List<PipelineListener> ls = new ArrayList<>();
        ls.add(store::accept);
        if (extra != null) ls.add(extra);
        ls.add(new Annunciator(patterns));
        Listeners listeners = new Listeners(ls);
        this.goal = new GoalTracker(cfg.store().target(), cfg.store().limit(), 0, listeners);
        this.goalDay = new GoalDay(store, goal);
        this.storageFault = new FaultEpisode("storage", Patterns.STORAGE_FAULT, patterns);
        goalDay.check();
        GaitSettings.Builder gb = GaitSettings.builder(hw.imu().sampleRateHz()).forwardAxis(cfg.forwardAxis());
        if (mounting != null) gb.forward(mounting.forward());
        GaitSettings gs = gb.build();
        Logger.info("front of the wearer: {}", mounting != null ? "calibrated, " + mounting : "imu.forward_axis " + cfg.forwardAxis());
        this.pipeline = new Pipeline(gs, cfg.coach(false, localTime), goal, listeners);
        store.sessionStarted("walk");
        store.producerTicks();     // the loop's polls wake the journal's writer when a commit is due (afterPoll)
        this.loop = SamplingLoop.builder(hw.imu(), pipeline).intervalMs(pollMs).clock(clock).sleeper(sleeper)
                .afterPoll(this::afterPoll).heartbeat(heartbeat).faults(new SensorFaults(patterns)).build();
        Logger.info("session started: {} backward steps today so far, target {}, limit {}",
                goal.backwardSteps(), goal.target(), goal.limit());
    }

    /**
     * Starts sampling at once.
     *
     * @param mounting the calibrated front, or {@code null} to use {@code imu.forward_axis}
     */
    static Device start(AppConfig cfg, Mounting mounting, Hardware hw, Store store, PatternSink patterns, PipelineListener extra,
                        NanoClock clock, Sleeper sleeper, int pollMs, LongConsumer heartbeat, ZoneId zone) {
        Device d = new Device(cfg, mounting, hw, store, patterns, extra, clock, sleeper, pollMs, heartbeat, () -> LocalTime.now(zone));
        d.loop.start();
        return d;
    }

    /** A device whose loop is not started: a test drives {@code loop().pollOnce()} on injected time. */
    static Device create(AppConfig cfg, Mounting mounting, Hardware hw, Store store, PatternSink patterns, PipelineListener extra,
                         NanoClock clock, int pollMs, Supplier<LocalTime> localTime) {
        return new Device(cfg, mounting, hw, store, patterns, extra, clock, Sleeper.SYSTEM, pollMs, null, localTime);
    }

    /** What the wearer hears and the journal keeps of a sensor fault episode. */
    private final class SensorFaults implements SamplingLoop.FaultListener {
        private final PatternSink patterns;

        SensorFaults(PatternSink patterns) {
            this.patterns = patterns;
        }

        @Override
        public void sensorFault(String cause, String detail, long lastSampleNanos) {
            patterns.play(Patterns.SENSOR_FAULT, Patterns.PRIORITY_FAULT);   // once: the loop tells each episode once
            store.fault("sensor", cause + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        }

        @Override
        public void sensorRecovered(String cause, long gapNanos, long lostSamples) {
            store.sensorGap(cause, gapNanos / 1_000_000L, lostSamples, false);
            store.faultCleared("sensor");
        }
    }

    /**
     * On the sampling thread after each poll: the journal's writer is woken when a commit is due
     * ({@link Store#tick}); once a second: the goal follows the journal's day, a storage
     * fault is told once per episode, and what {@code status} shows is kept current (rewritten once a minute).
     */
    private void afterPoll(long nowNanos) {
        // the next poll comes within a poll period unless this one failed or a fault's back-off runs
        long errors = loop.imuErrors();
        boolean regular = errors == imuErrorsSeen && loop.faultCause() == null;
        imuErrorsSeen = errors;
        store.tick(regular ? pollNanos : Store.NEXT_TICK_UNKNOWN);
        if (nowNanos < nextDayCheck) return;
        nextDayCheck = nowNanos + 1_000_000_000L;
        goalDay.check();
        storageFault.update(store.statusMessage());
        long samples = loop.samples();
        if (samples != samplesSeen) {
            samplesSeen = samples;
            store.sampled();
        }
        if (nowNanos >= nextHeartbeat) {
            nextHeartbeat = nowNanos + STATUS_EVERY_NANOS;
            store.heartbeat();
        }
    }

    /** How stale {@code status}'s "last sample" may be while nothing else makes the journal thread write. */
    private static final long STATUS_EVERY_NANOS = 60_000_000_000L;

    int storageFaultEpisodes() {
        return storageFault.episodes();
    }

    long steps(Direction d) {
        return pipeline.steps(d);
    }

    SamplingLoop loop() {
        return loop;
    }

    /** Stops sampling, closes the bout in progress and ends the session in the journal (flushed by the store's close). */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        loop.close();
        String cause = loop.faultCause();
        if (cause != null) {                  // the session ends inside a fault episode: journal the gap so far
            long gap = Math.max(0, clock.nanoTime() - loop.faultSinceNanos());
            store.sensorGap(cause, gap / 1_000_000L, Math.round(gap * 1e-9 * rateHz), true);
        }
        pipeline.finish();
        store.sessionStopped();
        Logger.info("session ended: {} forward, {} backward steps; {} samples, {} I/O errors",
                pipeline.steps(Direction.FORWARD), pipeline.steps(Direction.BACKWARD), loop.samples(), loop.imuErrors());
    }
}
