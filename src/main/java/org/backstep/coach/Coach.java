package org.backstep.coach;

import static org.backstep.coach.UprightReference.dot;

import java.util.Objects;
import org.backstep.core.MinMax;
import org.backstep.core.Axis;
import org.backstep.core.ImuSink;
import org.backstep.event.AlertKind;
import org.backstep.event.PostureEvent;
import org.backstep.event.StepEvent;
import org.backstep.frame.BodyFrame;
import org.backstep.frame.Stillness;
import org.tinylog.Logger;

/**
 * The form coach of one session: feed it every IMU sample ({@link #sample}), the gait engine's
 * steps ({@link #onStep}) and walking bouts ({@link #onWalking}); it tells its
 * {@link CoachListener} about alerts (after the {@link AlertPolicy}), the upright reference and,
 * on request, trunk inclination at 10 Hz. Everything is causal and allocation-free per sample
 * (alert and posture events are allocated only when emitted).
 *
 * <p>Upright reference: the first time the wearer stands still for {@code uprightStillS} (and on
 * {@link #calibrate()}), the tilt filter's up vector becomes "upright", provided it looks like a
 * standing wearer (the forward axis within 53 degrees of horizontal) and no fall is in progress.
 * Pitch and roll are then measured in that frame: forward is the configured forward axis made
 * horizontal; without one, the most horizontal sensor axis stands in for it until
 * {@link ForwardFinder} has learned the direction of travel from ten seconds of walking (signed by
 * the gait engine's step directions), and the posture detector uses the total tilt instead of pitch. Before the reference, the
 * first still moment of {@link #PROVISIONAL_STILL_S} stands in for it (and, when the wearer never
 * stands still, the orientation one second after start, for the posture trace only: no posture
 * alert is raised against that blind frame). The frame and those states are {@link UprightReference}'s.
 */
public final class Coach implements ImuSink {
    static final double PLAUSIBLE_COS = 0.8;
    static final double NOMINAL_G = 9.80665;
    static final double TRACE_PERIOD_S = 0.1;
    /** A still moment this long before the real reference gives a provisional upright. */
    static final double PROVISIONAL_STILL_S = 0.5;
    /** An angular rate above this, rad/s, outside a still block is movement (the fall alarm clears on it): standing sway stays well under it. */
    static final double MOVING_RATE = 0.3;

    private final CoachSettings settings;
    private final CoachListener out;
    private final double[] fwd;
    private final double fs;
    private final AlertPolicy policy;
    private final BodyFrame frame;
    private final boolean ownsFrame;
    private final Stillness stillness;
    private final PostureDetector posture;
    private final KneeDetector knee;
    private final StandingBend bend;
    private final BalanceDetector balance = new BalanceDetector();
    private final FallDetector fall;
    private final CadenceDetector cadence;
    private final TrunkAttitude attitude;

    private final UprightReference ref;
    private double travel = 1;
    private final ForwardFinder forwardFinder;
    private volatile boolean calibrateRequested;
    private volatile boolean baselineResetRequested;
    private double lastT = Double.NaN;
    private double nextTrace = Double.NaN;
    private boolean walking;
    private double lastUpright = Double.NEGATIVE_INFINITY;
    private double lastImpact = Double.NEGATIVE_INFINITY;
    private double walkingS;
    private double goodS;

    /** A coach with a body frame of its own, updated by {@link #sample}. */
    public Coach(CoachSettings settings, Axis forwardAxisOrNull, double sampleRateHz, CoachListener listener) {
        this(settings, forwardAxisOrNull, null, sampleRateHz, listener);
    }

    /**
     * A coach reading a shared body frame, which its owner updates with each sample before
     * {@link #sample} (the pipeline, for the gait engine and the coach together).
     *
     * @param sharedFrame {@code null} for a frame of the coach's own
     */
    public Coach(CoachSettings settings, Axis forwardAxisOrNull, BodyFrame sharedFrame, double sampleRateHz, CoachListener listener) {
        this.settings = Objects.requireNonNull(settings);
        this.out = Objects.requireNonNull(listener);
        if (!(sampleRateHz >= 20 && sampleRateHz <= 2000)) {
            throw new IllegalArgumentException("sample rate " + sampleRateHz + " Hz outside 20..2000");
        }
        this.fs = sampleRateHz;
        this.fwd = forwardAxisOrNull == null ? null : forwardAxisOrNull.unitVector();
        this.ownsFrame = sharedFrame == null;
        this.frame = ownsFrame ? new BodyFrame((forwardAxisOrNull == null ? Axis.PLUS_X : forwardAxisOrNull).unitVector(), sampleRateHz) : sharedFrame;
        this.stillness = frame.stillness();
        this.policy = new AlertPolicy(settings, listener);
        this.posture = new PostureDetector(settings);
        this.knee = new KneeDetector(sampleRateHz);
        this.bend = new StandingBend(sampleRateHz);
        this.fall = new FallDetector(settings);
        this.cadence = new CadenceDetector(settings);
        this.forwardFinder = new ForwardFinder(sampleRateHz);
        this.ref = new UprightReference(fwd);
        this.attitude = new TrunkAttitude(sampleRateHz, fwd != null);
    }

    @Override
    public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
        double dt = Double.isNaN(lastT) ? 0 : MinMax.atLeast(0, MinMax.atMost(0.5, t - lastT));
        lastT = t;
        if (baselineResetRequested) {
            baselineResetRequested = false;
            knee.resetBaseline();
            balance.resetBaseline();
        }
        if (ownsFrame) frame.update(t, ax, ay, az, gx, gy, gz);
        if (!frame.started()) return;
        attitude.track(t, dt, frame.ux(), frame.uy(), frame.uz());
        double[] up = attitude.up();
        if (ref.state() != UprightReference.State.TAKEN || calibrateRequested) maybeTakeReference(t);
        UprightReference.State state = ref.state();
        if (!state.judged() && stillness.stillFor(t) >= PROVISIONAL_STILL_S && plausible(up) && !bending(t)) {
            // a first still moment, too short for the reference, is a provisional upright
            ref.take(up, UprightReference.State.PROVISIONAL);
            attitude.provisionalUpright();
        } else if (!state.framed() && t - attitude.since() >= 1.0) {
            ref.take(up, UprightReference.State.BLIND);
            attitude.blindFrame();
        }
        state = ref.state();
        boolean hasRef = state == UprightReference.State.TAKEN;
        boolean framed = state.framed();
        attitude.measure(t, ref, framed);
        double cosTilt = attitude.cosTilt();
        double leanDeg = attitude.leanDeg();
        // impacts and jolts against nominal gravity: the learned magnitude carries scale errors
        double aG = frame.accelNorm() * (1 / NOMINAL_G);
        // horizontal angular rate, squared: the part of w not about the vertical
        double wn2 = frame.rateSquared();
        double wv = frame.upRate();
        double wh2 = MinMax.atLeast(0, wn2 - wv * wv);
        double vert = frame.vertical();

        if (fwd == null && hasRef && !ref.axisLearned()) {
            double[] f0 = ref.f0, l0 = ref.l0;
            double a1 = ax * f0[0] + ay * f0[1] + az * f0[2];
            double a2 = ax * l0[0] + ay * l0[1] + az * l0[2];
            forwardFinder.update(vert, a1, a2, walking ? travel : 0, dt);
            if (forwardFinder.ready()) {
                ref.learnForward(forwardFinder.angle());
                Logger.debug("Forward direction learned from walking at {} s: ({}, {}, {})", t, f0[0], f0[1], f0[2]);
            }
        }
        double[] oldUp = attitude.oldUp();
        // whether the orientation before a possible impact looked like a standing wearer: read only at an impact
        boolean plausible = aG > FallDetector.IMPACT_G && plausible(oldUp);
        boolean moving = !stillness.still() && wn2 > MOVING_RATE * MOVING_RATE || walking;
        if (fall.busy(t, aG)) {
            fall.sample(t, aG, oldUp, plausible, hasRef ? attitude : null, up, stillness.quietFor(t), moving, policy, out);
        }
        policy.setAlarmActive(fall.alarmActive());
        if (cosTilt > StandingBend.UPRIGHT_COS) lastUpright = t;
        if (aG > FallDetector.IMPACT_G) lastImpact = t;
        bend.sample(t, vert, leanDeg, framed ? cosTilt : 1, stillness.blockEnded(), stillness.still(), stillness.steady(), walking, knee.lastStep(), policy);
        if (state.judged() && posture.busy(leanDeg)) {
            // lean is judged only against an upright taken while still, never the blind start frame
            // down since an impact: a fall, not a stoop (until the wearer is upright again)
            boolean notAStoop = bend.squatting(t) || bend.low() || lastImpact > lastUpright;
            posture.update(t, leanDeg, walking, bend.pending(), notAStoop, policy);
        }
        knee.sample(t, vert, wv);
        balance.sample(t, aG, wh2, walking, attitude, hasRef, policy);

        if (walking) {
            walkingS += dt;
            if (!posture.lapseActive() && !knee.lapseActive() && !balance.lapseActive() && !cadence.lapseActive()
                    && !fall.alarmActive()) {
                goodS += dt;
            }
        }
        if (settings.postureTrace() && framed) {
            if (Double.isNaN(nextTrace)) nextTrace = t;
            if (t >= nextTrace - 1e-9) {
                out.posture(new PostureEvent(t, attitude.pitchDeg(), attitude.rollDeg()));
                nextTrace += TRACE_PERIOD_S;
                if (nextTrace < t) nextTrace = t + TRACE_PERIOD_S;
            }
        }
        policy.flush();
    }

    private void maybeTakeReference(double t) {
        if (ref.state() == UprightReference.State.TAKEN && !calibrateRequested) return;
        if (stillness.stillFor(t) < settings.uprightStillS()) return;
        if (fall.alarmActive() || fall.pending(t) || t - fall.lastImpact() < 10) return;
        if (bending(t)) return;
        double[] up = attitude.up();
        if (!plausible(up)) return;
        ref.take(up, UprightReference.State.TAKEN);
        calibrateRequested = false;
        attitude.uprightNow();
        Logger.debug("Upright reference at {} s: up ({}, {}, {})", t, up[0], up[1], up[2]);
        out.uprightReferenceTaken(t);
    }

    /** A standing bend is being classified or was a squat a moment ago: not the time for an upright reference. */
    private boolean bending(double t) {
        return bend.pending() || bend.squatting(t);
    }

    private boolean plausible(double[] u) {
        return fwd == null || Math.abs(dot(u, fwd)) < PLAUSIBLE_COS;
    }

    /** A step from the gait engine: {@code t} the contact, {@code at} when it was reported. */
    public void onStep(StepEvent step) {
        travel = step.direction() == org.backstep.event.Direction.FORWARD ? 1 : -1;
        knee.step(step.t(), step.direction(), walking, policy, step.at());
        balance.step(step.t());
        cadence.step(step.t(), step.at(), step.direction(), policy);
        policy.flush();
    }

    /** A walking bout started ({@code true}) or ended, at stream time {@code t}. */
    public void onWalking(boolean walking, double t) {
        this.walking = walking;
    }

    /**
     * Retake the upright reference the next time the wearer stands still, and forget the gait
     * baselines (straight-knee bounce, sway). Safe to call from another thread (a button, the
     * {@code calibrate} command): it only raises flags that the sampling thread acts on.
     */
    public void calibrate() {
        baselineResetRequested = true;
        calibrateRequested = true;
    }

    /** Alert counts per kind and good-form minutes so far. */
    public FormSummary summary() {
        return new FormSummary(FormSummary.toMap(policy.delivered()), FormSummary.toMap(policy.detected()),
                walkingS / 60, goodS / 60);
    }

    /** Whether an upright reference has been taken. */
    public boolean hasUprightReference() { return ref.state() == UprightReference.State.TAKEN; }

    /** Latest pitch relative to upright, degrees, forward positive (unsmoothed). */
    public double pitchDeg() { return attitude.pitchDeg(); }

    /** Latest roll relative to upright, degrees, right side down positive. */
    public double rollDeg() { return attitude.rollDeg(); }

    /** Whether the fall alarm is playing. */
    public boolean alarmActive() { return fall.alarmActive(); }

    /** The sample rate this coach was built for. */
    public double sampleRateHz() { return fs; }

    /** Kinds in priority order, for callers that map them to buzzer patterns. */
    public static AlertKind[] priorityOrder() { return AlertKind.values(); }
}
