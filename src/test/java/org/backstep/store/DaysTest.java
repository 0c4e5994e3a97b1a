package org.backstep.store;

import org.backstep.event.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.backstep.store.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class DaysTest {
    @TempDir Path dir;

    private static int total(List<DailyTotals> days) {
        return days.stream().mapToInt(d -> d.forward() + d.backward()).sum();
    }

    @Test
    void clockStartingIn1970IsRedatedOnSync() throws IOException {
        FakeTime t = new FakeTime(12_000, false); // Pi booted without RTC: 1970
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            st.sessionStarted("walk");
            for (int i = 0; i < 40; i++) { // 20 s of steps while undated, committed as they come
                steps(st, t, 1, Direction.BACKWARD);
                st.flush();
            }
            assertNull(st.today().date(), "untrusted: today is the undated bucket of this boot");
            assertEquals(40, st.backwardStepsToday());
            assertTrue(st.days().isEmpty(), "never attributed to 1970");
            t.advance(10_000);
            t.setWall("2026-11-24T00:00:20Z"); // NTP sync: 30 s after the first step
            t.trusted = true;
            st.pump();
            steps(st, t, 2, Direction.BACKWARD);
            st.flush();
            // steps 0..20 s were taken 30..10 s before 00:00:20 → 23:59:50..00:00:10: split over the two days
            List<DailyTotals> days = st.days();
            assertEquals(42, total(days));
            assertEquals(2, days.size());
            assertEquals(LocalDate.parse("2026-11-23"), days.get(0).date());
            assertEquals(19, days.get(0).backward()); // steps at -29.5 .. -20.5 s before the anchor = before 00:00
            assertEquals(0, st.undated().backward());
            assertEquals(2026, st.sessions().get(0).day().getYear());
        }
        try (Store st = manual(dir, StoreSettings.defaults(), t)) { // replay gives the same answer
            assertEquals(42, total(st.days()));
            assertEquals(19, st.days().get(0).backward());
            assertEquals(23, st.backwardStepsToday());
        }
    }

    @Test
    void aDirectionRevisionMovesStepsBetweenTheDaysCountsAndSurvivesARestart() throws IOException {
        FakeTime t = new FakeTime(1_000, true);
        t.setWall("2026-11-24T10:00:00Z");
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            st.sessionStarted("walk");
            steps(st, t, 5, Direction.FORWARD);      // reported before the bout's direction was clear
            st.accept(new org.backstep.event.StepRevision(0, 2, 3, 5, Direction.BACKWARD), t.mono);
            steps(st, t, 3, Direction.BACKWARD);
            st.flush();
            assertEquals(8, st.backwardStepsToday());
            assertEquals(0, st.today().forward());
        }
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            assertEquals(8, st.backwardStepsToday(), "rebuilt from the journal the same way");
            assertEquals(0, st.today().forward());
        }
    }

    @Test
    void bootThatNeverSyncsStaysUndatedAndARestartInTheSameBootIsRedated() throws IOException {
        FakeTime t = new FakeTime(1_000, false);
        t.boot = "boot-1";
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            steps(st, t, 5, Direction.BACKWARD);
        }
        t.boot = "boot-2"; // power cut, reboot, still no network
        t.mono = 3_000_000_000L;
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            steps(st, t, 7, Direction.FORWARD);
        }
        // service restart within boot-2, then the clock syncs
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            assertEquals(12, st.undated().forward() + st.undated().backward());
            t.setWall("2026-11-24T12:00:00Z");
            t.trusted = true;
            st.pump();
            assertEquals(7, st.today().forward(), "boot-2 steps dated by the anchor of the same boot");
            assertEquals(5, st.undated().backward(), "boot-1 never synced: stays undated");
            assertTrue(st.days().stream().noneMatch(d -> d.date().getYear() < 2026));
        }
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            assertEquals(7, st.today().forward());
            assertEquals(5, st.undated().backward());
        }
    }

    @Test
    void restartAfterSyncInTheSameBootResumesTheGoalCountAtOnce() throws IOException {
        FakeTime t = new FakeTime(1_000, false);
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            steps(st, t, 30, Direction.BACKWARD);
        }
        t.advance(5_000);
        t.setWall("2026-11-24T12:00:00Z");
        t.trusted = true;
        try (Store st = Store.open(dir, StoreSettings.defaults(), t)) { // threaded, no pump by the test
            assertEquals(30, st.backwardStepsToday(), "dated during open, before any writer step");
            assertEquals(LocalDate.parse("2026-11-24"), st.today().date());
        }
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            assertEquals(30, st.backwardStepsToday());
            assertEquals(0, st.undated().backward());
        }
    }

    @Test
    void wallTimeBeforeTheBuildDateIsNeverTrusted() throws IOException {
        FakeTime t = FakeTime.at("2025-01-01T10:00:00Z"); // claims to be synced but is before the floor
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            steps(st, t, 3, Direction.BACKWARD);
            st.flush();
            assertTrue(st.days().isEmpty());
            assertEquals(3, st.undated().backward());
        }
    }

    @Test
    void backwardJumpNeverCountsAStepTwice() throws IOException {
        FakeTime t = FakeTime.at("2026-11-24T00:00:30Z");
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            steps(st, t, 10, Direction.BACKWARD); // on the 24th
            st.flush();
            t.setWall("2026-11-23T23:59:00Z"); // clock stepped back over midnight
            steps(st, t, 4, Direction.BACKWARD);
            st.flush();
            t.setWall("2026-11-24T00:01:00Z");
            steps(st, t, 6, Direction.BACKWARD);
            st.flush();
            List<DailyTotals> days = st.days();
            assertEquals(20, total(days));
            assertEquals(4, st.days().get(0).backward());
            assertEquals(16, st.backwardStepsToday());
        }
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            assertEquals(20, total(st.days()));
            assertEquals(16, st.backwardStepsToday());
        }
    }

    @Test
    void zoneChangeNeitherDeletesNorDoublesADay() throws IOException {
        FakeTime t = FakeTime.at("2026-11-24T23:30:00Z"); // 23:30 in UTC, 00:30 on the 25th in Paris
        StoreSettings utc = StoreSettings.builder().zone("UTC").build();
        try (Store st = manual(dir, utc, t)) {
            steps(st, t, 8, Direction.BACKWARD);
        }
        StoreSettings paris = StoreSettings.builder().zone("Europe/Paris").build();
        try (Store st = manual(dir, paris, t)) {
            List<DailyTotals> days = st.days();
            assertEquals(1, days.size());
            assertEquals(LocalDate.parse("2026-11-24"), days.get(0).date(), "decided once, when committed");
            assertEquals(0, st.backwardStepsToday(), "it is already the 25th in Paris");
            steps(st, t, 2, Direction.BACKWARD);
            st.flush();
            assertEquals(2, st.backwardStepsToday());
            assertEquals(10, total(st.days()));
        }
        t.zone = ZoneId.of("America/New_York"); // system zone change, settings follow the system
        try (Store st = manual(dir, StoreSettings.defaults(), t)) {
            assertEquals(10, total(st.days()));
            assertEquals(2, st.days().size());
        }
    }

    @Test
    void dayStartsAtThree() throws IOException {
        FakeTime t = FakeTime.at("2026-11-24T02:30:00Z");
        StoreSettings s = StoreSettings.builder().dayStartsAt("03:00").zone("UTC").build();
        try (Store st = manual(dir, s, t)) {
            steps(st, t, 5, Direction.BACKWARD);
            st.flush();
            assertEquals(LocalDate.parse("2026-11-23"), st.today().date());
            t.setWall("2026-11-24T03:00:00Z");
            steps(st, t, 3, Direction.BACKWARD);
            st.flush();
            assertEquals(LocalDate.parse("2026-11-24"), st.today().date());
            assertEquals(3, st.backwardStepsToday());
            assertEquals(5, st.days().get(0).backward());
            assertEquals(LocalDate.parse("2026-11-23"), st.days().get(0).date());
        }
    }

    @Test
    void dayRule() {
        java.time.LocalTime three = java.time.LocalTime.of(3, 0);
        long t = java.time.Instant.parse("2026-11-24T01:30:00Z").toEpochMilli();
        assertEquals(LocalDate.parse("2026-11-23"), DayRule.dayOf(t, 3600, three)); // 02:30 local
        assertEquals(LocalDate.parse("2026-11-24"), DayRule.dayOf(t, 7200, three)); // 03:30 local
        assertEquals(LocalDate.parse("2026-11-24"), DayRule.dayOf(t, 0, java.time.LocalTime.MIDNIGHT));
    }
}
