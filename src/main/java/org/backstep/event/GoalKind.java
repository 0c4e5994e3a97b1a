package org.backstep.event;

/** Daily backward-step milestones. */
public enum GoalKind {
    TARGET, LIMIT;

    public String json() { return this == TARGET ? "target" : "limit"; }
}
