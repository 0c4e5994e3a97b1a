package org.backstep.store;

import java.time.LocalDate;

/**
 * One session (between {@code session_start} and {@code session_stop}, or the last record if the device
 * lost power). {@code startUtcMillis} is null and {@code day} null when it was never dated.
 */
public record SessionSummary(long id, String mode, Long startUtcMillis, Integer offsetSeconds, LocalDate day,
                             long durationSeconds, int forward, int backward, int alerts, boolean ended) {
}
