package org.backstep.coach;

import static org.backstep.coach.UprightReference.dot;

import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;
import org.backstep.signal.DelayLine;
import org.backstep.core.MinMax;
import org.backstep.core.StrictTrig;

/**
 * The trunk's attitude as the coach's detectors read it, per sample: the tilt filter's up vector,
 * its slow average and that average's recent history (the orientation "before" an impact), and
 * the trunk's pitch, roll, tilt and lean against an {@link UprightReference}'s frame. Angles are
 * computed at {@link #ANGLE_RATE_HZ}, not per sample (roll and tilt only when read); the lean is smoothed per sample.
 * Allocation-free after construction.
 */
final class TrunkAttitude {
    /**
     * Rate at which trunk angles are computed, Hz: the fastest tilt that matters, a fall, turns the
     * trunk 90 degrees in about 0.7 s, some 3 degrees per 25 ms; the lean is then smoothed at 0.5 Hz.
     */
    static final double ANGLE_RATE_HZ = 40;
    /** The orientation "before" an impact is the slow average this long before it. */
    static final double HIST_PERIOD_S = 0.25;
    static final int HIST_LEN = 9;
    /** Time constant of the slow average of up that {@link #HIST_PERIOD_S} samples, s. */
    static final double SLOW_UP_TAU_S = 1.0;
    /** Cut-off of the lean's smoothing, Hz: posture, not the sway of each step. */
    static final double LEAN_SMOOTHING_HZ = 0.5;

    private final boolean forwardKnown;
    private final Cascade pitchSmooth;
    private final Cascade rollSmooth;
    private final double[] up = new double[3];
    private final double[] slowUp = new double[3];
    private final double[] oldUp = new double[3];
    private final DelayLine[] upHist = {new DelayLine(HIST_LEN), new DelayLine(HIST_LEN), new DelayLine(HIST_LEN)};
    private double startT = Double.NaN;
    private double nextHist = Double.NEGATIVE_INFINITY;
    private double nextAngle = Double.NEGATIVE_INFINITY;
    private double pitchDeg, rollDeg, tiltDeg, leanDeg;
    /** Cosine of the tilt and up's side along left at the last angle tick: roll and tilt are computed from them when read. */
    private double tickCos = 1, tickLeft;
    private double cosTilt = 1;
    private boolean angleTick;

    /**
     * @param forwardKnown whether the wearer's forward axis is configured: the lean is then the
     *                     pitch, else the total tilt (pitch and roll together)
     */
    TrunkAttitude(double sampleRateHz, boolean forwardKnown) {
        this.forwardKnown = forwardKnown;
        this.pitchSmooth = Butterworth.lowPass(2, LEAN_SMOOTHING_HZ, sampleRateHz);
        this.rollSmooth = Butterworth.lowPass(2, LEAN_SMOOTHING_HZ, sampleRateHz);
    }

    /** Per sample, once the tilt filter has started: its up vector, averaged and kept. */
    void track(double t, double dt, double ux, double uy, double uz) {
        double[] up = this.up, slowUp = this.slowUp;
        up[0] = ux;
        up[1] = uy;
        up[2] = uz;
        if (Double.isNaN(startT)) {
            startT = t;
            System.arraycopy(up, 0, slowUp, 0, 3);
        }
        double ks = MinMax.atMost(1, dt * (1 / SLOW_UP_TAU_S));     // a power of two: the bits of dividing
        // written out, not a loop: C1 neither unrolls it nor drops its bounds checks
        slowUp[0] += ks * (ux - slowUp[0]);
        slowUp[1] += ks * (uy - slowUp[1]);
        slowUp[2] += ks * (uz - slowUp[2]);
        if (t >= nextHist) {
            for (int i = 0; i < 3; i++) upHist[i].push(slowUp[i]);
            nextHist = t + HIST_PERIOD_S;
            // the oldest kept, which changes only with a push
            int age = upHist[0].size() - 1;
            for (int i = 0; i < 3; i++) oldUp[i] = upHist[i].get(age);
        }
    }

    /**
     * Per sample, after {@link #track}: the angles against {@code ref}'s frame when it has one
     * ({@code framed}, as the caller read its state; at {@link #ANGLE_RATE_HZ}), and the smoothed lean.
     */
    void measure(double t, UprightReference ref, boolean framed) {
        cosTilt = 1;
        angleTick = t >= nextAngle;
        if (angleTick) nextAngle = MinMax.atLeast(nextAngle + 1 / ANGLE_RATE_HZ, t);
        if (framed) {
            double cu = dot(up, ref.u0);
            cosTilt = cu;
            if (angleTick) {
                pitchDeg = Math.toDegrees(StrictTrig.atan2(-dot(up, ref.f0), cu));
                // roll and tilt are read far less often than they tick (a trace, a fall, a stumble):
                // their sides are kept and the angles computed when first read
                tickCos = cu;
                tickLeft = dot(up, ref.l0);
                rollDeg = tiltDeg = Double.NaN;
            }
        }
        double pitchS = pitchSmooth.filter(pitchDeg);
        if (forwardKnown) {
            leanDeg = pitchS;
        } else {
            // without a forward axis the lean is the total tilt: the smoothed roll's only reader
            double rollS = rollSmooth.filter(rollDeg());
            if (angleTick) leanDeg = Math.toDegrees(StrictTrig.acos(Math.cos(Math.toRadians(pitchS)) * Math.cos(Math.toRadians(rollS))));
        }
    }

    /** A reference was taken from the current up: the wearer is upright now, every angle zero. */
    void uprightNow() {
        pitchSmooth.resetTo(0);
        rollSmooth.resetTo(0);
        pitchDeg = rollDeg = tiltDeg = 0;
        tickCos = 1;
        tickLeft = 0;
    }

    /** A provisional upright: the smoothed lean restarts from zero, the last angles stand. */
    void provisionalUpright() {
        pitchSmooth.resetTo(0);
        rollSmooth.resetTo(0);
    }

    /** A blind frame (never still): the smoothed lean starts afresh. */
    void blindFrame() {
        pitchSmooth.reset();
        rollSmooth.reset();
    }

    /** Stream time of the first tracked sample, or NaN. */
    double since() { return startT; }

    double[] up() { return up; }

    /** The slow average of up. */
    double[] slowUp() { return slowUp; }

    /** The slow average of up about {@code (HIST_LEN - 1) * HIST_PERIOD_S} ago. */
    double[] oldUp() { return oldUp; }

    /** Cosine of the tilt from upright this sample (1 without a frame). */
    double cosTilt() { return cosTilt; }

    double pitchDeg() { return pitchDeg; }

    /** Roll at the last angle tick, degrees, right side down positive. */
    double rollDeg() {
        if (Double.isNaN(rollDeg)) rollDeg = Math.toDegrees(StrictTrig.atan2(tickLeft, tickCos));
        return rollDeg;
    }

    /** Tilt from upright at the last angle tick, degrees. */
    double tiltDeg() {
        if (Double.isNaN(tiltDeg)) tiltDeg = Math.toDegrees(StrictTrig.acos(MinMax.atLeast(-1, MinMax.atMost(1, tickCos))));
        return tiltDeg;
    }

    double leanDeg() { return leanDeg; }
}
