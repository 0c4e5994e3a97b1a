package org.backstep.sim;

import java.util.List;

/**
 * A scenario's samples rendered as they are asked for, for a consumer that reads them once in
 * order (the demo's simulated chip): segment by segment, into a window of the internal timeline
 * that starts at the oldest index still needed, so memory is that of the longest segment (a
 * bout of walking), not of the whole walk, and the first samples come without rendering the rest.
 * The samples are those of {@link Scenario#run()}, bit for bit (the same arithmetic, the same noise
 * sequence): {@code SimulationStreamTest}.
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
        while (rendered < segments.size() && earliest[rendered] <= i + 1) render(i);
        if (i + 1 >= tl.base + tl.n) tl = new Timeline(tl, i - 1, Math.min(total, i - 1 + CHUNK) - (i - 1), total);
        sampler.sample(tl, next, row);
        System.arraycopy(row, 0, out7, 0, 7);
        next++;
        return true;
    }

    private final double[] row = new double[8];

    private void render(int i) {
        Segment s = segments.get(rendered);
        int lo = Math.min(i - 1, earliest[rendered]);
        int hi = Math.min(total, Math.max(tl.base + tl.n, absoluteIndex(s.end()) + MARGIN));
        tl = new Timeline(tl, lo, hi - lo, total);
        s.render(tl, truth);
        rendered++;
    }

    /**
     * The truth of the whole walk. It renders the segments not reached yet, and so ends the stream:
     * {@link #next} then returns false (a consumer asks at its end, which may stop short of the
     * last sample).
     */
    public Truth truth() {
        while (rendered < segments.size()) render(sampler.internalIndex(sampler.samples - 1));
        next = sampler.samples;
        return truth.build();
    }
}
