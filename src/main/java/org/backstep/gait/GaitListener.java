package org.backstep.gait;

import org.backstep.event.StepEvent;

/** What the gait engine reports, on the sampling thread. */
public interface GaitListener {
    /** A confirmed step; its direction is final. Steps arrive in contact-time order. */
    void step(StepEvent step);

    /** A walking bout was confirmed ({@code walking = true}, t = its first contact) or ended (t = its last contact). */
    default void walking(boolean walking, double t) {
    }
}
