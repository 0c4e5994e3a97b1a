package org.backstep.frame;

/** Reciprocal norms without a square root or a division per sample where the norm barely moves. */
final class Norms {
    /**
     * Largest relative distance of {@code s * guess^2} from 1 refined by one Newton step: the step's
     * error is 3/8 of its square, 4e-9 here; further off, the exact root.
     */
    static final double NEWTON_SPAN = 1e-4;

    private Norms() {
    }

    /**
     * {@code 1 / Math.sqrt(s)}, from a guess close to it (the last sample's, or 1 for a unit vector
     * nudged): one Newton step, {@code guess * (1.5 - 0.5 * s * guess^2)}, when the guess is within
     * {@link #NEWTON_SPAN}, else the exact reciprocal root.
     */
    static double invSqrtNear(double s, double guess) {
        double e = s * guess * guess;
        if (Math.abs(e - 1) < NEWTON_SPAN) return guess * (1.5 - 0.5 * e);
        return 1 / Math.sqrt(s);
    }
}
