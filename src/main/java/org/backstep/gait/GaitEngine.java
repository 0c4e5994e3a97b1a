package org.backstep.gait;

import org.backstep.core.ImuSink;
import org.backstep.event.Direction;
import org.backstep.frame.BodyFrame;
import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;
import org.backstep.signal.OnePole;
import org.backstep.signal.ParallelCascade;

/**
 * Real-time, causal step detection and forward/backward classification from a waist IMU.
 *
 * <p><b>Steps.</b> The vertical acceleration (gravity tracked, so any mounting tilt works) is
 * band-passed around the step frequency; each cycle's maximum is the upward push of double
 * support, which follows initial contact by the loading response (about {@value #CONTACT_LAG_S} s).
 *
 * <p><b>Direction.</b> The body vaults over the stance leg like an inverted pendulum: speed along
 * the travel direction is highest when the body is lowest and lowest when it is highest, so the
 * AP acceleration runs in quadrature with vertical velocity, with a sign set by the travel
 * direction: after contact the body brakes against its motion. The per-step correlation between AP
 * acceleration and vertical velocity is negative walking forward and positive walking backward.
 * The same braking force acts below the trunk's centre of mass and pitches it toward the travel
 * direction as the body is lowest, so trunk pitch against vertical velocity carries the same sign;
 * it is strong in people whose AP acceleration is weak. The mean of the two correlations is the
 * step's evidence, accumulated over the bout with forgetting.
 *
 * <p><b>Walking signature.</b> A bout is only confirmed when its cycles show the coupling above
 * consistently and the pelvis sways to alternate sides from step to step (left and right stance
 * alternate): squatting, standing up, turning over in bed or getting into a car produce
 * vertical peaks but neither signature.
 *
 * <p><b>Bouts.</b> Candidate steps are held until a bout is confirmed (several regular cycles),
 * then credited with their own contact times; isolated movements never become steps.
 */
public final class GaitEngine implements ImuSink {
    /** Initial contact precedes the double-support vertical acceleration peak by this much. */
    static final double CONTACT_LAG_S = 0.12;
    /** Turning: the smoothed rate about the vertical is above this (a 180 degree turn in about 3 s). */
    static final double TURNING_RAD_S = 0.8;
    /** While turning the step threshold drops to this fraction of its straight-walking value. */
    static final double TURN_THRESHOLD_FACTOR = 0.4;
    static final double TURN_SMOOTHING_S = 0.3;
    /**
     * While turning, the body's front is not the travel direction and braking along it says little
     * about direction: a cycle's direction evidence is weighted 1 / (1 + (mean turn rate / this)^2).
     */
    static final double TURN_WEIGHT_RAD_S = 0.5;
    /**
     * Inside a confirmed bout the threshold is halved: the rhythm is established, and the weak
     * closing step of a walk (feet brought together) is a real step.
     */
    static final double BOUT_THRESHOLD_FACTOR = 0.5;
    /**
     * Walking in a curve, the tracked vertical (a low-pass of specific force) leans toward the
     * centre of the turn by atan(v w / g): centripetal acceleration looks like gravity. Turning at
     * rate w about the true vertical then leaks w sin(lean), about w^2 v / g, into the rotation
     * measured about the estimated horizontal axes, which would read as trunk pitch and refuse the
     * steps of a curved walk. The leak, integrated over the cycle at a typical walking speed
     * (1.2 m/s), is taken off the cycle's trunk rotation. In seconds: 1.2 m/s / 9.81 m/s^2.
     */
    static final double TURN_LEAK_S = 1.2 / 9.81;
    /**
     * A running cycle has a flight phase: the pelvis is in free fall and the vertical specific
     * force drops to 0 g or below (the waist's soft tissue bounces past it). Walking always keeps a
     * foot on the ground: its lowest vertical specific force stays above 0 g (about 0.6 g in
     * ordinary walking, 0.1 to 0.3 g in the briskest). In m/s^2, the dynamic vertical acceleration
     * that means 0 g.
     */
    static final double FLIGHT_VERTICAL = -9.81;

    private final GaitSettings settings;
    private final GaitListener listener;
    private final BodyFrame frame;
    private final boolean ownsFrame;
    /** The step band on the vertical, forward and pitch-rate signals, in one call. */
    private final ParallelCascade band;
    private final Cascade latBand;
    /** The high-pass after the leaky integrals: vertical, forward, pitch, lateral. */
    private final ParallelCascade high;
    private final double leak;
    private final double dt;
    /** The sample rate, Hz: a difference over one sample is multiplied by it, not divided by {@link #dt}. */
    private final double fs;
    private final PeakDetector peaks;
    private final BoutTracker bout;
    private final OnePole turnRate;
    private final PitchCue pitchCue = new PitchCue();
    private final SwayAlternation sway;

    private double vi;               // leaky integral of vertical acceleration, m/s
    private double vv;               // vertical velocity: the leaky integral, high-passed
    private double ai;               // leaky integral of AP acceleration, m/s
    private double apv;              // AP velocity: that integral, high-passed like vv
    private double sVVm;             // vertical velocity, centred between samples, squared and summed
    // per-window correlation sums between consecutive peaks
    private double sAV, sAA, sVV;
    private double pi;               // leaky integral of pitch rate, rad
    private double sPV, sPP;         // pitch angle against vertical velocity
    private double li;               // leaky integral of lateral acceleration, m/s
    private double sLat;             // lateral displacement over the window, m
    private double yawSum;           // |rate about the vertical| summed over the window, rad/s
    private double yawSquared;       // rate about the vertical, squared and integrated over the window, rad^2/s
    private int windowSamples;
    private double rx, ry, rz;       // trunk rotation about horizontal axes since the window began, rad (sensor frame)
    private double maxTilt2;         // largest squared rotation in the window
    private double minVertical;      // lowest dynamic vertical acceleration in the window, m/s^2

    /** An engine with a body frame of its own, updated by {@link #sample}. */
    public GaitEngine(GaitSettings settings, GaitListener listener) {
        this(settings, null, listener);
    }

    /**
     * An engine reading a shared body frame, which its owner updates with each sample before
     * {@link #sample} (the pipeline, for the engine and the form coach together).
     *
     * @param sharedFrame {@code null} for a frame of the engine's own, built on {@code settings.forward()}
     */
    public GaitEngine(GaitSettings settings, BodyFrame sharedFrame, GaitListener listener) {
        this.settings = settings;
        this.listener = listener;
        double fs = settings.rateHz();
        this.dt = 1 / fs;
        this.fs = fs;
        this.ownsFrame = sharedFrame == null;
        this.frame = ownsFrame ? new BodyFrame(settings.forward(), fs) : sharedFrame;
        this.band = new ParallelCascade(Butterworth.bandPass(2, settings.bandLowHz(), settings.bandHighHz(), fs), 3);
        this.latBand = Butterworth.bandPass(2, 0.3, settings.bandHighHz(), fs);
        this.high = new ParallelCascade(Butterworth.highPass(1, 0.3, fs), 4);
        this.leak = Math.exp(-1 / (0.5 * fs));
        this.peaks = new PeakDetector(settings.minPeak(), 0.3, 0.3, 0.28, 0.25);
        this.bout = new BoutTracker(settings, listener);
        this.turnRate = new OnePole(TURN_SMOOTHING_S, fs);
        this.sway = new SwayAlternation(settings.maxStepIntervalS());
    }

    public GaitSettings settings() {
        return settings;
    }

    @Override
    public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
        if (ownsFrame) frame.update(t, ax, ay, az, gx, gy, gz);
        double vertical = frame.strideVertical();
        if (vertical < minVertical) minVertical = vertical;
        // pitch rate: rotation about the horizontal left axis (positive tips the front down)
        band.filter(vertical, frame.forward(), gx * frame.lx() + gy * frame.ly() + gz * frame.lz(), 0);
        double v = band.y0();
        double ap = band.y1();
        vi = leak * vi + v * dt;
        // The AP acceleration goes through the same integrator and high-pass as the vertical
        // velocity and is then differentiated, so both carry the same filter phase: the coupling
        // is measured without a phase bias, and it flips exactly when the motion is reversed.
        ai = leak * ai + ap * dt;
        pi = leak * pi + band.y2() * dt;
        li = leak * li + latBand.filter(frame.lateral()) * dt;
        high.filter(vi, ai, pi, li);
        double vvPrev = vv;
        vv = high.y0();
        double apvPrev = apv;
        apv = high.y1();
        double apAcc = (apv - apvPrev) * fs;
        double vvMid = 0.5 * (vv + vvPrev);  // centred like the difference above
        sAV += apAcc * vvMid;
        sAA += apAcc * apAcc;
        sVVm += vvMid * vvMid;
        sVV += vv * vv;
        double pitch = high.y2();
        sPV += pitch * vv;
        sPP += pitch * pitch;
        sLat += high.y3() * dt;
        sway.update(t, high.y3());
        // pitch and roll of the trunk: angular rate without its vertical (turning) part
        double yaw = frame.strideUpRate();
        rx += (gx - yaw * frame.strideUx()) * dt;
        ry += (gy - yaw * frame.strideUy()) * dt;
        rz += (gz - yaw * frame.strideUz()) * dt;
        double r2 = rx * rx + ry * ry + rz * rz;
        if (r2 > maxTilt2) maxTilt2 = r2;
        yawSum += Math.abs(yaw);
        yawSquared += yaw * yaw * dt;
        windowSamples++;
        boolean turning = turnRate.filter(Math.abs(yaw)) > TURNING_RAD_S;
        peaks.scaleThreshold(turning ? TURN_THRESHOLD_FACTOR : bout.walking() ? BOUT_THRESHOLD_FACTOR : 1.0);
        peaks.capFloor(bout.floorCap());
        // a weaker push extends a chain that a push past the noise floor started while the pelvis
        // alternates sides at a step's pace: two witnesses of walking a car or a fidget does not give
        peaks.lowerNoiseFloor(bout.chainOpen() && sway.alternating(t));
        if (peaks.update(t, v)) {
            double apCorr = sAV / Math.sqrt(sAA * sVVm + 1e-18);
            double pitchCorr = sPV / Math.sqrt(sPP * sVV + 1e-18);
            // Running is a bouncing spring, not a vaulting pendulum: the pelvis is lowest and slowest
            // at mid-stance, so the braking coupling carries the opposite sign for the same direction.
            double gait = minVertical < FLIGHT_VERTICAL ? -1 : 1;
            double corr = gait * 0.5 * (apCorr + pitchCue.sign() * pitchCorr);
            // learned from cycles with a push above the configured floor: a weak bump (a sway, a
            // fidget) says nothing of how this wearer's trunk pitches against the braking
            if (gait > 0 && peaks.peakValue >= settings.minPeak()) pitchCue.learn(apCorr, pitchCorr);
            double tiltDeg = Math.toDegrees(Math.max(0, Math.sqrt(maxTilt2) - TURN_LEAK_S * yawSquared));
            double turn = yawSum / Math.max(1, windowSamples) / TURN_WEIGHT_RAD_S;
            // the trunk's roll over the window: its rotation about the horizontal front, positive lifting
            // the left side; with the sideways travel (positive to the left) it tells a swaying walker,
            // whose trunk rolls with the pelvis's travel, from a roll in bed or a car entry
            double rollDeg = Math.toDegrees(rx * frame.hx() + ry * frame.hy() + rz * frame.hz());
            bout.peak(peaks.peakTime - CONTACT_LAG_S, peaks.peakValue, corr, 1 / (1 + turn * turn), sLat, tiltDeg, rollDeg,
                    peaks.peakLobe, t);
            yawSum = 0;
            yawSquared = 0;
            windowSamples = 0;
            sAV = sAA = sVV = sVVm = sLat = sPV = sPP = 0;
            rx = ry = rz = maxTilt2 = 0;
            minVertical = 0;
        }
        bout.sample(t, v);
        // the pendulum floor's pace is the walker's, step to step: a peak the bout tracker dropped or
        // holds (a sharp spike, a second bump, a push-off hump) does not restart its clock
        peaks.clockFrom(bout.lastStep() + CONTACT_LAG_S);
    }

    /** Ends the session: a bout in progress is closed. */
    public void finish(double t) {
        bout.finish(t);
    }

    /** Steps reported so far in this session. */
    public long steps(Direction d) {
        return bout.count(d);
    }
}
