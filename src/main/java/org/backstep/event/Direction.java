package org.backstep.event;

/** Walking direction of one step, relative to the wearer's front. */
public enum Direction {
    FORWARD, BACKWARD;

    /** The lower-case name used in event files and truth files. */
    public String json() { return this == FORWARD ? "forward" : "backward"; }

    public static Direction parse(String s) {
        return switch (s.trim()) {
            case "forward" -> FORWARD;
            case "backward" -> BACKWARD;
            default -> throw new IllegalArgumentException("'" + s + "' is not a direction; allowed: forward, backward");
        };
    }
}
