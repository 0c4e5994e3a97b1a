package org.backstep.gait;

/**
 * Whether the pelvis sways from side to side at a step's pace: walking shifts the weight over each
 * stance foot in turn, so the sideways velocity (the step band's lateral, integrated, as the engine's
 * window travel) swings past {@link #SWAY_VELOCITY_M_S} to one side and then to the other, each side
 * held for about one step. A car's sway, a fidget or a standing wearer's drift does not alternate at
 * that pace. One sample at a time, no allocation.
 */
final class SwayAlternation {
    /**
     * Sideways velocity of the pelvis a step's weight transfer reaches, m/s: a step's walking sway (5 cm,
     * {@link BoutTracker}'s {@code WALKING_SWAY_M}) carried over in a second is this on average, and a
     * slow, wide-based walker's transfer peaks above its average; standing sway drifts under 1 cm a second.
     */
    static final double SWAY_VELOCITY_M_S = 0.05;
    /**
     * Shortest time one side is held, s: a brisk step (0.35 s, about 170 steps/min, the fastest pace
     * the two-candidate start takes) holds the pelvis over its stance foot this long.
     */
    static final double MIN_SIDE_S = 0.35;

    private final double maxSideS;
    private int side;                                       // +1 left, -1 right, 0 none yet
    private double sideSince = Double.NaN;                  // when the pelvis turned to the current side, s
    private boolean lastTurnPaced;                          // the side before it was held a step's time

    /** @param maxSideS the longest a side is held, s: the step ceiling ({@link GaitSettings#maxStepIntervalS}) */
    SwayAlternation(double maxSideS) {
        this.maxSideS = maxSideS;
    }

    /** Offers the sideways velocity {@code lateral}, m/s, positive to the left, at time {@code t}, s. */
    void update(double t, double lateral) {
        int now = lateral > SWAY_VELOCITY_M_S ? 1 : lateral < -SWAY_VELOCITY_M_S ? -1 : 0;
        if (now == 0 || now == side) return;
        double held = t - sideSince;     // NaN for the first side: no turn yet
        lastTurnPaced = side != 0 && held >= MIN_SIDE_S && held <= maxSideS;
        side = now;
        sideSince = t;
    }

    /**
     * Whether the pelvis alternates at a step's pace at time {@code t}: its last turn came after a
     * side held {@link #MIN_SIDE_S} to the step ceiling, and no longer than the ceiling ago.
     */
    boolean alternating(double t) {
        return lastTurnPaced && t - sideSince <= maxSideS;
    }
}
