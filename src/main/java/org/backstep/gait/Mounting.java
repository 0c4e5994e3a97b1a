package org.backstep.gait;

import java.util.Locale;
import org.backstep.core.Axis;

/**
 * How the device sits on the wearer, as learned by {@code calibrate}: the wearer's front in the
 * sensor frame, with the nearest signed axis and how far it is from it.
 *
 * @param forward  unit vector in the sensor frame, horizontal when the wearer stands upright
 * @param quality  |correlation| of horizontal acceleration with vertical velocity along it, 0..1
 * @param steps    walking steps the estimate rests on
 */
public record Mounting(double[] forward, double quality, int steps) {
    public Mounting {
        forward = forward.clone();
    }

    /** The signed sensor axis nearest to the learned front. */
    public Axis nearestAxis() {
        return Axis.nearest(forward);
    }

    /** Angle between the learned front and its nearest axis, degrees. */
    public double degreesFromAxis() {
        double[] a = nearestAxis().unitVector();
        double dot = a[0] * forward[0] + a[1] * forward[1] + a[2] * forward[2];
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot))));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "front (%.3f, %.3f, %.3f), nearest axis %s (%.0f deg off), quality %.2f over %d steps",
                forward[0], forward[1], forward[2], nearestAxis(), degreesFromAxis(), quality, steps);
    }
}
