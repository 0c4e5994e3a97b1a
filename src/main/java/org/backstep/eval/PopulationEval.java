package org.backstep.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.backstep.event.Direction;
import org.backstep.event.StepEvent;
import org.backstep.event.StepRevision;
import org.backstep.pipeline.Replay;
import org.backstep.recording.Recording;
import org.backstep.sim.Interval;
import org.backstep.sim.Population;
import org.backstep.sim.Simulation;
import org.backstep.sim.TrueStep;

/**
 * {@code eval --population N --seed S}: replays a seeded population of simulated walkers
 * ({@link Population}) as fresh sessions and scores every walking bout by the dataset's rules
 * ({@link StepMatch}: the bout is the annotated window, its contacts the truth). Groups overlap: a
 * bout counts in its direction's group and in every trait group its walker or the bout has.
 */
public final class PopulationEval {
    /** Figures where lower is better: a guard on them is a ceiling. */
    public static final Set<String> LOWER_IS_BETTER = Set.of("walk_forward_count_error_pct",
            "walk_backward_count_error_pct", "slow_count_error_pct", "limping_count_error_pct", "aided_count_error_pct",
            "shuffling_count_error_pct", "turning_count_error_pct", "swaying_count_error_pct", "plain_count_error_pct", "worst_walker_count_error_pct",
            "worst_decile_count_error_pct", "latency_p50_s", "latency_p95_s", "plain_latency_p95_s");
    /** A bout below this cadence is slow gait (issue 9's target group), steps/min. */
    public static final double SLOW_SPM = 60;
    /** A bout that bends by at least this much over its walks is a turning bout, degrees. */
    public static final double TURNING_DEG = 90;

    /** A trait group: its name and which bouts it takes. */
    private record Trait(String name, Predicate<ScoredBout> takes) {
    }

    private static final Trait PLAIN = new Trait("plain >=80 spm", b -> b.bout.spm() >= 80 && !b.walker.limping()
            && !b.walker.style().cane() && !b.walker.shuffling() && !b.walker.swaying());
    private static final List<Trait> TRAITS = List.of(
            new Trait("walk/forward", b -> b.bout.direction() == Direction.FORWARD),
            new Trait("walk/backward", b -> b.bout.direction() == Direction.BACKWARD),
            new Trait("slow <60 spm", b -> b.bout.spm() < SLOW_SPM),
            new Trait("limping", b -> b.walker.limping()),
            new Trait("aided (cane)", b -> b.walker.style().cane()),
            new Trait("shuffling", b -> b.walker.shuffling()),
            new Trait("turning >=90 deg", b -> b.bout.turnDeg() >= TURNING_DEG),
            new Trait("swaying", b -> b.walker.swaying()),
            PLAIN,
            new Trait("all", b -> true));

    /** One bout's score. */
    private record ScoredBout(Population.Walker walker, Population.Bout bout, StepMatch match, int timed) {
    }

    /** One walker's bouts pooled. */
    public record WalkerScore(Population.Walker walker, Evaluator.Group total) {
    }

    private final long seed;
    private final Map<String, Evaluator.Group> groups = new LinkedHashMap<>();
    private final List<WalkerScore> walkers = new ArrayList<>();
    private final List<Double> latencies = new ArrayList<>();
    private final List<Double> plainLatencies = new ArrayList<>();
    /** Latencies by the bout's cadence, {@link #CADENCE_BANDS} (lower edges, steps/min). */
    private final List<List<Double>> bandLatencies = new ArrayList<>();
    private static final double[] CADENCE_BANDS = {0, 40, SLOW_SPM, 80};

    private PopulationEval(long seed) {
        this.seed = seed;
        for (Trait t : TRAITS) groups.put(t.name, new Evaluator.Group(t.name));
        for (int i = 0; i < CADENCE_BANDS.length; i++) bandLatencies.add(new ArrayList<>());
    }

    /** Simulates and scores walkers {@code 0..n-1} of population {@code seed}, in parallel; the result does not depend on the thread count. */
    public static PopulationEval run(long seed, int n) {
        if (n < 1) throw new IllegalArgumentException("--population must be at least 1, got " + n);
        List<List<ScoredBout>> perWalker = IntStream.range(0, n).parallel()
                .mapToObj(i -> score(Population.walker(seed, i))).toList();
        PopulationEval ev = new PopulationEval(seed);
        for (List<ScoredBout> bouts : perWalker) ev.add(bouts);
        return ev;
    }

    private static List<ScoredBout> score(Population.Walker w) {
        Simulation sim = w.scenario().run();
        Recording rec = new Recording("walker-" + w.id(), Map.of(), sim.rateHz(), sim.forwardAxis(), sim.t(), sim.ax(),
                sim.ay(), sim.az(), sim.gx(), sim.gy(), sim.gz());
        List<StepEvent> steps = StepRevision.finalSteps(new Replay(Evaluator.sessionSettings()).run(rec).events());
        List<Interval> walks = sim.truth().intervals(Interval.Kind.WALK);
        List<TrueStep> truth = sim.truth().steps();
        List<ScoredBout> out = new ArrayList<>();
        int wi = 0;
        for (Population.Bout b : w.bouts()) {
            double from = walks.get(wi).start();
            double to = walks.get(wi + b.walks() - 1).end();
            wi += b.walks();
            List<Dataset.TrueStep> ts = new ArrayList<>();
            for (TrueStep s : truth) {
                if (s.time() >= from && s.time() <= to) ts.add(new Dataset.TrueStep(s.time(), s.direction()));
            }
            double next = wi < walks.size() ? walks.get(wi).start() : Double.POSITIVE_INFINITY;
            StepMatch m = StepMatch.score(steps, ts, List.of(scoredWindow(from, to, next)), sim.t(0), sim.duration());
            out.add(new ScoredBout(w, b, m, StepMatch.timed(ts)));
        }
        return out;
    }

    /**
     * Where a bout's detections are scored: from its start, a step before its first contact (gait
     * initiation), to the matching tolerance past its closing contact {@code to}, but not into the
     * next bout (from {@code nextFrom}). Scored only to the closing contact, a closing step reported
     * on time or a little late would count neither as found nor as matched, and an early one would.
     */
    static Dataset.Window scoredWindow(double from, double to, double nextFrom) {
        return new Dataset.Window(from, Math.min(to + StepMatch.TOLERANCE_S, nextFrom));
    }

    private void add(List<ScoredBout> bouts) {
        Evaluator.Group total = new Evaluator.Group("walker");
        for (ScoredBout b : bouts) {
            for (Trait t : TRAITS) if (t.takes.test(b)) groups.get(t.name).add(b.match, b.timed);
            total.add(b.match, b.timed);
            int band = CADENCE_BANDS.length - 1;
            while (b.bout.spm() < CADENCE_BANDS[band]) band--;
            boolean plain = PLAIN.takes.test(b);
            for (double l : b.match.latencies) {
                latencies.add(l);
                bandLatencies.get(band).add(l);
                if (plain) plainLatencies.add(l);
            }
        }
        walkers.add(new WalkerScore(bouts.get(0).walker, total));
    }

    public Map<String, Evaluator.Group> groups() {
        return groups;
    }

    /** Walkers by count error, worst first (ties by id). */
    public List<WalkerScore> worstFirst() {
        List<WalkerScore> w = new ArrayList<>(walkers);
        w.sort(Comparator.comparingDouble((WalkerScore s) -> -s.total.countErrorPct()).thenComparingInt(s -> s.walker.id()));
        return w;
    }

    /** The worst tenth of the walkers by count error (at least one), pooled. */
    public Evaluator.Group worstDecile() {
        Evaluator.Group g = new Evaluator.Group("worst decile");
        List<WalkerScore> w = worstFirst();
        for (WalkerScore s : w.subList(0, decileSize())) g.add(s.total);
        return g;
    }

    /** Share of the walkers whose count error over all their bouts is at most {@code pct} %. */
    public double withinShare(double pct) {
        return walkers.stream().filter(w -> w.total.countErrorPct() <= pct).count() / (double) walkers.size();
    }

    private int decileSize() {
        return Math.max(1, (int) Math.ceil(walkers.size() / 10.0));
    }

    public Map<String, Double> figures() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("walk_forward_count_error_pct", groups.get("walk/forward").countErrorPct());
        f.put("walk_backward_count_error_pct", groups.get("walk/backward").countErrorPct());
        f.put("walk_f1", groups.get("all").f1());
        f.put("walk_forward_direction_pct", groups.get("walk/forward").directionPct());
        f.put("walk_backward_direction_pct", groups.get("walk/backward").directionPct());
        f.put("slow_count_error_pct", groups.get("slow <60 spm").countErrorPct());
        f.put("slow_f1", groups.get("slow <60 spm").f1());
        f.put("slow_direction_pct", groups.get("slow <60 spm").directionPct());
        f.put("limping_count_error_pct", groups.get("limping").countErrorPct());
        f.put("aided_count_error_pct", groups.get("aided (cane)").countErrorPct());
        f.put("shuffling_count_error_pct", groups.get("shuffling").countErrorPct());
        f.put("turning_count_error_pct", groups.get("turning >=90 deg").countErrorPct());
        f.put("turning_direction_pct", groups.get("turning >=90 deg").directionPct());
        f.put("swaying_count_error_pct", groups.get("swaying").countErrorPct());
        f.put("plain_count_error_pct", groups.get("plain >=80 spm").countErrorPct());
        f.put("latency_p50_s", Evaluator.percentile(latencies, 50));
        f.put("latency_p95_s", Evaluator.percentile(latencies, 95));
        f.put("plain_latency_p95_s", Evaluator.percentile(plainLatencies, 95));
        f.put("worst_walker_count_error_pct", worstFirst().get(0).total.countErrorPct());
        f.put("worst_decile_count_error_pct", worstDecile().countErrorPct());
        f.put("worst_decile_f1", worstDecile().f1());
        f.put("walkers_within_5pct", withinShare(5));
        return f;
    }

    public List<String> missedGuards(Map<String, Double> guards) {
        return Evaluator.missedGuards(figures(), LOWER_IS_BETTER, guards);
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "population seed %d: %d walkers, %d bouts%n", seed, walkers.size(),
                groups.get("all").recordings));
        List<Evaluator.Group> rows = new ArrayList<>(groups.values());
        rows.add(worstDecile());
        sb.append(Evaluator.groupTable(rows, "bouts"));
        sb.append("(groups overlap: a bout counts in its direction and in every trait of its walker or its path;\n"
                + " plain: no limp, cane, shuffle or sway, at 80 spm or more; worst decile: the tenth of the\n"
                + " walkers with the highest count error, all their bouts pooled)\n");
        sb.append(String.format(Locale.ROOT, "latency p50 %.2f s, p95 %.2f s (report time minus true contact)%n",
                Evaluator.percentile(latencies, 50), Evaluator.percentile(latencies, 95)));
        sb.append("latency p95 by the bout's cadence:");
        for (int i = CADENCE_BANDS.length - 1; i >= 0; i--) {
            String band = i == CADENCE_BANDS.length - 1 ? String.format(Locale.ROOT, ">=%.0f", CADENCE_BANDS[i])
                    : String.format(Locale.ROOT, "%.0f-%.0f", CADENCE_BANDS[i], CADENCE_BANDS[i + 1]);
            sb.append(String.format(Locale.ROOT, " %s spm %.2f s%s", band, Evaluator.percentile(bandLatencies.get(i), 95), i > 0 ? "," : ""));
        }
        sb.append(String.format(Locale.ROOT, "; plain %.2f s%n (a bout's first steps are reported when it is confirmed, a missed"
                + " step once the stretch where it would land has passed: some steps later at a slow pace)%n",
                Evaluator.percentile(plainLatencies, 95)));
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%-34s %10s%n", "figure", "value"));
        for (Map.Entry<String, Double> f : figures().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-34s %10.3f%n", f.getKey(), f.getValue()));
        }
        sb.append("\nworst decile (count error, true, found, matched, right direction; the walker):\n");
        for (WalkerScore s : worstFirst().subList(0, decileSize())) {
            Evaluator.Group g = s.total;
            sb.append(String.format(Locale.ROOT, "%7.1f%% %4d %4d %4d %4d  %s%n", g.countErrorPct(), g.truth, g.detected,
                    g.matched, g.dirRight, s.walker));
        }
        return sb.toString();
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("walkers", walkers.size());
        Map<String, Object> gs = new LinkedHashMap<>();
        for (Evaluator.Group g : groups.values()) gs.put(g.name, Evaluator.groupJson(g, "bouts"));
        gs.put("worst decile", Evaluator.groupJson(worstDecile(), "bouts"));
        m.put("groups", gs);
        List<Object> ws = new ArrayList<>();
        for (WalkerScore s : worstFirst()) {
            Map<String, Object> x = Evaluator.groupJson(s.total, "bouts");
            x.put("walker", s.walker.id());
            x.put("description", s.walker.toString());
            ws.add(x);
        }
        m.put("per_walker", ws);
        m.put("figures", figures());
        return m;
    }
}
