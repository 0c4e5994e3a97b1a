package org.backstep.sim;

/** Smooth transition helpers (C2: value, slope and curvature continuous). */
final class Smooth {
    private Smooth() {
    }

    /** Quintic smoothstep of {@code x} clamped to [0, 1]; 0 below, 1 above; max slope 1.875. */
    static double step(double x) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        return x * x * x * (x * (6 * x - 15) + 10);
    }

    /** Fade-in over {@code [0, ramp]} and fade-out over {@code [len - ramp, len]} at local time {@code tau}. */
    static double window(double tau, double len, double ramp) {
        double r = Math.min(ramp, len / 2);
        if (r <= 0) return 1;
        return step(tau / r) * step((len - tau) / r);
    }

    /**
     * A smooth impact transient: displacement shaped so that its second derivative is a damped
     * oscillation of about {@code 1} (scale by the wanted acceleration) at angular frequency
     * {@code omega}, starting with zero value, slope and curvature at {@code tau = 0}; the
     * envelope peaks at {@code tau = tauPeak} and is negligible after {@code 5 tauPeak}.
     */
    static double impact(double tau, double omega, double tauPeak) {
        if (tau <= 0) return 0;
        double x = tau / tauPeak;
        double env = x * x * Math.exp(2 * (1 - x));
        return -env * Math.sin(omega * tau) / (omega * omega);
    }
}
