package org.backstep.coach;

import org.backstep.core.MinMax;
import org.backstep.event.AlertKind;

/**
 * Stumbles and imbalance.
 *
 * <p>Stumble: the sudden recovery of a trip or misstep is a jolt far above the wearer's own
 * walking jolts: in half-second windows, the peak specific force above {@link #STUMBLE_G} g and
 * {@link #STUMBLE_RATIO} times the running baseline of active windows, while moving: inside a
 * walking bout, or after {@link #ACTIVE_WINDOWS} active windows in a row (not starting from rest:
 * sitting down hard or jumping is not a stumble). The bout matters because a trip unloads the body
 * for a moment before the recovery, and where the fixed windows happen to fall must not decide
 * whether that moment counts as rest. It is reported {@link #CONFIRM_S} later if the trunk is still
 * near upright (otherwise it is the fall detector's business).
 *
 * <p>Imbalance: trunk sway, the horizontal (roll and pitch) angular rate, whose power is compared
 * with the first {@link #BASE_S} seconds of walking in the session; sway above
 * {@link #SWAY_RATIO} times baseline RMS for {@link #SWAY_S}, or above {@link #SWAY_RATIO_IRREG}
 * together with irregular step times (coefficient of variation above {@link #STEP_CV}), is a lapse.
 */
final class BalanceDetector {
    static final double WINDOW_S = 0.5;
    static final double ACTIVE_G = 1.08;
    static final int ACTIVE_WINDOWS = 2;
    static final double STUMBLE_G = 2.75;
    static final double STUMBLE_RATIO = 1.8;
    static final double CONFIRM_S = 1.5;
    static final double UPRIGHT_DEG = 45;
    static final double BASE_S = 20;
    static final double SWAY_RATIO = 2.2;
    static final double SWAY_RATIO_IRREG = 1.6;
    static final double SWAY_S = 3;
    static final double STEP_CV = 0.25;
    static final double SWAY_TAU_S = 2;

    private double winStart = Double.NaN;
    private double winPeak;
    private double winPeakT;
    private int activeRun;           // active windows in a row, up to the last completed one
    private double baseline;
    private double stumbleT = Double.NaN;

    private double swayPow;
    private double basePowSum;
    private double baseTime;
    /** The baseline's mean sway power, (rad/s)^2: fixed once {@link #BASE_S} of walking are in. */
    private double basePow;
    /** Sway power above which the RMS ratio to the baseline passes {@link #SWAY_RATIO}, and {@link #SWAY_RATIO_IRREG}. */
    private double overPow, irregPow;
    private double overSince = Double.NaN;
    private boolean swayLapse;
    private double underSince = Double.NaN;
    private double lastT = Double.NaN;

    private final double[] stepT = new double[9];
    private int steps;
    /** {@link #stepCv()} as of the last step: it changes only with one, and is read per sample while swaying. */
    private double stepCv;

    /**
     * @param wHoriz2  the horizontal (roll and pitch) angular rate, squared, (rad/s)^2: sway power, no root taken
     * @param attitude the trunk's attitude: its tilt is read only when a stumble is confirmed, from the
     *                 upright reference when {@code hasRef}, else from its slow average
     */
    void sample(double t, double aG, double wHoriz2, boolean walking, TrunkAttitude attitude, boolean hasRef, AlertPolicy policy) {
        double dt = Double.isNaN(lastT) ? 0 : MinMax.atMost(0.5, MinMax.atLeast(0, t - lastT));
        lastT = t;
        // stumble
        if (Double.isNaN(winStart)) winStart = t;
        if (aG > winPeak) {
            winPeak = aG;
            winPeakT = t;
        }
        if (t - winStart >= WINDOW_S - 1e-9) {
            boolean active = winPeak > ACTIVE_G;
            boolean moving = walking || activeRun >= ACTIVE_WINDOWS;
            boolean jolt = moving && winPeak > STUMBLE_G && winPeak > STUMBLE_RATIO * baseline;
            if (jolt) {
                if (Double.isNaN(stumbleT)) stumbleT = winPeakT;
            } else if (active && winPeak < STUMBLE_G) {
                baseline = baseline == 0 ? winPeak : baseline + 0.2 * (winPeak - baseline);
            }
            activeRun = active ? activeRun + 1 : 0;
            winStart = t;
            winPeak = 0;
        }
        if (!Double.isNaN(stumbleT) && t - stumbleT >= CONFIRM_S) {
            double tilt = hasRef ? attitude.tiltDeg() : FallDetector.angle(attitude.slowUp(), attitude.up());
            if (tilt < UPRIGHT_DEG) policy.offer(AlertKind.STUMBLE, stumbleT, t);
            stumbleT = Double.NaN;
        }
        // sway
        if (!walking) {
            overSince = Double.NaN;
            return;
        }
        double k = MinMax.atMost(1, dt * (1 / SWAY_TAU_S));     // a power of two: the bits of dividing, without a division per sample
        swayPow += k * (wHoriz2 - swayPow);
        if (baseTime < BASE_S) {
            baseTime += dt;
            basePowSum += wHoriz2 * dt;
            if (baseTime >= BASE_S) {
                basePow = MinMax.atLeast(1e-6, basePowSum / baseTime);
                // the RMS ratios as power limits, once: no root or division per sample
                overPow = SWAY_RATIO * SWAY_RATIO * basePow;
                irregPow = SWAY_RATIO_IRREG * SWAY_RATIO_IRREG * basePow;
            }
            return;
        }
        boolean over = swayPow > overPow || (swayPow > irregPow && stepCv > STEP_CV);
        if (over) {
            underSince = Double.NaN;
            if (Double.isNaN(overSince)) overSince = t;
            if (!swayLapse && t - overSince >= SWAY_S) {
                swayLapse = true;
                policy.offer(AlertKind.IMBALANCE, overSince, t);
            }
        } else {
            overSince = Double.NaN;
            if (swayPow < irregPow) {
                if (Double.isNaN(underSince)) underSince = t;
                if (swayLapse && t - underSince >= SWAY_S) swayLapse = false;
            }
        }
    }

    void step(double t) {
        if (steps > 0 && t - stepT[(steps - 1) % stepT.length] > 1.5) steps = 0;
        stepT[steps % stepT.length] = t;
        steps++;
        stepCv = stepCv();
    }

    /** Coefficient of variation of the last eight step times, 0 with fewer. */
    double stepCv() {
        int n = stepT.length - 1;
        if (steps < stepT.length) return 0;
        double s = 0, s2 = 0;
        for (int i = 0; i < n; i++) {
            double d = stepT[(steps - 1 - i) % stepT.length] - stepT[(steps - 2 - i) % stepT.length];
            s += d;
            s2 += d * d;
        }
        double m = s / n;
        return Math.sqrt(Math.max(0, s2 / n - m * m)) / m;
    }

    boolean lapseActive() { return swayLapse; }

    void resetBaseline() {
        baseTime = 0;
        basePowSum = 0;
        swayLapse = false;
    }
}
