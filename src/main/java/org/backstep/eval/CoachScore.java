package org.backstep.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.PostureEvent;

/**
 * Figures of the form coach over an evaluation dataset. Call {@link #add} once per recording with
 * the alerts the coach delivered (after the policy) and its posture trace, then read
 * {@link #table()} or {@link #json()}.
 *
 * <p>Posture accuracy: for recordings with an orientation reference, the reference's pitch
 * relative to its own upright at the moment the coach took its upright reference (see
 * {@link ReferenceInclination}) is compared with the coach's 10 Hz pitch trace, which is relative to
 * that same upright, interpolated at the reference times: the RMS of the difference, with no mean
 * removed, so a wrong upright shows as an offset.
 */
public final class CoachScore {
    /** Figures where lower is better: a guard on them is a ceiling (see {@link Evaluator#missedGuards}). */
    public static final Set<String> LOWER_IS_BETTER = Set.of("fall_false_alarm_rate", "fall_on_stumble_rate",
            "imbalance_per_10min_healthy", "stumble_per_10min_healthy", "alerts_per_10min_healthy",
            "d15_posture_rate", "d16_knee_rate", "posture_pitch_rms_deg");

    private int falls, fallsDetected;
    private int nonFalls, nonFallAlarms;
    private int stumbles, stumblesDetected, stumbleFalls;
    private double healthyS;
    private int healthyImbalance, healthyStumble, healthyAll;
    private int d15, d15Knee, d15Posture;
    private int d16, d16Knee, d16Posture;
    private double rmsSum;
    private int rmsCount;
    private final List<String> missedFalls = new ArrayList<>();
    private final List<String> falseAlarms = new ArrayList<>();

    /**
     * @param referencePitch rows {t, pitch deg} of the orientation reference relative to the upright
     *                       the coach took (empty when there is no reference); the trace is scored
     *                       from the first row on
     */
    public void add(Dataset.Entry e, List<AlertEvent> alerts, List<PostureEvent> trace, List<double[]> referencePitch) {
        boolean fall = has(alerts, AlertKind.FALL);
        String rec = e.recording();
        if ("fall".equals(e.activity())) {
            falls++;
            if (fall) fallsDetected++; else missedFalls.add(rec);
        } else {
            nonFalls++;
            if (fall) {
                nonFallAlarms++;
                falseAlarms.add(rec);
            }
        }
        if ("stumble".equals(e.activity()) || rec.contains("-D18-")) {
            stumbles++;
            if (has(alerts, AlertKind.STUMBLE) || has(alerts, AlertKind.IMBALANCE)) stumblesDetected++;
            if (fall) stumbleFalls++;
        }
        if ((rec.startsWith("ipol") || rec.startsWith("mobgap"))
                && ("walk".equals(e.activity()) || "walk_daily".equals(e.activity()))) {
            healthyS += e.durationS();
            healthyImbalance += count(alerts, AlertKind.IMBALANCE);
            healthyStumble += count(alerts, AlertKind.STUMBLE);
            healthyAll += alerts.size();
        }
        if (rec.contains("-D15-")) {
            d15++;
            if (has(alerts, AlertKind.KNEE)) d15Knee++;
            if (has(alerts, AlertKind.POSTURE)) d15Posture++;
        }
        if (rec.contains("-D16-")) {
            d16++;
            if (has(alerts, AlertKind.KNEE)) d16Knee++;
            if (has(alerts, AlertKind.POSTURE)) d16Posture++;
        }
        if (!referencePitch.isEmpty() && !trace.isEmpty()) {
            double rms = pitchRms(referencePitch, trace);
            if (!Double.isNaN(rms)) {
                rmsSum += rms;
                rmsCount++;
            }
        }
    }

    /**
     * RMS in degrees of our pitch minus the reference's, both relative to the same upright, at the
     * reference times inside the trace; NaN when there is no overlap. Rows are {t, pitch deg}.
     */
    public static double pitchRms(List<double[]> reference, List<PostureEvent> trace) {
        if (reference.isEmpty() || trace.size() < 2) return Double.NaN;
        double t0 = trace.get(0).t(), t1 = trace.get(trace.size() - 1).t();
        double s = 0;
        int n = 0;
        int j = 0;
        for (double[] row : reference) {
            double t = row[0];
            if (t < t0 || t > t1) continue;
            while (j + 1 < trace.size() && trace.get(j + 1).t() < t) j++;
            PostureEvent a = trace.get(j), b = trace.get(Math.min(j + 1, trace.size() - 1));
            double f = b.t() > a.t() ? (t - a.t()) / (b.t() - a.t()) : 0;
            double ours = a.pitchDeg() + Math.max(0, Math.min(1, f)) * (b.pitchDeg() - a.pitchDeg());
            double d = ours - row[1];
            s += d * d;
            n++;
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / n);
    }

    private static boolean has(List<AlertEvent> alerts, AlertKind k) {
        return count(alerts, k) > 0;
    }

    private static int count(List<AlertEvent> alerts, AlertKind k) {
        int n = 0;
        for (AlertEvent a : alerts) if (a.kind() == k) n++;
        return n;
    }

    private static double rate(int k, int n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }

    /** The figures by name (rates 0..1, NaN when the dataset had no such recordings). */
    public Map<String, Double> figures() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("fall_sensitivity", rate(fallsDetected, falls));
        m.put("fall_false_alarm_rate", rate(nonFallAlarms, nonFalls));
        m.put("stumble_detection_rate", rate(stumblesDetected, stumbles));
        m.put("fall_on_stumble_rate", rate(stumbleFalls, stumbles));
        double tenMin = healthyS / 600;
        m.put("imbalance_per_10min_healthy", tenMin > 0 ? healthyImbalance / tenMin : Double.NaN);
        m.put("stumble_per_10min_healthy", tenMin > 0 ? healthyStumble / tenMin : Double.NaN);
        m.put("alerts_per_10min_healthy", tenMin > 0 ? healthyAll / tenMin : Double.NaN);
        m.put("d15_knee_rate", rate(d15Knee, d15));
        m.put("d15_posture_rate", rate(d15Posture, d15));
        m.put("d16_posture_rate", rate(d16Posture, d16));
        m.put("d16_knee_rate", rate(d16Knee, d16));
        m.put("posture_pitch_rms_deg", rmsCount == 0 ? Double.NaN : rmsSum / rmsCount);
        return m;
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>(figures());
        m.put("fall_recordings", falls);
        m.put("non_fall_recordings", nonFalls);
        m.put("stumble_recordings", stumbles);
        m.put("healthy_walk_minutes", healthyS / 60);
        m.put("missed_falls", List.copyOf(missedFalls));
        m.put("false_fall_alarms", List.copyOf(falseAlarms));
        return m;
    }

    /** Plain text lines. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-30s %10s%n", "coach figure", "value"));
        for (Map.Entry<String, Double> f : figures().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-30s %10.3f%n", f.getKey(), f.getValue()));
        }
        sb.append(String.format(Locale.ROOT, "%-30s %10s%n", "falls / non-falls / D18",
                falls + "/" + nonFalls + "/" + stumbles));
        sb.append(String.format(Locale.ROOT, "%-30s %10.1f%n", "healthy walk minutes", healthyS / 60));
        if (!missedFalls.isEmpty()) sb.append("missed falls: ").append(String.join(" ", missedFalls)).append('\n');
        if (!falseAlarms.isEmpty()) sb.append("false fall alarms: ").append(String.join(" ", falseAlarms)).append('\n');
        return sb.toString();
    }
}
