package org.backstep.coach;

import java.time.LocalTime;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Answers "is it quiet now?" for the alert policy. The policy never reads the wall clock itself:
 * it passes the stream time and the predicate decides (a live predicate reads an injected clock,
 * replay and tests use {@link #NEVER} or a predicate on stream time). Falls are never silenced.
 */
@FunctionalInterface
public interface QuietHours {
    /** @param streamTimeS the stream time of the alert being decided */
    boolean isQuiet(double streamTimeS);

    QuietHours NEVER = t -> false;

    /** Quiet whenever the local time given by {@code clock} lies in {@code window} (the configured quiet hours). */
    static QuietHours within(Predicate<LocalTime> window, Supplier<LocalTime> clock) {
        Objects.requireNonNull(window);
        Objects.requireNonNull(clock);
        return t -> window.test(clock.get());
    }

    /**
     * Quiet between {@code from} (inclusive) and {@code to} (exclusive) of the local day given by
     * {@code clock}; wraps midnight when {@code from} is after {@code to} (22:00-07:00).
     */
    static QuietHours daily(LocalTime from, LocalTime to, Supplier<LocalTime> clock) {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        return within(now -> {
            if (from.equals(to)) return false;
            if (from.isBefore(to)) return !now.isBefore(from) && now.isBefore(to);
            return !now.isBefore(from) || now.isBefore(to);
        }, clock);
    }

    /**
     * Parses {@code alerts.quiet_hours} such as {@code 22:00-07:00}; empty or {@code off} means never.
     *
     * @throws IllegalArgumentException with a one-line message
     */
    static QuietHours parse(String text, Supplier<LocalTime> clock) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("off") || s.equalsIgnoreCase("none")) return NEVER;
        int dash = s.indexOf('-');
        if (dash < 0) throw new IllegalArgumentException("'" + text + "' is not a quiet-hours range like 22:00-07:00");
        try {
            return daily(LocalTime.parse(s.substring(0, dash).trim()), LocalTime.parse(s.substring(dash + 1).trim()), clock);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a quiet-hours range like 22:00-07:00");
        }
    }
}
