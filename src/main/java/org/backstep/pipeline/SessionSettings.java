package org.backstep.pipeline;

import org.backstep.core.Axis;

/** What a session needs beyond the recording itself: mounting fallback and the daily goal. */
public final class SessionSettings {
    private final Axis forwardAxis;
    private final int targetBackwardSteps;
    private final int limitBackwardSteps;
    private final boolean postureTrace;

    private SessionSettings(Builder b) {
        this.forwardAxis = b.forwardAxis;
        this.targetBackwardSteps = b.target;
        this.limitBackwardSteps = b.limit;
        this.postureTrace = b.postureTrace;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SessionSettings defaults() {
        return builder().build();
    }

    /** Forward axis used when a recording's own mounting is unknown. */
    public Axis forwardAxis() { return forwardAxis; }

    public int targetBackwardSteps() { return targetBackwardSteps; }

    public int limitBackwardSteps() { return limitBackwardSteps; }

    public boolean postureTrace() { return postureTrace; }

    public static final class Builder {
        private Axis forwardAxis = Axis.MINUS_Z;
        private int target = 200;
        private int limit = 400;
        private boolean postureTrace;

        public Builder forwardAxis(Axis a) { this.forwardAxis = a; return this; }

        public Builder goal(int target, int limit) { this.target = target; this.limit = limit; return this; }

        public Builder postureTrace(boolean on) { this.postureTrace = on; return this; }

        public SessionSettings build() {
            return new SessionSettings(this);
        }
    }
}
