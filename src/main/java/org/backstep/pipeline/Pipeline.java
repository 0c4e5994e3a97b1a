package org.backstep.pipeline;

import org.backstep.coach.Coach;
import org.backstep.coach.CoachListener;
import org.backstep.coach.CoachSettings;
import org.backstep.core.ImuSink;
import org.backstep.event.AlertEvent;
import org.backstep.event.Direction;
import org.backstep.event.PostureEvent;
import org.backstep.event.StepEvent;
import org.backstep.event.StepRevision;
import org.backstep.frame.BodyFrame;
import org.backstep.gait.GaitEngine;
import org.backstep.gait.GaitListener;
import org.backstep.gait.GaitSettings;

/**
 * One session's signal path, the same live, in the demo and in replay. Samples go to the gait
 * engine and the form coach; the engine's steps and bouts go to the coach and the goal tracker;
 * everything reported goes to one {@link PipelineListener}. Runs on the sampling thread. One
 * {@link BodyFrame} per session is updated once per sample and read by both.
 */
public final class Pipeline implements ImuSink {
    private final BodyFrame frame;
    private final GaitEngine gait;
    private final Coach coach;
    private double lastT;

    /**
     * @param coachSettings {@code null} runs the gait engine alone
     * @param goal          {@code null} counts no daily goal
     */
    public Pipeline(GaitSettings gaitSettings, CoachSettings coachSettings, GoalTracker goal, PipelineListener listener) {
        this.frame = new BodyFrame(gaitSettings.forward(), gaitSettings.rateHz());
        this.coach = coachSettings == null ? null
                : new Coach(coachSettings, gaitSettings.forwardAxis(), frame, gaitSettings.rateHz(), new CoachListener() {
                    @Override
                    public void alert(AlertEvent alert) {
                        listener.accept(alert);
                    }

                    @Override
                    public void alarmCleared(double t) {
                        listener.alarmCleared(t);
                    }

                    @Override
                    public void uprightReferenceTaken(double t) {
                        listener.uprightReferenceTaken(t);
                    }

                    @Override
                    public void posture(PostureEvent posture) {
                        listener.accept(posture);
                    }
                });
        this.gait = new GaitEngine(gaitSettings, frame, new GaitListener() {
            @Override
            public void step(StepEvent step) {
                listener.accept(step);
                if (coach != null) coach.onStep(step);
                if (goal != null && step.direction() == Direction.BACKWARD) goal.backwardStep(step.at());
            }

            @Override
            public void revised(StepRevision revision) {
                listener.accept(revision);
                if (goal != null) goal.revised(revision);
            }

            @Override
            public void walking(boolean walking, double t) {
                if (coach != null) coach.onWalking(walking, t);
                listener.walking(walking, t);
            }
        });
    }

    @Override
    public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
        lastT = t;
        frame.update(t, ax, ay, az, gx, gy, gz);
        gait.sample(t, ax, ay, az, gx, gy, gz);
        if (coach != null) coach.sample(t, ax, ay, az, gx, gy, gz);
    }

    /** Ends the session at the last sample time: a bout in progress is closed. */
    public void finish() {
        gait.finish(lastT);
    }

    public long steps(Direction d) {
        return gait.steps(d);
    }
}
