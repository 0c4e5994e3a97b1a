package org.backstep.store;

import org.backstep.event.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class RecordingsTest {
    @TempDir Path dir;

    private void file(Path p, int bytes, long mtime) throws IOException {
        Files.write(p, new byte[bytes]);
        Files.setLastModifiedTime(p, FileTime.fromMillis(mtime));
    }

    @Test
    void prunesOldestFirstUnderSizeLimitNeverTheJournal() throws IOException {
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        StoreSettings s = StoreSettings.builder().recordingMaxMb(2).minFreeMb(0).build();
        try (Store st = Store.open(dir, s, t, Store.Mode.MANUAL, Journal.WriteHook.NONE, p -> Long.MAX_VALUE / 4)) {
            TestSupport.steps(st, t, 3, Direction.BACKWARD);
            st.flush();
            Path rec = st.recordings().dir();
            Files.createDirectories(rec);
            file(rec.resolve("c.csv"), 700_000, 3_000);
            file(rec.resolve("a.csv"), 700_000, 1_000);
            file(rec.resolve("b.csv"), 700_000, 2_000);
            var out = st.recordings().start("d.csv").orElseThrow();
            out.write(new byte[10]);
            out.close();
            st.recordings().prune(1_000_000);
            assertFalse(Files.exists(rec.resolve("a.csv")));
            assertFalse(Files.exists(rec.resolve("b.csv")));
            assertTrue(Files.exists(rec.resolve("c.csv")));
            assertTrue(Files.exists(rec.resolve("d.csv")));
            assertEquals(1, Journal.segments(Journal.dirOf(dir)).size());
            assertFalse(st.diskFull());
        }
    }

    @Test
    void freeSpaceFloorStopsRecordingNotCounting() throws IOException {
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        AtomicLong free = new AtomicLong(500L << 20);
        StoreSettings s = StoreSettings.builder().recordingMaxMb(100).minFreeMb(200).build();
        try (Store st = Store.open(dir, s, t, Store.Mode.MANUAL, Journal.WriteHook.NONE, p -> free.get())) {
            Path rec = st.recordings().dir();
            Files.createDirectories(rec);
            file(rec.resolve("old.csv"), 1000, 1_000);
            assertTrue(st.recordings().start("r1.csv").isPresent());
            free.set(100L << 20); // someone filled the card: nothing to prune is big enough
            assertTrue(st.recordings().start("r2.csv").isEmpty());
            assertFalse(Files.exists(rec.resolve("old.csv")), "pruned trying to make room");
            assertTrue(st.recordings().stopped());
            assertTrue(st.diskFull());
            assertTrue(st.recordings().reason().contains("disk full"));
            TestSupport.steps(st, t, 4, Direction.BACKWARD);
            st.flush();
            assertEquals(4, st.backwardStepsToday(), "counting goes on");
        }
    }

    @Test
    void enospcDuringWriteStopsTheRecordingOnce() throws IOException {
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        try (Store st = TestSupport.manual(dir, StoreSettings.defaults(), t)) {
            int[] writes = {0};
            OutputStream failing = new OutputStream() {
                @Override public void write(int b) throws IOException {
                    if (++writes[0] > 3) throw new IOException("No space left on device");
                }
            };
            var out = st.recordings().wrap(dir.resolve("x.csv"), failing);
            for (int i = 0; i < 10; i++) out.write(i);
            out.close();
            assertTrue(out.failed());
            assertEquals(4, writes[0], "stopped at the first error");
            assertTrue(st.recordings().stopped());
            st.recordings().reset();
            assertFalse(st.diskFull());
        }
    }
}
