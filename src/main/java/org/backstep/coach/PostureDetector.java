package org.backstep.coach;

import org.backstep.event.AlertKind;

/**
 * Forward lean. While walking: the stride-smoothed trunk pitch above {@code max_lean_deg} for
 * {@code dwell_s}; the lapse ends only when the lean falls {@link #HYSTERESIS_DEG} below the limit
 * for {@link #CLEAR_S}, so one lapse gives one alert. Standing (not walking): a stoop, the trunk
 * bent forward more than {@code max_lean_deg + STOOP_EXTRA_DEG} for {@link #STOOP_S} (bending at
 * the hips with straight knees), also counts, however deep the bend. The stoop waits while a
 * standing bend is still being classified ({@link StandingBend#pending}), and does not apply to a
 * squat's lean, nor to a wearer whose pelvis is down at sitting or lying height or who fell.
 */
final class PostureDetector {
    static final double HYSTERESIS_DEG = 5;
    static final double CLEAR_S = 1;
    static final double STOOP_EXTRA_DEG = 5;
    static final double STOOP_S = 1.5;

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
     * @param lean       forward lean in degrees (smoothed pitch, or tilt when the forward axis is unknown)
     * @param wait       standing, a bend is being classified: the lean may be a squat's, keep timing but do not alert
     * @param notAStoop  standing, the lean belongs to a squat, a seated or lying wearer or a fall
     */
    void update(double t, double lean, boolean walking, boolean wait, boolean notAStoop, AlertPolicy policy) {
        double limit = walking ? maxLean : maxLean + STOOP_EXTRA_DEG;
        double need = walking ? dwell : STOOP_S;
        boolean over = lean > limit && (walking || !notAStoop);
        if (over) {
            underSince = Double.NaN;
            if (Double.isNaN(overSince)) overSince = t;
            if (!alerted && t - overSince >= need && (walking || !wait)) {
                alerted = true;
                policy.offer(AlertKind.POSTURE, overSince, t);
            }
        } else {
            if (lean < maxLean - HYSTERESIS_DEG) {
                overSince = Double.NaN;
                if (Double.isNaN(underSince)) underSince = t;
                if (alerted && t - underSince >= CLEAR_S) alerted = false;
            } else if (!alerted && !walking && notAStoop) {
                // between the limits: keep the timer only while a lapse is building
                overSince = Double.NaN;
            }
        }
    }

    /**
     * Whether {@link #update} with this lean could change anything that is read: not with nothing
     * alerted, no lapse being timed and the lean at or under the lowest limit (walking's); it would
     * only note when the lean went under the clearing limit, which is read once a lapse is alerted, and
     * an alert restarts it. The caller then skips it, and the squat and stoop tests its arguments take.
     */
    boolean busy(double lean) {
        return alerted || !Double.isNaN(overSince) || lean > maxLean;
    }

    /** A lapse has been alerted and not yet corrected. */
    boolean lapseActive() { return alerted; }

    void reset() {
        overSince = underSince = Double.NaN;
        alerted = false;
    }
}
