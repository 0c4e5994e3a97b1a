package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backstep.event.Direction;
import org.backstep.event.GoalEvent;
import org.backstep.event.StepEvent;
import org.backstep.pipeline.GoalTracker;
import org.backstep.store.FakeTime;
import org.backstep.store.Journal;
import org.backstep.store.Store;
import org.backstep.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 4: the target and the limit are announced at most once a day, across restarts without a
 * clock (a battery swap outdoors), clock jumps either way and day boundaries, from what the journal holds.
 */
class GoalDayTest {
    @TempDir
    Path dir;

    private final StoreSettings settings = StoreSettings.builder().goals(5, 8).build();
    private final List<String> said = new ArrayList<>();

    /** One run of the service: the store, the goal tracker feeding it, and the goal day, as {@code Device} wires them. */
    private final class Boot implements AutoCloseable {
        final FakeTime t;
        final Store store;
        final GoalTracker goal;
        final GoalDay day;

        Boot(FakeTime t) throws Exception {
            this.t = t;
            store = Store.open(dir, settings, t, Store.Mode.MANUAL, Journal.WriteHook.NONE, p -> Long.MAX_VALUE / 4);
            goal = new GoalTracker(settings.target(), settings.limit(), 0, e -> {
                store.accept(e, t.mono);
                said.add(((GoalEvent) e).kind().json());
            });
            day = new GoalDay(store, goal);
            day.check();
            store.sessionStarted("walk");
        }

        void walk(int n) {
            for (int i = 0; i < n; i++) {
                t.advance(500);
                store.accept(new StepEvent(0, 0, Direction.BACKWARD), t.mono);
                goal.backwardStep(0);
                day.check();
                store.pump();
            }
        }

        @Override
        public void close() throws Exception {
            store.close();
        }
    }

    private static FakeTime noClock(String boot) {
        FakeTime t = new FakeTime(12_000, false); // no RTC, no network: 1970
        t.boot = boot;
        t.mono = 20_000_000_000L;
        return t;
    }

    private long goalLinesOnDisk() throws Exception {
        long[] n = {0};
        Journal.scan(Journal.dirOf(dir), false, r -> { if ("goal".equals(r.get("type"))) n[0]++; });
        return n[0];
    }

    @Test
    void milestonesOnceADayAcrossBatterySwapsClockJumpsAndDays() throws Exception {
        FakeTime a = FakeTime.at("2026-11-24T09:00:00Z");
        try (Boot b = new Boot(a)) {
            b.walk(6);
            assertEquals(List.of("target"), said);
            assertEquals(1, goalLinesOnDisk(), "a milestone is committed as soon as it is announced");
        }
        // battery swap outdoors: no network, the clock starts in 1970; the day continues from the journal
        try (Boot b = new Boot(noClock("boot-b"))) {
            assertEquals(6, b.goal.backwardSteps(), "the count continues the journal's last day");
            b.walk(2);
            assertEquals(List.of("target", "limit"), said, "the target is not announced again; the limit is, once");
        }
        FakeTime c = noClock("boot-c");
        try (Boot b = new Boot(c)) { // a second swap, still without a clock
            b.walk(10);
            assertEquals(List.of("target", "limit"), said);
            c.setWall("2026-11-24T13:00:00Z"); // the clock is trusted: the same day, already complete
            c.trusted = true;
            b.walk(3);
            assertEquals(List.of("target", "limit"), said);
            c.setWall("2026-11-25T08:00:00Z"); // the next day (the device stayed on overnight)
            b.walk(5);
            assertEquals(List.of("target", "limit", "target"), said);
            b.walk(3);
            assertEquals(List.of("target", "limit", "target", "limit"), said);
            c.setWall("2026-11-24T23:00:00Z"); // the clock jumps back to yesterday: announced there already
            b.walk(10);
            c.setWall("2026-11-25T10:00:00Z"); // and forward again
            b.walk(10);
            assertEquals(4, said.size(), "no clock jump announces a milestone twice: " + said);
        }
        // the next morning, a boot without a clock: it cannot know that a day passed, so it stays quiet ...
        FakeTime e = noClock("boot-e");
        try (Boot b = new Boot(e)) {
            b.walk(10);
            assertEquals(4, said.size(), said.toString());
            assertNull(b.store.goalDay().date());
            // ... until the clock is trusted: the steps are dated to the 26th, whose milestones were never said
            e.setWall("2026-11-26T10:00:00Z");
            e.trusted = true;
            b.walk(3); // a pump dates this boot's records, a check resumes the goal on the 26th, the next step says it
            assertEquals(List.of("target", "limit", "target", "limit", "target", "limit"), said);
        }
        try (Boot b = new Boot(e)) { // a service restart later that day
            b.walk(10);
            assertEquals(6, said.size());
            assertTrue(b.store.goalDay().targetAnnounced() && b.store.goalDay().limitAnnounced());
            assertEquals(23, b.store.goalDay().backward(), "the 26th: 13 steps before the restart, 10 after");
        }
    }

    @Test
    void aBootWithoutAClockBetweenTwoDaysLendsItsMilestonesToTheLaterDay() throws Exception {
        try (Boot b = new Boot(FakeTime.at("2026-11-24T18:00:00Z"))) {
            b.walk(2);
        }
        try (Boot b = new Boot(noClock("boot-b"))) { // the 24th or the 25th: nobody knows
            b.walk(9);
            assertEquals(List.of("target", "limit"), said);
        }
        FakeTime c = FakeTime.at("2026-11-25T09:00:00Z");
        c.boot = "boot-c";
        try (Boot b = new Boot(c)) {
            b.walk(10);
            assertEquals(List.of("target", "limit"), said, "they may have been said on the 25th already");
            assertEquals(10, b.store.goalDay().backward());
            assertEquals(9, b.store.undated().backward(), "the steps of boot-b stay undated");
        }
    }

    @Test
    void aRestartAfterMidnightStartsTheNewDayAndQueuedRevisionsCount() throws Exception {
        FakeTime t = FakeTime.at("2026-11-24T23:58:00Z");
        try (Boot b = new Boot(t)) {
            b.walk(6);
        }
        t.setWall("2026-11-25T00:05:00Z");
        try (Boot b = new Boot(t)) {
            assertEquals(0, b.goal.backwardSteps(), "a new day");
            for (int i = 0; i < 3; i++) b.store.accept(new StepEvent(i, i + 0.3, Direction.FORWARD), t.advance(500).mono);
            org.backstep.event.StepRevision rev = new org.backstep.event.StepRevision(0, 2, 3, 3, Direction.BACKWARD);
            b.store.accept(rev, t.mono); // as the pipeline reports it: to the journal and to the goal
            b.goal.revised(rev);
            assertEquals(3, b.store.goalDay().backward(), "steps revised to backward count while still queued");
            b.store.pump();
            assertEquals(3, b.store.goalDay().backward(), "and once journalled");
            b.walk(2);
        }
        assertEquals(List.of("target", "target"), said, "one target on each day");
    }
}
