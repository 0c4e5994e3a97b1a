package org.backstep.sim;

/**
 * The pelvis pose sampled at the internal rate: world position (x along the initial facing
 * direction, y left, z up; metres) and ZYX Euler angles (yaw about world z, then pitch about the
 * body's left axis, positive = forward lean, then roll about the body's forward axis, positive =
 * left side up; radians). Segments add deltas; a delta's final value is held for the rest of the
 * timeline, so each segment starts from the pose the previous ones left.
 */
final class Timeline {
    static final int X = 0;
    static final int Y = 1;
    static final int Z = 2;
    static final int YAW = 3;
    static final int PITCH = 4;
    static final int ROLL = 5;
    /** Samples before t = 0, so central differences work at the first output sample. */
    static final int PAD = 2;

    final double dt;
    final int n;
    final double[][] ch = new double[6][];
    /**
     * The absolute index of this timeline's index 0: 0 for the whole walk; for a window of a
     * streamed walk ({@link SimulationStream}), where it starts. Indices given to and taken from a
     * segment are the window's own, so a segment renders into a window as into the whole walk.
     */
    final int base;
    /** A window ends before the walk does: a write past its end would be lost, which is an error, not the walk's end. */
    private final boolean cut;

    Timeline(double internalHz, int samples, double baseHeight) {
        this.dt = 1.0 / internalHz;
        this.n = samples;
        this.base = 0;
        this.cut = false;
        for (int c = 0; c < 6; c++) ch[c] = new double[samples];
        java.util.Arrays.fill(ch[Z], baseHeight);
    }

    /**
     * The window of absolute indices {@code [base, base + samples)} of a walk {@code total} long:
     * what {@code from} holds of it, and beyond {@code from}'s end its last pose, held (every segment
     * rendered into {@code from} ended inside it).
     */
    Timeline(Timeline from, int base, int samples, int total) {
        this(from, base, samples, total, from.lastPose());
    }

    /**
     * The window of absolute indices {@code [base, base + samples)} of a walk {@code total} long:
     * what {@code from} holds of it, and beyond {@code from}'s end the pose {@code held} (for a window
     * remade while a segment is rendered a stretch at a time: the pose from before that segment).
     */
    Timeline(Timeline from, int base, int samples, int total, double[] held) {
        this.dt = from.dt;
        this.n = samples;
        this.base = base;
        this.cut = base + samples < total;
        for (int c = 0; c < 6; c++) {
            double[] a = new double[samples];
            double[] old = from.ch[c];
            for (int i = 0; i < samples; i++) {
                int j = base + i - from.base;
                if (j < 0) throw new IllegalStateException("window at " + base + " starts before the kept " + from.base);
                a[i] = j < from.n ? old[j] : held[c];
            }
            ch[c] = a;
        }
    }

    /** The pose at this timeline's last index: what segments rendered into it hold beyond it. */
    double[] lastPose() {
        double[] p = new double[6];
        for (int c = 0; c < 6; c++) p[c] = ch[c][n - 1];
        return p;
    }

    /** The absolute index a segment may write up to (exclusive): this window's end, or no limit where the walk's own end is. */
    int reach() {
        return cut ? base + n : Integer.MAX_VALUE;
    }

    /** The internal index nearest to time {@code t}. */
    int index(double t) {
        return (int) Math.round(t / dt) + PAD - base;
    }

    double time(int i) {
        return (i + base - PAD) * dt;
    }

    /** {@link #addHeld(int, int, double[])} for all six channels, in channel order (x, y, z, yaw, pitch, roll). */
    void addHeldPose(int i0, double[]... channels) {
        if (channels.length != 6) throw new IllegalArgumentException("a pose has 6 channels, got " + channels.length);
        for (int c = 0; c < 6; c++) addHeld(c, i0, channels[c]);
    }

    /** Adds {@code d[k]} at index {@code i0 + k}, then holds {@code d[last]} to the end of the timeline. */
    void addHeld(int c, int i0, double[] d) {
        add(c, i0, d, d.length);
        hold(c, i0 + d.length, d.length == 0 ? 0 : d[d.length - 1]);
    }

    /** Adds {@code d[k]} at index {@code i0 + k} for {@code k < len}: a stretch of a segment rendered in order. */
    void add(int c, int i0, double[] d, int len) {
        double[] a = ch[c];
        if (cut && (i0 < 0 || i0 + len > n)) {
            throw new IllegalStateException("a segment at " + (base + i0) + ", " + len + " long, outside the window " + base + " + " + n);
        }
        for (int k = 0; k < len; k++) {
            int i = i0 + k;
            if (i >= 0 && i < n) a[i] += d[k];
        }
    }

    /** Adds a segment's final delta {@code last} from index {@code from} to the end of the timeline. */
    void hold(int c, int from, double last) {
        if (last != 0) {
            double[] a = ch[c];
            for (int i = Math.max(0, from); i < n; i++) a[i] += last;
        }
    }
}
