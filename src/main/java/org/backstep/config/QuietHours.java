package org.backstep.config;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily window without alerts, {@code HH:MM-HH:MM}; it may wrap midnight ({@code 22:00-07:00}).
 * The start is inside the window, the end is not. {@link #NONE} is the empty window.
 */
public final class QuietHours {
    /** No quiet hours. */
    public static final QuietHours NONE = new QuietHours(null, null);

    private final LocalTime start;
    private final LocalTime end;

    private QuietHours(LocalTime start, LocalTime end) {
        this.start = start;
        this.end = end;
    }

    public static QuietHours of(LocalTime start, LocalTime end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) throw new IllegalArgumentException("quiet hours start and end must differ");
        return new QuietHours(start, end);
    }

    /** Parses {@code HH:MM-HH:MM} or an empty string; null when malformed. */
    static QuietHours parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) return NONE;
        int dash = s.indexOf('-');
        if (dash < 0) return null;
        LocalTime a = Times.parseHhMm(s.substring(0, dash).trim());
        LocalTime b = Times.parseHhMm(s.substring(dash + 1).trim());
        if (a == null || b == null || a.equals(b)) return null;
        return new QuietHours(a, b);
    }

    public boolean isNone() {
        return start == null;
    }

    /** Whether {@code t} falls in the window (never for {@link #NONE}). */
    public boolean contains(LocalTime t) {
        if (start == null) return false;
        if (start.isBefore(end)) return !t.isBefore(start) && t.isBefore(end);
        return !t.isBefore(start) || t.isBefore(end);
    }

    public LocalTime start() { return start; }

    public LocalTime end() { return end; }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuietHours q && Objects.equals(start, q.start) && Objects.equals(end, q.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end);
    }

    /** {@code HH:MM-HH:MM}, or empty for none. */
    @Override
    public String toString() {
        return start == null ? "" : Times.format(start) + "-" + Times.format(end);
    }
}
