package org.backstep.coach;

import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;

/**
 * Decides which detector alerts the wearer feels. Alerts offered during one sample are held and
 * delivered at the end of it in priority order ({@link AlertKind} order: fall first). Rules, in
 * order: the kind's switch; while the fall alarm plays nothing else is delivered; falls are never
 * capped or silenced; quiet hours (asked of the injected predicate); a cooldown per kind; a cap on
 * non-fall alerts in any ten minutes; and a lower-priority alert within {@link #BUSY_S} of a
 * higher-priority one is dropped (the buzzer is still telling the more urgent thing).
 */
final class AlertPolicy {
    static final double BUSY_S = 5;
    private static final int KINDS = AlertKind.values().length;

    private final CoachSettings settings;
    private final CoachListener out;
    private final double[] pendingT = new double[KINDS];
    private final double[] pendingAt = new double[KINDS];
    private final boolean[] pending = new boolean[KINDS];
    private final double[] lastDelivered = new double[KINDS];
    private final int[] delivered = new int[KINDS];
    private final int[] detected = new int[KINDS];
    private final double[] recent;
    private int recentHead;
    private boolean anyPending;
    private boolean alarmActive;

    AlertPolicy(CoachSettings settings, CoachListener out) {
        this.settings = settings;
        this.out = out;
        java.util.Arrays.fill(lastDelivered, Double.NEGATIVE_INFINITY);
        recent = new double[Math.max(1, settings.maxPer10Min())];
        java.util.Arrays.fill(recent, Double.NEGATIVE_INFINITY);
    }

    /** A detector found a lapse that began at {@code t}; it is decided at the end of the sample. */
    void offer(AlertKind kind, double t, double at) {
        detected[kind.ordinal()]++;
        offerAgain(kind, t, at);
    }

    /**
     * The same lapse, offered again because it was not delivered when first found (a detector whose
     * lapse goes on asks each time it judges, until {@link #deliveredSince} says it was heard);
     * not counted as another detection.
     */
    void offerAgain(AlertKind kind, double t, double at) {
        int i = kind.ordinal();
        if (!pending[i]) {
            pending[i] = true;
            pendingT[i] = t;
            pendingAt[i] = at;
            anyPending = true;
        }
    }

    /** Whether an alert of {@code kind} was delivered at or after stream time {@code at}. */
    boolean deliveredSince(AlertKind kind, double at) {
        return lastDelivered[kind.ordinal()] >= at;
    }

    void setAlarmActive(boolean active) {
        alarmActive = active;
    }

    /** Delivers what passed, most urgent first (small enough to inline: most samples offer nothing). */
    void flush() {
        if (anyPending) deliver();
    }

    private void deliver() {
        anyPending = false;
        for (AlertKind kind : AlertKind.values()) {
            int i = kind.ordinal();
            if (!pending[i]) continue;
            pending[i] = false;
            if (decide(kind, pendingAt[i])) {
                lastDelivered[i] = pendingAt[i];
                delivered[i]++;
                if (kind != AlertKind.FALL) {
                    recent[recentHead] = pendingAt[i];
                    recentHead = (recentHead + 1) % recent.length;
                }
                out.alert(new AlertEvent(pendingT[i], pendingAt[i], kind));
            }
        }
    }

    private boolean decide(AlertKind kind, double at) {
        if (!settings.enabled(kind)) return false;
        if (kind == AlertKind.FALL) return true;
        if (alarmActive) return false;
        if (settings.quiet().isQuiet(at)) return false;
        if (at - lastDelivered[kind.ordinal()] < settings.cooldownS()) return false;
        if (settings.maxPer10Min() == 0) return false;
        // the oldest of the last maxPer10Min deliveries must be ten minutes old
        if (at - recent[recentHead] < 600) return false;
        for (int j = 0; j < kind.ordinal(); j++) {
            if (at - lastDelivered[j] < BUSY_S) return false;
        }
        return true;
    }

    int[] delivered() { return delivered.clone(); }

    int[] detected() { return detected.clone(); }
}
