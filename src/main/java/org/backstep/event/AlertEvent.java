package org.backstep.event;

/** A detector fired: {@code t} when the condition began or was detected, {@code at} when it was reported. */
public record AlertEvent(double t, double at, AlertKind kind) implements Event {
}
