package org.backstep.store;

import org.backstep.event.AlertEvent;
import org.backstep.event.Direction;
import org.backstep.event.Event;
import org.backstep.event.GoalEvent;
import org.backstep.event.PostureEvent;
import org.backstep.event.StepEvent;
import org.backstep.event.StepRevision;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The crash-safe journal plus daily totals. Call order: {@link #open}, then any of {@link #sessionStarted},
 * {@link #accept} (from the sampling thread; never blocks), {@link #calibrated}, {@link #sessionStopped};
 * read {@link #today()} / {@link #days()} from any thread; {@link #close()} at the end (flush + fsync).
 *
 * <p>Durability: a writer thread drains a lock-free queue, buffers records and commits them (write + fsync)
 * within the commit interval (≤ 2 s), at once for a goal and at session end, so a crash or power cut loses
 * at most the last commit interval. It sleeps while there is nothing to commit, and it is the only thread
 * that ever touches the journal, the last commit at {@link #close()} included. One store per state
 * directory: {@link StateLock} is held from open to close. Daily totals are folded from the very records that are written, and rebuilt from the
 * journal on every start: the journal is the only truth, so totals and journal cannot disagree.
 */
public final class Store implements AutoCloseable {

    /** THREAD: own writer thread (production). MANUAL: the caller drives {@link #pump()} (tests). */
    public enum Mode { THREAD, MANUAL }

    /** Told after each successful fsync: last committed seq and the steps committed since open. */
    @FunctionalInterface
    public interface CommitListener { void committed(long lastSeq, long stepsCommittedSinceOpen); }

    private sealed interface Item permits EventItem, SessionStart, SessionStop, Calibration, SensorGap { }
    private record EventItem(Event e, long mono) implements Item { }
    private record SessionStart(String mode, long mono) implements Item { }
    private record SessionStop(long mono) implements Item { }
    private record Calibration(Map<String, Object> values, long mono) implements Item { }
    private record SensorGap(String cause, long gapMillis, long lost, boolean ongoing, long mono) implements Item { }

    /** Steps of one (monotonic minute, day, session) bucket not yet turned into a record. */
    private static final class Bucket {
        long minute, firstMono, utc;
        LocalDate day;
        int off, forward, backward;
        long ses;
    }

    /** A commit due within this is made now: it saves the writer a wake-up, and 0.1 s matters to no one. */
    private static final long COMMIT_SLACK_NANOS = 100_000_000L;
    /** A full disk is retried once a second: space is freed by a person, not in milliseconds, and each try writes. */
    private static final long FULL_DISK_RETRY_NANOS = 1_000_000_000L;

    private final Path stateDir;
    private final StoreSettings settings;
    private final TimeSource time;
    private final RecordDater dater;
    private final Mode mode;
    private final Journal journal;
    private final Totals totals;
    private final Recordings recordings;
    private final StateLock stateLock;
    private final StoreFiles files;
    private final String boot;
    private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
    private final Object lock = new Object();
    private final Thread writer;
    private final long commitNanos;

    // writer-thread state
    private long seq;
    private long session = -1;
    private Bucket bucket;
    private long oldestUncommitted = Long.MIN_VALUE;
    private int pendingSteps;
    private long committedSteps;
    private long lastCommittedSeq;
    private boolean forceCommit;

    private volatile boolean running = true;
    /** close() asked the writer for the last commit; the writer then exits. */
    private volatile boolean stopRequested;
    /** The writer made the last commit (so close() must not). */
    private volatile boolean writerDone;
    /** The writer is parked with nothing to commit: a producer must wake it. */
    private volatile boolean writerIdle;
    /** A polling producer wakes the writer when a commit is due ({@link #tick}), not when a record comes. */
    private volatile boolean producerTicks;
    /** No record waits for {@link #tick}. */
    private static final long NOT_DEFERRED = Long.MIN_VALUE;
    /** When the oldest record queued while the writer slept, and left for {@link #tick} to wake it, came (monotonic ns). */
    private final java.util.concurrent.atomic.AtomicLong deferredSince = new java.util.concurrent.atomic.AtomicLong(NOT_DEFERRED);
    /** Wake-ups asked of the writer (a test counts them). */
    final java.util.concurrent.atomic.AtomicLong wakesAsked = new java.util.concurrent.atomic.AtomicLong();
    private boolean closed;
    /** close() logs this often while it waits for a stalled writer (a test shortens it). */
    long stallReportNanos = 5_000_000_000L;
    final java.util.concurrent.atomic.AtomicInteger stallReports = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean journalFull;
    private volatile CommitListener listener = (s, n) -> { };
    /** Lasting faults now, by name ({@code storage}, {@code sensor}): what {@code status} shows. */
    private final Map<String, String> faults = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long lastSampleNanos = Long.MIN_VALUE;
    private volatile boolean statusDirty = true;
    private volatile long flushRequests, flushesDone;

    private Store(Path stateDir, StoreSettings settings, TimeSource time, Mode mode, StoreFiles files,
                  Journal.WriteHook hook, Recordings.DiskSpace disk) throws IOException {
        this.stateDir = stateDir;
        this.settings = settings;
        this.time = time;
        this.dater = new RecordDater(time, settings);
        this.mode = mode;
        this.boot = time.bootId();
        this.commitNanos = settings.commitInterval().toNanos();
        this.files = files;
        this.stateLock = StateLock.acquire(files, stateDir);
        try {
            this.totals = replay(stateDir, settings.target());
            this.journal = Journal.openForAppend(files, stateDir, settings.segmentMaxBytes(), hook);
        } catch (IOException | RuntimeException e) {
            stateLock.close();
            throw e;
        }
        Journal.ScanResult scan = lastScan;
        this.seq = Math.max(scan.lastSeq(), totals.lastSeq());
        this.lastCommittedSeq = seq;
        if (scan.tornBytesDropped() > 0 || scan.corruptLines() > 0)
            Logger.warn("journal recovered: {} records, {} torn bytes dropped, {} corrupt lines skipped",
                    scan.validLines(), scan.tornBytesDropped(), scan.corruptLines());
        else Logger.info("journal: {} records replayed, totals of {} days", scan.validLines(), totals.days().size());
        long open = totals.openSession();
        if (open >= 0) totals.endSession(open); // the device lost power during that session
        this.recordings = new Recordings(stateDir.resolve("recordings"), settings, disk);
        pump(); // dates records left undated by an earlier run of this boot if the clock is trusted now
        if (mode == Mode.THREAD) {
            writer = new Thread(this::loop, "backstep-journal");
            writer.setDaemon(true);
            writer.start();
        } else writer = null;
    }

    private Journal.ScanResult lastScan;

    /**
     * Totals = fold of the journal. Sealed segments already folded into a matching snapshot are skipped;
     * newly sealed ones are folded and a new snapshot is written; the newest segment is always replayed
     * (and its torn tail, if any, dropped).
     */
    private Totals replay(Path stateDir, int target) throws IOException {
        List<Path> segs = Journal.segments(files, Journal.dirOf(stateDir));
        if (segs.isEmpty()) {
            lastScan = new Journal.ScanResult(0, 0, 0, 0);
            return new Totals(target);
        }
        Snapshot.Loaded snap = segs.size() > 1 ? Snapshot.load(files, stateDir, target, segs) : null;
        Totals t = snap != null ? snap.totals() : new Totals(target);
        int covered = snap != null ? snap.segment() : 0;
        List<Path> sealed = new java.util.ArrayList<>();
        for (Path p : segs.subList(0, segs.size() - 1)) if (Journal.number(p) > covered) sealed.add(p);
        Journal.ScanResult a = Journal.scan(files, sealed, false, false, t::apply);
        if (!sealed.isEmpty()) Snapshot.write(files, stateDir, t, segs.subList(0, segs.size() - 1));
        Journal.ScanResult b = Journal.scan(files, List.of(segs.get(segs.size() - 1)), true, true, t::apply);
        lastScan = new Journal.ScanResult(Math.max(a.lastSeq(), b.lastSeq()), a.validLines() + b.validLines(),
                a.corruptLines() + b.corruptLines(), b.tornBytesDropped());
        return t;
    }

    /** Opens the store with its own writer thread. */
    public static Store open(Path stateDir, StoreSettings settings, TimeSource time) throws IOException {
        return new Store(stateDir, settings, time, Mode.THREAD, StoreFiles.REAL, Journal.WriteHook.NONE, Recordings.DiskSpace.REAL);
    }

    /** Opens with the real clocks of this machine ({@code day.zone} or the system zone). */
    public static Store open(Path stateDir, StoreSettings settings) throws IOException {
        return open(stateDir, settings, TimeSource.system(settings.zone()));
    }

    /** Opens with a mode, a journal write hook and a disk-space probe (tests). */
    public static Store open(Path stateDir, StoreSettings settings, TimeSource time, Mode mode,
                             Journal.WriteHook hook, Recordings.DiskSpace disk) throws IOException {
        return new Store(stateDir, settings, time, mode, StoreFiles.REAL, hook, disk);
    }

    /** Opens on a file layer of the test's own (a stalling fsync, simulated power cuts). */
    static Store open(Path stateDir, StoreSettings settings, TimeSource time, Mode mode, StoreFiles files) throws IOException {
        return new Store(stateDir, settings, time, mode, files, Journal.WriteHook.NONE, p -> Long.MAX_VALUE / 4);
    }

    // ------------------------------------------------------------------ producer side (never blocks)

    /** Enqueues an event seen now, on this store's own monotonic clock. */
    public void accept(Event e) {
        accept(e, time.monotonicNanos());
    }

    /** Enqueues an event seen at {@code monotonicNanos} (same clock as {@link TimeSource#monotonicNanos()}). */
    public void accept(Event e, long monotonicNanos) {
        if (e instanceof PostureEvent) return; // posture samples are not journalled (only alerts are)
        queue.offer(new EventItem(e, monotonicNanos));
        if (e instanceof GoalEvent) wake(); // committed at once: a milestone said must be known after a power cut
        else if (writerIdle) wakeOrDefer(monotonicNanos);
    }

    public void sessionStarted(String mode) { offer(new SessionStart(mode, time.monotonicNanos())); }

    /** Ends the session; its records are committed right away. */
    public void sessionStopped() { queue.offer(new SessionStop(time.monotonicNanos())); wake(); }

    /** Journals calibration values (numbers or strings). */
    public void calibrated(Map<String, ?> values) {
        offer(new Calibration(new LinkedHashMap<>(values), time.monotonicNanos()));
    }

    /**
     * Journals a time without samples from the IMU ({@code sensor_gap}: cause, length in ms, samples
     * lost), stamped now, at its end; {@code ongoing} when the session ends inside it.
     */
    public void sensorGap(String cause, long gapMillis, long lostSamples, boolean ongoing) {
        offer(new SensorGap(cause, gapMillis, lostSamples, ongoing, time.monotonicNanos()));
    }

    public void onCommit(CommitListener l) { this.listener = l; }

    // ------------------------------------------------------------------ status (for the status command)

    /** The sampling loop delivered samples now (cheap: no I/O; call it at most once a second). */
    public void sampled() { lastSampleNanos = time.monotonicNanos(); }

    /** Asks the writer to rewrite {@link #STATUS_FILE} (the service does so once a minute). */
    public void heartbeat() { markStatus(); }

    /** A lasting fault began ({@code name} e.g. "sensor"), or changed its detail. */
    public void fault(String name, String detail) { faults.put(name, detail); markStatus(); }

    public void faultCleared(String name) { if (faults.remove(name) != null) markStatus(); }

    /** The lasting faults now, by name, with what to tell the owner; the store's own is {@code storage}. */
    public Map<String, String> faults() {
        Map<String, String> out = new java.util.TreeMap<>(faults);
        String storage = statusMessage();
        if (storage != null) out.put("storage", storage);
        return out;
    }

    private void markStatus() {
        statusDirty = true;
        if (writerIdle) wake();
    }

    /** Written by the running service beside the journal, without fsync (it only describes the moment). */
    public static final String STATUS_FILE = "status.properties";

    private void writeStatus() {
        statusDirty = false;
        StringBuilder sb = new StringBuilder("# backstep status, rewritten by the running service\n");
        sb.append("pid=").append(ProcessHandle.current().pid()).append('\n');
        sb.append("boot=").append(boot).append('\n');
        sb.append("written_mono_ms=").append(time.monotonicNanos() / 1_000_000L).append('\n');
        long last = lastSampleNanos;
        if (last != Long.MIN_VALUE) sb.append("last_sample_mono_ms=").append(last / 1_000_000L).append('\n');
        faults().forEach((k, v) -> sb.append("fault.").append(k).append('=')
                .append(v.replace('\n', ' ').replace("\\", "\\\\")).append('\n'));
        Path f = stateDir.resolve(STATUS_FILE), tmp = stateDir.resolve(STATUS_FILE + ".tmp");
        try {
            try (StoreFiles.Handle h = files.create(tmp)) {
                h.append(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            files.replace(tmp, f);
        } catch (IOException e) {
            Logger.debug("status file not written: {}", e.getMessage()); // a full disk: status measures free space itself
        }
    }

    // ------------------------------------------------------------------ readers (any thread)

    /** Today's totals; while the wall clock is untrusted, the undated totals of this boot (date null). */
    public DailyTotals today() {
        LocalDate d = dater.today();
        synchronized (lock) {
            return d == null ? withBucket(totals.undated(boot), null) : withBucket(totals.day(d), d);
        }
    }

    private DailyTotals withBucket(DailyTotals t, LocalDate d) {
        Bucket b = bucket;
        if (b == null || !java.util.Objects.equals(b.day, d)) return t;
        return new DailyTotals(t.date(), t.forward() + b.forward, t.backward() + b.backward, t.walkingMinutes(),
                t.goodFormMinutes(), t.alerts(), t.targetAnnounced(), t.limitAnnounced(), t.targetMet()
                || t.backward() + b.backward >= settings.target());
    }

    /**
     * What the daily goal resumes from: the backward steps of the goal's day and the milestones the journal
     * says were announced on it, including events still queued. With a trusted clock (and this boot's early
     * records dated) that day is today, {@code date} set; otherwise it is {@link Totals#chain()}, date null.
     */
    /** {@link #goalDayKey()} while the goal's day is the journal's last day continued (no trusted clock). */
    public static final long NO_CLOCK_DAY = Long.MIN_VALUE;

    /**
     * Which day {@link #goalDay()} is about now: its epoch day, or {@link #NO_CLOCK_DAY}. Cheap and allocation-free,
     * for the sampling thread to notice a new day once a second; {@link #goalDay()} itself only when it changed.
     */
    public long goalDayKey() {
        long today = dater.todayEpochDay();
        if (today == RecordDater.UNTRUSTED) return NO_CLOCK_DAY;
        synchronized (lock) {
            return totals.hasParked(boot) ? NO_CLOCK_DAY : today;
        }
    }

    /** The key of a {@link #goalDay()} result, as {@link #goalDayKey()} gives it. */
    public static long goalDayKey(DailyTotals goalDay) {
        return goalDay.date() != null ? goalDay.date().toEpochDay() : NO_CLOCK_DAY;
    }

    public DailyTotals goalDay() {
        LocalDate today = dater.today();
        synchronized (lock) {
            LocalDate d = null;
            DailyTotals t;
            if (today != null && !totals.hasParked(boot)) {
                d = today;
                t = withBucket(totals.dayAfterChain(d), d);
            } else {
                t = withBucket(totals.chain(), null);
            }
            int back = t.backward();
            boolean target = t.targetAnnounced(), limit = t.limitAnnounced();
            for (Item it : queue) { // the writer takes items under this lock: each is here or in the totals
                if (!(it instanceof EventItem ei)) continue;
                if (ei.e() instanceof StepEvent s && s.direction() == Direction.BACKWARD) back++;
                if (ei.e() instanceof StepRevision r) back += r.backwardDelta();
                if (ei.e() instanceof GoalEvent g) {
                    target |= g.kind() == org.backstep.event.GoalKind.TARGET;
                    limit |= g.kind() == org.backstep.event.GoalKind.LIMIT;
                }
            }
            return new DailyTotals(d, t.forward(), back, t.walkingMinutes(), t.goodFormMinutes(), t.alerts(),
                    target, limit, target || back >= settings.target());
        }
    }

    public int backwardStepsToday() { return today().backward(); }
    public boolean targetAnnouncedToday() { return today().targetAnnounced(); }
    public boolean limitAnnouncedToday() { return today().limitAnnounced(); }

    /** All dated days, oldest first. */
    public List<DailyTotals> days() { synchronized (lock) { return totals.days(); } }

    /** Steps never dated (their boot never got a trustworthy clock). */
    public DailyTotals undated() { synchronized (lock) { return totals.undated(); } }

    public List<SessionSummary> sessions() { synchronized (lock) { return totals.sessions(); } }

    /** True while the journal cannot be written (disk full); counting goes on in memory. */
    public boolean journalFull() { return journalFull; }

    /** True if the journal or the recordings hit a full disk. */
    public boolean diskFull() { return journalFull || recordings.stopped(); }

    /** One line for the app to show (disk full), or null when all is well. */
    public String statusMessage() {
        if (journalFull) return "disk full: the journal cannot be written; steps are still counted but may be lost at power-off";
        return recordings.reason();
    }

    public Recordings recordings() { return recordings; }
    public Path stateDir() { return stateDir; }
    public StoreSettings settings() { return settings; }

    // ------------------------------------------------------------------ writer side

    /**
     * The writer thread: pumps, then sleeps until the oldest buffered record is due (at most the commit
     * interval while records flow) or, with nothing buffered, until a producer wakes it: no periodic
     * wake-ups when idle. On {@link #close()} it makes the last commit itself: only this thread ever
     * touches the journal while it runs.
     */
    private void loop() {
        while (!stopRequested) {
            try {
                pump();
            } catch (RuntimeException e) {
                Logger.error(e, "journal writer");
            }
            long wait = nanosUntilDue();
            if (wait == Long.MAX_VALUE) { // nothing buffered: sleep until a producer wakes us
                writerIdle = true;
                if (queue.isEmpty() && !stopRequested && !statusDirty && flushRequests == flushesDone) LockSupport.park(this); // re-checked after raising the flag
                writerIdle = false;
            } else if (wait > 0) { // records buffered: new ones join them without waking us; the commit is due then
                LockSupport.parkNanos(this, wait);
            }
        }
        forceCommit = true;
        pump();
        writerDone = true;
    }

    /** Nanoseconds until the buffered records are due for a commit; MAX_VALUE if nothing is buffered. */
    private long nanosUntilDue() {
        long oldest = oldestUncommitted;
        if (oldest == Long.MIN_VALUE) return Long.MAX_VALUE;
        long due = Math.max(0, commitNanos - COMMIT_SLACK_NANOS - (time.monotonicNanos() - oldest));
        return journalFull ? Math.max(due, FULL_DISK_RETRY_NANOS) : due;
    }

    /** True while the writer sleeps with nothing to commit (a test checks it sleeps without a timeout). */
    boolean writerIdle() { return writerIdle && writer != null && writer.getState() == Thread.State.WAITING; }

    private void wake() {
        if (writer == null) return;
        wakesAsked.incrementAndGet();
        LockSupport.unpark(writer);
    }

    private void offer(Item it) {
        queue.offer(it);
        if (writerIdle) wakeOrDefer(time.monotonicNanos());
    }

    /**
     * A record came at {@code mono} while the writer slept with nothing to commit: with a polling producer,
     * {@link #tick} wakes it when the record's commit is due; otherwise it is woken now.
     */
    private void wakeOrDefer(long mono) {
        if (producerTicks && writer != null) {
            if (deferredSince.get() == NOT_DEFERRED) deferredSince.compareAndSet(NOT_DEFERRED, mono);
        } else {
            wake();
        }
    }

    /**
     * From now on a producer that polls (the sampling loop) wakes the writer when a commit is due, by calling
     * {@link #tick} after each poll: a record that comes while the writer sleeps with nothing to commit no
     * longer wakes it, which saves the writer one wake-up per commit (issue 14). Records the journal needs at
     * once (a goal, the session's end) and flushes still wake it. THREAD mode only.
     */
    public void producerTicks() {
        producerTicks = true;
    }

    /**
     * After each poll of the producer that {@link #producerTicks} set: wakes the writer when the oldest record
     * left waiting for this is due for its commit, or would be past the commit interval before the next call.
     * {@code nextTickWithinNanos}: the longest until the next call (the poll period), or {@link #NEXT_TICK_UNKNOWN}
     * when the producer cannot say (a fault's back-off), which wakes the writer for anything waiting.
     * Allocation-free; no system call unless it wakes the writer.
     */
    public void tick(long nextTickWithinNanos) {
        long since = deferredSince.get();
        if (since == NOT_DEFERRED) return;
        long now = time.monotonicNanos();
        long deadline = since + commitNanos;
        if (nextTickWithinNanos < 0 || now >= deadline - COMMIT_SLACK_NANOS || now + nextTickWithinNanos >= deadline) wake();
    }

    /** {@link #tick}'s argument when the producer cannot say when it calls again. */
    public static final long NEXT_TICK_UNKNOWN = -1;

    /** Commits everything accepted so far and waits for the fsync (or, in MANUAL mode, does it). */
    public void flush() {
        if (mode == Mode.MANUAL) { forceCommit = true; pump(); return; }
        long ticket;
        synchronized (this) { ticket = ++flushRequests; }
        wake();
        synchronized (this) {
            while (flushesDone < ticket && running && writer.isAlive()) {
                try { wait(50); } catch (InterruptedException e) { Thread.currentThread().interrupt(); return; }
            }
        }
    }

    /** One writer step: dates and journals queued items, re-dates on the first trusted reading, commits if due. */
    public void pump() {
        if (mode == Mode.THREAD && running && writer != null && Thread.currentThread() != writer)
            throw new IllegalStateException("pump() is driven by the writer thread in THREAD mode; use flush()");
        long requested = flushRequests;
        long deferred = deferredSince.getAndSet(NOT_DEFERRED);    // before the queue is drained: its records are in it
        long monoNow = time.monotonicNanos();
        long wallNow = time.wallMillis();
        boolean trusted = dater.trusted(wallNow);
        ZoneId zone = dater.zone();
        synchronized (lock) {
            if (trusted) {
                long[] range = totals.parkedRange(boot);
                if (range != null) {
                    flushBucket();
                    range = totals.parkedRange(boot);
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("seq", ++seq);
                    r.put("type", "redate");
                    r.put("boot", boot);
                    r.put("mono", monoNow / 1_000_000L);
                    r.put("utc", wallNow);
                    int off = DayRule.offsetAt(zone, wallNow);
                    r.put("off", off);
                    r.put("day", DayRule.dayOf(wallNow, off, settings.dayStartsAt()).toString());
                    r.put("from", range[0]);
                    r.put("to", range[1]);
                    r.put("ds", settings.dayStartsAt().toString());
                    write(r, monoNow);
                    Logger.info("clock trusted: re-dated journal records {}..{} of this boot", range[0], range[1]);
                }
            }
            Item it;
            while ((it = queue.poll()) != null) process(it, monoNow, wallNow, trusted, zone);
        }
        // records that waited in the queue for a tick are due counting from when the first of them came
        if (deferred != NOT_DEFERRED && oldestUncommitted != Long.MIN_VALUE) oldestUncommitted = Math.min(oldestUncommitted, deferred);
        boolean due = oldestUncommitted != Long.MIN_VALUE
                && monoNow - oldestUncommitted >= commitNanos - COMMIT_SLACK_NANOS;
        if (due || forceCommit || requested != flushesDone) {
            synchronized (lock) { flushBucket(); }
            commit();
            forceCommit = false;
            if (statusDirty) writeStatus(); // before a flush returns: what it committed is in the status too
            if (requested != flushesDone) synchronized (this) { flushesDone = requested; notifyAll(); }
        }
        if (statusDirty) writeStatus();
    }

    private void process(Item it, long monoNow, long wallNow, boolean trusted, ZoneId zone) {
        if (it instanceof EventItem ei) {
            long mono = Math.min(ei.mono(), monoNow);
            Event e = ei.e();
            if (e instanceof StepEvent s) {
                step(s.direction() == Direction.FORWARD ? 1 : 0, s.direction() == Direction.BACKWARD ? 1 : 0,
                        mono, monoNow, wallNow, trusted, zone);
            } else if (e instanceof StepRevision r) {
                // Steps moved between directions go into the minute's count as deltas.
                int moved = r.backwardDelta();
                step(-moved, moved, mono, monoNow, wallNow, trusted, zone);
            } else if (e instanceof AlertEvent a) {
                Map<String, Object> r = record("alert", mono, monoNow, wallNow, trusted, zone);
                r.put("kind", a.kind().json());
                write(r, monoNow);
            } else if (e instanceof GoalEvent g) {
                Map<String, Object> r = record("goal", mono, monoNow, wallNow, trusted, zone);
                r.put("kind", g.kind().json());
                r.put("back", g.backwardSteps());
                write(r, monoNow);
                forceCommit = true;
            }
        } else if (it instanceof SessionStart s) {
            if (session >= 0) endSession(s.mono(), monoNow, wallNow, trusted, zone);
            Map<String, Object> r = record("session_start", s.mono(), monoNow, wallNow, trusted, zone);
            r.put("mode", s.mode());
            session = (Long) r.get("seq");
            r.put("ses", session);
            write(r, monoNow);
        } else if (it instanceof SessionStop s) {
            if (session >= 0) endSession(s.mono(), monoNow, wallNow, trusted, zone);
            forceCommit = true;
        } else if (it instanceof SensorGap g) {
            Map<String, Object> r = record("sensor_gap", g.mono(), monoNow, wallNow, trusted, zone);
            r.put("cause", g.cause());
            r.put("gap_ms", g.gapMillis());
            r.put("lost", g.lost());
            if (g.ongoing()) r.put("ongoing", true);
            write(r, monoNow);
        } else if (it instanceof Calibration c) {
            Map<String, Object> r = record("calibration", c.mono(), monoNow, wallNow, trusted, zone);
            c.values().forEach((k, v) -> { if (!r.containsKey(k)) r.put(k, v); });
            write(r, monoNow);
        }
    }

    private void endSession(long mono, long monoNow, long wallNow, boolean trusted, ZoneId zone) {
        write(record("session_stop", mono, monoNow, wallNow, trusted, zone), monoNow);
        session = -1;
    }

    private void step(int forward, int backward, long mono, long monoNow, long wallNow, boolean trusted, ZoneId zone) {
        long minute = mono / 60_000_000_000L;
        LocalDate day = null;
        long utc = 0;
        int off = 0;
        if (trusted) {
            utc = wallNow - (monoNow - mono) / 1_000_000L;
            off = DayRule.offsetAt(zone, utc);
            day = DayRule.dayOf(utc, off, settings.dayStartsAt());
        }
        Bucket b = bucket;
        if (b != null && (b.minute != minute || !java.util.Objects.equals(b.day, day) || b.ses != session)) {
            flushBucket();
            b = null;
        }
        if (b == null) {
            b = new Bucket();
            b.minute = minute;
            b.firstMono = mono;
            b.day = day;
            b.utc = utc;
            b.off = off;
            b.ses = session;
            bucket = b;
        }
        b.forward += forward;
        b.backward += backward;
        if (oldestUncommitted == Long.MIN_VALUE) oldestUncommitted = monoNow;
    }

    private void flushBucket() {
        Bucket b = bucket;
        if (b == null) return;
        bucket = null;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seq", ++seq);
        r.put("type", "steps");
        r.put("boot", boot);
        r.put("mono", b.firstMono / 1_000_000L);
        if (b.day != null) {
            r.put("utc", b.utc);
            r.put("off", b.off);
            r.put("day", b.day.toString());
        }
        if (b.ses >= 0) r.put("ses", b.ses);
        r.put("f", b.forward);
        r.put("b", b.backward);
        pendingSteps += b.forward + b.backward;
        write(r, Long.MIN_VALUE);
    }

    private Map<String, Object> record(String type, long mono, long monoNow, long wallNow, boolean trusted, ZoneId zone) {
        if (bucket != null) flushBucket(); // keep the journal in time order
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seq", ++seq);
        r.put("type", type);
        r.put("boot", boot);
        r.put("mono", mono / 1_000_000L);
        if (trusted) {
            long utc = wallNow - (monoNow - mono) / 1_000_000L;
            int off = DayRule.offsetAt(zone, utc);
            r.put("utc", utc);
            r.put("off", off);
            r.put("day", DayRule.dayOf(utc, off, settings.dayStartsAt()).toString());
        }
        if (session >= 0) r.put("ses", session);
        return r;
    }

    /** Journals and folds one record (under {@link #lock}). */
    private void write(Map<String, Object> r, long monoNow) {
        journal.append(JournalLine.encode(r));
        totals.apply(r);
        if (oldestUncommitted == Long.MIN_VALUE && monoNow != Long.MIN_VALUE) oldestUncommitted = monoNow;
        if (oldestUncommitted == Long.MIN_VALUE) oldestUncommitted = time.monotonicNanos();
    }

    private void commit() {
        if (!journal.hasPending()) { oldestUncommitted = Long.MIN_VALUE; return; }
        long upTo = seq;
        try {
            journal.commit();
        } catch (IOException e) {
            if (!journalFull) {
                journalFull = true;
                statusDirty = true;
                Logger.error("journal cannot be written ({}): still counting in memory, will retry", e.getMessage());
            }
            return;
        }
        if (journalFull) {
            journalFull = false;
            statusDirty = true;
            Logger.info("journal writable again");
        }
        oldestUncommitted = Long.MIN_VALUE;
        committedSteps += pendingSteps;
        pendingSteps = 0;
        lastCommittedSeq = upTo;
        listener.committed(upTo, committedSteps);
    }

    public long lastCommittedSeq() { return lastCommittedSeq; }


    /**
     * Ends an open session, commits and fsyncs everything, stops the writer. The writer makes the last commit;
     * if an fsync stalls, this waits for it (logging every {@link #stallReportNanos}) rather than entering the
     * journal from a second thread. Only when the writer is gone without it (MANUAL mode, or a writer killed by
     * an Error) does this thread commit.
     */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        queue.offer(new SessionStop(time.monotonicNanos()));
        if (writer != null) {
            stopRequested = true;
            wake();
            long since = System.nanoTime();
            try {
                while (writer.isAlive()) {
                    writer.join(Math.max(1, stallReportNanos / 1_000_000L));
                    if (writer.isAlive()) {
                        stallReports.incrementAndGet();
                        Logger.warn("journal: the last commit has waited {} s for the disk (fsync stalled); still waiting",
                                (System.nanoTime() - since) / 1_000_000_000L);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Logger.error("journal: interrupted while waiting for the writer; the last records may be lost");
                running = false;
                return; // the writer may still be in the journal: leave it to it
            }
        }
        running = false;
        if (!writerDone) {
            forceCommit = true;
            pump();
        }
        synchronized (this) { notifyAll(); }
        try {
            journal.close();
        } catch (IOException e) {
            Logger.error("journal close failed: {}", e.getMessage());
            throw e;
        } finally {
            try {
                files.deleteIfExists(stateDir.resolve(STATUS_FILE)); // status then says "not running"
            } catch (IOException e) {
                Logger.debug("status file not removed: {}", e.getMessage());
            }
            stateLock.close();
        }
    }
}
