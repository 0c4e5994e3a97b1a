package org.backstep.gait;

import org.backstep.core.Axis;
import org.backstep.core.ImuSink;
import org.backstep.event.Direction;
import org.backstep.event.StepEvent;
import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;

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
 * acceleration and vertical velocity is negative walking forward and positive walking backward;
 * it is accumulated over the bout with forgetting.
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

    private final GaitSettings settings;
    private final GaitListener listener;
    private final VerticalFrame frame;
    private final Cascade vBand, apBand;
    private final Cascade vvHigh;
    private final Cascade latBand, latHigh;
    private final double leak;
    private final double dt;
    private final PeakDetector peaks;
    private final BoutTracker bout;

    private double vi;               // leaky integral of vertical acceleration, m/s
    private double vv;               // vertical velocity: the leaky integral, high-passed
    // per-window correlation sums between consecutive peaks
    private double sAV, sAA, sVV;
    private double li;               // leaky integral of lateral acceleration, m/s
    private double sLat;             // lateral displacement over the window, m

    public GaitEngine(GaitSettings settings, GaitListener listener) {
        this.settings = settings;
        this.listener = listener;
        double fs = settings.rateHz();
        this.dt = 1 / fs;
        this.frame = new VerticalFrame(settings.forwardAxis(), fs);
        this.vBand = Butterworth.bandPass(2, settings.bandLowHz(), settings.bandHighHz(), fs);
        this.apBand = Butterworth.bandPass(2, settings.bandLowHz(), settings.bandHighHz(), fs);
        this.vvHigh = Butterworth.highPass(1, 0.3, fs);
        this.latBand = Butterworth.bandPass(2, 0.3, settings.bandHighHz(), fs);
        this.latHigh = Butterworth.highPass(1, 0.3, fs);
        this.leak = Math.exp(-1 / (0.5 * fs));
        this.peaks = new PeakDetector(settings.minPeak(), 0.3, 0.3, 0.28, 0.25);
        this.bout = new BoutTracker(settings, listener);
    }

    public GaitSettings settings() {
        return settings;
    }

    @Override
    public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
        frame.update(ax, ay, az);
        double v = vBand.filter(frame.vertical);
        double ap = apBand.filter(frame.forward);
        vi = leak * vi + v * dt;
        vv = vvHigh.filter(vi);
        sAV += ap * vv;
        sAA += ap * ap;
        sVV += vv * vv;
        li = leak * li + latBand.filter(frame.lateral) * dt;
        sLat += latHigh.filter(li) * dt;
        if (peaks.update(t, v)) {
            double corr = sAV / Math.sqrt(sAA * sVV + 1e-18);
            bout.peak(peaks.peakTime - CONTACT_LAG_S, peaks.peakValue, corr, sLat, t);
            sAV = sAA = sVV = sLat = 0;
        }
        bout.tick(t);
    }

    /** Ends the session: a bout in progress is closed. */
    public void finish(double t) {
        bout.finish(t);
    }

    public void reset() {
        frame.reset();
        vBand.reset();
        apBand.reset();
        vvHigh.reset();
        latBand.reset();
        latHigh.reset();
        peaks.reset();
        bout.reset();
        vi = vv = sAV = sAA = sVV = li = sLat = 0;
    }

    /** Steps reported so far in this session. */
    public long steps(Direction d) {
        return bout.count(d);
    }

    static StepEvent step(double contact, double at, Direction d) {
        return new StepEvent(contact, at, d);
    }
}
