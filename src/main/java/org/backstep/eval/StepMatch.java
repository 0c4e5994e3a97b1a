package org.backstep.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.backstep.event.StepEvent;

/**
 * Scores one recording's detected steps against its truth, by the rules of the data README:
 * only detected steps whose contact falls inside an annotated window count; a detected step
 * matches a true step within {@value #TOLERANCE_S} s, each true step at most once, nearest first.
 * True steps that no scored detection can reach (outside every window, or outside the recording)
 * still count as true steps, as the rules say; they are counted apart so a reader can see the
 * ceiling they set.
 */
public final class StepMatch {
    public static final double TOLERANCE_S = 0.30;

    public final int detected;         // detected steps inside the windows (all, if no windows)
    public final int truth;            // true steps, including those without a time
    public final int unreachable;      // timed true steps outside every window or outside the recording
    public final int matched;
    public final int directionCorrect;
    public final int detectedForward, detectedBackward;
    public final double[] latencies;   // report time minus true contact, per matched step

    private StepMatch(int detected, int truth, int unreachable, int matched, int directionCorrect, int fwd, int bwd,
                      double[] latencies) {
        this.detected = detected;
        this.truth = truth;
        this.unreachable = unreachable;
        this.matched = matched;
        this.directionCorrect = directionCorrect;
        this.detectedForward = fwd;
        this.detectedBackward = bwd;
        this.latencies = latencies;
    }

    /**
     * @param startS the recording's first sample time and {@code endS} its last: a true step outside
     *               them cannot be detected
     */
    public static StepMatch score(List<StepEvent> steps, List<Dataset.TrueStep> trueSteps, List<Dataset.Window> windows,
                                  double startS, double endS) {
        List<StepEvent> det = new ArrayList<>();
        int fwd = 0, bwd = 0;
        for (StepEvent s : steps) {
            if (scored(s.t(), windows)) {
                det.add(s);
                if (s.direction() == org.backstep.event.Direction.FORWARD) fwd++;
                else bwd++;
            }
        }
        List<Dataset.TrueStep> timed = trueSteps.stream().filter(ts -> !Double.isNaN(ts.t())).toList();
        int unreachable = (int) timed.stream()
                .filter(ts -> ts.t() < startS || ts.t() > endS || !scored(ts.t(), windows)).count();
        // all candidate pairs within tolerance, nearest first
        List<int[]> pairs = new ArrayList<>();
        List<Double> dist = new ArrayList<>();
        for (int i = 0; i < det.size(); i++) {
            for (int j = 0; j < timed.size(); j++) {
                double d = Math.abs(det.get(i).t() - timed.get(j).t());
                if (d <= TOLERANCE_S + 1e-9) {
                    pairs.add(new int[] {i, j});
                    dist.add(d);
                }
            }
        }
        Integer[] order = new Integer[pairs.size()];
        for (int k = 0; k < order.length; k++) order[k] = k;
        java.util.Arrays.sort(order, Comparator.comparingDouble(dist::get));
        boolean[] usedD = new boolean[det.size()];
        boolean[] usedT = new boolean[timed.size()];
        int matched = 0, right = 0;
        List<Double> lat = new ArrayList<>();
        for (int k : order) {
            int i = pairs.get(k)[0], j = pairs.get(k)[1];
            if (usedD[i] || usedT[j]) continue;
            usedD[i] = usedT[j] = true;
            matched++;
            if (det.get(i).direction() == timed.get(j).direction()) right++;
            lat.add(det.get(i).at() - timed.get(j).t());
        }
        return new StepMatch(det.size(), trueSteps.size(), unreachable, matched, right, fwd, bwd,
                lat.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * A gap between consecutive true steps longer than this many times the recording's median step
     * interval holds at least one step the truth left out: one left-out step doubles a gap, and
     * step-to-step variability (up to 15%) stays well under the rest.
     */
    static final double UNANNOTATED_GAP_INTERVALS = 1.7;

    /**
     * {@code windows} without the stretches the truth leaves unannotated inside them: the inside of
     * every gap between consecutive timed true steps longer than {@link #UNANNOTATED_GAP_INTERVALS}
     * median step intervals, less the matching tolerance at each end (a detection there may still
     * match the step at the gap's edge). The IPOL lab walks annotate no step in their U-turns,
     * though their windows span them. With fewer than three timed steps, the windows as they are.
     */
    static List<Dataset.Window> annotatedOnly(List<Dataset.TrueStep> trueSteps, List<Dataset.Window> windows) {
        double[] t = trueSteps.stream().mapToDouble(Dataset.TrueStep::t).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (t.length < 3) return windows;
        double[] gaps = new double[t.length - 1];
        for (int i = 0; i < gaps.length; i++) gaps[i] = t[i + 1] - t[i];
        double[] sorted = gaps.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        List<Dataset.Window> out = new ArrayList<>(windows.isEmpty()
                ? List.of(new Dataset.Window(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)) : windows);
        for (int i = 0; i < gaps.length; i++) {
            if (gaps[i] <= UNANNOTATED_GAP_INTERVALS * median) continue;
            double from = t[i] + TOLERANCE_S, to = t[i + 1] - TOLERANCE_S;
            List<Dataset.Window> next = new ArrayList<>();
            for (Dataset.Window w : out) {
                if (w.to() <= from || w.from() >= to) {
                    next.add(w);
                    continue;
                }
                if (w.from() < from) next.add(new Dataset.Window(w.from(), from));
                if (w.to() > to) next.add(new Dataset.Window(to, w.to()));
            }
            out = next;
        }
        return out;
    }

    private static boolean scored(double t, List<Dataset.Window> windows) {
        return windows.isEmpty() || windows.stream().anyMatch(w -> w.contains(t));
    }

    /** True steps that have a time (the only ones recall can find). */
    public static int timed(List<Dataset.TrueStep> trueSteps) {
        return (int) trueSteps.stream().filter(ts -> !Double.isNaN(ts.t())).count();
    }
}
