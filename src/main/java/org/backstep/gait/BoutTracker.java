package org.backstep.gait;

import java.util.Arrays;
import org.backstep.core.MinMax;
import org.backstep.event.Direction;
import org.backstep.event.StepEvent;
import org.backstep.event.StepRevision;

/**
 * Turns candidate contacts into steps. A bout is confirmed once {@code confirmSteps} candidates
 * follow each other at a regular interval and their cycles look like walking (the braking
 * coupling with one sign and alternating lateral sway, or a steady rhythm with a steady trunk, or,
 * for a weakly braking walker, enough braking of one sign over all its cycles), or already after two
 * candidates when the cycle between them is unmistakably walking; its held
 * candidates are then credited with their own contact times. A confirmed bout survives
 * the irregular steps of a turn; a long gap or a large trunk rotation ends it. When it ends, its
 * closing step (the trailing foot set down beside the other: a weak push, often under the step
 * threshold) is credited if its last step was not that one. In slow gait (steps over
 * {@link #SLOW_STEP_S}) the trailing leg's push-off after the pause on both feet is a vertical hump
 * of its own: a weak, non-braking candidate is told from a step by the contact that follows it
 * ({@link #mayBeHump}, {@link #isPushOffHump}); one already reported stays counted, but the bout's
 * pace is taken from the whole step.
 *
 * <p><b>Direction.</b> A bout's direction is settled once its evidence is clear: as strong as two
 * consistent walking cycles. Before that (a bout that starts in a turn, or at gait initiation, has
 * little braking evidence) its steps are reported with a provisional direction: that of a bout that
 * ended moments before, else the sign of the evidence so far. When the direction settles, the
 * provisional steps reported the other way are revised ({@link GaitListener#revised}). Steps are
 * never held back for their direction, so the direction costs no latency.
 */
final class BoutTracker {
    private static final int MAX_HELD = 16;
    /** A first candidate weaker than this fraction of the next ones is an initiation weight shift. */
    private static final double INITIATION_RATIO = 0.45;
    /**
     * The first step from standing vaults the pelvis this share as high as the walk's steady steps at
     * the same pace: the walker falls forward from rest and reaches the walk's speed over its first
     * steps (about 90% of it only with the third, on level ground), so the first step is shorter, and the
     * vault goes with the square of the step, s^2 / (8 L): a first step at 0.84 of the steady length
     * rises 0.7 as high. A chain's first candidate faces the pendulum floor of the pace the second one
     * sets ({@link PeakDetector#pendulumFloor}) scaled by it; brisk first steps face the configured floor,
     * unchanged, as before.
     */
    private static final double FIRST_STEP_VAULT = 0.7;
    /** A walk that starts again within this time of the last bout's last contact is resuming. */
    private static final double RESUME_S = 4;
    /** A confirmed bout survives a gap this long without a step: pivoting in a turn, a hesitation. */
    private static final double TURN_GAP_S = 2.2;
    /**
     * A confirmed bout also survives a gap of this many of the walker's own step intervals: one
     * undetected weak step doubles the gap, and 25% more covers a hesitation. Slow walkers (steps
     * 1 to 4 s apart) need this more than the fixed {@link #TURN_GAP_S}.
     */
    private static final double GAP_INTERVALS = 2.5;
    /**
     * The longest stillness a confirmed bout bridges, s, however slow its steps: a walker still for
     * longer has stopped and may turn round (population bouts are 1.5 to 8 s apart, some after a
     * turn in place). Steps up to the step ceiling ({@link GaitSettings#maxStepIntervalS}, 4 s) still
     * make a walk: a bout that ends between two such steps resumes with the next two
     * ({@link #RESUME_S}). Bridging 4 s merged bouts across such stops, and the steps of the one
     * before took the direction of the one after. A step whose trailing leg's push-off hump was seen
     * ({@link #isPushOffHump}) was still only until that hump: its pause, not the whole step, faces this.
     */
    private static final double MAX_PAUSE_S = 3.5;
    /**
     * Step-to-step interval ratio a walking rhythm allows, either way: step-time asymmetry up to
     * 1:2 (limping, hemiparesis, a cane) with 15% step-to-step variability on top.
     */
    private static final double RHYTHM_RATIO = 2.0 * 1.15;
    /**
     * Step-to-step interval ratio a limp reaches as the engine reads it: 1:2 with 15% variability
     * ({@link #RHYTHM_RATIO}), with each contact read about 0.1 s off by how softly it lands (a
     * weak leg's soft landing peaks early): a 0.45 s short step read as 0.35 s, a 0.9 s long one as
     * 1.0 s.
     */
    private static final double LIMP_READ_RATIO = 3.0;
    /**
     * Inside a bout, a candidate earlier than this fraction of the walker's step interval is a
     * second bump of a slow, double-humped vertical profile (it comes 0.3 to 0.6 s after the push
     * of a walker whose steps are 1 to 2 s apart) unless its push is comparable to the walker's.
     * No gait steps that early: even a 1:2 limp with 15% variability has its short step at 0.57
     * of the mean interval.
     */
    private static final double EARLY_FRACTION = 0.4;
    /**
     * Sideways travel of the pelvis from one step to the next in slow walking, m: it shifts over
     * each stance foot in turn, 2 to 4 cm each way, more in a slow, wide-based gait; seated in a
     * moving car it moves 1 to 4 cm.
     */
    private static final double WALKING_SWAY_M = 0.05;
    /**
     * Share of {@link #WALKING_SWAY_M} the pelvis travels over a walk's first window, from the first
     * contact to the second: a steady step carries it from over one foot to over the other, but the
     * walker sets off from standing with the pelvis between the feet (the anticipatory shift toward the
     * stance foot is small), so it travels about half the way, from the middle to one side (seed 1's
     * slow walkers: 2.5 to 5 cm where their steady steps travel 6 to 11). A chain's second candidate,
     * whose window is that first one, faces this share.
     */
    private static final double INITIATION_SWAY = 0.5;
    /** A second bump is about a third of the push; a real step's push is at least half the bout's level. */
    private static final double COMPARABLE_PUSH = 0.5;
    /**
     * Earliest and latest contact of the step after a bout's last one, in step intervals: the walker's
     * own rhythm puts it about one interval later, from 0.7 (15% step-to-step variability twice over,
     * and a soft landing read early) to 1.4 intervals (a stop that hesitates). When no step has come
     * by then, the highest push there was a step the threshold missed: the walk's closing step (the
     * trailing foot set down beside the other, no vault after it) or a weak step inside the walk.
     */
    private static final double CLOSING_EARLIEST = 0.7;
    private static final double CLOSING_LATEST = 1.4;
    /** A cycle with more trunk pitch or roll than this is sitting, bending or falling, not walking. */
    private static final double MAX_WALKING_ROTATION_DEG = 25;
    /** Smallest |direction evidence| (mean of the two braking correlations) of a walking cycle. */
    private static final double MIN_COUPLING = 0.4;
    /** Candidates, interval tolerance and trunk steadiness of the rhythm-only confirmation. */
    private static final int RHYTHM_STEPS = 3;
    private static final double RHYTHM_TOLERANCE = 0.15;
    private static final double RHYTHM_MAX_TILT_DEG = 10;
    /** The two-candidate start: coupling, trunk steadiness, interval range (67 to 170 spm) and push likeness. */
    private static final double CLEAR_COUPLING = 0.7;
    private static final double CLEAR_MAX_TILT_DEG = 8;
    private static final double CLEAR_MIN_INTERVAL_S = 0.35;
    private static final double CLEAR_MAX_INTERVAL_S = 0.9;
    private static final double CLEAR_AMPLITUDE_RATIO = 2;

    /**
     * A step interval at least this long, s, is slow gait (50 steps/min and slower) with a pause on
     * both feet: the swing leg (about 0.9 m) swings through in half its pendulum period,
     * pi sqrt(L / g), about 1 s, and the single stance lasts little more, so a longer step is a vault
     * plus a double support, whose trailing leg's push-off shows as a vertical hump of its own,
     * apart from the leading leg's collision.
     */
    private static final double SLOW_STEP_S = 1.2;
    /**
     * A push-off hump is 0.6 to 0.7 of the next contact's push; the walker's level is a running mean
     * of its candidates, humps among them, so a hump reaches up to about 0.85 of it. A push under
     * this share of the level may be one.
     */
    private static final double HUMP_PUSH = 0.9;
    /**
     * Over a stride the pelvis sways to one side and back, so the sideways travel of its two steps'
     * windows cancels; over one step it ends on the other side. A candidate whose window and the
     * next one's cancel to under this share of the larger is a step of a stride, not a hump.
     */
    private static final double STRIDE_CANCEL = 0.5;

    private final GaitSettings s;
    private final GaitListener listener;
    private final double[] heldT = new double[MAX_HELD];
    private final double[] heldCorr = new double[MAX_HELD];
    private final double[] heldAmp = new double[MAX_HELD];
    private final double[] heldLat = new double[MAX_HELD];
    private final double[] heldTilt = new double[MAX_HELD];
    private final double[] heldRoll = new double[MAX_HELD];
    private final double[] heldLobe = new double[MAX_HELD];
    private int held;
    private boolean humpHeld;              // a candidate held as a possible push-off hump (mayBeHump)
    private double pushOff = Double.NaN;   // the push-off hump just found in front of this candidate, or NaN
    // the last candidate was dropped as the last step's second bump, so the window of the next one began
    // inside that step's stance (windowInStance: as the next candidate reads it)
    private boolean bumpDropped, windowInStance;
    private double humpT, humpAmp, humpCorr, humpWeight, humpLat, humpTilt, humpRoll, humpLobe;
    private double chainInterval, chainEvidence, chainPushLevel; // the chain as it was before its last candidate
    private boolean otherStepHeld;         // the chain's last step broke its pace within LIMP_READ_RATIO
    private boolean confirmed;
    private double lastContact = Double.NaN;
    private double interval = Double.NaN;  // running step interval
    private double pushLevel;              // running height of the pushes of this chain or bout, m/s^2
    private double lastPush;               // push of the bout's last step, m/s^2
    // the bout's last reported candidate as isPushOffHump reads it: its braking and sideways travel, the
    // step before it (NaN when there is none, or the last step was credited) and the pace and level before it
    private double lastCorr, lastLat, stepBefore = Double.NaN, intervalBeforeLast, levelBeforeLast;
    private double closingPush;            // highest vertical sample where the next step would be, m/s^2
    private double closingContact;         // its contact time
    // the last candidate the bout's floor refused: its contact, the width of its push, its braking and sideways travel
    private double refusedContact = Double.NaN, refusedLobe, refusedCorr, refusedLat;
    private double evidence;               // > 0 backward, < 0 forward
    private double lastBoutEnd = Double.NEGATIVE_INFINITY;
    private Direction lastBoutDirection;   // the settled direction of the last bout, or null
    private long forward, backward;
    /**
     * Evidence at which a bout's direction is settled: two consecutive walking cycles, each with
     * the least coupling of a walking cycle ({@link #MIN_COUPLING}), the first one forgotten once.
     */
    private final double settledEvidence;
    private boolean settled;
    private int provisionalForward, provisionalBackward;
    private double provisionalFrom, provisionalTo;

    BoutTracker(GaitSettings settings, GaitListener listener) {
        this.s = settings;
        this.listener = listener;
        this.settledEvidence = MIN_COUPLING * (1 + settings.evidenceForgetting());
        limits();
    }

    /** A candidate whose trunk roll is not known: it never confirms a chain by {@link #rollingSway}. */
    void peak(double contact, double amplitude, double corr, double weight, double lateral, double tiltDeg, double lobe,
              double now) {
        peak(contact, amplitude, corr, weight, lateral, tiltDeg, 0, lobe, now);
    }

    /**
     * @param corr    the braking correlation of the cycle that ended at this peak (> 0 backward)
     * @param weight  how much that cycle's direction counts (turning cycles count less), 0..1
     * @param lateral the pelvis's sideways travel over that cycle's window, m, positive to the left
     * @param tiltDeg the largest trunk rotation about the horizontal axes in the window, degrees
     * @param rollDeg the trunk's roll over the window, degrees, positive lifting the left side (0: unknown)
     */
    void peak(double contact, double amplitude, double corr, double weight, double lateral, double tiltDeg, double rollDeg,
              double lobe, double now) {
        pushOff = Double.NaN;
        if (humpHeld) {
            // The step after the last one came within a stride's shortest span of it: the held push was
            // the push-off hump in front of this contact, not a step, unless this one is no stronger,
            // or came more than a vault after it (pushOffVault): a push held just after the last
            // contact (its second bump) is no push-off of a contact two seconds on.
            humpHeld = false;
            boolean hump = contact - lastContact < CLOSING_LATEST * interval && amplitude > humpAmp
                    && corr * Math.signum(evidence) >= MIN_COUPLING && pushOffVault(humpT, humpLobe, contact, lobe);
            if (!hump) releaseHump(now);
            else pushOff = humpT;
        }
        windowInStance = bumpDropped;
        bumpDropped = false;
        if (mayBeHump(contact, amplitude, corr)) {
            humpHeld = true;
            humpT = contact;
            humpAmp = amplitude;
            humpCorr = corr;
            humpWeight = weight;
            humpLat = lateral;
            humpTilt = tiltDeg;
            humpRoll = rollDeg;
            humpLobe = lobe;
        } else {
            candidate(contact, amplitude, corr, weight, lateral, tiltDeg, rollDeg, lobe, now);
        }
        limits();
    }

    /**
     * Whether a candidate chain is slow enough for a push-off hump: its pace before its last candidate
     * was slow ({@link #SLOW_STEP_S}), or, with no pace yet, the step from {@code s0} to {@code s1} is
     * at least two vaults long; gait initiation's anticipatory bump, a first step and the second one
     * span 0.85 to 1.4 s, and its weak first step is no hump.
     */
    private boolean slowChain(double s0, double s1) {
        return chainInterval >= SLOW_STEP_S || s1 - s0 >= 2 * SLOW_STEP_S;
    }

    /**
     * Whether the chain's candidate at {@code w}, between {@code s0} and the next one at {@code s1},
     * is the push-off hump of a slow step's pause on both feet: the step from {@code s0} to
     * {@code s1} is slow, the vault from the push-off to the next contact takes at most
     * {@link #SLOW_STEP_S}, the hump is weaker than that contact's push, only the vault's window
     * brakes, and the pelvis's sideways travel over the two windows does not cancel as a stride's does.
     */
    private static boolean isPushOffHump(double s0, double w, double wAmp, double wCorr, double wLat, double s1,
                                         double s1Amp, double s1Corr, double s1Lat) {
        return s1 - s0 >= SLOW_STEP_S && s1 - w < SLOW_STEP_S && wAmp < HUMP_PUSH * s1Amp
                && Math.abs(wCorr) < MIN_COUPLING && Math.abs(s1Corr) >= MIN_COUPLING
                && Math.abs(wLat + s1Lat) >= STRIDE_CANCEL * Math.max(Math.abs(wLat), Math.abs(s1Lat));
    }

    /**
     * Whether the push at {@code push} can be the trailing leg's push-off in front of the contact at
     * {@code contact}: the vault between them takes at most {@link #SLOW_STEP_S} (the swing leg's half
     * pendulum period and a little more). A peak times its push only to within its lobe (the positive
     * half wave around it, s): the hump's top may lie half its lobe off the push-off, the contact's
     * half its lobe off the collision, so the peaks may stand that much further apart (seed 1's
     * walker 15: a hump 1.24 s before its contact). A push held just after the last contact, its
     * second bump, stands 2 s and more in front of a slow walker's next one (seed 3's walker 42, at
     * 18 steps/min: 2.2 s), and was no push-off of it.
     */
    private static boolean pushOffVault(double push, double pushLobe, double contact, double contactLobe) {
        return contact - push < SLOW_STEP_S + 0.5 * (pushLobe + contactLobe);
    }

    /**
     * Whether a candidate inside a slow bout may be the push-off hump of a long double support: the
     * trailing leg's push-off, separated from the next contact's collision by the pause on both
     * feet, comes before the next step would, weaker than the walker's pushes and without the bout's
     * braking (its window is the pause, not a vault). Before the next step would: by the latest that
     * step lands ({@link #CLOSING_LATEST} intervals after the last one), not by one interval: a limp's
     * long step is longer than the walker's mean interval (1.33 of it at 1:2), and its hump, a vault
     * (under {@link #SLOW_STEP_S}) before its contact, comes past one interval (seed 1's walker 23, a
     * 1:1.44 limp at 17 steps/min: 3.4 s after the step, at a 3.3 s pace); a step held so is released
     * when the next candidate comes later still or is no stronger, or when the stretch has passed.
     * Where the window began at the last step's second bump, dropped as such, it began inside that
     * step's stance and holds its vault, which brakes in front of a hump as in front of a step: there
     * the braking tells nothing, and the contact that follows decides.
     * It is held until the next candidate or until the stretch where that step would land has passed.
     */
    private boolean mayBeHump(double contact, double amplitude, double corr) {
        return confirmed && interval >= SLOW_STEP_S && contact - lastContact < CLOSING_LATEST * interval
                && amplitude < HUMP_PUSH * pushLevel && (windowInStance || corr * Math.signum(evidence) < MIN_COUPLING);
    }

    /**
     * Whether a weakly braking candidate's window still ended a step, as a limp's short step does: it
     * brakes with the bout's sign, however weakly (an asymmetric gait splits its braking unevenly
     * between its short and its long step, and the short one alone may show less than a walking
     * cycle's {@link #MIN_COUPLING}), and the pelvis travelled {@link #WALKING_SWAY_M} sideways, to the
     * other side from the last step's window: from over one stance foot to over the other. The pause
     * on both feet in front of a push-off hump and a fidget leave it on its side.
     */
    private boolean crossedOver(double corr, double lateral) {
        return corr * Math.signum(evidence) > 0 && lateral * lastLat < 0 && Math.abs(lateral) >= WALKING_SWAY_M;
    }

    /** The candidate held by {@link #mayBeHump} was a step after all: taken as it came. */
    private void releaseHump(double now) {
        humpHeld = false;
        candidate(humpT, humpAmp, humpCorr, humpWeight, humpLat, humpTilt, humpRoll, humpLobe, now);
    }

    private void candidate(double contact, double amplitude, double corr, double weight, double lateral, double tiltDeg,
                           double rollDeg, double lobe, double now) {
        if (!Double.isNaN(lastContact) && tooSharp(amplitude, lobe, lateral, !confirmed && held == 1 ? INITIATION_SWAY : 1)) {
            bumpDropped = confirmed && contact - lastContact < EARLY_FRACTION * interval;
            return; // a spike the noise floor let through, not a slow step
        }
        if (!confirmed && held >= 2 && slowChain(heldT[held - 2], contact) && isPushOffHump(heldT[held - 2],
                heldT[held - 1], heldAmp[held - 1], heldCorr[held - 1], heldLat[held - 1], contact, amplitude, corr, lateral)) {
            // the chain's last candidate was the push-off hump in front of this contact: as if it never came
            held--;
            lastContact = heldT[held - 1];
            interval = chainInterval;
            evidence = chainEvidence;
            pushLevel = chainPushLevel;
            otherStepHeld = false;
            pushOff = heldT[held];
            lateral += heldLat[held];   // this window began at the chain's new last candidate
        }
        // The bout's last reported step was the push-off hump in front of this contact (too late for
        // mayBeHump, or held and released): it stays counted, but the bout's pace is taken as if this
        // step ran from the step before it, so the pace a hump read too quick lets no more humps pass.
        // The gap tests below stay on the hump's time.
        boolean restore = confirmed && !Double.isNaN(stepBefore) && lastPush < HUMP_PUSH * levelBeforeLast
                && isPushOffHump(stepBefore, lastContact, lastPush, lastCorr, lastLat, contact, amplitude, corr, lateral);
        double intervalBefore = interval, evidenceBefore = evidence, pushLevelBefore = pushLevel;
        if (!Double.isNaN(lastContact)) {
            double gap = contact - lastContact;
            if (confirmed && !Double.isNaN(interval) && gap < EARLY_FRACTION * interval
                    && amplitude < COMPARABLE_PUSH * pushLevel) {
                bumpDropped = true;
                return; // a second bump of the last step's vertical profile, not a step
            }
            if (confirmed && amplitude < PeakDetector.pendulumFloor(s.minPeak(), gap)
                    && corr * Math.signum(evidence) < MIN_COUPLING && !crossedOver(corr, lateral)) {
                // Only the bout's own floor let it through: a step ends a walking cycle, whose window
                // shows the bout's braking, or carries the pelvis over to the other foot. The push-off
                // bump after a long double support (its window is the pause on both feet) and a fidget do not.
                refusedContact = contact;
                refusedLobe = lobe;
                refusedCorr = corr;
                refusedLat = lateral;
                return;
            }
            // A step with a push-off hump in it (held in the bout, or dropped from the chain's last place):
            // the walker stood on both feet from the last contact to the hump, then vaulted onto this
            // contact (under SLOW_STEP_S, as isPushOffHump found). The walker was still only until the hump,
            // so the pause to it, not the whole step, faces the longest stillness bridged (the step ceiling
            // for a chain, the bout's gap for a bout): a 15 steps/min walker with 13% step-to-step
            // variability makes steps of 3.5 to 5 s, each a pause of 2.5 to 4 s and a 1 s vault.
            double pause = confirmed ? boutGap() : s.maxStepIntervalS();
            boolean pushedOff = !Double.isNaN(pushOff) && pushOff > lastContact && contact - pushOff < SLOW_STEP_S
                    && pushOff - lastContact <= pause;
            boolean inRange = gap >= s.minStepIntervalS() && (gap <= pause || pushedOff);
            boolean rhythmic = Double.isNaN(interval) || within(gap, interval, RHYTHM_RATIO);
            // A limp's other step, with its contact read off by a soft landing, may break the step
            // ratio: the chain keeps it once, without taking its pace, and the step after it must
            // come back to the chain's pace (the strides stay regular).
            boolean otherStep = !rhythmic && !confirmed && !otherStepHeld && held >= 2
                    && within(gap, interval, LIMP_READ_RATIO);
            otherStepHeld = otherStep;
            // A confirmed bout survives the odd rhythm of a turn or a side-step; a candidate chain does not.
            boolean ends = confirmed ? !inRange || tiltDeg > MAX_WALKING_ROTATION_DEG : !(inRange && (rhythmic || otherStep));
            if (ends && !confirmed && inRange && held > 0) {
                // The rhythm broke, not the walk: the chain's last candidate may be the first step
                // of the rhythm that follows (a faint sway before the first step set a slow pace).
                restartFromLast();
                interval = gap;
            } else if (ends) {
                // the highest push where the next step would land may be this candidate's own: it is
                // no closing step of the bout it ends, but the start of what follows
                if (closingContact > contact - lobe) closingPush = 0;
                end(now);
            } else if (restore) {
                double step = contact - stepBefore;
                interval = intervalBefore = intervalBeforeLast;
                if (within(step, interval, RHYTHM_RATIO)) interval += 0.3 * (step - interval);
            } else if (rhythmic) {
                interval = Double.isNaN(interval) ? gap : interval + 0.3 * (gap - interval);
            }
        }
        if (!confirmed && held == 1 && (heldAmp[0] < PeakDetector.pendulumFloor(s.minPeak(), contact - heldT[0], FIRST_STEP_VAULT)
                || tooSharp(heldAmp[0], heldLobe[0], heldLat[0], 1))) {
            // The chain's first candidate was judged against the noise floor alone (nothing came
            // before it); at the pace the second one sets, it is too weak to be a first step of that walk.
            held = 0;
            interval = Double.NaN;
        }
        boolean chainStart = !confirmed && held == 0;
        // A confirmed bout kept over a pause longer than its own rhythm explains (a stop the turn
        // allowance bridged): the walker may have turned round. Its direction is provisional again,
        // the direction it had, until the new cycles settle it; the pause's window says nothing.
        boolean paused = confirmed && !Double.isNaN(lastContact) && !Double.isNaN(interval)
                && contact - lastContact > GAP_INTERVALS * interval;
        if (paused && settled) {
            lastBoutDirection = sign();
            lastBoutEnd = lastContact;
            settled = false;
        }
        double previous = lastContact;
        lastContact = contact;
        pushLevel = chainStart ? amplitude : pushLevel + 0.3 * (amplitude - pushLevel);
        // The correlation window ended at this peak and belongs to the cycle before it; the
        // window in front of a chain's first candidate began before the walk and says nothing.
        // Forgetting is counted in effective cycles: a turning cycle that adds little also erodes little.
        evidence = chainStart || paused ? 0 : evidence * Math.pow(s.evidenceForgetting(), weight) + weight * corr;
        if (confirmed) {
            lastPush = amplitude;
            rememberLast(previous, intervalBefore, pushLevelBefore, corr, lateral);
            emit(contact, now);
            settle(now);
            return;
        }
        if (held == MAX_HELD) shiftHeld();
        chainInterval = intervalBefore;
        chainEvidence = evidenceBefore;
        chainPushLevel = pushLevelBefore;
        heldT[held] = contact;
        heldCorr[held] = corr;
        heldAmp[held] = amplitude;
        heldLat[held] = lateral;
        heldTilt[held] = tiltDeg;
        heldRoll[held] = rollDeg;
        heldLobe[held] = lobe;
        held++;
        boolean clearStart = held == 2 && needed() > 2 && clearWalkingCycle(0);
        // A chain that began with gait initiation's weight shift has its first walking cycle between its
        // second and third candidates: the two-candidate start is judged on that cycle, without the shift.
        boolean shiftStart = !clearStart && held == 3 && needed() > 2 && isPostureShift() && clearWalkingCycle(1);
        if (shiftStart) {
            shiftHeld();
            clearStart = true;
        }
        if (clearStart || held >= needed()) {
            if (!clearStart && !looksLikeWalking() && !steadyRhythm() && !patientBraking() && !rollingSway()) return;
            if (!clearStart && isPostureShift()) shiftHeld();
            confirmed = true;
            listener.walking(true, heldT[0]);
            for (int i = 0; i < held; i++) emit(heldT[i], now);
            lastPush = heldAmp[held - 1];
            rememberLast(held >= 2 ? heldT[held - 2] : Double.NaN, chainInterval, chainPushLevel, heldCorr[held - 1],
                    heldLat[held - 1]);
            pushLevel = MinMax.atLeast(pushLevel, brakingPushLevel());
            held = 0;
            settle(now);
        }
    }

    /**
     * Keeps the bout's last reported step as {@link #isPushOffHump} will read it when the next contact
     * comes: the step before it ({@code NaN}: none), the pace and push level before it, its braking and
     * sideways travel.
     */
    private void rememberLast(double before, double intervalBefore, double levelBefore, double corr, double lateral) {
        stepBefore = before;
        intervalBeforeLast = intervalBefore;
        levelBeforeLast = levelBefore;
        lastCorr = corr;
        lastLat = lateral;
    }

    /**
     * The walker's push level as the confirmed chain's braking candidates show it, m/s^2: the mean
     * push of the held candidates whose window (from the one before) brakes in the chain's direction
     * ({@link #MIN_COUPLING}), as a step's vault does; a push-off hump's window is the pause on both
     * feet and a weak first step's began before the walk, so neither says how hard this walker pushes.
     * 0 when none brakes.
     */
    private double brakingPushLevel() {
        double sum = 0;
        int n = 0;
        for (int i = 1; i < held; i++) {
            if (heldCorr[i] * Math.signum(evidence) >= MIN_COUPLING) {
                sum += heldAmp[i];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * Offers each band-passed vertical acceleration sample, m/s^2, at time {@code t}: inside a bout,
     * the highest one where the next step would land (one step interval after the last step,
     * {@link #CLOSING_EARLIEST} to {@link #CLOSING_LATEST}) is kept until a step comes or that
     * stretch has passed; then ends a bout or a chain that has waited too long for its next step.
     * One call a sample for both.
     */
    void sample(double now, double v) {
        if (humpHeld && now - lastContact > closingPassed) {
            pushOff = Double.NaN;
            releaseHump(now);   // no step followed the held push where the next one would land: it was the step
            limits();
        }
        if (confirmed && v > closingPush) {
            double contact = now - GaitEngine.CONTACT_LAG_S;
            double after = contact - lastContact;
            if (after >= closingFrom && after <= closingTo) {
                closingPush = v;
                closingContact = contact;
            }
        }
        // The stretch where the next step would land has passed, and any candidate peaked in it would
        // have been confirmed by now (PeakDetector.SETTLE_S): none came, so its highest push was one.
        if (closingPush > 0 && now - lastContact > closingPassed) {
            creditMissedStep(now);
        }
        if (!Double.isNaN(lastContact) && now - lastContact > quietEnd) {
            end(now);
        }
    }

    /*
     * What sample compares with at every sample depends only on the interval and whether a
     * bout is confirmed, which change at a candidate or a bout's end: computed then, in the same
     * order (the same bits), not per sample.
     */
    private double closingFrom, closingTo, closingPassed, quietEnd;
    // the bout's last reported step's contact, and its last four steps, the last first (NaN: none yet)
    private double lastEmitted = Double.NaN;
    private final double[] gaps = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};

    private void limits() {
        // A limp's steps alternate, so the step after the last one repeats the one before it (the stride
        // repeats): after the short step the long one comes, no earlier than CLOSING_EARLIEST of that long
        // step, however short the running interval, which a chain keeps from the short steps alone (it
        // keeps the limp's other step without its pace). The stretch may then be empty: no step was
        // missed in front of the long one, the limp's real step, which comes as a candidate.
        double next = confirmed && limping() ? gaps[1] : interval;
        closingFrom = CLOSING_EARLIEST * next;
        closingTo = CLOSING_LATEST * interval;
        closingPassed = CLOSING_LATEST * interval + GaitEngine.CONTACT_LAG_S + PeakDetector.SETTLE_S;
        // a chain waits as long as it would take a limp's other step
        double limit = confirmed ? boutGap()
                : Double.isNaN(interval) ? s.maxStepIntervalS() : MinMax.atMost(s.maxStepIntervalS(), interval * LIMP_READ_RATIO);
        quietEnd = limit + GaitEngine.CONTACT_LAG_S + 0.3;
        // a bout ends once the stretch where its next step would land has passed (a slow walker's
        // lies past its longest pause), so its highest push there is credited, not a candidate still forming
        if (confirmed && closingPassed > quietEnd) quietEnd = closingPassed;
    }

    /**
     * Whether the bout's last two strides are a limp's: each a long step and a short one, the long
     * ones longer than both short ones and than the running interval. A turn's pivot or a hesitation
     * lengthens one step, not every other one.
     */
    private boolean limping() {
        return Math.min(gaps[1], gaps[3]) > Math.max(gaps[0], gaps[2]) && gaps[1] > interval;
    }

    /** Whether a step of {@code gap} s is within {@code ratio} of an interval of {@code interval} s, either way. */
    private static boolean within(double gap, double interval, double ratio) {
        return gap < interval * ratio && gap > interval / ratio;
    }

    /** The longest gap a confirmed bout survives: a turn's pivot, or a slow walker's missed step. */
    private double boutGap() {
        double own = Double.isNaN(interval) ? 0 : GAP_INTERVALS * interval;
        return MinMax.atMost(MAX_PAUSE_S, MinMax.atMost(s.maxStepIntervalS(), MinMax.atLeast(TURN_GAP_S, own)));
    }

    private void emit(double contact, double now) {
        System.arraycopy(gaps, 0, gaps, 1, gaps.length - 1);
        gaps[0] = contact - lastEmitted;
        lastEmitted = contact;
        closingPush = 0;
        Direction d;
        if (settled) {
            d = sign();
        } else {
            d = lastBoutDirection != null && heldStart() - lastBoutEnd <= RESUME_S ? lastBoutDirection : sign();
            if (provisionalForward + provisionalBackward == 0) provisionalFrom = contact;
            provisionalTo = contact;
            if (d == Direction.FORWARD) provisionalForward++;
            else provisionalBackward++;
        }
        if (d == Direction.FORWARD) forward++;
        else backward++;
        listener.step(new StepEvent(contact, Math.max(now, contact), d));
    }

    private Direction sign() {
        return evidence > 0 ? Direction.BACKWARD : Direction.FORWARD;
    }

    /** Contact time of the current bout's first step. */
    private double heldStart() {
        return provisionalForward + provisionalBackward > 0 ? provisionalFrom : heldT[0];
    }

    /** Once the evidence is clear, the bout's direction is settled and its provisional steps revised. */
    private void settle(double now) {
        if (settled || Math.abs(evidence) < settledEvidence) return;
        settled = true;
        Direction d = sign();
        int wrong = d == Direction.FORWARD ? provisionalBackward : provisionalForward;
        if (wrong > 0) {
            if (d == Direction.FORWARD) {
                backward -= wrong;
                forward += wrong;
            } else {
                forward -= wrong;
                backward += wrong;
            }
            listener.revised(new StepRevision(provisionalFrom, provisionalTo, Math.max(now, provisionalTo), wrong, d));
        }
        provisionalForward = provisionalBackward = 0;
    }

    /**
     * Credits the highest push where the step after the last one would land, when the last step was a
     * walking step as strong as the walker's pushes and the push clears the noise floor: the walk's
     * closing step, or a weak step inside it, that the threshold missed. A weak last step was the
     * closing step itself, and a credited step is weak: one credit never leads to another.
     * When that push was a candidate the bout's floor refused (the highest sample lies on its push), it
     * may be the push-off hump of a long step: it is credited, but the contact after it is judged as after
     * a reported step ({@link #isPushOffHump}), so that a hump does not set the bout's pace.
     */
    private void creditMissedStep(double now) {
        if (closingPush >= PeakDetector.NOISE_FLOOR && lastPush >= COMPARABLE_PUSH * pushLevel) {
            double push = closingPush;
            emit(closingContact, now);
            if (Math.abs(closingContact - refusedContact) < refusedLobe) {
                rememberLast(lastContact, interval, pushLevel, refusedCorr, refusedLat);
            } else {
                stepBefore = Double.NaN;   // a push the threshold missed: no braking or sway of its own
            }
            lastContact = closingContact;
            lastPush = push;
        }
        closingPush = 0;
        limits();
    }

    private void end(double now) {
        humpHeld = false;
        if (confirmed) {
            if (closingPush > 0) creditMissedStep(now);   // the session ended before the stretch passed
            listener.walking(false, lastContact);
            lastBoutEnd = lastContact;
            if (settled) lastBoutDirection = sign();
        }
        confirmed = false;
        closingPush = 0;
        otherStepHeld = false;
        settled = false;
        provisionalForward = provisionalBackward = 0;
        held = 0;
        interval = Double.NaN;
        evidence = 0;
        lastContact = Double.NaN;
        stepBefore = Double.NaN;
        lastEmitted = Double.NaN;
        Arrays.fill(gaps, Double.NaN);
        limits();
    }

    void finish(double now) {
        if (humpHeld) releaseHump(now);
        end(now);
    }

    /**
     * Gait initiation starts with an anticipatory weight shift: the body rises a little as the
     * swing leg unloads, before the first contact. Its vertical peak is far weaker than a loading
     * response, so a weak first candidate in front of stronger ones is not a step.
     */
    private boolean isPostureShift() {
        double rest = 0;
        for (int i = 1; i < held; i++) rest += heldAmp[i];
        rest /= held - 1;
        return heldAmp[0] < INITIATION_RATIO * rest;
    }

    /** Candidates needed: fewer when walking resumes right after a bout (a turn, a short pause). */
    private int needed() {
        boolean resuming = heldT[0] - lastBoutEnd <= RESUME_S;
        return resuming ? Math.max(2, s.confirmSteps() - 1) : s.confirmSteps();
    }

    /**
     * The windows between held candidates (the first one began at rest and says nothing) must
     * show the braking coupling with one sign, at least {@link #MIN_COUPLING} over every stride
     * (two consecutive windows; a single window on its own), and lateral sway alternating side.
     * Strides, not steps: an asymmetric gait (a limp, a cane, a swaying walker who pauses over one
     * leg) splits its braking unevenly between its short and its long step, and its short step
     * alone may brake weakly.
     */
    private boolean looksLikeWalking() {
        int first = Math.max(1, held - needed() + 1);
        int sign = 0;
        for (int i = first; i < held; i++) {
            double c = heldCorr[i];
            boolean weak = held - first == 1 ? Math.abs(c) < MIN_COUPLING   // a single window: on its own
                    : i > first && Math.abs(c + heldCorr[i - 1]) < 2 * MIN_COUPLING;
            if (weak) return false;
            int sg = c > 0 ? 1 : -1;
            if (sign != 0 && sg != sign) return false;
            sign = sg;
        }
        return swayAlternates(first - 1);
    }

    /**
     * A second way in, for walkers whose braking coupling is weak: candidates at a steady rhythm
     * with the trunk steady. Steady means consecutive step intervals agree within
     * {@link #RHYTHM_TOLERANCE}, or, for an asymmetric gait (a limp, a cane), consecutive strides
     * (two steps) do and the pelvis sways to alternate sides. Sitting, squatting and lying
     * transfers are neither.
     */
    private boolean steadyRhythm() {
        if (held < RHYTHM_STEPS) return false;
        int first = held - RHYTHM_STEPS;
        for (int i = first + 1; i < held; i++) {
            if (heldTilt[i] > RHYTHM_MAX_TILT_DEG) return false;
        }
        // Pushes under the configured floor (a very slow walker's, a car's bumps on the road) must
        // also sway to alternate sides, twice in a row: a weak, regular bump alone is too easily
        // something else, and one change of side is a coin's toss.
        boolean weak = false;
        for (int i = first; i < held; i++) weak |= heldAmp[i] < s.minPeak();
        return regular(first, 1) && (!weak || swayAlternates(first - 1))
                || held > RHYTHM_STEPS && regular(held - RHYTHM_STEPS - 1, 2) && swayAlternates(weak ? first - 1 : first);
    }

    /**
     * A fourth way in, for a walker whose trunk rolls with its sway (a swaying walker, a cane limp: 12 to
     * 14 degrees a step, past the rhythm's {@link #RHYTHM_MAX_TILT_DEG}): the last three windows show
     * regular strides, the pelvis swaying to alternate sides and, in every window, the trunk rolling to
     * the side the pelvis travels to (the roll lifts that side: as the pelvis shifts over the stance
     * foot, the stance hip takes the weight and the swing side drops: of the windows with 2 cm of sway
     * and 3 degrees of roll, the simulator's 534 of 536, SisFall's walks 508 of 516, the lab's walks 846
     * of 1152; a walker whose trunk rolls the other way is left to the ways in above). The trunk's
     * rotation stays within a walking cycle's {@link #MAX_WALKING_ROTATION_DEG}, and what it has past
     * the rhythm's steady trunk is the roll's: a bend or a sit-down pitches the trunk instead. Rolling
     * over in bed, getting into a car or sitting down may sway and roll, but do not tie the roll's side
     * to the sway's window after window. The tie is read only where the pelvis travels at least gait
     * initiation's share of a step's sway ({@link #INITIATION_SWAY} of {@link #WALKING_SWAY_M}, the least
     * a walking window carries): a slow bend at the knees sways 1 to 2.6 cm to either side by chance,
     * and at 50 Hz SisFall's D15-SA03 made four steps on a chance tie before this floor.
     */
    private boolean rollingSway() {
        if (held <= RHYTHM_STEPS) return false;
        int first = held - RHYTHM_STEPS;
        for (int i = first; i < held; i++) {
            boolean rollsWithSway = heldRoll[i] * heldLat[i] > 0 && Math.abs(heldLat[i]) >= INITIATION_SWAY * WALKING_SWAY_M;
            boolean rotationIsRoll = Math.abs(heldRoll[i]) >= heldTilt[i] - RHYTHM_MAX_TILT_DEG;
            if (heldTilt[i] > MAX_WALKING_ROTATION_DEG || !rollsWithSway || !rotationIsRoll) return false;
        }
        return regular(first - 1, 2) && swayAlternates(first - 1);
    }

    /**
     * A third way in, for walkers whose every cycle brakes weakly (a cane takes part of the braking, a
     * shuffle brakes little: 0.2 to 0.35 where a walking cycle shows 0.4) and whose rhythm and sway are
     * broken by steps the threshold misses, so neither way above opens: every window since the chain's
     * first (which began at rest) brakes with one sign, the trunk steady, and together they hold the
     * braking of the walking cycles a confirmation needs ({@link #MIN_COUPLING} each). Each window's sign
     * is the direction the pelvis was carried over the stance foot; a sit-down, a bend or a fidget does
     * not keep it cycle after cycle, and its weak cycles add up to that only over more of them.
     */
    private boolean patientBraking() {
        double sum = 0;
        int sign = 0;
        for (int i = 1; i < held; i++) {
            if (heldTilt[i] > RHYTHM_MAX_TILT_DEG) return false;
            int sg = heldCorr[i] > 0 ? 1 : -1;
            if (sign != 0 && sg != sign) return false;
            sign = sg;
            sum += Math.abs(heldCorr[i]);
        }
        return sum >= needed() * MIN_COUPLING;
    }

    /**
     * Whether the pelvis swayed to alternate sides over the windows from {@code first + 1} on: left
     * and right stance alternate in every gait, however asymmetric its timing.
     */
    private boolean swayAlternates(int first) {
        for (int i = first + 2; i < held; i++) {
            if (heldLat[i] * heldLat[i - 1] >= 0) return false;
        }
        return true;
    }

    /** Whether the intervals spanning {@code span} candidates, from {@code first} on, agree within the tolerance. */
    private boolean regular(int first, int span) {
        int n = 0;
        double sum = 0;
        for (int i = first + span; i < held; i++, n++) sum += heldT[i] - heldT[i - span];
        double mean = sum / n;
        for (int i = first + span; i < held; i++) {
            if (Math.abs(heldT[i] - heldT[i - span] - mean) > RHYTHM_TOLERANCE * mean) return false;
        }
        return true;
    }

    /**
     * A first way in after two candidates: the cycle between them shows the braking coupling
     * clearly, the trunk is steady, the interval is a walking one and the two pushes are alike.
     * On the public data no non-walking activity comes near (its best such cycle reaches 0.33);
     * a clear walk is then credited one cycle sooner. The cycle is the one from held candidate
     * {@code i} to the next: the chain's first, or its second when the first was gait initiation's
     * weight shift ({@link #isPostureShift}), whose window ends at the first contact and is no cycle.
     */
    private boolean clearWalkingCycle(int i) {
        double gap = heldT[i + 1] - heldT[i];
        double ratio = heldAmp[i + 1] / Math.max(1e-9, heldAmp[i]);
        return Math.abs(heldCorr[i + 1]) >= CLEAR_COUPLING && heldTilt[i + 1] <= CLEAR_MAX_TILT_DEG
                && gap >= CLEAR_MIN_INTERVAL_S && gap <= CLEAR_MAX_INTERVAL_S
                && ratio >= 1 / CLEAR_AMPLITUDE_RATIO && ratio <= CLEAR_AMPLITUDE_RATIO;
    }

    /** Keeps only the chain's last candidate, as the start of a new chain. */
    private void restartFromLast() {
        while (held > 1) shiftHeld();
        otherStepHeld = false;
        pushLevel = heldAmp[0];
        evidence = 0;
    }

    private void shiftHeld() {
        System.arraycopy(heldT, 1, heldT, 0, MAX_HELD - 1);
        System.arraycopy(heldCorr, 1, heldCorr, 0, MAX_HELD - 1);
        System.arraycopy(heldAmp, 1, heldAmp, 0, MAX_HELD - 1);
        System.arraycopy(heldLat, 1, heldLat, 0, MAX_HELD - 1);
        System.arraycopy(heldTilt, 1, heldTilt, 0, MAX_HELD - 1);
        System.arraycopy(heldRoll, 1, heldRoll, 0, MAX_HELD - 1);
        System.arraycopy(heldLobe, 1, heldLobe, 0, MAX_HELD - 1);
        held--;
    }

    /**
     * Whether a push under the configured floor is too brief for a step: a step's vertical
     * oscillation is slower than the step band's upper edge, so it stays above zero for at least
     * half that edge's period (1 / (2 x 3 Hz), 0.17 s). A car's vibration or a knock that the noise
     * floor lets through is a spike of 0.05 to 0.12 s; a slow walker's push lasts 0.2 to 0.9 s,
     * unless its loading response is a sharp spike (0.13 to 0.16 s). Such a spike still counts
     * when the pelvis moved sideways by {@link #WALKING_SWAY_M} since the last candidate: walking
     * carries it from over one foot to over the other, a car seat holds it. {@code swayShare} scales
     * that travel: 1, or {@link #INITIATION_SWAY} for the walk's first window.
     */
    private boolean tooSharp(double amplitude, double lobe, double lateral, double swayShare) {
        return amplitude < s.minPeak() && lobe < 0.5 / s.bandHighHz() && Math.abs(lateral) < swayShare * WALKING_SWAY_M;
    }

    /**
     * The cap on the peak floor, m/s^2: inside a confirmed bout, half the walker's own push level
     * ({@link #COMPARABLE_PUSH}), so that a walker whose gait is flatter than the pendulum floor
     * assumes (a shuffle, a cane) keeps the steps of its weaker leg; no cap outside a bout.
     */
    double floorCap() {
        return confirmed ? COMPARABLE_PUSH * pushLevel : Double.POSITIVE_INFINITY;
    }

    /**
     * Contact time of the last candidate this tracker took as a step (reported, or held in its chain),
     * s; {@code NaN} when no chain or bout goes on. A candidate it dropped (a sharp spike, a second
     * bump, one the bout's floor refused) or holds as a possible push-off hump is not one, nor a chain's
     * last candidate that may be one ({@link #provisionalLast}): a chain that took a hump as a step
     * would otherwise face the real contact, 1 s later, with the floor of a step 1 s long, miss it, and
     * lock on the humps at the walk's own pace.
     */
    double lastStep() {
        if (!confirmed && held >= 2 && provisionalLast()) return heldT[held - 2];
        return lastContact;
    }

    /**
     * Whether the chain's last candidate may be the push-off hump of a slow step, whose contact is still
     * to come: the chain is slow ({@link #SLOW_STEP_S}, its pace or the gap to this candidate), the push
     * is under {@link #HUMP_PUSH} of the chain's level before it, and the pelvis did not travel a step's
     * sideways sway ({@link #WALKING_SWAY_M}) over its window: a contact carries the weight over to the
     * new stance foot, the trailing leg's push-off in the pause on both feet does not. The contact after
     * it decides ({@link #isPushOffHump}); until then it does not restart the pendulum floor's clock.
     */
    private boolean provisionalLast() {
        int w = held - 1;
        boolean slow = chainInterval >= SLOW_STEP_S || heldT[w] - heldT[w - 1] >= SLOW_STEP_S;
        return slow && heldAmp[w] < HUMP_PUSH * chainPushLevel && Math.abs(heldLat[w]) < WALKING_SWAY_M;
    }

    /**
     * Whether a candidate chain is open: candidates are held (the first one pushed past the noise
     * floor) and no bout is confirmed yet.
     */
    boolean chainOpen() {
        return !confirmed && held > 0;
    }

    /** Whether a bout is confirmed and going on. */
    boolean walking() {
        return confirmed;
    }

    long count(Direction d) {
        return d == Direction.FORWARD ? forward : backward;
    }
}
