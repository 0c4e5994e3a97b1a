package org.backstep.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.backstep.coach.CoachSettings;
import org.backstep.core.Axis;
import org.backstep.event.AlertEvent;
import org.backstep.event.Event;
import org.backstep.event.PostureEvent;
import org.backstep.event.StepEvent;
import org.backstep.event.StepRevision;
import org.backstep.pipeline.Replay;
import org.backstep.pipeline.SessionSettings;
import org.backstep.recording.Recording;
import org.backstep.recording.RecordingReader;
import org.backstep.recording.Resampler;
import org.backstep.recording.SensorTurn;
import org.tinylog.Logger;

/**
 * {@code eval}: replays every recording of a dataset as a fresh session and scores it by the rules
 * of the data README: steps (count error, F1, direction, latency), phantom steps, and the coach's
 * figures. Every figure has a name, so CI can hold each one to a floor (or a ceiling).
 */
public final class Evaluator {
    /** Figures where lower is better: a guard on them is a ceiling. */
    public static final Set<String> LOWER_IS_BETTER;
    /** An orientation reference whose upright is further than this from gravity at rest is in another frame. */
    static final double REFERENCE_AGREEMENT_DEG = 10;

    static {
        Set<String> s = new HashSet<>(CoachScore.LOWER_IS_BETTER);
        s.addAll(List.of("walk_forward_count_error_pct", "walk_backward_count_error_pct",
                "daily_impaired_count_error_pct", "phantom_steps_per_min", "latency_p50_s", "latency_p95_s",
                "worst_subject_count_error_pct", "walk_forward_count_error_annotated_pct",
                "walk_backward_count_error_annotated_pct", "worst_subject_count_error_annotated_pct"));
        LOWER_IS_BETTER = Set.copyOf(s);
    }

    /** Aggregated step figures of a group of recordings. */
    public static final class Group {
        public final String name;
        int recordings, truth, unreachable, detected, countAbsErr, matched, timedTruth, dirRight;

        Group(String name) {
            this.name = name;
        }

        void add(StepMatch m, int timed) {
            recordings++;
            truth += m.truth;
            unreachable += m.unreachable;
            detected += m.detected;
            countAbsErr += Math.abs(m.detected - m.truth);
            matched += m.matched;
            timedTruth += timed;
            dirRight += m.directionCorrect;
        }

        void add(Group g) {
            recordings += g.recordings;
            truth += g.truth;
            unreachable += g.unreachable;
            detected += g.detected;
            countAbsErr += g.countAbsErr;
            matched += g.matched;
            timedTruth += g.timedTruth;
            dirRight += g.dirRight;
        }

        /** Sum over recordings of |detected - true| over the sum of true steps, in %. */
        public double countErrorPct() { return truth == 0 ? Double.NaN : 100.0 * countAbsErr / truth; }

        public double precision() { return detected == 0 ? Double.NaN : (double) matched / detected; }

        /** Matched over true steps that have a time (only those can be matched). */
        public double recall() { return timedTruth == 0 ? Double.NaN : (double) matched / timedTruth; }

        /** 2PR/(P+R) written as 2 matched/(detected + timed truth): 0, not undefined, when nothing was found. */
        public double f1() {
            return detected + timedTruth == 0 ? Double.NaN : 2.0 * matched / (detected + timedTruth);
        }

        public double directionPct() { return matched == 0 ? Double.NaN : 100.0 * dirRight / matched; }
    }

    /** One recording's step score, for the per-recording listing. */
    public record Row(String recording, String group, int truth, int unreachable, int detected, int matched,
                      int directionCorrect) {
    }

    private final Map<String, Group> groups = new TreeMap<>();
    /** Every recording with step truth, by the manifest's {@code subject}: ten people are not the population. */
    private final Map<String, Group> subjects = new TreeMap<>();
    /**
     * The lab walks (forward or backward) scored again without the stretches their truth leaves
     * unannotated ({@link StepMatch#annotatedOnly}), by group and by subject: a diagnostic beside
     * the figures by the rules, with figures of its own ({@code *_annotated*}) that guards can hold too.
     */
    private final Map<String, Group> annotatedOnly = new TreeMap<>();
    private final Map<String, Group> annotatedOnlySubjects = new TreeMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<Double> latencies = new ArrayList<>();
    private final CoachScore coach = new CoachScore();
    private double phantomSteps, phantomMinutes;
    private int phantomRecordings;
    private int recordings;

    /** Settings of every replayed session: defaults, with the posture trace on for the orientation figure. */
    public static SessionSettings sessionSettings() {
        return SessionSettings.builder().coach(CoachSettings.builder().postureTrace(true).build()).build();
    }

    public static Evaluator run(Dataset ds) {
        return run(ds, null, null);
    }

    /**
     * @param turn     when not null, every recording is first re-expressed as a sensor clipped on
     *                 with this turn would have measured it (its forward axis relabelled to the
     *                 nearest one)
     * @param resample when not null, every recording is then resampled to that rate
     */
    public static Evaluator run(Dataset ds, SensorTurn turn, Resampler resample) {
        return run(ds, turn, resample, Progress.NONE);
    }

    /** Told after each recording, for a progress display. */
    @FunctionalInterface
    public interface Progress {
        void done(int count, int total, String recording);
        Progress NONE = (c, t, r) -> { };
    }

    public static Evaluator run(Dataset ds, SensorTurn turn, Resampler resample, Progress progress) {
        Evaluator ev = new Evaluator();
        Replay replay = new Replay(sessionSettings());
        List<Dataset.Entry> entries = ds.entries();
        int done = 0;
        for (Dataset.Entry e : entries) {
            Recording rec = RecordingReader.read(ds.recordingFile(e));
            Recording asRecorded = rec;
            if (turn != null) rec = turn.apply(rec);
            if (resample != null) rec = resample.apply(rec);
            Replay.Result r = replay.run(rec);
            ev.add(ds, e, rec, r.events(), referencePitch(ds, e, asRecorded, told(rec, turn), r.uprightAt()));
            progress.done(++done, entries.size(), e.recording());
        }
        return ev;
    }

    void add(Dataset ds, Dataset.Entry e, Recording rec, List<Event> events, List<double[]> referencePitch) {
        recordings++;
        List<StepEvent> steps = new ArrayList<>();
        List<AlertEvent> alerts = new ArrayList<>();
        List<PostureEvent> posture = new ArrayList<>();
        steps.addAll(StepRevision.finalSteps(events));
        for (Event x : events) {
            if (x instanceof AlertEvent a) alerts.add(a);
            else if (x instanceof PostureEvent p) posture.add(p);
        }
        coach.add(e, alerts, posture, referencePitch);
        if (isPhantomActivity(e)) {
            phantomRecordings++;
            phantomSteps += steps.size();
            phantomMinutes += rec.durationS() / 60;
        }
        List<Dataset.TrueStep> truth = ds.steps(e);
        if (truth.isEmpty()) return;
        double start = rec.size() == 0 ? 0 : rec.t()[0], end = rec.size() == 0 ? 0 : rec.t()[rec.size() - 1];
        StepMatch m = StepMatch.score(steps, truth, ds.windows(e), start, end);
        String group = e.activity() + "/" + e.direction();
        groups.computeIfAbsent(group, Group::new).add(m, StepMatch.timed(truth));
        if (!e.subject().isEmpty()) subjects.computeIfAbsent(e.subject(), Group::new).add(m, StepMatch.timed(truth));
        rows.add(new Row(e.recording(), group, m.truth, m.unreachable, m.detected, m.matched, m.directionCorrect));
        if (e.activity().equals("walk") && !e.direction().equals("mixed")) {
            StepMatch a = StepMatch.score(steps, truth, StepMatch.annotatedOnly(truth, ds.windows(e)), start, end);
            annotatedOnly.computeIfAbsent(group, Group::new).add(a, StepMatch.timed(truth));
            if (!e.subject().isEmpty()) {
                annotatedOnlySubjects.computeIfAbsent(e.subject(), Group::new).add(a, StepMatch.timed(truth));
            }
        }
        if (e.isWalk()) for (double l : m.latencies) latencies.add(l);
    }

    /**
     * The orientation reference's pitch relative to its upright when the coach took its own (see
     * {@link ReferenceInclination}), or an empty list: no reference, no upright taken, or a
     * reference whose upright disagrees with the recording's gravity at rest by more than
     * {@link #REFERENCE_AGREEMENT_DEG} (then it is not in the recording's sensor frame and cannot
     * be compared axis by axis). {@code rec} is the recording as recorded (the reference shares its
     * sensor frame), whatever turn or resampling the replay applied. {@code forward} is the front
     * the device was told, in that frame: pitch is compared about the same sagittal plane, so a
     * front mislabelled by a turn tests the attitude, not the label.
     */
    static List<double[]> referencePitch(Dataset ds, Dataset.Entry e, Recording rec, double[] forward, double uprightAt) {
        List<double[]> rows = ds.xsensOrientation(e);
        if (rows.isEmpty() || Double.isNaN(uprightAt)) return List.of();
        double[] g = new double[3];
        double[] t = rec.t();
        for (int i = 0; i < rec.size(); i++) {
            if (t[i] > uprightAt || t[i] < uprightAt - ReferenceInclination.UPRIGHT_SPAN_S) continue;
            g[0] += rec.ax()[i];
            g[1] += rec.ay()[i];
            g[2] += rec.az()[i];
        }
        double agree = ReferenceInclination.agreement(rows, uprightAt, g);
        if (!(agree > Math.cos(Math.toRadians(REFERENCE_AGREEMENT_DEG)))) {
            Logger.warn("{}: the orientation reference's upright is {} degrees from gravity at rest; not compared",
                    e.recording(), Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, agree)))));
            return List.of();
        }
        return ReferenceInclination.pitch(rows, uprightAt, forward);
    }

    /** The forward direction the device replaying {@code rec} was told, in the sensor frame before {@code turn}. */
    private static double[] told(Recording rec, SensorTurn turn) {
        Axis fwd = rec.forwardAxis() != null ? rec.forwardAxis() : sessionSettings().forwardAxis();
        return turn == null ? fwd.unitVector() : turn.back(fwd.unitVector());
    }

    /** ADL recordings that are not walking, jogging or stairs (sitting, lying, bending, car, jumping). */
    static boolean isPhantomActivity(Dataset.Entry e) {
        if (!e.activity().equals("adl")) return false;
        String s = e.source().toLowerCase(Locale.ROOT);
        return !(s.contains("walking") || s.contains("jogging") || s.contains("stairs"));
    }

    public Map<String, Group> groups() {
        return groups;
    }

    /** Step figures of every subject with step truth, by name. */
    public Map<String, Group> subjects() {
        return subjects;
    }

    /** The subject whose figure is worst (highest if {@code highest}), ignoring subjects without it; null if none. */
    private Group worstSubject(java.util.function.ToDoubleFunction<Group> f, boolean highest) {
        return worst(subjects, f, highest);
    }

    private static Group worst(Map<String, Group> among, java.util.function.ToDoubleFunction<Group> f, boolean highest) {
        Group worst = null;
        for (Group g : among.values()) {
            double v = f.applyAsDouble(g);
            if (Double.isNaN(v)) continue;
            if (worst == null || (highest ? v > f.applyAsDouble(worst) : v < f.applyAsDouble(worst))) worst = g;
        }
        return worst;
    }

    /** The worst figure among {@code among} (highest if {@code highest}), NaN if none has it. */
    private static double worstFigure(Map<String, Group> among, java.util.function.ToDoubleFunction<Group> f,
                                      boolean highest) {
        Group g = worst(among, f, highest);
        return g == null ? Double.NaN : f.applyAsDouble(g);
    }

    public double phantomPerMinute() {
        return phantomMinutes == 0 ? Double.NaN : phantomSteps / phantomMinutes;
    }

    public double latencyPercentile(double p) {
        return percentile(latencies, p);
    }

    /** The nearest-rank {@code p}-th percentile of {@code values}, NaN when empty. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) return Double.NaN;
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        int i = (int) Math.min(a.length - 1, Math.max(0, Math.ceil(p / 100 * a.length) - 1));
        return a[i];
    }

    private Group merged(String name, String... keys) {
        Group g = new Group(name);
        for (String k : keys) {
            Group x = groups.get(k);
            if (x != null) g.add(x);
        }
        return g;
    }

    private double get(String key, java.util.function.ToDoubleFunction<Group> f) {
        Group g = groups.get(key);
        return g == null ? Double.NaN : f.applyAsDouble(g);
    }

    /** Every named figure: the targets for steps, then the coach's. */
    public Map<String, Double> figures() {
        Map<String, Double> f = stepFigures();
        f.putAll(coach.figures());
        return f;
    }

    /** The targets for steps. */
    private Map<String, Double> stepFigures() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("walk_forward_count_error_pct", get("walk/forward", Group::countErrorPct));
        f.put("walk_backward_count_error_pct", get("walk/backward", Group::countErrorPct));
        f.put("walk_f1", merged("walk", "walk/forward", "walk/backward", "walk/mixed").f1());
        f.put("walk_forward_direction_pct", get("walk/forward", Group::directionPct));
        f.put("walk_backward_direction_pct", get("walk/backward", Group::directionPct));
        f.put("mixed_direction_pct", get("walk/mixed", Group::directionPct));
        f.put("daily_impaired_count_error_pct",
                merged("daily+impaired", "walk_daily/forward", "walk_impaired/forward").countErrorPct());
        f.put("phantom_steps_per_min", phantomPerMinute());
        f.put("latency_p50_s", latencyPercentile(50));
        f.put("latency_p95_s", latencyPercentile(95));
        f.put("worst_subject_count_error_pct", worstFigure(subjects, Group::countErrorPct, true));
        f.put("worst_subject_f1", worstFigure(subjects, Group::f1, false));
        f.put("worst_subject_direction_pct", worstFigure(subjects, Group::directionPct, false));
        f.put("walk_forward_count_error_annotated_pct", annotatedFigure("walk/forward", Group::countErrorPct));
        f.put("walk_backward_count_error_annotated_pct", annotatedFigure("walk/backward", Group::countErrorPct));
        f.put("walk_f1_annotated", annotatedAll().f1());
        f.put("worst_subject_count_error_annotated_pct", worstFigure(annotatedOnlySubjects, Group::countErrorPct, true));
        return f;
    }

    /** Figures that miss their guard (a ceiling for {@link #LOWER_IS_BETTER}, else a floor); unknown names fail. */
    public List<String> missedGuards(Map<String, Double> guards) {
        return missedGuards(figures(), LOWER_IS_BETTER, guards);
    }

    /** Figures past their guard: a ceiling for names in {@code lowerIsBetter}, else a floor; unknown names fail. */
    static List<String> missedGuards(Map<String, Double> f, Set<String> lowerIsBetter, Map<String, Double> guards) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Double> g : guards.entrySet()) {
            Double v = f.get(g.getKey());
            if (v == null) {
                out.add(g.getKey() + ": no such figure (known: " + String.join(", ", f.keySet()) + ")");
            } else if (Double.isNaN(v)) {
                out.add(g.getKey() + ": not measured (no such recordings)");
            } else {
                boolean ceiling = lowerIsBetter.contains(g.getKey());
                if (ceiling ? v > g.getValue() : v < g.getValue()) {
                    out.add(String.format(Locale.ROOT, "%s = %.3f is %s %.3f", g.getKey(), v,
                            ceiling ? "above its ceiling" : "below its floor", g.getValue()));
                }
            }
        }
        return out;
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(groupTable(groups.values(), "recs"));
        sb.append("(unreach: true steps outside every annotated window or outside the recording; they count as\n"
                + " true steps by the rules, but no scored detection can match them)\n");
        sb.append(String.format(Locale.ROOT, "latency p50 %.2f s, p95 %.2f s (walks: report time minus true contact)%n",
                latencyPercentile(50), latencyPercentile(95)));
        sb.append(String.format(Locale.ROOT, "phantom steps %.2f per minute (%d non-walking ADL recordings, %.1f min)%n",
                phantomPerMinute(), phantomRecordings, phantomMinutes));
        sb.append(annotatedOnlyLine());
        sb.append('\n').append(subjectsTable()).append('\n');
        sb.append(String.format(Locale.ROOT, "%-40s %10s%n", "figure", "value"));
        for (Map.Entry<String, Double> f : stepFigures().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-40s %10.3f%n", f.getKey(), f.getValue()));
        }
        sb.append('\n').append(coach.table());
        return sb.toString();
    }

    /** The lab walks without their unannotated stretches, in two lines; nothing when there are none. */
    String annotatedOnlyLine() {
        if (annotatedOnly.isEmpty()) return "";
        Group all = annotatedAll();
        Group w = worst(annotatedOnlySubjects, Group::countErrorPct, true);
        return String.format(Locale.ROOT, "lab walks without the stretches their truth leaves unannotated (gaps over %.1f step"
                        + " intervals; IPOL annotates no U-turn step):%n  count error forward %.2f%%, backward %.2f%%, F1 %.3f;"
                        + " worst subject %s (%.2f%%)%n", StepMatch.UNANNOTATED_GAP_INTERVALS,
                annotatedFigure("walk/forward", Group::countErrorPct), annotatedFigure("walk/backward", Group::countErrorPct),
                all.f1(), name(w), w == null ? Double.NaN : w.countErrorPct());
    }

    private Group annotatedAll() {
        Group all = new Group("walk");
        for (Group g : annotatedOnly.values()) all.add(g);
        return all;
    }

    private double annotatedFigure(String group, java.util.function.ToDoubleFunction<Group> f) {
        Group g = annotatedOnly.get(group);
        return g == null ? Double.NaN : f.applyAsDouble(g);
    }

    /** Every subject's step figures, then the worst subject by count error, F1 and direction. */
    String subjectsTable() {
        if (subjects.isEmpty()) return "(no subject column: no per-subject figures)\n";
        StringBuilder sb = new StringBuilder("per subject (every recording with step truth):\n");
        sb.append(groupTable(subjects.values(), "recs").replaceFirst("^group  ", "subject"));
        Group c = worstSubject(Group::countErrorPct, true), f = worstSubject(Group::f1, false),
                d = worstSubject(Group::directionPct, false);
        sb.append(String.format(Locale.ROOT, "worst subject: count error %s (%.2f%%), F1 %s (%.3f), direction %s (%.2f%%)%n",
                name(c), c == null ? Double.NaN : c.countErrorPct(), name(f), f == null ? Double.NaN : f.f1(),
                name(d), d == null ? Double.NaN : d.directionPct()));
        return sb.toString();
    }

    private static String name(Group g) {
        return g == null ? "-" : g.name;
    }

    /** The step table's rows; {@code unit} names what a group counts (recordings, bouts). */
    static String groupTable(Iterable<Group> gs, String unit) {
        int w = 22;
        for (Group g : gs) w = Math.max(w, g.name.length());
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %5s %6s %7s %6s %8s %6s %6s %6s %8s%n",
                "group", unit, "true", "unreach", "found", "count%", "prec", "recall", "F1", "dir%"));
        for (Group g : gs) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %5d %6d %7d %6d %8.2f %6.3f %6.3f %6.3f %8.2f%n",
                    g.name, g.recordings, g.truth, g.unreachable, g.detected, g.countErrorPct(), g.precision(),
                    g.recall(), g.f1(), g.directionPct()));
        }
        return sb.toString();
    }

    /** A group's figures as JSON; {@code unit} names what it counts. */
    static Map<String, Object> groupJson(Group g, String unit) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put(unit, g.recordings);
        x.put("true_steps", g.truth);
        x.put("unreachable_steps", g.unreachable);
        x.put("detected_steps", g.detected);
        x.put("count_error_pct", g.countErrorPct());
        x.put("precision", g.precision());
        x.put("recall", g.recall());
        x.put("f1", g.f1());
        x.put("direction_pct", g.directionPct());
        return x;
    }

    /** One line per recording with step truth: where the group figures come from. */
    public String recordingsTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-46s %-22s %5s %7s %5s %5s %7s %5s%n",
                "recording", "group", "true", "unreach", "found", "diff", "matched", "dir"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-46s %-22s %5d %7d %5d %+5d %7d %5d%n", r.recording(), r.group(),
                    r.truth(), r.unreachable(), r.detected(), r.detected() - r.truth(), r.matched(),
                    r.directionCorrect()));
        }
        return sb.toString();
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordings", recordings);
        Map<String, Object> gs = new LinkedHashMap<>();
        for (Group g : groups.values()) gs.put(g.name, groupJson(g, "recordings"));
        m.put("groups", gs);
        List<Object> rs = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("recording", r.recording());
            x.put("group", r.group());
            x.put("true_steps", r.truth());
            x.put("unreachable_steps", r.unreachable());
            x.put("detected_steps", r.detected());
            x.put("matched", r.matched());
            x.put("direction_correct", r.directionCorrect());
            rs.add(x);
        }
        m.put("per_recording", rs);
        Map<String, Object> ss = new LinkedHashMap<>();
        for (Group g : subjects.values()) ss.put(g.name, groupJson(g, "recordings"));
        m.put("per_subject", ss);
        Map<String, Object> ao = new LinkedHashMap<>();
        for (Group g : annotatedOnly.values()) ao.put(g.name, groupJson(g, "recordings"));
        Map<String, Object> aos = new LinkedHashMap<>();
        for (Group g : annotatedOnlySubjects.values()) aos.put(g.name, groupJson(g, "recordings"));
        ao.put("per_subject", aos);
        m.put("lab_walks_annotated_only", ao);
        m.put("figures", figures());
        m.put("coach", coach.json());
        return m;
    }
}
