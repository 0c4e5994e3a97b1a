package org.backstep.coach;

/**
 * The upright frame trunk angles are measured in: up, forward and left in sensor coordinates, and
 * how far it is to be trusted ({@link State}). {@link Coach} decides when to take it; this class
 * holds it and builds the frame. No allocation after construction.
 */
final class UprightReference {
    /** How the frame was taken, in the order it improves. */
    enum State {
        /** No frame yet: no angles. */
        NONE,
        /** The orientation a second after start, the wearer never still: for the posture trace only, no alert is judged against it. */
        BLIND,
        /** A first still moment, too short for the reference: lean is judged against it until the reference. */
        PROVISIONAL,
        /** Standing still long enough (or on {@code calibrate}): the reference. */
        TAKEN;

        /** Angles can be measured (a frame exists). */
        boolean framed() { return this != NONE; }

        /** Taken while still: lean may be judged against it. */
        boolean judged() { return this == PROVISIONAL || this == TAKEN; }
    }

    private final double[] fwd;
    final double[] u0 = new double[3];
    final double[] f0 = new double[3];
    final double[] l0 = new double[3];
    private final double[] f = new double[3];
    private State state = State.NONE;
    private boolean axisLearned;

    /** @param forwardOrNull the configured forward axis (unit vector, sensor frame), or null to stand one in and learn it */
    UprightReference(double[] forwardOrNull) {
        this.fwd = forwardOrNull;
    }

    State state() { return state; }

    /** The forward direction was learned from walking (no configured axis). */
    boolean axisLearned() { return axisLearned; }

    /** Takes {@code up} as upright with the given trust (never {@link State#NONE}). */
    void take(double[] up, State s) {
        assert s != State.NONE;
        System.arraycopy(up, 0, u0, 0, 3);
        if (fwd != null) {
            System.arraycopy(fwd, 0, f, 0, 3);
        } else if (axisLearned) {
            System.arraycopy(f0, 0, f, 0, 3);
        } else {
            // the most horizontal sensor axis stands in for forward
            int best = 0;
            for (int i = 1; i < 3; i++) if (Math.abs(up[i]) < Math.abs(up[best])) best = i;
            f[0] = f[1] = f[2] = 0;
            f[best] = 1;
        }
        System.arraycopy(f, 0, f0, 0, 3);
        orthonormalize();
        state = s;
    }

    /** Turns forward by {@code angle} (radians, towards left) in the horizontal plane: the direction of travel learned from walking. */
    void learnForward(double angle) {
        double c = Math.cos(angle), s = Math.sin(angle);
        for (int i = 0; i < 3; i++) f0[i] = c * f0[i] + s * l0[i];
        orthonormalize();
        axisLearned = true;
    }

    /** Forward made horizontal (orthogonal to up) and unit; left = up x forward. */
    private void orthonormalize() {
        double d = dot(f0, u0);
        for (int i = 0; i < 3; i++) f0[i] -= d * u0[i];
        double n = Math.sqrt(dot(f0, f0));
        for (int i = 0; i < 3; i++) f0[i] /= n;
        l0[0] = u0[1] * f0[2] - u0[2] * f0[1];
        l0[1] = u0[2] * f0[0] - u0[0] * f0[2];
        l0[2] = u0[0] * f0[1] - u0[1] * f0[0];
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
