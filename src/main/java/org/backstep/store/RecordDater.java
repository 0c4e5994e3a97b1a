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

    /** What {@link #todayEpochDay()} returns while the wall clock is not trusted. */
    public static final long UNTRUSTED = Long.MIN_VALUE;

    /** The UTC offset {@code zone} keeps over [{@code from}, {@code until}) epoch ms, between two of its transitions. */
    private record OffsetSpan(ZoneId zone, long from, long until, int offsetSeconds) {
        static OffsetSpan at(ZoneId zone, long utcMillis) {
            java.time.zone.ZoneRules rules = zone.getRules();
            java.time.Instant i = java.time.Instant.ofEpochMilli(utcMillis);
            java.time.zone.ZoneOffsetTransition prev = rules.previousTransition(i), next = rules.nextTransition(i);
            return new OffsetSpan(zone, prev == null ? Long.MIN_VALUE : prev.toEpochSecond() * 1000L,
                    next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L, rules.getOffset(i).getTotalSeconds());
        }

        boolean covers(ZoneId z, long utcMillis) {
            return z.equals(zone) && utcMillis >= from && utcMillis < until;
        }
    }

    /** The offset span of the last {@link #todayEpochDay()}: recomputed only at a transition or a clock jump past one. */
    private volatile OffsetSpan span;

    /**
     * {@link #today()} as an epoch day, or {@link #UNTRUSTED}, without allocating: the sampling thread asks it
     * once a second. The same rule as {@link DayRule#dayOf} in integer arithmetic, with the zone's offset kept
     * until its next transition.
     */
    public long todayEpochDay() {
        long now = time.wallMillis();
        if (!trusted(now)) return UNTRUSTED;
        ZoneId z = zone();
        OffsetSpan s = span;
        if (s == null || !s.covers(z, now)) span = s = OffsetSpan.at(z, now);
        long local = Math.floorDiv(now, 1000L) + s.offsetSeconds() - settings.dayStartsAt().toSecondOfDay();
        return Math.floorDiv(local, 86_400L);
    }

    /** Today, or null while the wall clock is not trusted. */
    public LocalDate today() {
        long now = time.wallMillis();
        return trusted(now) ? dayOf(now) : null;
    }
}
