package org.backstep.pipeline;

import org.backstep.event.EventSink;

/**
 * Everything a session reports, on the sampling thread: events (steps, alerts, goals, posture
 * samples) through {@link #accept}, and the cues that are not events. Implementations must be quick.
 */
public interface PipelineListener extends EventSink {
    /** The upright reference was taken: a short confirmation beep. */
    default void uprightReferenceTaken(double t) {
    }

    /** The fall alarm may stop: the wearer is up and moving, or the alarm time ran out. */
    default void alarmCleared(double t) {
    }

    /** A walking bout was confirmed or ended. */
    default void walking(boolean walking, double t) {
    }

    /** Wraps a plain event sink. */
    static PipelineListener of(EventSink sink) {
        return sink::accept;
    }
}
