package org.backstep.app;

import java.util.List;
import org.backstep.event.Event;
import org.backstep.pipeline.PipelineListener;

/** Sends everything to several listeners in order; one failing listener does not starve the others. */
final class Listeners implements PipelineListener {
    private final PipelineListener[] all;

    Listeners(List<PipelineListener> all) {
        this.all = all.toArray(new PipelineListener[0]);
    }

    @Override
    public void accept(Event e) {
        for (PipelineListener l : all) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                org.tinylog.Logger.error(ex, "event listener failed on {}", e);
            }
        }
    }

    @Override
    public void uprightReferenceTaken(double t) {
        for (PipelineListener l : all) l.uprightReferenceTaken(t);
    }

    @Override
    public void alarmCleared(double t) {
        for (PipelineListener l : all) l.alarmCleared(t);
    }

    @Override
    public void walking(boolean walking, double t) {
        for (PipelineListener l : all) l.walking(walking, t);
    }
}
