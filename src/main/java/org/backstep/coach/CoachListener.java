package org.backstep.coach;

import org.backstep.event.AlertEvent;
import org.backstep.event.PostureEvent;

/** What the coach tells the outside world, on the sampling thread: implementations must be quick. */
public interface CoachListener {
    /** An alert that passed the policy: buzz its pattern and write it to the event log. */
    void alert(AlertEvent alert);

    /** The fall alarm may stop: the wearer is up and moving again, or {@code fall.alarm_s} ran out. */
    default void alarmCleared(double t) {
    }

    /** The upright reference was taken (at start-up or after {@code calibrate()}): a short "ready" beep. */
    default void uprightReferenceTaken(double t) {
    }

    /** Trunk inclination at 10 Hz, only when {@link CoachSettings#postureTrace()} is on. */
    default void posture(PostureEvent posture) {
    }

    CoachListener NONE = a -> { };
}
