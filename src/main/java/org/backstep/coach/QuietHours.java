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
}
