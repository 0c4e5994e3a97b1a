package org.backstep.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.backstep.coach.CoachSettings;
import org.backstep.core.Axis;
import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.event.Event;
import org.backstep.event.GoalEvent;
import org.backstep.event.GoalKind;
import org.backstep.gait.GaitSettings;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Simulation;
import org.junit.jupiter.api.Test;

/** The whole session path (gait, coach, goal) on simulated walks. */
class PipelineSimTest {
    private static List<Event> run(Simulation sim, int target, int limit) {
        List<Event> out = new ArrayList<>();
        Pipeline p = new Pipeline(GaitSettings.builder(sim.rateHz()).forwardAxis(sim.forwardAxis()).build(),
                CoachSettings.defaults(), new GoalTracker(target, limit, 0, out::add), PipelineListener.of(out::add));
        sim.play(p);
        p.finish();
        return out;
    }

    private static Map<AlertKind, Integer> alerts(List<Event> events) {
        Map<AlertKind, Integer> m = new EnumMap<>(AlertKind.class);
        for (Event e : events) if (e instanceof AlertEvent a) m.merge(a.kind(), 1, Integer::sum);
        return m;
    }

    @Test
    void theDemoWalkRaisesEachScriptedLapseOnceAndTheTargetOnce() {
        Simulation sim = Scenarios.demo(42).run();
        List<Event> events = run(sim, 200, 400);
        assertEquals(Map.of(AlertKind.STUMBLE, 1, AlertKind.POSTURE, 1, AlertKind.KNEE, 1), alerts(events));
        List<GoalEvent> goals = events.stream().filter(e -> e instanceof GoalEvent).map(e -> (GoalEvent) e).toList();
        assertEquals(1, goals.size());
        assertEquals(GoalKind.TARGET, goals.get(0).kind());
        assertEquals(200, goals.get(0).backwardSteps());
    }

    @Test
    void aCleanBackwardWalkRaisesNothing() {
        Simulation sim = Scenarios.base(3).stand(6).walk(Direction.BACKWARD, 120, 85).stand(3).build().run();
        List<Event> events = run(sim, 1000, 2000);
        assertEquals(Map.of(), alerts(events));
        long backward = events.stream().filter(e -> e instanceof org.backstep.event.StepEvent s
                && s.direction() == Direction.BACKWARD).count();
        assertTrue(Math.abs(backward - 120) <= 2, "backward steps " + backward);
    }

    @Test
    void theLimitIsAnnouncedOnceAfterTheTarget() {
        Simulation sim = Scenarios.base(4).rateHz(100).mounting(Axis.MINUS_Z, 10).stand(6)
                .walk(Direction.BACKWARD, 60, 85).stand(3).build().run();
        List<GoalEvent> goals = run(sim, 20, 40).stream().filter(e -> e instanceof GoalEvent).map(e -> (GoalEvent) e).toList();
        assertEquals(List.of(GoalKind.TARGET, GoalKind.LIMIT), goals.stream().map(GoalEvent::kind).toList());
        assertTrue(goals.get(0).at() < goals.get(1).at());
    }
}
