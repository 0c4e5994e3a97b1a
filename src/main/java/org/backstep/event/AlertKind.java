package org.backstep.event;

/** Kinds of form and safety alerts, in priority order (the first is the most urgent). */
public enum AlertKind {
    FALL, STUMBLE, IMBALANCE, POSTURE, KNEE, CADENCE;

    /** The lower-case name used in event files and configuration keys. */
    public String json() { return name().toLowerCase(java.util.Locale.ROOT); }
}
