package org.backstep.export;

import org.backstep.store.DayRule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cadence of continuous walking per day, from what the journal holds. The journal keeps steps as
 * per-minute counts, each with the time of its minute's first step. When minute M and minute M+1 of one
 * session both have steps, the count of minute M is exactly the number of step intervals between the
 * first step of M and the first step of M+1, so count / (time between those two steps) is the cadence
 * over that stretch, measured from step times. Only stretches of at most {@link #MAX_SPAN_MS} (a minute
 * of walking plus a step or two: a longer one held a pause) and at least {@link #MIN_STEPS} steps count.
 * A pause shorter than that inside a stretch still lowers the figure; a day without such a stretch has
 * no cadence (never "steps divided by the minutes that had a step"). Stretches recorded before the clock
 * was trusted are dated when the journal's {@code redate} record dates them, as the daily totals are.
 */
final class WalkingCadence {
    /** A stretch from the first step of one minute to the first step of the next: 60 s plus up to ~2 slow (1 s) steps. */
    static final long MAX_SPAN_MS = 62_000;
    /** Fewer steps than this in a minute is shuffling about, not walking (10 steps is 6 s at a slow 100 spm). */
    static final int MIN_STEPS = 10;

    private record Minute(String boot, long seq, long session, long minute, long firstMs, int steps, LocalDate day) { }

    private final Map<LocalDate, long[]> perDay = new HashMap<>(); // day -> {steps, millis}
    /** Stretches whose first minute is not dated yet: {first minute, span ms}, dated by a later redate record. */
    private final List<Object[]> parked = new ArrayList<>();
    private Minute last;

    /** Feeds one journal record (the same records {@code Totals.apply} takes). */
    void apply(Map<String, Object> rec) {
        if ("redate".equals(rec.get("type"))) {
            redate(rec);
            return;
        }
        if (!"steps".equals(rec.get("type"))) return;
        Object mono = rec.get("mono");
        if (!(mono instanceof Number m)) return;
        String boot = String.valueOf(rec.get("boot"));
        long session = rec.get("ses") instanceof Number n ? n.longValue() : -1;
        int steps = count(rec.get("f")) + count(rec.get("b"));
        LocalDate day = rec.get("day") instanceof String d ? LocalDate.parse(d) : null;
        long ms = m.longValue();
        long seq = rec.get("seq") instanceof Number n ? n.longValue() : -1;
        Minute cur = new Minute(boot, seq, session, Math.floorDiv(ms, 60_000L), ms, steps, day);
        Minute prev = last;
        last = cur;
        if (prev == null || !prev.boot().equals(boot) || prev.session() != session || cur.minute() != prev.minute() + 1) return;
        long span = cur.firstMs() - prev.firstMs();
        if (span <= 0 || span > MAX_SPAN_MS || prev.steps() < MIN_STEPS) return;
        if (prev.day() == null) parked.add(new Object[]{prev, span});
        else add(prev.day(), prev.steps(), span);
    }

    private void add(LocalDate day, int steps, long span) {
        long[] acc = perDay.computeIfAbsent(day, k -> new long[2]);
        acc[0] += steps;
        acc[1] += span;
    }

    /** The journal dates a boot's records from..to from a trusted anchor (see Totals): the same rule here. */
    private void redate(Map<String, Object> rec) {
        String boot = String.valueOf(rec.get("boot"));
        if (!(rec.get("from") instanceof Number from) || !(rec.get("to") instanceof Number to) || !(rec.get("mono") instanceof Number amono)
                || !(rec.get("utc") instanceof Number autc) || !(rec.get("off") instanceof Number off) || !(rec.get("ds") instanceof String ds))
            return;
        for (Iterator<Object[]> it = parked.iterator(); it.hasNext(); ) {
            Object[] p = it.next();
            Minute m = (Minute) p[0];
            if (!m.boot().equals(boot) || m.seq() < from.longValue() || m.seq() > to.longValue()) continue;
            it.remove();
            long utc = autc.longValue() - (amono.longValue() - m.firstMs());
            add(DayRule.dayOf(utc, off.intValue(), LocalTime.parse(ds)), m.steps(), (Long) p[1]);
        }
    }

    private static int count(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }

    /** Steps per minute of continuous walking on {@code day}, or NaN when the day had no such stretch. */
    double stepsPerMinute(LocalDate day) {
        long[] acc = perDay.get(Objects.requireNonNull(day));
        return acc == null || acc[1] == 0 ? Double.NaN : acc[0] * 60_000.0 / acc[1];
    }

    /** Minutes of continuous walking the figure of {@code day} rests on. */
    double minutesMeasured(LocalDate day) {
        long[] acc = perDay.get(day);
        return acc == null ? 0 : acc[1] / 60_000.0;
    }
}
