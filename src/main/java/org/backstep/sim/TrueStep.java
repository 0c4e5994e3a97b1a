package org.backstep.sim;

import org.backstep.event.Direction;

/**
 * One ground-truth step: the moment of initial foot contact and the walking direction.
 *
 * @param time      contact time in seconds, on the simulation's time axis
 * @param direction travel direction relative to where the wearer faces
 */
public record TrueStep(double time, Direction direction) {
}
