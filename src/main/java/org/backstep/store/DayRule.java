package org.backstep.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Which day a dated instant belongs to: the local date (at the UTC offset in force, recorded with the event)
 * of the instant minus {@code day.starts_at}. With 03:00, 02:30 on the 24th belongs to the 23rd.
 */
public final class DayRule {
    private DayRule() { }

    public static LocalDate dayOf(long utcMillis, int offsetSeconds, LocalTime dayStartsAt) {
        LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(utcMillis, 1000L), 0,
                ZoneOffset.ofTotalSeconds(offsetSeconds));
        return local.minusSeconds(dayStartsAt.toSecondOfDay()).toLocalDate();
    }

    public static int offsetAt(ZoneId zone, long utcMillis) {
        return zone.getRules().getOffset(Instant.ofEpochMilli(utcMillis)).getTotalSeconds();
    }
}
