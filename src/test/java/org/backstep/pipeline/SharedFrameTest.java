package org.backstep.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.backstep.coach.Coach;
import org.backstep.coach.CoachListener;
import org.backstep.coach.CoachSettings;
import org.backstep.core.ImuSink;
import org.backstep.event.AlertEvent;
import org.backstep.event.Event;
import org.backstep.event.StepEvent;
import org.backstep.event.StepRevision;
import org.backstep.gait.GaitEngine;
import org.backstep.gait.GaitListener;
import org.backstep.gait.GaitSettings;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's one body frame, updated once per sample and read by the gait engine and the coach,
 * gives both what each computes with a frame of its own: the same steps, revisions and alerts, to
 * the bit.
 */
class SharedFrameTest {
    @Test
    void theDemoWalkGivesTheSameEventsWithOneSharedFrameAsWithOneEach() {
        Simulation sim = Scenarios.demo(42).run();
        GaitSettings gs = GaitSettings.builder(sim.rateHz()).forwardAxis(sim.forwardAxis()).build();

        List<Event> shared = new ArrayList<>();
        Pipeline p = new Pipeline(gs, CoachSettings.defaults(), null, PipelineListener.of(e -> {
            if (e instanceof StepEvent || e instanceof StepRevision || e instanceof AlertEvent) shared.add(e);
        }));
        sim.play(p);
        p.finish();

        // the same wiring as the pipeline's, each with a frame of its own
        List<Event> own = new ArrayList<>();
        Coach coach = new Coach(CoachSettings.defaults(), gs.forwardAxis(), gs.rateHz(), new CoachListener() {
            @Override
            public void alert(AlertEvent alert) {
                own.add(alert);
            }
        });
        GaitEngine gait = new GaitEngine(gs, new GaitListener() {
            @Override
            public void step(StepEvent step) {
                own.add(step);
                coach.onStep(step);
            }

            @Override
            public void revised(StepRevision revision) {
                own.add(revision);
            }

            @Override
            public void walking(boolean walking, double t) {
                coach.onWalking(walking, t);
            }
        });
        double[] lastT = new double[1];
        sim.play((ImuSink) (t, ax, ay, az, gx, gy, gz) -> {
            lastT[0] = t;
            gait.sample(t, ax, ay, az, gx, gy, gz);
            coach.sample(t, ax, ay, az, gx, gy, gz);
        });
        gait.finish(lastT[0]);

        assertFalse(shared.stream().noneMatch(e -> e instanceof AlertEvent), "the demo walk raises alerts");
        assertEquals(own, shared);
    }
}
