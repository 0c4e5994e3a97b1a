package org.backstep.event;

import java.util.ArrayList;
import java.util.List;

/**
 * A bout's direction became clear after some of its steps were reported: every step with its
 * contact in {@code [from, to]} that was reported before {@code at} is {@code direction}. The
 * {@code steps} of them that were reported the other way are moved to {@code direction}; steps
 * already reported that way stay. Revisions only reach back to the start of the current bout.
 *
 * @param from      contact time of the bout's first provisional step, s
 * @param to        contact time of its last provisional step, s
 * @param at        stream time of the revision, s
 * @param steps     how many reported steps change direction ({@code >= 1})
 * @param direction the direction they change to
 */
public record StepRevision(double from, double to, double at, int steps, Direction direction) implements Event {
    public StepRevision {
        if (steps < 1 || !(from <= to) || !(to <= at) || direction == null) {
            throw new IllegalArgumentException("revision needs steps >= 1 and from <= to <= at, got "
                    + steps + " steps over " + from + ".." + to + " at " + at);
        }
    }

    /** How the backward count changes: {@code +steps} when they become backward, {@code -steps} when forward. */
    public int backwardDelta() {
        return direction == Direction.BACKWARD ? steps : -steps;
    }

    /** Whether this revision covers a step that was reported with {@code step}. */
    public boolean covers(StepEvent step) {
        return step.t() >= from && step.t() <= to && step.at() <= at;
    }

    /**
     * The steps of an event stream with every revision applied: each step carries its final
     * direction and keeps its report time. Events of other kinds are left out.
     */
    public static List<StepEvent> finalSteps(List<? extends Event> events) {
        List<StepEvent> steps = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof StepEvent s) {
                steps.add(s);
            } else if (e instanceof StepRevision r) {
                for (int i = steps.size() - 1; i >= 0 && steps.get(i).t() >= r.from; i--) {
                    StepEvent s = steps.get(i);
                    if (r.covers(s) && s.direction() != r.direction) {
                        steps.set(i, new StepEvent(s.t(), s.at(), r.direction));
                    }
                }
            }
        }
        return steps;
    }
}
