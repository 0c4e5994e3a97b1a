package org.backstep.pipeline;

import org.backstep.coach.CoachSettings;
import org.backstep.core.Axis;

/** What a session needs beyond the samples: mounting, the daily goal, and the coach's settings. */
public final class SessionSettings {
    private final Axis forwardAxis;
    private final int targetBackwardSteps;
    private final int limitBackwardSteps;
    private final CoachSettings coach;

    private SessionSettings(Builder b) {
        this.forwardAxis = b.forwardAxis;
        this.targetBackwardSteps = b.target;
        this.limitBackwardSteps = b.limit;
        this.coach = b.coach;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SessionSettings defaults() {
        return builder().build();
    }

    /** Forward axis of the device as configured (a recording's own mounting takes precedence in replay). */
    public Axis forwardAxis() { return forwardAxis; }

    public int targetBackwardSteps() { return targetBackwardSteps; }

    public int limitBackwardSteps() { return limitBackwardSteps; }

    /** The coach's settings, or {@code null} to run without the coach. */
    public CoachSettings coach() { return coach; }

    public static final class Builder {
        private Axis forwardAxis = Axis.MINUS_Z;
        private int target = 200;
        private int limit = 400;
        private CoachSettings coach = CoachSettings.defaults();

        public Builder forwardAxis(Axis a) { this.forwardAxis = a; return this; }

        public Builder goal(int target, int limit) { this.target = target; this.limit = limit; return this; }

        public Builder coach(CoachSettings c) { this.coach = c; return this; }

        public SessionSettings build() {
            return new SessionSettings(this);
        }
    }
}
