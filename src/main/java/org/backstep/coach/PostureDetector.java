package org.backstep.coach;

import org.backstep.event.AlertKind;

/**
 * Forward lean. While walking: the stride-smoothed trunk pitch above {@code max_lean_deg} for
 * {@code dwell_s}; the lapse ends only when the lean falls {@link #HYSTERESIS_DEG} below the limit
 * for {@link #CLEAR_S}, so one lapse gives one alert. Standing (not walking): a stoop, the trunk
 * bent forward more than {@code max_lean_deg + STOOP_EXTRA_DEG} for {@link #STOOP_S} without a
 * squat (bending at the hips with straight knees), also counts.
 */
final class PostureDetector {
    static final double HYSTERESIS_DEG = 5;
    static final double CLEAR_S = 1;
    static final double STOOP_EXTRA_DEG = 5;
    static final double STOOP_S = 1.5;
    static final double LYING_DEG = 70;

    private final double maxLean;
    private final double dwell;
    private double overSince = Double.NaN;
    private double underSince = Double.NaN;
    private boolean alerted;

    PostureDetector(CoachSettings s) {
        this.maxLean = s.maxLeanDeg();
        this.dwell = s.dwellS();
    }

    /**
     * @param lean      forward lean in degrees (smoothed pitch, or tilt when the forward axis is unknown)
     * @param squatting a squat was seen in the last seconds (the lean belongs to it)
     */
    void update(double t, double lean, boolean walking, boolean squatting, AlertPolicy policy) {
        double limit = walking ? maxLean : maxLean + STOOP_EXTRA_DEG;
        double need = walking ? dwell : Math.max(STOOP_S, 0);
        boolean over = lean > limit && lean < LYING_DEG && (walking || !squatting);
        if (over) {
            underSince = Double.NaN;
            if (Double.isNaN(overSince)) overSince = t;
            if (!alerted && t - overSince >= need) {
                alerted = true;
                policy.offer(AlertKind.POSTURE, overSince, t);
            }
        } else {
            if (lean < maxLean - HYSTERESIS_DEG || lean >= LYING_DEG) {
                overSince = Double.NaN;
                if (Double.isNaN(underSince)) underSince = t;
                if (alerted && t - underSince >= CLEAR_S) alerted = false;
            } else if (!alerted) {
                // between the limits: keep the timer only while a lapse is building
                if (!walking && squatting) overSince = Double.NaN;
            }
        }
    }

    /** A lapse has been alerted and not yet corrected. */
    boolean lapseActive() { return alerted; }

    void reset() {
        overSince = underSince = Double.NaN;
        alerted = false;
    }
}
