package org.backstep.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.event.Event;
import org.backstep.event.StepEvent;
import org.backstep.pipeline.Replay;
import org.backstep.recording.Recording;
import org.backstep.sim.Interval;
import org.backstep.sim.Population;
import org.backstep.sim.Scenario;
import org.backstep.sim.Simulation;
import org.backstep.sim.Walk;

/**
 * Bent knees while walking, on the simulated population: every walker (its gait style, cadence,
 * stoop, mounting, sensor noise and rate) stands, walks {@link #BASE_STEPS} steps with straight
 * knees (the session baseline the coach judges against), stands, then walks {@link #BENT_STEPS}
 * steps the same way with the knees bent by each of {@link #FLEXION_DEG} ({@link Walk#kneeFlexion}:
 * at 40 degrees the pelvis rides 5.2 cm lower, its excursion is 32 % and its contacts 40 % smaller, steps
 * 20 % shorter and the trunk leans 4 degrees more). Half the sessions walk forward, half backward:
 * backward walking is another gait (shorter steps, forefoot contact), so its baseline is the
 * wearer's own straight-knee backward walking, not the forward one.
 *
 * <p>Figures: the share of bent walks of 20 degrees or more with a {@code knee} alert inside them
 * (sensitivity), and {@code knee} alerts per 10 minutes of straight-knee walking (the 0-degree
 * sessions, baseline and second walk alike).
 */
public final class KneeWalkEval {
    /** Figures where lower is better. */
    public static final Set<String> LOWER_IS_BETTER = Set.of("knee_false_per_10min_straight");
    /** The first this many walkers of the population (five sessions each: a few seconds per walker). */
    public static final int MAX_WALKERS = 40;
    static final int BASE_STEPS = 30;
    static final int BENT_STEPS = 40;
    static final double[] FLEXION_DEG = {0, 10, 20, 30, 40};
    /**
     * A bent walk counts as stepped when the gait engine reported at least this share of its true
     * steps: the bent-knee detector judges strides between reported steps, so this separates its
     * misses from the gait engine's.
     */
    static final double STEPPED_SHARE = 0.5;
    /** Sensitivity counts bent walks from this flexion on, degrees. */
    static final double ALERT_FROM_DEG = 20;

    private final int[] walks = new int[FLEXION_DEG.length];
    private final int[] alerted = new int[FLEXION_DEG.length];
    /** Bent walks of which the gait engine reported at least {@link #STEPPED_SHARE} of the steps, and of those alerted. */
    private final int[] stepped = new int[FLEXION_DEG.length];
    private final int[] steppedAlerted = new int[FLEXION_DEG.length];
    private double straightMin;
    private int straightAlerts;

    private record Outcome(int flexionIndex, boolean alertedInBent, boolean stepped, int knees, double walkingMin) {
    }

    /** Runs {@code n} walkers of the population drawn with {@code seed}. */
    public static KneeWalkEval run(long seed, int n) {
        if (n < 1) throw new IllegalArgumentException("--population must be at least 1, got " + n);
        List<Outcome> all = IntStream.range(0, n).parallel().boxed()
                .flatMap(i -> IntStream.range(0, FLEXION_DEG.length).mapToObj(k -> session(Population.walker(seed, i), k)))
                .toList();
        KneeWalkEval ev = new KneeWalkEval();
        for (Outcome o : all) {
            ev.walks[o.flexionIndex]++;
            if (o.alertedInBent) ev.alerted[o.flexionIndex]++;
            if (o.stepped) {
                ev.stepped[o.flexionIndex]++;
                if (o.alertedInBent) ev.steppedAlerted[o.flexionIndex]++;
            }
            if (FLEXION_DEG[o.flexionIndex] == 0) {
                ev.straightMin += o.walkingMin;
                ev.straightAlerts += o.knees;
            }
        }
        return ev;
    }

    private static Outcome session(Population.Walker w, int k) {
        double flexion = FLEXION_DEG[k];
        Direction dir = (w.id() + k) % 2 == 0 ? Direction.FORWARD : Direction.BACKWARD;
        Walk straight = w.walk(dir, BASE_STEPS);
        Walk bent = w.walk(dir, BENT_STEPS).kneeFlexion(flexion);
        Scenario sc = Scenario.builder(w.seed() * 31 + k).rateHz(w.rateHz()).mounting(w.mounting())
                .sensor(Population.sensorFor(w.rateHz(), w.noiseFactor()))
                .stand(5).walk(straight).stand(3).walk(bent).stand(3).build();
        Simulation sim = sc.run();
        Recording rec = new Recording("knee-" + w.id() + "-" + (int) flexion, Map.of(), sim.rateHz(), sim.forwardAxis(),
                sim.t(), sim.ax(), sim.ay(), sim.az(), sim.gx(), sim.gy(), sim.gz());
        List<Event> events = new Replay(Evaluator.sessionSettings()).run(rec).events();
        List<Interval> walksIn = sim.truth().intervals(Interval.Kind.WALK);
        Interval last = walksIn.get(walksIn.size() - 1);
        boolean inBent = false;
        int knees = 0;
        int reported = 0;
        for (Event e : events) {
            if (e instanceof StepEvent st && st.t() >= last.start() && st.t() <= last.end()) reported++;
            if (e instanceof AlertEvent a && a.kind() == AlertKind.KNEE) {
                knees++;
                if (a.t() >= last.start() && a.at() <= last.end() + 2) inBent = true;
            }
        }
        double walking = 0;
        for (Interval i : walksIn) walking += i.end() - i.start();
        return new Outcome(k, inBent, reported >= STEPPED_SHARE * BENT_STEPS, knees, walking / 60);
    }

    /** Share of bent walks alerted at {@link #FLEXION_DEG}[k]. */
    double rate(int k) {
        return walks[k] == 0 ? 0 : (double) alerted[k] / walks[k];
    }

    /** The sum of a per-flexion count from {@link #ALERT_FROM_DEG} on. */
    private static int fromAlertDeg(int[] count) {
        int sum = 0;
        for (int k = 0; k < FLEXION_DEG.length; k++) {
            if (FLEXION_DEG[k] >= ALERT_FROM_DEG) sum += count[k];
        }
        return sum;
    }

    public Map<String, Double> figures() {
        Map<String, Double> f = new LinkedHashMap<>();
        int n = fromAlertDeg(walks), a = fromAlertDeg(alerted);
        f.put("knee_walk_sensitivity_20deg", n == 0 ? 0 : (double) a / n);
        // the same, over the bent walks whose steps the gait engine reported (at least half)
        int sn = fromAlertDeg(stepped), sa = fromAlertDeg(steppedAlerted);
        f.put("knee_walk_sensitivity_20deg_stepped", sn == 0 ? 0 : (double) sa / sn);
        f.put("knee_walk_stepped_share_20deg", n == 0 ? 0 : (double) sn / n);
        f.put("knee_false_per_10min_straight", straightMin == 0 ? 0 : 10 * straightAlerts / straightMin);
        for (int k = 0; k < FLEXION_DEG.length; k++) {
            f.put(String.format(Locale.ROOT, "knee_walk_alerted_%ddeg", (int) FLEXION_DEG[k]), rate(k));
        }
        return f;
    }

    /** Guards over the population's step figures and these, together. */
    public static List<String> missedGuards(PopulationEval steps, KneeWalkEval knees, Map<String, Double> guards) {
        Map<String, Double> f = new LinkedHashMap<>(steps.figures());
        f.putAll(knees.figures());
        Set<String> lower = new java.util.HashSet<>(PopulationEval.LOWER_IS_BETTER);
        lower.addAll(LOWER_IS_BETTER);
        return Evaluator.missedGuards(f, lower, guards);
    }

    public String table() {
        StringBuilder sb = new StringBuilder("\nknee figure (population)              value\n");
        for (Map.Entry<String, Double> e : figures().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-36s %7.3f%n", e.getKey(), e.getValue()));
        }
        sb.append(String.format(Locale.ROOT, "%-36s %7.1f%n", "straight-knee walking minutes", straightMin));
        return sb.toString();
    }
}
