package org.backstep.coach;

import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;
import org.backstep.signal.DelayLine;

/**
 * Finds the wearer's forward direction when the mounting is unknown, from walking itself: a
 * fraction of a second after each push-off and heel strike, the pelvis's horizontal acceleration
 * opposes the direction of travel (the braking that couples the vertical and fore-aft motion of
 * the inverted-pendulum gait); sideways sway runs at the stride frequency and barely couples. So
 * the covariance of the horizontal acceleration with the vertical acceleration {@link #LAGS_S}
 * earlier (0.5-3 Hz) points backwards along the direction of travel; steps walked backwards flip
 * it, so it is signed by the gait engine's step direction. On the public walks it lands within 15
 * degrees of the true forward axis (mod the sign of the step directions).
 */
final class ForwardFinder {
    static final double[] LAGS_S = {0.06, 0.12, 0.18};
    static final double NEED_S = 10;

    private final Cascade bv, b1, b2;
    private final DelayLine vHist;
    private final int[] lag;
    private final double[] c1 = new double[LAGS_S.length];
    private final double[] c2 = new double[LAGS_S.length];
    private double time;

    ForwardFinder(double fs) {
        double hi = Math.min(3, fs * 0.45);
        bv = Butterworth.bandPass(2, 0.5, hi, fs);
        b1 = Butterworth.bandPass(2, 0.5, hi, fs);
        b2 = Butterworth.bandPass(2, 0.5, hi, fs);
        lag = new int[LAGS_S.length];
        for (int i = 0; i < lag.length; i++) lag[i] = Math.max(1, (int) Math.round(LAGS_S[i] * fs));
        vHist = new DelayLine(lag[lag.length - 1] + 1);
    }

    /**
     * @param av     vertical acceleration; {@code a1}, {@code a2} the horizontal components along the
     *               frame's first and second horizontal axes
     * @param travel +1 walking forward, -1 backward, 0 not walking
     */
    void update(double av, double a1, double a2, double travel, double dt) {
        double v = bv.filter(av), h1 = b1.filter(a1), h2 = b2.filter(a2);
        vHist.push(v);
        if (travel == 0 || vHist.size() < vHist.capacity()) return;
        time += dt;
        for (int i = 0; i < lag.length; i++) {
            double vd = vHist.get(lag[i]);
            c1[i] -= travel * h1 * vd;
            c2[i] -= travel * h2 * vd;
        }
    }

    boolean ready() { return time >= NEED_S; }

    /** Angle of forward from the first horizontal axis towards the second, radians. */
    double angle() {
        int best = 0;
        for (int i = 1; i < lag.length; i++) {
            if (Math.hypot(c1[i], c2[i]) > Math.hypot(c1[best], c2[best])) best = i;
        }
        return Math.atan2(c2[best], c1[best]);
    }
}
