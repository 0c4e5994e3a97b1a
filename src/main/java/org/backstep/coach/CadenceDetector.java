package org.backstep.coach;

import org.backstep.event.AlertKind;
import org.backstep.event.Direction;

/**
 * Pace, from backward steps: the mean cadence of the last {@link #N} step intervals above
 * {@code cadence.max_spm}, or their coefficient of variation above {@link #UNEVEN_CV}, for
 * {@link #SUSTAIN} consecutive steps. A pause longer than {@link #PAUSE_S} starts afresh. One
 * lapse, one alert: it ends after {@link #SUSTAIN} steps at a good pace.
 */
final class CadenceDetector {
    static final int N = 6;
    static final int SUSTAIN = 8;
    static final double UNEVEN_CV = 0.2;
    static final double PAUSE_S = 1.5;
    static final double CLEAR_MARGIN_SPM = 5;

    private final double maxSpm;
    private final double[] times = new double[N + 1];
    private int count;
    private int badRun;
    private int goodRun;
    private double badSince;
    private boolean lapse;
    private double lastSpm = Double.NaN;
    private double lastCv = Double.NaN;

    CadenceDetector(CoachSettings s) {
        this.maxSpm = s.cadenceMaxSpm();
    }

    void step(double t, double at, Direction direction, AlertPolicy policy) {
        if (direction != Direction.BACKWARD) {
            count = 0;
            return;
        }
        if (count > 0 && t - times[(count - 1) % times.length] > PAUSE_S) count = 0;
        if (count > 0 && t <= times[(count - 1) % times.length]) return;
        times[count % times.length] = t;
        count++;
        if (count < times.length) return;
        double s = 0, s2 = 0;
        for (int i = 0; i < N; i++) {
            double d = times[(count - 1 - i) % times.length] - times[(count - 2 - i) % times.length];
            s += d;
            s2 += d * d;
        }
        double m = s / N;
        lastSpm = 60 / m;
        lastCv = Math.sqrt(Math.max(0, s2 / N - m * m)) / m;
        boolean bad = lastSpm > maxSpm || lastCv > UNEVEN_CV;
        boolean good = lastSpm < maxSpm - CLEAR_MARGIN_SPM && lastCv < UNEVEN_CV * 0.75;
        if (bad) {
            if (badRun == 0) badSince = times[(count - 1 - N) % times.length];
            badRun++;
            goodRun = 0;
            if (!lapse && badRun >= SUSTAIN) {
                lapse = true;
                policy.offer(AlertKind.CADENCE, badSince, at);
            }
        } else {
            badRun = 0;
            if (good) goodRun++;
            if (lapse && goodRun >= SUSTAIN) lapse = false;
        }
    }

    /** Steps per minute over the last intervals, NaN before enough backward steps. */
    double cadenceSpm() { return lastSpm; }

    boolean lapseActive() { return lapse; }
}
