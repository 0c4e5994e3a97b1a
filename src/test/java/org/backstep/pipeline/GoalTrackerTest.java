package org.backstep.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.backstep.event.Direction;
import org.backstep.event.Event;
import org.backstep.event.GoalEvent;
import org.backstep.event.GoalKind;
import org.backstep.event.StepRevision;
import org.junit.jupiter.api.Test;

class GoalTrackerTest {
    @Test
    void announcesTargetAndLimitOnceEach() {
        List<Event> out = new ArrayList<>();
        GoalTracker g = new GoalTracker(3, 5, 0, out::add);
        for (int i = 0; i < 8; i++) g.backwardStep(i);
        assertEquals(List.of(new GoalEvent(2, GoalKind.TARGET, 3), new GoalEvent(4, GoalKind.LIMIT, 5)), out);
        assertEquals(8, g.backwardSteps());
    }

    @Test
    void aRestartAfterTheTargetDoesNotAnnounceItAgain() {
        List<Event> out = new ArrayList<>();
        GoalTracker g = new GoalTracker(200, 400, 250, out::add);
        for (int i = 0; i < 149; i++) g.backwardStep(i);
        assertEquals(List.of(), out, "399 steps: target already said before the restart, limit not yet");
        g.backwardStep(149);
        assertEquals(List.of(new GoalEvent(149, GoalKind.LIMIT, 400)), out);
    }

    @Test
    void revisedStepsMoveTheCountAndCanReachTheTargetButNeverAnnounceTwice() {
        List<Event> out = new ArrayList<>();
        GoalTracker g = new GoalTracker(5, 100, 0, out::add);
        for (int i = 0; i < 3; i++) g.backwardStep(i);
        g.revised(new StepRevision(10, 11, 12, 4, Direction.BACKWARD));
        assertEquals(7, g.backwardSteps());
        assertEquals(List.of(new GoalEvent(12, GoalKind.TARGET, 7)), out, "reached through the revision");
        g.revised(new StepRevision(13, 14, 15, 3, Direction.FORWARD));
        assertEquals(4, g.backwardSteps(), "steps revised to forward leave the backward count");
        g.backwardStep(16);
        assertEquals(1, out.size(), "the target is not announced a second time");
    }

    @Test
    void aNewDayStartsFromZero() {
        List<Event> out = new ArrayList<>();
        GoalTracker g = new GoalTracker(2, 2, 5, out::add);
        g.resume(0, false, false);
        g.backwardStep(1);
        g.backwardStep(2);
        assertEquals(2, out.size());
    }

    @Test
    void resumesFromWhatTheDayAnnouncedNotFromItsCount() {
        List<Event> out = new ArrayList<>();
        GoalTracker g = new GoalTracker(3, 5, 0, out::add);
        g.resume(4, false, false); // the day's count passed the target but it was never announced (no clock then)
        g.backwardStep(1);
        assertEquals(List.of(new GoalEvent(1, GoalKind.TARGET, 5), new GoalEvent(1, GoalKind.LIMIT, 5)), out);
        out.clear();
        g.resume(0, false, true); // a day whose limit was announced: its target is never announced after it
        for (int i = 0; i < 6; i++) g.backwardStep(i);
        assertEquals(List.of(), out);
    }

    @Test
    void rejectsALimitBelowTheTarget() {
        assertThrows(IllegalArgumentException.class, () -> new GoalTracker(300, 200, 0, e -> { }));
    }
}
