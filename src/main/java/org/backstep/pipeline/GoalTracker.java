package org.backstep.pipeline;

import org.backstep.event.Direction;
import org.backstep.event.EventSink;
import org.backstep.event.GoalEvent;
import org.backstep.event.GoalKind;
import org.backstep.event.StepRevision;

/**
 * Counts the day's backward steps against the target and the limit and reports each milestone
 * once. It starts from the count already made today (restored from the journal after a restart),
 * so a restart never announces a milestone twice.
 */
public final class GoalTracker {
    private final int target;
    private final int limit;
    private final EventSink sink;
    private int backward;
    private boolean targetSaid;
    private boolean limitSaid;

    public GoalTracker(int target, int limit, int backwardSoFar, EventSink sink) {
        if (target < 1 || limit < target) {
            throw new IllegalArgumentException("goal needs 1 <= target <= limit, got target " + target + " limit " + limit);
        }
        this.target = target;
        this.limit = limit;
        this.sink = sink;
        this.backward = backwardSoFar;
        this.targetSaid = backwardSoFar >= target;
        this.limitSaid = backwardSoFar >= limit;
    }

    /** One more backward step reported at stream time {@code at}. */
    public void backwardStep(double at) {
        backward++;
        announce(at);
    }

    /**
     * Steps of a bout changed direction once it was clear: the count moves with them. A milestone
     * already announced is not taken back, and none is announced twice.
     */
    public void revised(StepRevision revision) {
        if (revision.direction() == Direction.BACKWARD) {
            backward += revision.steps();
            announce(revision.at());
        } else {
            backward = Math.max(0, backward - revision.steps());
        }
    }

    private void announce(double at) {
        if (!targetSaid && backward >= target) {
            targetSaid = true;
            sink.accept(new GoalEvent(at, GoalKind.TARGET, backward));
        }
        if (!limitSaid && backward >= limit) {
            limitSaid = true;
            sink.accept(new GoalEvent(at, GoalKind.LIMIT, backward));
        }
    }

    /**
     * The goal's day changed (a new day, a clock jump, a clock that became trusted): continue from that day's
     * count and the milestones already announced on it. A target never follows its day's limit.
     */
    public void resume(int backwardSoFar, boolean targetAnnounced, boolean limitAnnounced) {
        backward = backwardSoFar;
        targetSaid = targetAnnounced || limitAnnounced;
        limitSaid = limitAnnounced;
    }

    public int backwardSteps() {
        return backward;
    }

    public int target() {
        return target;
    }

    public int limit() {
        return limit;
    }
}
