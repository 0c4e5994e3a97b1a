package org.backstep.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.backstep.event.Event;
import org.backstep.event.StepEvent;
import org.backstep.pipeline.Replay;
import org.backstep.pipeline.SessionSettings;
import org.backstep.recording.Recording;
import org.backstep.recording.RecordingReader;

/** Replays every recording of a dataset and scores steps, direction and phantom steps. */
public final class Evaluator {

    /** Aggregated figures of one group of recordings. */
    public static final class Group {
        public final String name;
        int recordings, truth, detected, countAbsErr, matched, timedTruth, dirRight;
        final List<Double> latencies = new ArrayList<>();

        Group(String name) {
            this.name = name;
        }

        void add(StepMatch m, int timed) {
            recordings++;
            truth += m.truth;
            detected += m.detected;
            countAbsErr += Math.abs(m.detected - m.truth);
            matched += m.matched;
            timedTruth += timed;
            dirRight += m.directionCorrect;
            for (double l : m.latencies) latencies.add(l);
        }

        public double countErrorPct() { return truth == 0 ? Double.NaN : 100.0 * countAbsErr / truth; }

        public double precision() { return detected == 0 ? Double.NaN : (double) matched / detected; }

        public double recall() { return timedTruth == 0 ? Double.NaN : (double) matched / timedTruth; }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double directionPct() { return matched == 0 ? Double.NaN : 100.0 * dirRight / matched; }
    }

    private final Map<String, Group> groups = new TreeMap<>();
    private final List<Double> allLatencies = new ArrayList<>();
    private double phantomSteps, phantomMinutes;
    private int phantomRecordings;

    public static Evaluator run(Dataset ds) {
        Evaluator ev = new Evaluator();
        for (Dataset.Entry e : ds.entries()) {
            Recording rec = RecordingReader.read(ds.recordingFile(e));
            List<Event> events = replay(rec);
            ev.add(ds, e, rec, events);
        }
        return ev;
    }

    /** Runs one recording through a fresh pipeline and returns its events. */
    public static List<Event> replay(Recording rec) {
        return new Replay(SessionSettings.defaults()).run(rec).events();
    }

    void add(Dataset ds, Dataset.Entry e, Recording rec, List<Event> events) {
        List<StepEvent> steps = events.stream().filter(x -> x instanceof StepEvent).map(x -> (StepEvent) x).toList();
        List<Dataset.TrueStep> truth = ds.steps(e);
        if (isPhantomActivity(e)) {
            phantomRecordings++;
            phantomSteps += steps.size();
            phantomMinutes += rec.durationS() / 60;
        }
        if (truth.isEmpty() && e.truthSteps() <= 0) return;
        StepMatch m = StepMatch.score(steps, truth, ds.windows(e));
        int timed = StepMatch.timed(truth);
        String key = e.activity() + "/" + e.direction();
        groups.computeIfAbsent(key, Group::new).add(m, timed);
        if (e.isWalk()) for (double l : m.latencies) allLatencies.add(l);
    }

    /** ADL recordings that are not walking, jogging or stairs (sitting, lying, bending, car, jumping). */
    static boolean isPhantomActivity(Dataset.Entry e) {
        if (!e.activity().equals("adl")) return false;
        String s = e.source().toLowerCase(Locale.ROOT);
        return !(s.contains("walking") || s.contains("jogging") || s.contains("stairs"));
    }

    public Map<String, Group> groups() { return groups; }

    public double phantomPerMinute() { return phantomMinutes == 0 ? Double.NaN : phantomSteps / phantomMinutes; }

    public double latencyPercentile(double p) {
        if (allLatencies.isEmpty()) return Double.NaN;
        double[] a = allLatencies.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        int i = (int) Math.min(a.length - 1, Math.max(0, Math.ceil(p / 100 * a.length) - 1));
        return a[i];
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-22s %5s %6s %6s %8s %6s %6s %6s %8s%n",
                "group", "recs", "true", "found", "count%", "prec", "recall", "F1", "dir%"));
        for (Group g : groups.values()) {
            sb.append(String.format(Locale.ROOT, "%-22s %5d %6d %6d %8.2f %6.3f %6.3f %6.3f %8.2f%n",
                    g.name, g.recordings, g.truth, g.detected, g.countErrorPct(), g.precision(), g.recall(), g.f1(), g.directionPct()));
        }
        sb.append(String.format(Locale.ROOT, "latency p50 %.3f s, p95 %.3f s (walks, report time minus true contact)%n",
                latencyPercentile(50), latencyPercentile(95)));
        sb.append(String.format(Locale.ROOT, "phantom steps %.2f per minute over %d non-walking ADL recordings (%.1f min)%n",
                phantomPerMinute(), phantomRecordings, phantomMinutes));
        return sb.toString();
    }

    public static void main(String[] args) {
        Evaluator ev = run(Dataset.open(Path.of(args.length > 0 ? args[0] : "../shared/data")));
        System.out.print(ev.table());
    }

    Map<String, Object> summary() {
        return new LinkedHashMap<>();
    }
}
