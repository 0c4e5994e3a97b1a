package org.backstep.coach;

import java.util.EnumMap;
import java.util.Map;
import org.backstep.event.AlertKind;

/**
 * Counters for the daily summary.
 *
 * @param delivered         alerts the wearer felt, per kind (after cooldown, cap, quiet hours and switches)
 * @param detected          lapses the detectors found, per kind (before the policy)
 * @param walkingMinutes    time the gait engine reported walking
 * @param goodFormMinutes   walking time without an active posture, knee, imbalance or pace lapse
 */
public record FormSummary(Map<AlertKind, Integer> delivered, Map<AlertKind, Integer> detected,
                          double walkingMinutes, double goodFormMinutes) {
    public FormSummary {
        delivered = Map.copyOf(delivered);
        detected = Map.copyOf(detected);
    }

    /** Delivered alerts of one kind. */
    public int count(AlertKind kind) {
        return delivered.getOrDefault(kind, 0);
    }

    static Map<AlertKind, Integer> toMap(int[] counts) {
        Map<AlertKind, Integer> m = new EnumMap<>(AlertKind.class);
        for (AlertKind k : AlertKind.values()) m.put(k, counts[k.ordinal()]);
        return m;
    }
}
