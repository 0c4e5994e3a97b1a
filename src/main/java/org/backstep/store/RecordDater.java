package org.backstep.store;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Dates records: whether the wall clock counts now (past the build-date floor and trusted by its source),
 * the zone of days ({@code day.zone} or the machine's), and which day a trusted instant belongs to
 * ({@link DayRule}). The store and {@code status} date with the same rules through it.
 */
public final class RecordDater {
    private final TimeSource time;
    private final StoreSettings settings;

    public RecordDater(TimeSource time, StoreSettings settings) {
        this.time = time;
        this.settings = settings;
    }

    /** Whether a wall reading {@code wallMillis} (taken now) may date records. */
    public boolean trusted(long wallMillis) {
        return wallMillis >= TimeSource.TRUST_FLOOR_MILLIS && time.wallTrusted();
    }

    public ZoneId zone() {
        return settings.zone() != null ? settings.zone() : time.zone();
    }

    /** UTC offset in force at {@code utcMillis}, in seconds. */
    public int offsetAt(long utcMillis) {
        return DayRule.offsetAt(zone(), utcMillis);
    }

    /** The day a trusted instant belongs to (with the offset in force then and {@code day.starts_at}). */
    public LocalDate dayOf(long utcMillis) {
        return DayRule.dayOf(utcMillis, offsetAt(utcMillis), settings.dayStartsAt());
    }

    /** Today, or null while the wall clock is not trusted. */
    public LocalDate today() {
        long now = time.wallMillis();
        return trusted(now) ? dayOf(now) : null;
    }
}
