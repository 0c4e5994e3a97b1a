package org.backstep.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.backstep.event.Direction;

/**
 * Consecutive walks rendered as one bout of gait, starting and ending at rest.
 *
 * <p>A continuous step coordinate {@code q(t)} (integral of a smoothed step rate; {@code q = i} at
 * contact {@code i}, {@code -1 .. 0} is gait initiation, {@code n-1 .. n} the closing step, whose contact at {@code q = n} sets the trailing foot beside the other)
 * drives every periodic term, so positions are smooth and the accelerations are their exact
 * second derivatives. Within step phase {@code p = q - floor(q)}:
 * <ul>
 * <li>vertical: inverted pendulum, {@code z = -Zc cos 2pi(p - pLow)}: lowest at double support
 * ({@code pLow} 0.07 forward, 0.10 backward), highest at midstance;</li>
 * <li>along travel: {@code u = Uc sin 2pi(p - pV)}: speed highest at double support ({@code pV}
 * 0.04 / 0.07) and lowest at midstance, braking after contact, propulsion before the next one.
 * The speed swing follows the energy exchange {@code v dv ~ 0.8 g dz};</li>
 * <li>lateral sway toward the stance leg, yaw and roll at stride frequency, pitch at step frequency;</li>
 * <li>a damped 15-30 Hz impact transient at each contact: heel strike forward, softer forefoot
 * contact backward.</li>
 * </ul>
 * Backward walking uses the same physics with its own parameters, never a time reversal.
 *
 * <p>The wearer's {@link GaitStyle} shapes it further: a limp alternates short and long steps (the
 * short one lands on the weak leg, softly); a cane unloads the weak leg and strikes the ground
 * itself during the weak leg's swing; a shuffle shortens steps and flattens the pelvis path and the
 * contacts; sway scales the lateral motion; bounce and leg length scale the vertical excursion.
 * A step slower than {@link #MAX_VAULT_S} is a vault of that length plus a pause in double
 * support, as slow walkers do, not one slow-motion vault.
 */
final class GaitBout implements Segment {
    private static final double G = 9.81;
    /**
     * Longest vault over the stance leg, s. Slow walkers lengthen double support, not the vault:
     * the swing leg moves as a pendulum (about 0.4 to 0.6 s at any speed) and single support lasts
     * about as long, so a step longer than this is this vault plus a pause on both feet (double
     * support rises from about 20 % of the cycle at normal speed to over 40 % in slow gait).
     */
    static final double MAX_VAULT_S = 1.2;
    /** Fraction of a step the pelvis creeps on during a double-support pause (keeps q monotonic). */
    private static final double PAUSE_CREEP = 0.03;
    /** Cane strike: vertical jolt through the arm and trunk, m/s^2, ringing at this frequency (Hz); the cane lands this far into the weak leg's swing. */
    private static final double CANE_JOLT = 0.6;
    private static final double CANE_RING_HZ = 30;
    private static final double CANE_AT_SWING = 0.55;
    /**
     * Weight acceptance: in the loading response the stance knee flexes by 10 to 20 degrees and the
     * pelvis sinks a few millimetres in about a tenth of a second, then rises as the knee extends.
     * This happens at every speed (the ground reaction's first peak stays above body weight even
     * in slow gait), so it keeps a sharp upward peak in a slow walker's vertical acceleration that the
     * pendulum's slow sinusoid alone lacks. Peak upward acceleration, m/s^2, and duration (SD), s.
     */
    private static final double LOADING_ACCEL = 0.6;
    private static final double LOADING_SIGMA_S = 0.05;
    /**
     * The closing step sets the trailing foot down beside the leading one at the end of a walk, with
     * little speed and no weight on it yet: its impact is this share of a step's.
     */
    private static final double CLOSING_IMPACT = 0.5;

    private final double start;
    private final int n;
    private final double[] dur;       // step durations (init uses dur[0])
    private final double[] limp;      // a limp's share of each step's time and length (1 without one)
    private final double[] contact;   // nominal contact times
    private final double end;
    private final List<Walk> walks;
    private final int[] walkOf;
    /** The recovery step after a trip lands this long after it, as a vertical catch of this depth and width. */
    private static final double RECOVERY_LANDING_S = 0.35;
    private static final double RECOVERY_LANDING_M = 0.022;
    private static final double RECOVERY_LANDING_WIDTH_S = 0.03;

    private final List<double[]> stumbles = new ArrayList<>(); // {tripTime, sign}
    private final List<Integer> stumbleStep = new ArrayList<>(); // the contact that follows each trip

    GaitBout(double start, List<Walk> walks, Random rng) {
        this.start = start;
        this.walks = List.copyOf(walks);
        int total = 0;
        for (Walk w : walks) total += w.steps();
        this.n = total;
        this.dur = new double[n];
        this.walkOf = new int[n];
        this.limp = new double[n];
        int g = 0;
        for (int wi = 0; wi < walks.size(); wi++) {
            Walk w = walks.get(wi);
            double nominal = 60.0 / w.effectiveSpm();
            double r = w.style().asymmetry();
            for (int i = 0; i < w.steps(); i++, g++) {
                double z = Math.max(-2.5, Math.min(2.5, rng.nextGaussian()));
                // a limp: the step that starts on the weak leg is short, the next one long; the mean stays nominal
                // the good leg swings while the weak one bears weight: that step is short in time and length
                limp[g] = r == 1 ? 1 : weak(g) ? 2 / (1 + r) : 2 * r / (1 + r);
                dur[g] = nominal * limp[g] * (1 + w.irregularity() * z);
                walkOf[g] = wi;
            }
        }
        // stumbles: the tripped swing lands early, the recovery step is quick too
        g = 0;
        for (Walk w : walks) {
            if (w.stumbleAt() > 0) {
                int k = g + w.stumbleAt();
                dur[k - 1] *= 0.7;
                dur[k] *= 0.85;
            }
            g += w.steps();
        }
        this.contact = new double[n];
        double t = start + dur[0];
        for (int i = 0; i < n; i++) {
            contact[i] = t;
            t += dur[i];
        }
        this.end = t;
        g = 0;
        for (Walk w : walks) {
            if (w.stumbleAt() > 0) {
                int k = g + w.stumbleAt();
                double s = w.direction() == Direction.FORWARD ? 1 : -1;
                // the trip comes at 40 % of the normal step; the shortened remainder hurries to contact k
                stumbles.add(new double[] {contact[k - 1] + 0.4 * dur[k - 1] / 0.7, s});
                stumbleStep.add(k);
            }
            g += w.steps();
        }
    }

    @Override
    public double start() {
        return start;
    }

    @Override
    public double end() {
        return end;
    }

    /** Duration of the closing step (after the last contact). */
    double lastStepDuration() {
        return dur[n - 1];
    }

    private Walk walk(int step) {
        return walks.get(walkOf[step]);
    }

    /** Per-step values laid out for {@link Stepwise} over the contacts: initiation uses step 0's. */
    private double[] perStep(java.util.function.IntToDoubleFunction f) {
        double[] v = new double[n + 1];
        for (int i = 0; i < n; i++) v[i + 1] = f.applyAsDouble(i);
        v[0] = v[1];
        return v;
    }

    private double sign(int i) {
        return walk(i).direction() == Direction.FORWARD ? 1 : -1;
    }

    private boolean fwd(int i) {
        return walk(i).direction() == Direction.FORWARD;
    }

    /** Even contacts land on the weak leg (only matters with a limp or a cane). */
    private static boolean weak(int contactIndex) {
        return contactIndex % 2 == 0;
    }

    /** How long the pelvis takes to vault over the stance leg in step {@code i}, s. */
    private double vault(int i) {
        return Math.min(dur[i], MAX_VAULT_S);
    }

    /** Travel speed while vaulting, m/s. */
    private double speed(int i) {
        return stepLength(i) / vault(i);
    }

    /** Length of step {@code i}, m: the walk's, split unevenly by a limp. */
    private double stepLength(int i) {
        return walk(i).effectiveStepLength() * limp[i];
    }

    /**
     * Peak-to-peak vertical excursion in metres: the straight-knee pendulum's, by speed, and with bent
     * knees the same vault over a shorter step on a shorter leg. The pelvis rises over the stance leg by
     * about s²/(8L) for step length s and leg length L; knees kept bent shorten the step
     * ({@link Walk#effectiveStepLength()}) and the leg ({@link Walk#pelvisDropM()}): 18 % flatter at
     * 20 degrees, 32 % at 40. Stance-phase knee flexion by itself hardly changes the trunk's vertical
     * excursion (Gard and Childress 1999, Arch Phys Med Rehabil 80:26), so the flattening is the
     * shorter step's, not a further knee term.
     */
    double excursion(int i) {
        Walk w = walk(i);
        Walk straight = w.kneeBend() == 0 ? w : w.kneeBend(0);
        // the speed this step would have with straight knees: the straight step, at the straight cadence
        double vault = Math.min(dur[i] * w.effectiveSpm() / straight.effectiveSpm(), MAX_VAULT_S);
        double v = straight.effectiveStepLength() * limp[i] / vault;
        double a = fwd(i) ? clamp(0.012 + 0.024 * v, 0.015, 0.05) : clamp(0.015 + 0.024 * v, 0.015, 0.045);
        GaitStyle st = w.style();
        double step = w.effectiveStepLength() / straight.effectiveStepLength();
        double leg = 2 * Walk.LEG_SEGMENT_PER_HEIGHT * GaitStyle.REFERENCE_HEIGHT_M * st.legScale();
        double knee = step * step * leg / (leg - w.pelvisDropM());
        // a shuffle flattens the pelvis path (short steps swing the leg through a small angle); a cane
        // carries 10 to 25 % of body weight, most while the weak leg is in stance
        double aid = st.cane() ? (weak(i) ? 0.8 : 0.9) : 1;
        return a * knee * st.bounce() * (1 - 0.6 * st.shuffle()) * aid;
    }

    /** Half amplitude of the speed swing along travel, m/s. */
    private double speedSwing(int i) {
        double v = speed(i);
        return Math.min(0.8 * G * excursion(i) / (2 * v), 0.35 * v);
    }

    private double impactScale(int i) {
        double vRef = fwd(i) ? 1.2 : 0.55;
        return clamp(speed(i) / vRef, 0.4, 1.3) * softness(i);
    }

    /** How softly contact {@code i} lands, whatever the speed: bent knees, a limp, a cane, a shuffle. */
    private double softness(int i) {
        GaitStyle st = walk(i).style();
        // an antalgic limp loads the weak leg gently; a cane takes part of that load; a flat-footed
        // shuffle lands without a heel strike
        double limp = weak(i) ? 1 - 0.35 * (st.asymmetry() - 1) : 1;
        double aid = st.cane() && weak(i) ? 0.8 : 1;
        return (1 - 0.5 * walk(i).kneeBend()) * Math.max(0.3, limp) * aid * (1 - 0.6 * st.shuffle());
    }

    /**
     * The step rate (steps per second) over the contacts. A tripped step keeps its normal rate
     * until the trip, then hurries to its early contact.
     */
    private Stepwise rate(double width) {
        List<Double> breaks = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        if (dur[0] > MAX_VAULT_S) { // initiation: stand, then the first vault
            values.add(PAUSE_CREEP / (dur[0] - vault(0)));
            breaks.add(contact[0] - vault(0));
            values.add((1 - PAUSE_CREEP) / vault(0));
        } else {
            values.add(1 / dur[0]);
        }
        int si = 0;
        for (int i = 0; i < n; i++) {
            breaks.add(contact[i]);
            double trip = si < stumbles.size() && stumbleStep.get(si) == i + 1 ? stumbles.get(si)[0] : Double.NaN;
            if (Double.isNaN(trip) && dur[i] > MAX_VAULT_S) { // a pause in double support, then the vault
                values.add(PAUSE_CREEP / (dur[i] - vault(i)));
                breaks.add(contact[i] + dur[i] - vault(i));
                values.add((1 - PAUSE_CREEP) / vault(i));
            } else if (Double.isNaN(trip)) {
                values.add(1 / dur[i]);
            } else {
                double before = trip - contact[i];
                double nominal = before / 0.4;
                values.add(1 / nominal);
                breaks.add(trip);
                values.add(0.6 / (dur[i] - before));
                si++;
            }
        }
        double[] b = new double[breaks.size()];
        double[] v = new double[values.size()];
        for (int i = 0; i < b.length; i++) b[i] = breaks.get(i);
        for (int i = 0; i < v.length; i++) v[i] = values.get(i);
        return new Stepwise(b, v, width);
    }

    @Override
    public void render(Timeline tl, Truth.Collector truth) {
        Pass p = begin(tl, truth);
        p.renderTo(tl, p.after);
    }

    /**
     * Begins rendering this bout into {@code tl}, whose pose at the bout's start is final: finds the
     * true contacts (a pass of the step coordinate alone) and gives the truth. The pose follows in
     * stretches, in order ({@link Pass#renderTo}), so a walk streamed for the demo holds a stretch
     * of the bout, not all of it; rendered whole or in stretches, it is the same arithmetic.
     */
    Pass begin(Timeline tl, Truth.Collector truth) {
        Pass p = new Pass(tl);
        for (int k = 0; k < n; k++) truth.step(p.tc[k], walk(k).direction());
        // the closing step: the trailing foot is set down beside the last one as q reaches n, a foot
        // contact like any other (gait datasets such as IPOL's annotate it); walks that flow into
        // the next one within a bout have none
        truth.step(p.closing, walk(n - 1).direction());
        // interval truth, one WALK (and LEAN / KNEE_BENT) per walk of the script
        int first = 0;
        for (int wi = 0; wi < walks.size(); wi++) {
            Walk w = walks.get(wi);
            double ws = wi == 0 ? start : p.tc[first];
            double we = wi == walks.size() - 1 ? end : p.tc[first + w.steps()];
            truth.interval(new Interval(Interval.Kind.WALK, ws, we, ws, w.direction()));
            if (w.leanDeg() != 0) truth.interval(Interval.Kind.LEAN, ws, we);
            if (w.kneeBend() > 0) truth.interval(Interval.Kind.KNEE_BENT, ws, we);
            first += w.steps();
        }
        for (double[] s : stumbles) truth.interval(new Interval(Interval.Kind.STUMBLE, s[0], s[0] + 1.0, s[0], null));
        return p;
    }

    /**
     * One rendering of the bout: its pose deltas over the internal indices {@code [first, after)}
     * (absolute, as {@link Timeline#base} counts them), computed in order a stretch at a time. The
     * integrated quantities (step coordinate, heading, travel) carry over from stretch to stretch.
     */
    final class Pass {
        /** Absolute internal index of the bout's start, and the one after its end. */
        final int first;
        final int after;
        private final double dt;
        private final double t0;
        private final double heading0;
        private final boolean pauses;
        /** True contact times: where the step coordinate crosses 0, 1, .., n-1. */
        private final double[] tc;
        /** The closing step's contact: where the step coordinate reaches n (at the latest the bout's end). */
        private final double closing;
        private final Stepwise rate;
        private final Stepwise vMean;
        private final Stepwise travelRate;
        private final Stepwise signedLength;
        private final Stepwise turnRate;
        private final Stepwise zc;
        private final Stepwise uc;
        private final Stepwise pLow;
        private final Stepwise pV;
        private final Stepwise yawAmp;
        private final Stepwise rollAmp;
        private final Stepwise latAmp;
        private final Stepwise pitchAmp;
        private final Stepwise lean;
        private final Stepwise kneeDrop;
        // stumbles: an abrupt AP velocity dip as the swing foot is caught, a fast trunk pitch excursion
        // (8 deg, about 40 deg/s), a small drop, and the hard landing of the recovery step that catches
        // the body: a 2.2 cm, 30 ms vertical catch, about 2.5 g above gravity (SisFall D18 shows 3-8 g)
        private final Curve dipShape = Curve.of(0, 0, 0.05, 1, 0.5, 0);
        private final Curve pitchShape = Curve.of(0, 0, 0.3, 1, 1.0, 0);
        private final Curve dropShape = Curve.of(0, 0, 0.25, 1, 0.8, 0);

        /** Bout index of the next internal sample to render, and what the integrals hold before it. */
        private int j;
        private double qPrev;
        private double rPrev;
        private double heading;
        private double vxPrev;
        private double vyPrev;
        private double px;
        private double py;
        /** One stretch of the pose (x, y, z, yaw, pitch, roll) and the along-travel displacement not integrated (oscillation, impacts). */
        private double[][] pose = new double[6][0];
        private double[] ap = new double[0];

        private Pass(Timeline tl) {
            int i0 = tl.index(start);
            first = i0 + tl.base;
            after = tl.index(end) + tl.base + 1;
            int m = after - first;
            dt = tl.dt;
            t0 = tl.time(i0);
            heading0 = tl.ch[Timeline.YAW][Math.min(i0, tl.n - 1)];
            heading = heading0;
            double minDur = Double.MAX_VALUE;
            boolean paused = false;
            for (int i = 0; i < n; i++) {
                minDur = Math.min(minDur, vault(i));
                paused |= dur[i] > MAX_VAULT_S;
            }
            pauses = paused;

            // true contacts: where the step coordinate q crosses 0, 1, .., n-1, and n (the closing step)
            tc = new double[n];
            double close = end;
            Stepwise contactRate = rate(0.3 * minDur);
            double qa = -1;
            double ra = contactRate.at(tl.time(i0));
            int k = 0;
            for (int jj = 1; jj < m && k <= n; jj++) {
                double r = contactRate.at(tl.time(i0 + jj));
                double qb = qa + 0.5 * (ra + r) * dt;
                ra = r;
                while (k <= n && qa < k && qb >= k) {
                    double at = tl.time(i0 + jj - 1) + (k - qa) / (qb - qa) * dt;
                    if (k < n) tc[k] = at;
                    else close = Math.min(end, at);
                    k++;
                }
                qa = qb;
            }
            for (; k < n; k++) tc[k] = contact[k]; // not reached in practice
            closing = close;

            rate = rate(0.3 * minDur);
            // with pauses the pelvis travels only while it vaults: speed = step length x step rate
            vMean = pauses ? null : new Stepwise(contact, perStep(i -> sign(i) * speed(i)), 0.8 * minDur);
            travelRate = pauses ? rate(0.3 * minDur) : null;
            signedLength = !pauses ? null : new Stepwise(contact, perStep(i -> sign(i) * stepLength(i)), 0.3 * minDur);
            turnRate = new Stepwise(contact, perStep(i -> Math.toRadians(walk(i).turnDeg() / walk(i).steps()) / dur[i]), 0.8 * minDur);
            zc = new Stepwise(contact, perStep(i -> excursion(i) / 2), 0.5 * minDur);
            uc = new Stepwise(contact, perStep(i -> sign(i) * speedSwing(i) * vault(i) / (2 * Math.PI)), 0.5 * minDur);
            pLow = new Stepwise(contact, perStep(i -> fwd(i) ? 0.07 : 0.10), 0.5 * minDur);
            pV = new Stepwise(contact, perStep(i -> fwd(i) ? 0.04 : 0.07), 0.5 * minDur);
            yawAmp = new Stepwise(contact, perStep(i -> sign(i) * Math.toRadians(clamp(6 * walk(i).effectiveStepLength() / 0.7, 2, 6))), 0.5 * minDur);
            rollAmp = new Stepwise(contact, perStep(i -> Math.toRadians((fwd(i) ? 4 : 3) * (1 - 0.3 * walk(i).kneeBend()) * walk(i).style().sway())), 0.5 * minDur);
            latAmp = new Stepwise(contact, perStep(i -> 0.02 * walk(i).style().sway()), 0.5 * minDur);
            // The trunk's pitch oscillation is the reaction to the same braking force as the speed swing
            // along travel (it acts below the trunk's centre of mass), so, like that swing, its phase
            // against the vertical turns over with the travel direction: backward walking is close to
            // forward walking reversed in time (Grasso et al. 1998; Thorstensson 1986), and a pitch
            // that kept its forward phase would tell a backward walker's trunk to lean the wrong way.
            // Its sign: in the IPOL lower-back recordings, trunk pitch (front down positive) against
            // vertical velocity correlates with the same sign as the acceleration along travel does
            // (about -0.5 and -0.9 walking forward), so the pitch is lowest-front-up where the speed
            // swing brakes: the opposite of the phase this simulator had.
            pitchAmp = new Stepwise(contact, perStep(i -> -sign(i) * Math.toRadians(1.5 * (1 - 0.3 * walk(i).kneeBend()))), 0.5 * minDur);
            lean = new Stepwise(contact, perStep(i -> Math.toRadians(walk(i).leanDeg() + (fwd(i) ? 0 : 3) + 5 * walk(i).kneeBend())), 1.2);
            kneeDrop = new Stepwise(contact, perStep(i -> -walk(i).pelvisDropM()), 1.0);
        }

        /** Whether the whole bout is rendered. */
        boolean done() {
            return first + j >= after;
        }

        /** The absolute internal index the next stretch starts at. */
        int next() {
            return first + j;
        }

        /**
         * Renders the bout's pose up to the absolute internal index {@code until} (exclusive, capped at the
         * bout's end) into {@code tl}, which holds that stretch; the bout's last stretch also holds its final
         * pose to the end of {@code tl}.
         */
        void renderTo(Timeline tl, int until) {
            int ja = j;
            int jb = Math.min(until, after) - first;
            if (jb <= ja) return;
            int len = jb - ja;
            if (ap.length < len) {
                pose = new double[6][len];
                ap = new double[len];
            }
            double[] x = pose[Timeline.X];
            double[] y = pose[Timeline.Y];
            double[] z = pose[Timeline.Z];
            double[] yaw = pose[Timeline.YAW];
            double[] pitch = pose[Timeline.PITCH];
            double[] roll = pose[Timeline.ROLL];
            java.util.Arrays.fill(z, 0, len, 0);
            java.util.Arrays.fill(ap, 0, len, 0);
            impacts(ja, jb, z, ap);

            int m = after - first;
            double duration = end - start;
            for (int jj = ja; jj < jb; jj++) {
                int o = jj - ja;
                double t = time(jj);
                // step coordinate q: the trapezoid rule over the step rate, -1 at the bout's start
                double qq;
                if (jj == 0) {
                    qq = -1;
                    rPrev = rate.at(t);
                } else {
                    double r = rate.at(t);
                    qq = qPrev + 0.5 * (rPrev + r) * dt;
                    rPrev = r;
                }
                qPrev = qq;
                double env = Smooth.step((qq + 1) / 0.9) * Smooth.step((n - qq) / 0.9);
                double envT = Smooth.window(t - start, duration, 1.2);

                double vBase = pauses ? signedLength.at(t) * travelRate.at(t) : vMean.at(t);
                double v = vBase * env;
                double stumblePitch = 0;
                double stumbleDrop = 0;
                for (double[] s : stumbles) {
                    double tau = t - s[0];
                    if (tau > 0 && tau < 1.0) {
                        double vHere = Math.abs(vBase);
                        v -= s[1] * Math.min(0.5, 0.8 * vHere) * dipShape.at(tau);
                        stumblePitch += s[1] * Math.toRadians(8) * pitchShape.at(tau);
                        double catchT = (tau - RECOVERY_LANDING_S) / RECOVERY_LANDING_WIDTH_S;
                        stumbleDrop -= 0.02 * dropShape.at(tau) + RECOVERY_LANDING_M * Math.exp(-0.5 * catchT * catchT);
                    }
                }
                if (jj > 0) heading += turnRate.at(t) * env * dt; // rectangle rule is fine for heading
                double c = Math.cos(heading);
                double sn = Math.sin(heading);
                double vx = v * c;
                double vy = v * sn;
                if (jj > 0) {
                    px += 0.5 * (vxPrev + vx) * dt;
                    py += 0.5 * (vyPrev + vy) * dt;
                }
                vxPrev = vx;
                vyPrev = vy;

                double along = uc.at(t) * Math.sin(2 * Math.PI * (qq - pV.at(t))) * env + ap[o];
                double lateral = -latAmp.at(t) * Math.cos(Math.PI * (qq - 0.5)) * env;
                x[o] = px + along * c - lateral * sn;
                y[o] = py + along * sn + lateral * c;
                z[o] += -zc.at(t) * Math.cos(2 * Math.PI * (qq - pLow.at(t))) * env + kneeDrop.at(t) * envT + stumbleDrop;
                yaw[o] = heading - heading0 + yawAmp.at(t) * Math.cos(Math.PI * qq) * env;
                pitch[o] = lean.at(t) * envT + pitchAmp.at(t) * Math.cos(2 * Math.PI * (qq - 0.45)) * env + stumblePitch;
                roll[o] = -rollAmp.at(t) * Math.cos(Math.PI * (qq - 0.35)) * env;
            }
            j = jb;
            int i = first + ja - tl.base;
            for (int ch = 0; ch < 6; ch++) {
                tl.add(ch, i, pose[ch], len);
                if (jb == m) tl.hold(ch, i + len, pose[ch][len - 1]);
            }
        }

        /** Time of the bout's internal sample {@code jj}. */
        private double time(int jj) {
            return (first + jj - Timeline.PAD) * dt;
        }

        /**
         * The contacts' transients over bout samples {@code [ja, jb)} into {@code z} and {@code ap} (index 0
         * is {@code ja}), contact by contact in order, as the whole bout adds them.
         */
        private void impacts(int ja, int jb, double[] z, double[] ap) {
            int m = after - first;
            for (int c = 0; c < n; c++) {
                boolean f = fwd(c);
                strike(tc[c], (f ? 3.0 : 1.4) * impactScale(c), (f ? 1.8 : 0.8) * impactScale(c) * sign(c),
                        footOmega(c), footTau(c), ja, jb, z, ap);
                // weight acceptance, at the pendulum's lowest point (as soft as the contact, without the speed term)
                double tLoad = tc[c] + (f ? 0.07 : 0.10) * vault(c);
                double drop = LOADING_ACCEL * softness(c) * LOADING_SIGMA_S * LOADING_SIGMA_S;
                int ls = Math.max(Math.max(0, (int) Math.floor((tLoad - 4 * LOADING_SIGMA_S - t0) / dt)), ja);
                int le = Math.min(Math.min(m, (int) Math.ceil((tLoad + 4 * LOADING_SIGMA_S - t0) / dt)), jb);
                for (int jj = ls; jj < le; jj++) {
                    double u = (time(jj) - tLoad) / LOADING_SIGMA_S;
                    z[jj - ja] -= drop * Math.exp(-0.5 * u * u);
                }
                if (walk(c).style().cane() && weak(c) && c > 0) {
                    // the cane lands during the weak leg's swing (three-point gait), a small jolt through arm and trunk
                    double tCane = tc[c] - (1 - CANE_AT_SWING) * vault(c - 1);
                    strike(tCane, CANE_JOLT, 0, 2 * Math.PI * CANE_RING_HZ, 0.012, ja, jb, z, null);
                }
            }
            // the closing foot is set down beside the other one: a contact softer than a step's
            // (CLOSING_IMPACT), with no weight acceptance (the body is already over the leading foot)
            int c = n - 1;
            strike(closing, (fwd(c) ? 3.0 : 1.4) * impactScale(c) * CLOSING_IMPACT, 0, footOmega(c), footTau(c), ja, jb, z, null);
        }

        /**
         * Adds a damped ring that strikes at {@code tAt} ({@link Smooth#impact}, six rise times
         * long) to the stretch {@code [ja, jb)}: {@code zAmp} times it to {@code z}, and, when
         * {@code ap} is given, {@code apAmp} times it taken off {@code ap}.
         */
        private void strike(double tAt, double zAmp, double apAmp, double omega, double tau, int ja, int jb,
                            double[] z, double[] ap) {
            int js = (int) Math.floor((tAt - t0) / dt);
            int je = Math.min(Math.min(after - first, js + 1 + (int) Math.ceil(6 * tau / dt)), jb);
            for (int jj = Math.max(Math.max(0, js), ja); jj < je; jj++) {
                double tr = Smooth.impact(time(jj) - tAt, omega, tau);
                z[jj - ja] += zAmp * tr;
                if (ap != null) ap[jj - ja] -= apAmp * tr;
            }
        }

        /** A foot contact's ring, rad/s: a flat-footed contact spreads the load over a longer time, a lower ring. */
        private double footOmega(int c) {
            return 2 * Math.PI * (fwd(c) ? 22 : 17) * (1 - 0.35 * walk(c).style().shuffle());
        }

        /** A foot contact's rise time, s: slower for a flat-footed contact. */
        private double footTau(int c) {
            return (fwd(c) ? 0.020 : 0.025) * (1 + walk(c).style().shuffle());
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
