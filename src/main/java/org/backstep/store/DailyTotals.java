package org.backstep.store;

import org.backstep.event.AlertKind;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Totals of one day ({@code date} null = the "undated" bucket: steps recorded while the wall clock was never
 * trustworthy in their boot). {@code goodFormMinutes}: walking minutes without a posture, knee or imbalance alert.
 */
public record DailyTotals(LocalDate date, int forward, int backward, int walkingMinutes, int goodFormMinutes,
                          Map<AlertKind, Integer> alerts, boolean targetAnnounced, boolean limitAnnounced,
                          boolean targetMet) {

    public DailyTotals {
        EnumMap<AlertKind, Integer> copy = new EnumMap<>(AlertKind.class);
        for (AlertKind k : AlertKind.values()) copy.put(k, alerts == null ? 0 : alerts.getOrDefault(k, 0));
        alerts = Collections.unmodifiableMap(copy);
    }

    public static DailyTotals empty(LocalDate date) {
        return new DailyTotals(date, 0, 0, 0, 0, Map.of(), false, false, false);
    }

    public boolean undated() { return date == null; }

    public int alerts(AlertKind k) { return alerts.get(k); }

    public int alertTotal() { return alerts.values().stream().mapToInt(Integer::intValue).sum(); }

    /** Steps (both directions) per walking minute, 0 without walking. */
    public double cadence() { return walkingMinutes == 0 ? 0 : (forward + backward) / (double) walkingMinutes; }

    /** The date as text, or "undated". */
    public String label() { return date == null ? "undated" : date.toString(); }
}
