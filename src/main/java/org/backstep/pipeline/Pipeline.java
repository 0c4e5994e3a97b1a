package org.backstep.pipeline;

import org.backstep.core.ImuSink;
import org.backstep.event.Direction;
import org.backstep.event.EventSink;
import org.backstep.event.StepEvent;
import org.backstep.gait.GaitEngine;
import org.backstep.gait.GaitListener;
import org.backstep.gait.GaitSettings;

/**
 * One session's signal path, the same live, in the demo and in replay: samples go to the gait
 * engine; its steps go to the goal tracker and the event sink.
 */
public final class Pipeline implements ImuSink {
    private final GaitEngine gait;
    private final GoalTracker goal;
    private final EventSink sink;
    private double lastT;

    public Pipeline(GaitSettings gaitSettings, GoalTracker goal, EventSink sink) {
        this.goal = goal;
        this.sink = sink;
        this.gait = new GaitEngine(gaitSettings, new GaitListener() {
            @Override
            public void step(StepEvent step) {
                sink.accept(step);
                if (step.direction() == Direction.BACKWARD && goal != null) goal.backwardStep(step.at());
            }
        });
    }

    @Override
    public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
        lastT = t;
        gait.sample(t, ax, ay, az, gx, gy, gz);
    }

    /** Ends the session at the last sample time. */
    public void finish() {
        gait.finish(lastT);
    }

    public GaitEngine gait() {
        return gait;
    }
}
