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

    Timeline(double internalHz, int samples, double baseHeight) {
        this.dt = 1.0 / internalHz;
        this.n = samples;
        for (int c = 0; c < 6; c++) ch[c] = new double[samples];
        java.util.Arrays.fill(ch[Z], baseHeight);
    }

    /** The internal index nearest to time {@code t}. */
    int index(double t) {
        return (int) Math.round(t / dt) + PAD;
    }

    double time(int i) {
        return (i - PAD) * dt;
    }

    /** {@link #addHeld(int, int, double[])} for all six channels, in channel order (x, y, z, yaw, pitch, roll). */
    void addHeldPose(int i0, double[]... channels) {
        if (channels.length != 6) throw new IllegalArgumentException("a pose has 6 channels, got " + channels.length);
        for (int c = 0; c < 6; c++) addHeld(c, i0, channels[c]);
    }

    /** Adds {@code d[k]} at index {@code i0 + k}, then holds {@code d[last]} to the end of the timeline. */
    void addHeld(int c, int i0, double[] d) {
        double[] a = ch[c];
        int len = d.length;
        for (int k = 0; k < len; k++) {
            int i = i0 + k;
            if (i >= 0 && i < n) a[i] += d[k];
        }
        double last = len == 0 ? 0 : d[len - 1];
        if (last != 0) {
            for (int i = Math.max(0, i0 + len); i < n; i++) a[i] += last;
        }
    }
}
