package org.backstep.app;

import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.Event;
import org.backstep.event.GoalEvent;
import org.backstep.hw.buzzer.Patterns;
import org.backstep.pipeline.PipelineListener;

/**
 * Turns what the pipeline reports into buzzer patterns: one per alert kind (the coach's policy
 * already decided that the alert should be felt), the daily target and limit, the short "ready"
 * beep when the upright reference is taken, and the end of the fall alarm. Steps stay silent.
 */
final class Annunciator implements PipelineListener {
    private final PatternSink sink;
    private boolean alarm;

    Annunciator(PatternSink sink) {
        this.sink = sink;
    }

    @Override
    public void accept(Event e) {
        if (e instanceof AlertEvent a) {
            if (sink.play(Patterns.forAlert(a.kind()), Patterns.priorityOf(a.kind())) && a.kind() == AlertKind.FALL) {
                alarm = true;
            }
        } else if (e instanceof GoalEvent g) {
            sink.play(Patterns.forGoal(g.kind()), Patterns.PRIORITY_GOAL);
        }
    }

    @Override
    public void uprightReferenceTaken(double t) {
        sink.play(Patterns.READY, Patterns.PRIORITY_READY);
    }

    @Override
    public void alarmCleared(double t) {
        if (alarm) {
            sink.stop();
            alarm = false;
        }
    }
}
