package org.backstep.event;

/** Trunk inclination relative to the upright reference; pitch is positive when leaning forward. */
public record PostureEvent(double t, double pitchDeg, double rollDeg) implements Event {
    @Override
    public double at() { return t; }
}
