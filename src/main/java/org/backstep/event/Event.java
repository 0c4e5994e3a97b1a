package org.backstep.event;

/**
 * Something the pipeline reports. Times are stream seconds: {@code t} when it happened (for a
 * step, the estimated foot contact), {@code at} when it was reported ({@code at >= t}).
 */
public sealed interface Event permits StepEvent, StepRevision, AlertEvent, GoalEvent, PostureEvent {
    /** Stream time at which the event was reported. */
    double at();
}
