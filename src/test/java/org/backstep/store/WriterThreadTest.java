package org.backstep.store;

import org.backstep.event.Direction;
import org.backstep.event.StepEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 11 item 7 (one thread in the journal, even when an fsync stalls) and issue 14 (the writer sleeps
 * while there is nothing to commit). Runs on an injected file layer; waits on conditions, never on time.
 */
class WriterThreadTest {
    private static final Path STATE = Path.of("/state");

    /** A file layer whose fsync can be made to stall, and that records who is in it and how many at once. */
    private static final class StallingFiles implements StoreFiles {
        final CrashFiles disk = new CrashFiles();
        volatile boolean stall;
        final CountDownLatch stalled = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        volatile boolean recordThreads;

        StallingFiles() { disk.createDirectories(STATE); }

        private void enter() {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            if (recordThreads) threads.add(Thread.currentThread().getName());
        }

        @Override public void createDirectories(Path dir) { disk.createDirectories(dir); }
        @Override public List<Path> list(Path dir) { return disk.list(dir); }
        @Override public boolean exists(Path p) { return disk.exists(p); }
        @Override public byte[] read(Path p) throws IOException { return disk.read(p); }
        @Override public Handle create(Path p) { return wrap(disk.create(p)); }
        @Override public Handle append(Path p) { return wrap(disk.append(p)); }
        @Override public Handle tryLock(Path p) { return disk.tryLock(p); }
        @Override public void replace(Path from, Path to) throws IOException { disk.replace(from, to); }
        @Override public void deleteIfExists(Path p) { disk.deleteIfExists(p); }
        @Override public void syncDir(Path dir) { disk.syncDir(dir); }

        private Handle wrap(Handle h) {
            return new Handle() {
                @Override public long size() throws IOException { return h.size(); }
                @Override public void truncate(long size) throws IOException { h.truncate(size); }
                @Override public void close() throws IOException { h.close(); }

                @Override public void append(byte[] bytes) throws IOException {
                    enter();
                    try { h.append(bytes); } finally { inside.decrementAndGet(); }
                }

                @Override public void sync() throws IOException {
                    enter();
                    try {
                        if (stall) {
                            stalled.countDown();
                            release.await(); // the SD card takes its time
                        }
                        h.sync();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    } finally {
                        inside.decrementAndGet();
                    }
                }
            };
        }
    }

    private static void awaitCondition(java.util.function.BooleanSupplier c) {
        while (!c.getAsBoolean()) Thread.onSpinWait();
    }

    @Test
    void closeWaitsForAStalledFsyncInsteadOfEnteringTheJournalFromASecondThread() throws Exception {
        StallingFiles files = new StallingFiles();
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        Store st = Store.open(STATE, StoreSettings.defaults(), t, Store.Mode.THREAD, files);
        st.stallReportNanos = 20_000_000L; // the old close() gave up on the writer after one such wait
        files.recordThreads = true;
        st.sessionStarted("walk");
        for (int i = 0; i < 5; i++) st.accept(new StepEvent(0, 0, Direction.BACKWARD), t.advance(500).mono);
        st.flush();
        files.stall = true;
        for (int i = 0; i < 7; i++) st.accept(new StepEvent(0, 0, Direction.FORWARD), t.advance(500).mono);
        Thread flusher = new Thread(st::flush, "flusher");
        flusher.start();
        files.stalled.await(); // the writer is inside fsync now
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread closer = new Thread(() -> {
            try { st.close(); } catch (Throwable e) { failed.set(e); }
        }, "closer");
        closer.start();
        // close() has waited through three stall reports (or, wrongly, gone on without the writer)
        awaitCondition(() -> st.stallReports.get() >= 3 || !closer.isAlive() || files.mostInside.get() > 1);
        assertTrue(closer.isAlive(), "close() waits for the writer");
        assertEquals(1, files.mostInside.get(), "never two threads in the journal");
        files.release.countDown();
        closer.join();
        flusher.join();
        assertNull(failed.get());
        assertEquals(1, files.mostInside.get(), "never two threads in the journal");
        assertEquals(Set.of("backstep-journal"), files.threads, "only the writer thread wrote and synced");
        int[] stops = {0};
        Totals full = new Totals(200);
        Journal.scan(files.disk, Journal.segments(files.disk, Journal.dirOf(STATE)), true, false, r -> {
            full.apply(r);
            if ("session_stop".equals(r.get("type"))) stops[0]++;
        });
        assertEquals(1, stops[0], "the session ended once");
        assertEquals(5, full.day(java.time.LocalDate.parse("2026-11-24")).backward());
        assertEquals(7, full.day(java.time.LocalDate.parse("2026-11-24")).forward());
    }

    @Test
    void theWriterSleepsWithoutATimeoutWhenThereIsNothingToCommit() throws Exception {
        StallingFiles files = new StallingFiles();
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        try (Store st = Store.open(STATE, StoreSettings.defaults(), t, Store.Mode.THREAD, files)) {
            awaitCondition(st::writerIdle); // parked with no timeout: no periodic wake-ups
            st.accept(new StepEvent(0, 0, Direction.BACKWARD), t.advance(500).mono);
            awaitCondition(() -> st.backwardStepsToday() == 1); // a producer woke it
            assertFalse(st.writerIdle(), "a record is buffered: the writer sleeps only until its commit is due");
            st.flush();
            awaitCondition(st::writerIdle);
            assertTrue(st.lastCommittedSeq() > 0);
        }
    }

    /**
     * Issue 14: with a polling producer (the sampling loop), a record that comes while the writer sleeps does
     * not wake it; the producer's tick after a poll does, when the record's commit is due. On injected time,
     * polls 89 ms apart: each record written at t is durable by t + the commit interval, one wake-up a commit.
     */
    @Test
    void aPollingProducerWakesTheWriterOnlyWhenACommitIsDue() throws Exception {
        StallingFiles files = new StallingFiles();
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        long pollMs = 89;
        long interval = StoreSettings.defaults().commitInterval().toNanos();
        try (Store st = Store.open(STATE, StoreSettings.defaults(), t, Store.Mode.THREAD, files)) {
            st.producerTicks();
            st.sessionStarted("walk");
            st.flush();
            awaitCondition(st::writerIdle);
            java.util.concurrent.atomic.AtomicLong committedAt = new java.util.concurrent.atomic.AtomicLong();
            st.onCommit((seq, steps) -> committedAt.set(t.mono));
            int steps = 0;
            for (int commit = 0; commit < 3; commit++) {
                long wakes = st.wakesAsked.get();
                long seq = st.lastCommittedSeq();
                long written = t.mono;
                st.accept(new StepEvent(0, 0, Direction.BACKWARD), written);
                steps++;
                assertTrue(st.writerIdle(), "the record left the writer asleep");
                assertEquals(wakes, st.wakesAsked.get(), "the record did not wake the writer");
                boolean second = false;
                while (st.wakesAsked.get() == wakes) {
                    t.advance(pollMs);
                    if (!second && t.mono - written >= 700_000_000L) {   // the next step, 0.7 s later: same commit
                        st.accept(new StepEvent(0, 0, Direction.BACKWARD), t.mono);
                        steps++;
                        second = true;
                        assertEquals(wakes, st.wakesAsked.get(), "nor did the next one");
                    }
                    st.tick(pollMs * 1_000_000L);
                    assertTrue(t.mono - written <= interval, "not woken by the interval's end");
                }
                awaitCondition(() -> st.lastCommittedSeq() > seq);
                awaitCondition(st::writerIdle);
                assertEquals(wakes + 1, st.wakesAsked.get(), "one wake-up for the commit");
                long age = committedAt.get() - written;
                assertTrue(age <= interval && age >= interval - 100_000_000L - pollMs * 1_000_000L, "committed at " + age + " ns");
                assertTrue(second, "both steps in the commit");
                final int committed = steps;
                awaitCondition(() -> st.backwardStepsToday() == committed);
            }
            // a producer that cannot promise its next poll (a fault's back-off) wakes the writer for anything waiting
            long wakes = st.wakesAsked.get();
            st.accept(new StepEvent(0, 0, Direction.BACKWARD), t.mono);
            st.tick(pollMs * 1_000_000L);
            assertEquals(wakes, st.wakesAsked.get());
            st.tick(Store.NEXT_TICK_UNKNOWN);
            assertEquals(wakes + 1, st.wakesAsked.get());
        }
    }
}
