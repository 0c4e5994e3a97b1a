package org.backstep.gait;

import org.backstep.event.StepEvent;
import org.backstep.event.StepRevision;

/** What the gait engine reports, on the sampling thread. */
public interface GaitListener {
    /**
     * A confirmed step. Steps arrive in contact-time order. Its direction is final once the bout's
     * direction is clear; steps reported before that may be revised by {@link #revised}.
     */
    void step(StepEvent step);

    /** Steps of the current bout reported before its direction was clear change direction. */
    default void revised(StepRevision revision) {
    }

    /** A walking bout was confirmed ({@code walking = true}, t = its first contact) or ended (t = its last contact). */
    default void walking(boolean walking, double t) {
    }
}
