package org.backstep.event;

/** The day's backward steps reached the target or the limit. */
public record GoalEvent(double at, GoalKind kind, int backwardSteps) implements Event {
}
