package org.backstep.sim;

import org.backstep.event.Direction;

/**
 * A labelled stretch of ground truth.
 *
 * @param kind      what happens
 * @param start     start time in seconds
 * @param end       end time in seconds ({@code >= start})
 * @param mark      the characteristic instant: the trip for {@link Kind#STUMBLE}, the impact for
 *                  {@link Kind#FALL}, otherwise {@code start}
 * @param direction walking direction for {@link Kind#WALK}, else {@code null}
 */
public record Interval(Kind kind, double start, double end, double mark, Direction direction) {

    /** The kinds of labelled intervals. */
    public enum Kind {
        /** Standing upright with postural sway. */
        STAND,
        /** A walking stretch (one per walk in the script; consecutive walks flow without stopping). */
        WALK,
        /** Turning in place. */
        TURN,
        /** Pelvis pitched forward by the walk's lean (nominal span, ramps are about 1.2 s). */
        LEAN,
        /** Walking with bent knees. */
        KNEE_BENT,
        /** A tripped step; {@code mark} is the trip. */
        STUMBLE,
        /** A fall from loss of balance to impact; {@code mark} (= {@code end}) is the impact. */
        FALL,
        /** Lying still (after a fall). */
        LYING,
        /** Getting up from lying. */
        GET_UP,
        SIT_DOWN,
        SIT,
        STAND_UP,
        /** Bending over from the hips with straight knees. */
        BEND,
        /** Standing knee bend (squat-like), trunk fairly upright. */
        SQUAT,
        /** Small random movements. */
        FIDGET,
        /** Vehicle vibration. */
        VEHICLE,
        CAR_IN,
        CAR_OUT
    }

    public Interval {
        if (kind == null) throw new IllegalArgumentException("kind is null");
        if (!(end >= start)) throw new IllegalArgumentException("interval end " + end + " before start " + start);
    }

    static Interval of(Kind kind, double start, double end) {
        return new Interval(kind, start, end, start, null);
    }

    /** Whether {@code t} lies in {@code [start, end]}. */
    public boolean contains(double t) {
        return t >= start && t <= end;
    }

    public double duration() {
        return end - start;
    }
}
