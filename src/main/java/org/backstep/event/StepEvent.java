package org.backstep.event;

/** One step: {@code t} the estimated foot contact, {@code at} when it was reported; its direction is final. */
public record StepEvent(double t, double at, Direction direction) implements Event {
}
