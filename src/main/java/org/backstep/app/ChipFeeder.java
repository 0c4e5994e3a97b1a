package org.backstep.app;

import org.backstep.hw.Sleeper;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.tinylog.Logger;

/**
 * The demo's simulated MPU-6050 sampling on a thread of its own ({@value #THREAD}), as the real chip
 * samples on its own silicon: once in each of the sampling loop's sleeps it runs the chip on to the
 * sleep's end (the walker and sensor models render the walk, the chip quantises it into its FIFO), so
 * the sampling thread, when it wakes, finds the FIFO filled and does what it does on the unit: its bus
 * transactions (the FIFO count, the burst reads), decoding, the pipeline, the events. Demo-only: the
 * unit's chip is hardware, and {@code bench}'s live loop counts this thread apart.
 *
 * <p>The counts do not change: a transaction first runs the chip on to the demo time it sees, and the
 * chip samples on the grid k / rate up to it, so its state at each transaction depends only on that
 * time, not on who ran it there. Demo time moves only in the loop's sleeps ({@link DemoTime}), so this
 * thread can only run the chip to a time the loop's next transaction would run it to anyway; when this
 * thread falls behind (a loaded machine), the transaction does the rest, as without it.
 */
final class ChipFeeder implements AutoCloseable {
    static final String THREAD = "backstep-sim";
    /**
     * Where in each of the loop's sleeps this thread runs the chip on, as a fraction of a poll period
     * after the sleep began: the loop has polled and slept again well before, and its next poll comes
     * well after (the chip's work, a walk's stretch rendered now and then, takes well under a millisecond).
     */
    private static final double INTO_THE_SLEEP = 0.5;

    private final SimulatedMpu6050 chip;
    private final DemoTime time;
    private final Sleeper sleeper;
    private final long napNanos;
    private long fedTo = Long.MIN_VALUE;
    private volatile Thread thread;

    /** @param pollMs the sampling loop's poll period, demo ms */
    ChipFeeder(SimulatedMpu6050 chip, DemoTime time, int pollMs, Sleeper sleeper) {
        this.chip = chip;
        this.time = time;
        this.sleeper = sleeper;
        this.napNanos = (long) (INTO_THE_SLEEP * pollMs * 1e6 / time.speed());
    }

    /**
     * Runs the chip on to the demo time now (the end of the loop's sleep in progress), if it moved since
     * the last feed.
     *
     * @return the wall time to wait before the next feed, ns: into the loop's next sleep
     */
    long feedOnce() {
        long d = time.nanoTime();
        if (d != fedTo) {
            chip.advanceTo(d * 1e-9);     // the very double a transaction's clock gives (DemoTime.getAsDouble)
            fedTo = d;
        }
        return Math.max(napNanos, time.wallNanosAt(d) + napNanos - time.wallNanos());
    }

    /** Starts the thread. Once. */
    ChipFeeder start() {
        Thread t = new Thread(this::run, THREAD);
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) sleeper.sleepNanos(feedOnce());
        } catch (RuntimeException e) {
            // the sampling loop's transactions run the chip on themselves, and meet this again there
            Logger.warn("demo: the simulated chip's own thread stopped: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        Thread t = thread;
        if (t == null) return;
        t.interrupt();
        t.join(2000);
    }
}
