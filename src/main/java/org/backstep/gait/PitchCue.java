package org.backstep.gait;

/**
 * The sign with which the trunk-pitch cue joins the braking cue. In the lower-back recordings it
 * was tuned on, pitch against vertical velocity carries the same sign as AP acceleration against
 * vertical velocity; with another sensor (a different gyroscope convention) or another wearer it
 * can carry the opposite one. So the sign is learned in each session from cycles where the AP
 * cue is clear, and until then the tuned sign holds.
 */
final class PitchCue {
    /** Cycles with a clear AP cue needed before the learned sign replaces the default. */
    static final int CYCLES = 6;
    static final double CLEAR_AP = 0.5;
    static final double CLEAR_PITCH = 0.2;

    private double agreement;
    private int cycles;

    /** +1 or -1. */
    double sign() {
        return cycles >= CYCLES && agreement < 0 ? -1 : 1;
    }

    void learn(double apCorr, double pitchCorr) {
        if (Math.abs(apCorr) < CLEAR_AP || Math.abs(pitchCorr) < CLEAR_PITCH) return;
        agreement += Math.signum(apCorr) * Math.signum(pitchCorr);
        cycles++;
    }

    void reset() {
        agreement = 0;
        cycles = 0;
    }
}
