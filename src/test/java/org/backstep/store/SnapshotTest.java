package org.backstep.store;

import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.backstep.store.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class SnapshotTest {
    @TempDir Path dir;

    @Test
    void snapshotSkipsSealedSegmentsAndTheJournalAlwaysWins() throws IOException {
        FakeTime t = new FakeTime(1_000, false); // some undated records stay parked across the snapshot
        t.boot = "old-boot";
        StoreSettings s = StoreSettings.builder().segmentMaxBytes(4096).build();
        try (Store st = manual(dir, s, t)) {
            steps(st, t, 3, Direction.FORWARD);
        }
        t.boot = "boot-a";
        t.setWall("2026-11-24T08:00:00Z");
        t.trusted = true;
        try (Store st = manual(dir, s, t)) {
            for (int i = 0; i < 80; i++) {
                if (i % 20 == 0) st.sessionStarted("walk");
                steps(st, t, 4, Direction.BACKWARD);
                alert(st, t, AlertKind.KNEE);
                st.flush();
                if (i == 40) t.advance(86_400_000L);
            }
        }
        List<DailyTotals> a;
        List<SessionSummary> sa;
        DailyTotals ua;
        try (Store st = manual(dir, s, t)) { // replays all and writes the snapshot
            a = st.days();
            sa = st.sessions();
            ua = st.undated();
        }
        assertTrue(Files.isRegularFile(dir.resolve(Snapshot.FILE)));
        assertEquals(320, a.stream().mapToInt(DailyTotals::backward).sum());
        assertEquals(3, ua.forward());
        try (Store st = manual(dir, s, t)) {
            assertEquals(a, st.days());
            assertEquals(sa, st.sessions());
            assertEquals(ua, st.undated());
            steps(st, t, 1, Direction.BACKWARD); // seq continues after the snapshot's
            st.flush();
        }
        // damage a line of an older sealed, snapshotted segment without changing its size (issue 11 item 6)
        List<Path> segs = Journal.segments(Journal.dirOf(dir));
        assertTrue(segs.size() >= 4, "segment 2 is older than the newest sealed one: " + segs.size());
        Path seg1 = segs.get(1);
        String text = Files.readString(seg1);
        Files.writeString(seg1, text.replaceFirst("\"b\":4", "\"b\":9"));
        try (Store st = manual(dir, s, t)) {
            assertEquals(317, st.days().stream().mapToInt(DailyTotals::backward).sum(),
                    "the snapshot no longer matches that segment: full replay, the damaged line skipped");
            assertEquals(Totals.replay(dir, s.target()).days(), st.days(), "the device's totals equal an export's");
        }
        try (Store st = manual(dir, s, t)) { // the rewritten snapshot covers the segment as it is now
            assertEquals(317, st.days().stream().mapToInt(DailyTotals::backward).sum());
        }
        Files.writeString(dir.resolve(Snapshot.FILE), "garbage\n");
        try (Store st = manual(dir, s, t)) {
            assertEquals(317, st.days().stream().mapToInt(DailyTotals::backward).sum(), "bad snapshot: full replay, damaged line skipped");
            assertEquals(3, st.undated().forward());
        }
        List<Long> seqs = new java.util.ArrayList<>();
        Journal.scan(Journal.dirOf(dir), false, r -> seqs.add((Long) r.get("seq")));
        assertEquals(seqs.size(), new java.util.HashSet<>(seqs).size(), "no seq reused");
    }
}
