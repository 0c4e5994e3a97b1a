package org.backstep.sim;

import java.util.List;

/**
 * A scenario's samples rendered as they are asked for, for a consumer that reads them once in
 * order (the demo's simulated chip): segment by segment, into a window of the internal timeline
 * that starts at the oldest index still needed, and a bout of walking a stretch at a time as the
 * window moves on ({@link GaitBout#begin}), so memory is that of a window or of the longest other
 * segment, not of the whole walk or of a bout, and the first samples come without rendering the
 * rest. The samples are those of {@link Scenario#run()}, bit for bit (the same arithmetic, the same
 * noise sequence, each index's deltas added in segment order): {@code SimulationStreamTest}.
 */
public final class SimulationStream {
    /** Internal samples a window reaches past the index it was made for (4 s at 1 kHz): windows are remade per segment or per chunk, not per sample. */
    private static final int CHUNK = 4096;
    /** A segment's window reaches this far past its end index (writes past a window's end are caught, never lost silently). */
    private static final int MARGIN = 16;

    private final Scenario scenario;
    private final Kinematics.Sampler sampler;
    private final List<Segment> segments;
    private final int total;
    /** The earliest start index of segments i and later. */
    private final int[] earliest;
    private final Truth.Collector truth = new Truth.Collector();
    private Timeline tl;
    private int rendered;
    private int next;
    /** The bout being rendered a stretch at a time, or null; the pose from before it, held beyond what it has rendered. */
    private GaitBout.Pass open;
    private double[] beforeOpen;

    SimulationStream(Scenario scenario) {
        this.scenario = scenario;
        ScenarioCompiler.Result compiled = ScenarioCompiler.compile(scenario.specs(), scenario.seed());
        this.sampler = new Kinematics.Sampler(scenario, compiled);
        this.segments = compiled.segments();
        this.total = sampler.internalSamples();
        Timeline rest = new Timeline(sampler.fsInt, 1, Scenario.PELVIS_HEIGHT);
        this.tl = new Timeline(rest, 0, Math.min(total, CHUNK), total);
        earliest = new int[segments.size() + 1];
        earliest[segments.size()] = Integer.MAX_VALUE;
        for (int s = segments.size() - 1; s >= 0; s--) earliest[s] = Math.min(earliest[s + 1], absoluteIndex(segments.get(s).start()));
    }

    private int absoluteIndex(double t) {
        return tl.index(t) + tl.base;
    }

    public Scenario scenario() { return scenario; }

    public double rateHz() { return sampler.rate; }

    /** Samples in the walk. */
    public int size() { return sampler.samples; }

    /** Duration in seconds (time of the last sample), as {@link Simulation#duration()}. */
    public double duration() { return (sampler.samples - 1) / sampler.rate; }

    /** Internal samples the current window holds (what the stream keeps of the walk's pose). */
    int windowLength() { return tl.n; }

    /** Samples handed out so far. */
    public int position() { return next; }

    /**
     * The next sample into {@code out7} as {@code t, ax, ay, az, gx, gy, gz}, or false at the end of
     * the walk. Allocates only when a segment is rendered or a window is remade.
     */
    public boolean next(double[] out7) {
        if (next >= sampler.samples) return false;
        int i = sampler.internalIndex(next);
        // the segments that reach the indices the sampler reads, i - 1 to i + 1, before the window moves
        // past their start; then the window, from the open bout's next index if that is earlier
        while (rendered < segments.size() && earliest[rendered] <= i + 1) render(i);
        if (i + 1 >= tl.base + tl.n) window(i - 1, Math.min(total, i - 1 + CHUNK));
        if (open != null && open.next() <= i + 1) {
            open.renderTo(tl, tl.reach());
            if (open.done()) open = null;
        }
        sampler.sample(tl, next, row);
        System.arraycopy(row, 0, out7, 0, 7);
        next++;
        return true;
    }

    private final double[] row = new double[8];

    /** Remakes the window as absolute indices {@code [lo, hi)}, from earlier if the open bout has not reached {@code lo}. */
    private void window(int lo, int hi) {
        if (open == null) {
            tl = new Timeline(tl, lo, hi - lo, total);
        } else {
            int from = Math.min(lo, open.next());
            tl = new Timeline(tl, from, hi - from, total, beforeOpen);
        }
    }

    private void render(int i) {
        int lo = Math.min(i - 1, earliest[rendered]);
        if (open != null) {
            // the next segment overlaps the open bout's end (a fall): the bout's rest first, as the whole walk adds them
            window(lo, Math.min(total, Math.max(tl.base + tl.n, open.after + MARGIN)));
            open.renderTo(tl, tl.reach());
            open = null;
        }
        Segment s = segments.get(rendered);
        if (s instanceof GaitBout bout) {
            beforeOpen = tl.lastPose();
            open = bout.begin(tl, truth);
        } else {
            window(lo, Math.min(total, Math.max(tl.base + tl.n, absoluteIndex(s.end()) + MARGIN)));
            s.render(tl, truth);
        }
        rendered++;
    }

    /**
     * The truth of the whole walk. It renders the segments not reached yet, and so ends the stream:
     * {@link #next} then returns false (a consumer asks at its end, which may stop short of the
     * last sample).
     */
    public Truth truth() {
        // no pose is read after this: a bout gives its truth when it begins, and need not be rendered
        open = null;
        while (rendered < segments.size()) {
            render(sampler.internalIndex(sampler.samples - 1));
            open = null;
        }
        next = sampler.samples;
        return truth.build();
    }
}
