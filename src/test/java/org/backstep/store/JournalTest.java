package org.backstep.store;

import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.event.GoalEvent;
import org.backstep.event.GoalKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.backstep.store.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class JournalTest {
    @TempDir Path dir;

    private static int committedRecords(Path dir) throws IOException {
        return Journal.scan(Journal.dirOf(dir), false, r -> { }).validLines();
    }

    @Test
    void lineRoundTripAndCorruptionDetected() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seq", 7L);
        r.put("type", "steps");
        r.put("note", "a \"quoted\"\nline");
        r.put("x", 1.5);
        r.put("n", null);
        String line = JournalLine.encode(r);
        assertEquals(r, JournalLine.decode(line));
        assertTrue(line.matches("\\{.*,\"crc\":\"[0-9a-f]{8}\"}"));
        assertNull(JournalLine.decode(line.replace("steps", "stepz")));
        assertNull(JournalLine.decode(line.substring(0, line.length() - 3)));
        assertNull(JournalLine.decode(""));
    }

    @Test
    void groupCommitWithinTheIntervalAndOnSessionEnd() throws IOException {
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        StoreSettings s = StoreSettings.builder().commitInterval(Duration.ofSeconds(2)).build();
        try (Store st = manual(dir, s, t)) {
            st.sessionStarted("walk");
            st.pump();
            assertEquals(0, committedRecords(dir), "nothing is fsynced before the interval");
            steps(st, t, 2, Direction.BACKWARD); // clock +1 s
            st.pump();
            assertEquals(0, committedRecords(dir));
            t.advance(1000); // 2 s since the first record was buffered
            st.pump();
            assertEquals(2, committedRecords(dir), "a crash now loses nothing older than 2 s");
            steps(st, t, 1, Direction.FORWARD);
            st.sessionStopped();
            st.pump();
            assertEquals(4, committedRecords(dir), "session end commits at once");
        }
    }

    @Test
    void tornLastLineIsDroppedOnNextStart() throws IOException {
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            steps(st, t, 10, Direction.BACKWARD);
            st.flush();
        }
        Path seg = Journal.segments(Journal.dirOf(dir)).get(0);
        long good = Files.size(seg);
        Files.writeString(seg, "{\"seq\":99,\"type\":\"steps\",\"f\":1000", StandardOpenOption.APPEND);
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            assertEquals(good, Files.size(seg), "torn tail truncated");
            assertEquals(10, st.backwardStepsToday());
            steps(st, t, 1, Direction.BACKWARD);
            st.flush();
        }
        assertEquals(0, Journal.scan(Journal.dirOf(dir), false, r -> { }).tornBytesDropped());
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            assertEquals(11, st.backwardStepsToday());
        }
    }

    @Test
    void corruptMiddleLineIsSkippedNotFatal() throws IOException {
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            steps(st, t, 3, Direction.BACKWARD);
            st.flush();
            alert(st, t, AlertKind.KNEE);
            st.flush();
            steps(st, t, 2, Direction.FORWARD);
            st.flush();
        }
        Path seg = Journal.segments(Journal.dirOf(dir)).get(0);
        List<String> lines = new ArrayList<>(Files.readAllLines(seg));
        lines.set(1, lines.get(1).replace("knee", "kneX"));
        Files.write(seg, lines);
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            DailyTotals d = st.today();
            assertEquals(3, d.backward());
            assertEquals(2, d.forward());
            assertEquals(0, d.alerts(AlertKind.KNEE));
        }
    }

    @Test
    void restartResumesGoalStateAndTotals() throws IOException {
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            st.sessionStarted("walk");
            steps(st, t, 200, Direction.BACKWARD);
            steps(st, t, 30, Direction.FORWARD);
            st.accept(new GoalEvent(0, GoalKind.TARGET, 200), t.mono);
            alert(st, t, AlertKind.POSTURE);
            st.calibrated(Map.of("pitch0", 1.25));
            st.pump();
            assertEquals(200, st.backwardStepsToday(), "live totals before any commit");
        }
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            assertEquals(200, st.backwardStepsToday());
            assertTrue(st.targetAnnouncedToday());
            assertFalse(st.limitAnnouncedToday());
            DailyTotals d = st.today();
            assertEquals(30, d.forward());
            assertEquals(1, d.alerts(AlertKind.POSTURE));
            assertTrue(d.targetMet());
            assertTrue(d.walkingMinutes() >= 2 && d.walkingMinutes() <= 3, "115 s of walking: " + d.walkingMinutes());
            assertTrue(d.goodFormMinutes() < d.walkingMinutes());
            assertEquals(1, st.sessions().size());
            assertEquals(230, st.sessions().get(0).backward() + st.sessions().get(0).forward());
            assertTrue(st.sessions().get(0).ended());
            assertEquals(115, st.sessions().get(0).durationSeconds(), 1);
        }
    }

    @Test
    void segmentsRotate() throws IOException {
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        StoreSettings s = StoreSettings.builder().segmentMaxBytes(2048).build();
        try (Store st = manual(dir, s, t)) {
            for (int i = 0; i < 60; i++) {
                steps(st, t, 3, Direction.BACKWARD);
                alert(st, t, AlertKind.CADENCE);
                st.flush();
            }
        }
        assertTrue(Journal.segments(Journal.dirOf(dir)).size() > 3);
        try (Store st = manual(dir, s, t)) {
            assertEquals(180, st.backwardStepsToday());
            assertEquals(60, st.today().alerts(AlertKind.CADENCE));
        }
    }

    @Test
    void fullDiskKeepsCountingAndRetries() throws IOException {
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        AtomicBoolean full = new AtomicBoolean(false);
        Journal.WriteHook hook = (p, n) -> { if (full.get()) throw new IOException("No space left on device"); };
        try (Store st = Store.open(dir, StoreSettings.defaults(), t, Store.Mode.MANUAL, hook, p -> Long.MAX_VALUE / 4)) {
            steps(st, t, 5, Direction.BACKWARD);
            st.flush();
            full.set(true);
            steps(st, t, 5, Direction.BACKWARD);
            st.flush();
            assertTrue(st.journalFull());
            assertTrue(st.diskFull());
            assertEquals(10, st.backwardStepsToday(), "counting goes on");
            Path seg = Journal.segments(Journal.dirOf(dir)).get(0);
            String text = Files.readString(seg, StandardCharsets.UTF_8);
            assertTrue(text.isEmpty() || text.endsWith("\n"), "no half line left behind");
            full.set(false);
            steps(st, t, 1, Direction.BACKWARD);
            st.flush();
            assertFalse(st.journalFull());
        }
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            assertEquals(11, st.backwardStepsToday());
        }
    }

    @Test
    void writerThreadCommitsOffTheCallerThread() throws Exception {
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        try (Store st = Store.open(dir, StoreSettings.defaults(), t)) {
            steps(st, t, 7, Direction.BACKWARD);
            st.flush();
            assertEquals(7, st.backwardStepsToday());
            assertTrue(committedRecords(dir) >= 1);
        }
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            assertEquals(7, st.backwardStepsToday());
        }
    }

    @Test
    void settingsValidate() {
        assertThrows(IllegalArgumentException.class, () -> StoreSettings.builder().commitInterval(Duration.ofSeconds(3)));
        assertThrows(IllegalArgumentException.class, () -> StoreSettings.builder().dayStartsAt("25:00"));
        assertThrows(IllegalArgumentException.class, () -> StoreSettings.builder().zone("Mars/Olympus"));
        StoreSettings s = StoreSettings.builder().dayStartsAt("03:00").zone("Europe/Paris").recordingMaxMb(5)
                .minFreeMb(1).deviceName("belt").build();
        assertEquals("03:00", s.dayStartsAt().toString());
        assertEquals(s.toString(), s.toBuilder().build().toString());
    }
}
