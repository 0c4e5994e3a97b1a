package org.backstep.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backstep.event.Direction;
import org.backstep.event.StepEvent;
import org.backstep.event.StepRevision;
import org.junit.jupiter.api.Test;

/** The bout gate on hand-made candidates: when two are enough, and when they are not. */
class BoutTrackerTest {
    private static final double INTERVAL = 0.55;

    /**
     * Feeds candidates 0.55 s apart; the cycle ending at the second has the given coupling
     * (negative: forward), trunk rotation and push height relative to the first.
     */
    private static GaitEngineSimTest.Run twoCandidates(double corr, double tiltDeg, double amplitudeRatio) {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        b.peak(10.0, 2.0, 0.1, 1, 0.05, 2, 0.25, 10.2);
        b.peak(10.0 + INTERVAL, 2.0 * amplitudeRatio, corr, 1, -0.05, tiltDeg, 0.25, 10.2 + INTERVAL);
        return run;
    }

    @Test
    void twoCandidatesAreEnoughWhenTheCycleBetweenThemIsClearlyWalking() {
        GaitEngineSimTest.Run r = twoCandidates(-0.8, 3, 1.1);
        assertEquals(2, r.steps.size());
        assertEquals(1, r.boutsStarted);
        assertEquals(Direction.FORWARD, r.steps.get(0).direction());
        assertEquals(10.0, r.steps.get(0).t(), 1e-9, "credited with its own contact time");
        assertEquals(10.2 + INTERVAL, r.steps.get(0).at(), 1e-9, "when the second candidate came");
        assertEquals(Direction.BACKWARD, twoCandidates(0.8, 3, 1.1).steps.get(1).direction());
    }

    @Test
    void otherwiseTheyWaitForAThird() {
        assertEquals(0, twoCandidates(-0.6, 3, 1.1).steps.size(), "coupling not clear enough");
        assertEquals(0, twoCandidates(-0.8, 12, 1.1).steps.size(), "the trunk rotated: bending, sitting");
        assertEquals(0, twoCandidates(-0.8, 3, 3).steps.size(), "pushes unlike each other");
    }

    /**
     * Gait initiation: a weak weight shift 0.38 s before the first contact (its window ends at that
     * contact: little braking, the pelvis not yet across), then the first step and a second one whose
     * cycle is clearly walking (coupling {@code corr}). The shift is no step and its window no cycle.
     */
    private static GaitEngineSimTest.Run shiftThenTwoSteps(double corr) {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        b.peak(10.0, 0.6, 0.1, 1, 0.02, 2, 0.25, 10.2);
        b.peak(10.38, 2.0, 0.1, 1, 0.03, 2, 0.25, 10.58);
        b.peak(10.38 + INTERVAL, 2.0, corr, 1, -0.05, 3, 0.25, 10.58 + INTERVAL);
        return run;
    }

    @Test
    void afterAnInitiationWeightShiftTheFirstWalkingCycleIsEnough() {
        GaitEngineSimTest.Run r = shiftThenTwoSteps(-0.8);
        assertEquals(2, r.steps.size(), "the two steps, confirmed when the second came; the shift is none");
        assertEquals(10.38, r.steps.get(0).t(), 1e-9);
        assertEquals(10.58 + INTERVAL, r.steps.get(0).at(), 1e-9, "not a cycle later");
        assertEquals(Direction.FORWARD, r.steps.get(1).direction());
        assertEquals(0, shiftThenTwoSteps(-0.6).steps.size(), "a cycle that is not clear waits for a third step");
    }

    /** Feeds candidates {@link #INTERVAL} apart with sway alternating sides, keeping time between calls. */
    private static final class Feed {
        final GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        final BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        double t = 10;
        double lateral = 0.05;

        /** {@code n} cycles with this coupling and direction weight, each reported 0.2 s after its contact. */
        void cycles(int n, double corr, double weight) {
            for (int i = 0; i < n; i++, t += INTERVAL, lateral = -lateral) {
                b.peak(t, 2.0, corr, weight, lateral, 2, 0.25, t + 0.2);
            }
        }
    }

    @Test
    void turningCyclesNeitherAddNorEraseMuchDirection() {
        Feed f = new Feed();
        f.cycles(5, 0.8, 1);          // walking backward, straight
        f.cycles(12, -0.5, 0.1);      // a long curve: weak, misleading cycles
        assertEquals(17, f.run.steps.size());
        assertEquals(17, f.run.count(Direction.BACKWARD), "the curve did not turn the walk forward");
    }

    @Test
    void aBoutThatStartsWithoutBrakingEvidenceIsRevisedOnceItsDirectionIsClear() {
        Feed f = new Feed();
        GaitEngineSimTest.Run run = f.run;
        BoutTracker b = f.b;
        // Gait initiation in a turn: a weak forward-looking cycle, then near-zero evidence.
        double[] early = {0.0, -0.45, 0.05, -0.02};
        for (double c : early) f.cycles(1, c, 1);
        assertEquals(early.length, run.steps.size(), "confirmed on rhythm at the third, each reported at once");
        assertEquals(early.length, run.count(Direction.FORWARD), "provisionally forward: the evidence leans that way");
        assertEquals(0, run.revisions.size(), "nothing clear yet");
        f.cycles(4, 0.5, 1);          // straight backward walking
        assertEquals(1, run.revisions.size(), "one revision when the direction settles");
        assertEquals(Direction.BACKWARD, run.revisions.get(0).direction());
        assertEquals(run.steps.size(), run.count(Direction.BACKWARD), "every step of the bout is backward");
        assertEquals(run.steps.size(), b.count(Direction.BACKWARD), "the engine's own count moved with them");
        assertEquals(0, b.count(Direction.FORWARD));
        StepRevision r = run.revisions.get(0);
        assertEquals(early.length, r.steps());
        for (StepEvent s : run.steps) {
            if (s.t() <= r.to()) assertTrue(s.at() <= r.at(), "revised steps kept their earlier report time: none was held");
        }
    }

    @Test
    void aBoutThatResumesMomentsAfterAnotherStartsInItsDirection() {
        Feed f = new Feed();
        GaitEngineSimTest.Run run = f.run;
        f.cycles(8, 0.6, 1);          // backward, settled
        f.t += 3;                     // a pause ends the bout
        f.b.sample(f.t, 0);
        int before = run.steps.size();
        f.cycles(3, -0.05, 0.2);      // resumes in a turn: no evidence
        assertTrue(run.steps.size() > before, "the resumed walk is counted");
        for (int i = before; i < run.steps.size(); i++) {
            assertEquals(Direction.BACKWARD, run.steps.get(i).direction(), "inherits the walk of moments ago");
        }
    }

    /**
     * A brisk walker stops for 1.8 s (bridged by the turn allowance, but three and a half of its
     * steps) and walks on the other way: the bout goes on, the new steps are reported in the old
     * direction at first and revised once their own braking settles it.
     */
    @Test
    void aPauseLongerThanTheRhythmLetsTheDirectionTurnOver() {
        Feed f = new Feed();
        GaitEngineSimTest.Run run = f.run;
        f.cycles(10, 0.6, 1);         // backward, settled
        int before = run.steps.size();
        f.t += 1.8 - INTERVAL;        // the stop: 1.8 s from the last contact to the next
        f.cycles(6, -0.6, 1);         // forward now
        assertEquals(1, run.boutsStarted, "one bout: the turn allowance bridged the stop");
        for (int i = before; i < run.steps.size(); i++) {
            assertEquals(Direction.FORWARD, run.steps.get(i).direction(), "step " + i + " after the stop");
        }
        assertEquals(before, run.count(Direction.BACKWARD));
    }

    /** Feeds candidates at the given intervals (cycled), walking forward with alternating sway. */
    private static GaitEngineSimTest.Run walk(BoutTracker b, GaitEngineSimTest.Run run, double start, double[] intervals,
                                              int steps, double amplitude) {
        double t = start;
        double lateral = 0.05;
        for (int i = 0; i < steps; i++, lateral = -lateral) {
            push(b, t, amplitude, -0.5, lateral, 0.25);
            t += intervals[i % intervals.length];
        }
        return run;
    }

    /** A candidate peaked at {@code t} with the trunk steady (3 degrees), confirmed 0.25 s later, and that moment's sample. */
    private static void push(BoutTracker b, double t, double amplitude, double corr, double lateral, double lobe) {
        b.peak(t, amplitude, corr, 1, lateral, 3, lobe, t + 0.25);
        b.sample(t + 0.25, 0);
    }

    /**
     * A slow bout's start: pushes {@code {push, braking}} 2.2 s apart from 10 s, the sway alternating from
     * 5 cm, confirmed on its steady rhythm. Returns the last contact; the next candidate sways to -5 cm.
     */
    private static double slowStart(BoutTracker b, GaitEngineSimTest.Run run, double[][] start) {
        double t = 10, lateral = 0.05;
        for (double[] p : start) {
            push(b, t, p[0], p[1], lateral, 0.3);
            t += 2.2;
            lateral = -lateral;
        }
        assertEquals(start.length, run.steps.size(), "confirmed on its steady rhythm: " + run.steps);
        return t - 2.2;
    }

    /**
     * A chain is open from its first candidate until its bout is confirmed, and again once it has
     * waited past the step ceiling for its next step: only then may the engine lower the noise floor.
     */
    @Test
    void aChainIsOpenFromItsFirstCandidateUntilItsBoutIsConfirmedOrItLapses() {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        assertFalse(b.chainOpen(), "no candidate yet");
        push(b, 10, 0.3, -0.8, 0.05, 0.3);
        assertTrue(b.chainOpen(), "one candidate held");
        b.sample(16, 0);
        assertFalse(b.chainOpen(), "no next step within the step ceiling: the chain lapsed");
        slowStart(b, run, new double[][] {{0.3, -0.8}, {0.3, -0.8}, {0.3, -0.8}});
        assertFalse(b.chainOpen(), "the bout is confirmed: its own floor cap takes over");
    }

    @Test
    void aVerySlowWalkerWithStepsThreeSecondsApartIsCountedFromTheFirstStep() {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        walk(new BoutTracker(GaitSettings.builder(100).build(), run), run, 10, new double[] {2.9, 3.1}, 12, 1.0);
        assertEquals(12, run.steps.size(), "a walking aid or advanced disease: steps 3 s apart are still walking");
        assertEquals(1, run.boutsStarted, "one bout: the gaps are the walker's own rhythm, not pauses");
    }

    /**
     * A very slow walker slowing down, from steps 2.3 s apart to 3.4 s: the trailing leg's push-off (a
     * weak hump without braking, 1 s before the next contact) now comes a full interval after the step
     * before, where the next step would, so it is reported as a step. The contact after it shows it
     * was the hump; it stays counted, but the bout's pace is taken from the whole step (3.4 s, not the
     * hump's 2.4 s and 1 s), so later humps come before the next step would and are held and dropped.
     */
    @Test
    void aReportedPushOffHumpDoesNotSetTheBoutsPace() {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        walk(b, run, 10, new double[] {2.3}, 4, 1.0);        // steps at 10 .. 16.9
        assertEquals(4, run.steps.size());
        double t = 16.9;
        double lateral = -0.05;
        int humps = 8;
        for (int i = 0; i < humps; i++, lateral = -lateral) {
            double hump = t + 2.4, contact = t + 3.4;
            push(b, hump, 0.6, 0.1, 0.6 * lateral, 0.4);
            push(b, contact, 1.0, -0.5, 0.4 * lateral, 0.25);
            t = contact;
        }
        b.finish(t + 10);
        assertEquals(1, run.boutsStarted, run.steps.toString());
        int reportedHumps = run.steps.size() - 4 - humps;
        assertTrue(reportedHumps <= 3, reportedHumps + " of " + humps + " humps reported: " + run.steps);
    }

    @Test
    void aLimpThatAlternatesShortAndLongStepsIsRegularAndLosesNoFirstSteps() {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        walk(new BoutTracker(GaitSettings.builder(100).build(), run), run, 10, new double[] {0.45, 0.95}, 16, 1.5);
        assertEquals(16, run.steps.size(), "step-time asymmetry of 1:2 is a gait, not an irregular chain");
        assertEquals(1, run.boutsStarted);
    }

    @Test
    void aSecondBumpOfASlowStepIsNotCountedButAnEarlyStrongStepIs() {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        walk(b, run, 10, new double[] {1.2}, 6, 2.0);            // steps at 10.0 .. 16.0
        assertEquals(6, run.steps.size());
        b.peak(16.35, 0.6, -0.5, 1, 0.05, 3, 0.25, 16.6);              // a third of the push, 0.35 s after it
        assertEquals(6, run.steps.size(), "the double-humped profile's second bump is not a step");
        b.peak(17.2, 2.0, -0.5, 1, 0.05, 3, 0.25, 17.45);              // the next step, on time
        assertEquals(7, run.steps.size());
        assertEquals(17.2, run.steps.get(6).t(), 1e-9);
        b.peak(17.6, 1.9, -0.5, 1, -0.05, 3, 0.25, 17.85);             // early but a full push: a real, hurried step
        assertEquals(8, run.steps.size());
    }

    @Test
    void aLimpWithWeakBrakingIsConfirmedOnItsStridesWhenThePelvisAlternatesSides() {
        double[] intervals = {0.5, 1.0};
        for (boolean alternating : new boolean[] {true, false}) {
            GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
            BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
            double t = 10;
            for (int i = 0; i < 8; i++) {
                double lateral = alternating && i % 2 == 1 ? -0.04 : 0.04;
                b.peak(t, 1.0, -0.1, 1, lateral, 3, 0.25, t + 0.25);   // braking too weak for the coupling way in
                t += intervals[i % 2];
            }
            if (alternating) assertEquals(8, run.steps.size(), "regular strides with alternating sway: a limping walk");
            else assertEquals(0, run.steps.size(), "regular strides without alternating stance: not walking");
        }
    }

    /**
     * A cane limp whose trunk turns 13 degrees a step (seed 1's walker 44: a 1:2 limp, twice the
     * sway), its braking too weak and too uneven for the coupling, its trunk past the rhythm's
     * 10 degrees: confirmed on its regular strides only when, window after window, its trunk rolls
     * to the side the pelvis travels to. The same candidates with the roll against the sway (rolling
     * over in bed, getting into a car) or with the rotation a pitch (a bend, a sit-down: the roll
     * small) are no walk.
     */
    @Test
    void aLimpWhoseTrunkRollsWithItsSwayIsConfirmedOnItsStrides() {
        double[] intervals = {0.72, 1.54};
        // each case: the roll of each window, degrees, signed as a share of its sway's side (with it,
        // against it, a pitch), and the sway, m (a walking window's 7 cm; a knee bend's 1.5 cm by chance)
        double[][] cases = {{13, 0.07}, {-13, 0.07}, {2, 0.07}, {13, 0.015}};
        for (double[] c : cases) {
            double rollShare = c[0], sway = c[1];
            GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
            BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
            double t = 10;
            for (int i = 0; i < 8; i++) {
                double lateral = i % 2 == 1 ? -sway : sway;
                double corr = i % 2 == 1 ? -0.3 : 0.1;   // the long step's window brakes the wrong way
                b.peak(t, 1.0, corr, 1, lateral, 13, Math.signum(lateral) * rollShare, 0.25, t + 0.25);
                t += intervals[i % 2];
            }
            if (rollShare > 10 && sway > 0.05) assertEquals(8, run.steps.size(), "the trunk rolls with the sway: a swaying limp");
            else assertEquals(0, run.steps.size(), rollShare < 0 ? "the roll against the sway"
                    : rollShare < 10 ? "the rotation a pitch" : "a sway under gait initiation's: no walking window");
        }
    }

    /**
     * SisFall D19, a gentle jump: a faint sway (0.16 m/s^2, let through by the noise floor with
     * nothing before it), then two big pushes half a second apart. At that pace the sway is far
     * too weak to be a step, so it cannot make the third candidate of a rhythm.
     */
    @Test
    void aFaintFirstCandidateDoesNotCountTowardABriskRhythm() {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        b.peak(1.57, 0.16, -0.3, 1, 0.01, 8, 0.4, 1.75);
        b.peak(2.06, 8.5, 0.1, 1, -0.01, 5, 0.3, 2.27);
        b.peak(2.55, 14.1, 0.1, 1, 0.01, 2, 0.3, 2.78);
        assertEquals(0, run.steps.size(), "three regular candidates, but the first is not a step at this pace");
        b.peak(3.05, 9.0, 0.1, 1, -0.01, 2, 0.3, 3.3);
        assertEquals(3, run.steps.size(), "three strong ones in rhythm are (the coupling aside)");
        assertEquals(2.06, run.steps.get(0).t(), 1e-9);
    }

    /**
     * A 45 steps/min walker starting from standing, whose loading responses are sharp (0.22 m/s^2,
     * 0.14 s wide): over its steady steps the pelvis travels 8 cm sideways, but over the walk's first
     * window, from standing between the feet to over the first step's foot, only 3.3 cm (seed 1's
     * walkers 65 and 108 lost their second step this way). The chain's second candidate is held to
     * the initiation's share of the walking sway; a sharp spike with the pelvis held (1 cm: a car
     * seat) still is no step.
     */
    @Test
    void aSlowWalkersSecondStepCountsWithTheSmallerSwayOfGaitInitiation() {
        for (double second : new double[] {0.033, 0.01}) {
            GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
            BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
            for (int i = 0; i < 6; i++) {
                double t = 5 + 1.33 * i;
                double lateral = i == 0 ? 0.002 : i == 1 ? second : i % 2 == 0 ? -0.08 : 0.08;
                b.peak(t, i == 0 ? 0.25 : 0.22, -0.5, 1, lateral, 3, i == 0 ? 0.4 : 0.14, t + 0.3);
            }
            b.finish(14);
            if (second > 0.025) {
                assertEquals(6, run.steps.size(), "every step from the first, the second among them");
                assertEquals(6.33, run.steps.get(1).t(), 1e-9);
            } else {
                assertTrue(run.steps.stream().noneMatch(e -> Math.abs(e.t() - 6.33) < 1e-6), "a spike with the pelvis held");
            }
        }
    }

    /**
     * Seed 1's walker 124 (41 steps/min, a cane and a shuffle, 21 degrees of stoop), walking backward:
     * every cycle brakes weakly (0.22 to 0.37, never the 0.4 of a walking cycle), every third step is
     * under the threshold, so the intervals (1.5 and 2.5 s) and the sway's sides do not repeat; its
     * 22-step walk was never confirmed. Every window brakes backward, and five of them hold more than
     * three walking cycles' braking: it is a walk. The same candidates whose windows brake one way, then
     * the other, are not.
     */
    @Test
    void aWeaklyBrakingWalkerWithMissedStepsIsConfirmedOnItsBrakingOfOneSign() {
        double[] t = {107.07, 108.73, 111.27, 112.80, 114.35, 117.05, 119.69, 122.39};
        double[] corr = {-0.06, 0.03, 0.34, 0.22, 0.31, 0.32, 0.29, 0.35};
        double[] lat = {0, 0.065, -0.024, -0.078, 0.106, -0.012, -0.008, -0.02};
        for (boolean oneSign : new boolean[] {true, false}) {
            GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
            BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
            for (int i = 0; i < t.length; i++) {
                double c = oneSign || i % 2 == 0 ? corr[i] : -corr[i];
                b.peak(t[i], 0.2, c, 1, lat[i], 4, 0.45, t[i] + 0.3);
            }
            b.finish(124);
            if (oneSign) {
                assertTrue(run.steps.size() >= 7, "the walk is counted: " + run.steps.size());
                assertEquals(t.length, run.count(Direction.BACKWARD) + run.count(Direction.FORWARD));
                assertTrue(run.steps.stream().allMatch(e -> e.direction() == Direction.BACKWARD));
            } else {
                assertEquals(0, run.steps.size(), "braking that changes sign is no walk");
            }
        }
    }

    /**
     * A spike under the configured floor, narrower than a step's half-cycle, with the pelvis held
     * (a car seat), is neither a step nor the end of a bout.
     */
    @Test
    void aSharpWeakSpikeIsIgnored() {
        Feed f = new Feed();
        f.cycles(5, -0.8, 1);
        f.b.peak(f.t - INTERVAL + 0.3, 0.2, -0.5, 1, 0.01, 2, 0.06, f.t);   // the pelvis moved 1 cm sideways
        assertEquals(5, f.run.steps.size());
        f.cycles(2, -0.8, 1);
        assertEquals(7, f.run.steps.size(), "the bout went on");
    }

    /**
     * IPOL s08 t3, played backward: a faint sway 2.5 s before the first step sets a slow pace that
     * the walk then breaks. The chain restarts from its last candidate, so the first step counts.
     */
    @Test
    void aBrokenRhythmRestartsTheChainFromItsLastCandidate() {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        b.peak(0.54, 0.11, 0.08, 1, 0.005, 0.5, 0.55, 0.74);
        b.peak(3.03, 1.40, 0.33, 1, 0.038, 2.8, 0.28, 3.26);
        b.peak(3.67, 1.70, 0.40, 1, -0.033, 4.9, 0.32, 3.93);
        b.peak(4.22, 1.30, 0.50, 1, 0.025, 2.9, 0.33, 4.52);
        assertEquals(3, run.steps.size(), "the walk's first three steps, not the sway");
        assertEquals(3.03, run.steps.get(0).t(), 1e-9);
    }

    /** A slow walker's sharp loading spike counts when the pelvis swayed from one foot to the other. */
    @Test
    void aSharpWeakPushWithAWalkingSwayIsAStep() {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        double lateral = 0.085;
        for (int i = 0; i < 6; i++, lateral = -lateral) {
            double t = 5 + 1.33 * i;
            b.peak(t, 0.22, -0.5, 1, lateral, 6, 0.15, t + 0.25);
        }
        assertEquals(6, run.steps.size(), "46 steps/min, 0.22 m/s^2 pushes 0.15 s wide, 8.5 cm of sway");
    }

    /**
     * A 50 steps/min walker starting from standing: the first step is shorter than the steady ones and
     * vaults the pelvis less, so its push (0.16 m/s^2) is under the flattest steady step's at that pace
     * (the pendulum floor for 1.2 s, 0.21) but over the first step's share of it. It is the walk's first
     * step, not an initiation sway; a push well under that share still is one (seed 1's walker 55, 40
     * steps/min, lost its first step this way: 0.14 against a floor of 0.17).
     */
    @Test
    void aSlowWalkersShorterFirstStepCountsAgainstItsOwnShareOfThePendulumFloor() {
        for (double first : new double[] {0.16, 0.11}) {
            GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
            BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
            double lateral = 0.04;
            for (int i = 0; i < 6; i++, lateral = -lateral) {
                double t = 5 + 1.2 * i;
                b.peak(t, i == 0 ? first : 0.25, -0.5, 1, lateral, 3, 0.4, t + 0.3);
            }
            b.finish(13);
            if (first > 0.15) {
                assertEquals(5.0, run.steps.get(0).t(), 1e-9, "the first step counts, with its own contact time");
                assertEquals(6, run.steps.stream().filter(e -> e.t() < 11.5).count());
            } else {
                assertEquals(6.2, run.steps.get(0).t(), 1e-9, "too weak even for a first step: a sway before the walk");
            }
        }
    }

    /**
     * A limping walker who sways widely: the trunk rolls 15 degrees each step (too much for the
     * rhythm-only way in) and the short step brakes weakly (-0.3) while the long one brakes
     * clearly (-0.7). Its strides show walking; a transfer's weak, or mixed, braking does not.
     */
    @Test
    void anAsymmetricGaitIsJudgedOnTheBrakingOfItsStrides() {
        double[][] cases = {{-0.3, -0.7}, {-0.2, -0.1}, {-0.7, 0.5}};
        int[] expected = {6, 0, 0};
        for (int k = 0; k < cases.length; k++) {
            GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
            BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
            double t = 10;
            for (int i = 0; i < 6; i++) {
                double interval = i % 2 == 0 ? 0.5 : 0.8;
                b.peak(t, 1.5, cases[k][i % 2], 1, i % 2 == 0 ? 0.06 : -0.06, 15, 0.3, t + 0.25);
                t += interval;
            }
            assertEquals(expected[k], run.steps.size(), "couplings " + cases[k][0] + " / " + cases[k][1]);
        }
    }

    /**
     * Inside a bout, a push under the pendulum floor (only the bout's own floor let it through)
     * counts when its cycle shows the bout's braking, not when it ends a cycle without it and leaves
     * the pelvis on its side: the push-off bump after a long pause on both feet.
     */
    @Test
    void aWeakPushInABoutCountsOnlyWithTheBoutsBraking() {
        for (double corr : new double[] {-0.7, -0.1}) {
            assertEquals(corr < -0.4 ? 5 : 4, weakPushInABout(corr, 0.01).steps.size(), "coupling " + corr);
        }
    }

    /**
     * A bout of four steps 1 s apart (braking forward, the sway alternating from 5 cm, the last one to
     * -5 cm), then a push under the pendulum's 0.3 m/s^2 at 1 s whose window has this coupling and
     * sideways travel.
     */
    private static GaitEngineSimTest.Run weakPushInABout(double corr, double lateral) {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        double t = 10;
        for (int i = 0; i < 4; i++, t += 1.0) b.peak(t, 0.5, -0.7, 1, i % 2 == 0 ? 0.05 : -0.05, 3, 0.45, t + 0.25);
        assertEquals(0.25, b.floorCap(), 1e-9, "half the bout's pushes");
        b.peak(t, 0.2, corr, 1, lateral, 3, 0.45, t + 0.25);
        return run;
    }

    /**
     * A limp's short step brakes weakly on its own (seed 1's walker 171: 0.3 to 0.38 where its long
     * steps brake 0.45 to 0.7), but its window carries the pelvis over to the other foot (8 to 10 cm):
     * it counts, where it was refused as a push-off bump. A window that brakes the other way, or
     * leaves the pelvis on its side or moves it less than a step does, is still refused.
     */
    @Test
    void aWeaklyBrakingPushThatCarriesThePelvisOverToTheOtherFootIsAStep() {
        assertEquals(5, weakPushInABout(-0.3, 0.08).steps.size(), "braking forward, weakly; over to the other side");
        assertEquals(4, weakPushInABout(0.3, 0.08).steps.size(), "braking the other way");
        assertEquals(4, weakPushInABout(-0.3, -0.08).steps.size(), "the same side as the last step's window");
        assertEquals(4, weakPushInABout(-0.3, 0.03).steps.size(), "less than a step's sway");
    }

    /**
     * A 1:2 limp as the engine reads it: the weak leg's soft landing peaks early, so its short
     * step reads 0.55 s and the long one 1.45 s (2.6:1, past the 2.3 of the step ratio). The chain
     * keeps the other step once and goes on when the pace comes back, and its regular strides
     * confirm it from its first step (before, the chain restarted at every step and never grew).
     */
    @Test
    void aLimpReadPastTheStepRatioKeepsItsChainWhenThePaceComesBack() {
        double[][] gaps = {{0.55, 1.45, 0.55, 1.45, 0.55, 1.45, 0.55}};
        int[] expected = {8};
        for (int k = 0; k < gaps.length; k++) {
            GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
            BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
            double t = 10;
            for (int i = 0; i < 8; i++) {
                // braking too weak for the coupling way in: the rhythm of its strides must show it
                b.peak(t, 1.0, -0.1, 1, i % 2 == 0 ? 0.06 : -0.06, 4, 0.3, t + 0.45);
                if (i == 7) break;
                // the stream goes on between candidates; each is reported 0.45 s after its contact
                for (double u = t + 0.45; u < t + gaps[k][i] + 0.45; u += 0.01) b.sample(u, 0);
                t += gaps[k][i];
            }
            assertEquals(expected[k], run.steps.size(), "gaps " + java.util.Arrays.toString(gaps[k]));
        }
    }

    /**
     * A walk's closing step sets the trailing foot down beside the other with no vault over it: its
     * push stays under the step threshold, and only the vertical samples show it. It is credited, at
     * its own contact one step interval after the last step, once the stretch where it would land
     * has passed (1.4 intervals, then the time a candidate there would take to be confirmed), not when
     * the bout ends; not when the last step was itself weak (that was the closing step, already
     * counted), and not when nothing rose where it would land. A weak step inside a walk is the same
     * case: credited, and the walk goes on from it.
     */
    @Test
    void aMissedStepIsCreditedOnceTheStretchWhereItWouldLandHasPassed() {
        String[] cases = {"a faint closing push", "a weak last step", "nothing after the last step", "a weak step inside the walk"};
        int[] expected = {7, 6, 6, 10};
        for (int k = 0; k < cases.length; k++) {
            GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
            BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
            double t = 10;
            for (int i = 0; i < 6; i++, t += 0.6) {
                double push = i == 5 && k == 1 ? 0.5 : 2.0;
                b.peak(t, push, -0.6, 1, i % 2 == 0 ? 0.05 : -0.05, 3, 0.25, t + 0.25);
            }
            double last = t - 0.6;
            double closingPeak = last + 0.6 + GaitEngine.CONTACT_LAG_S;
            double resume = last + 1.2;   // case 3: the walk goes on after the weak step, for three steps
            int resumed = 0;
            for (double u = last + 0.25; u < last + 5; u += 0.01) {
                double v = k == 2 ? 0 : 0.3 * Math.exp(-Math.pow((u - closingPeak) / 0.1, 2));
                b.sample(u, v);
                if (k == 3 && resumed < 3 && u >= resume + 0.25) {
                    b.peak(resume, 2.0, -0.6, 1, resumed % 2 == 0 ? 0.05 : -0.05, 3, 0.25, u);
                    resume += 0.6;
                    resumed++;
                }
            }
            assertEquals(expected[k], run.steps.size(), cases[k]);
            assertEquals(1, run.boutsStarted, cases[k]);
            if (k == 0 || k == 3) {
                StepEvent missed = run.steps.get(6);
                assertEquals(last + 0.6, missed.t(), 0.011, cases[k] + ": its own contact time");
                assertEquals(Direction.FORWARD, missed.direction(), cases[k] + ": the bout's direction");
                double stretchPassed = last + 1.4 * 0.6 + GaitEngine.CONTACT_LAG_S + PeakDetector.SETTLE_S;
                assertEquals(stretchPassed, missed.at(), 0.011, cases[k] + ": credited once the stretch has passed");
            }
        }
    }

    /**
     * A slow 1:1.7 limp (walker 149 of population seed 1, 35 steps/min): a short step of 1.2 s, then a
     * long one of 2 s whose trailing leg pushes off after the pause on both feet, 0.9 s before the
     * contact. That push-off hump brakes weakly and is refused by the bout's floor, but it lies where the
     * step after the short one would land, so the missed-step credit counted it, and the pace it set
     * (1.1 s, under the slow step) let every later hump be credited too. The contact after a credited
     * hump now shows it was one, as after a reported one: it stays counted, but the pace is taken from
     * the whole step, and the later humps are no longer credited (before: all 12 humps counted).
     */
    @Test
    void aCreditedPushOffHumpDoesNotSetTheBoutsPace() {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        java.util.List<double[]> peaks = new java.util.ArrayList<>();   // contact, push, braking, sideways travel
        double t = 10;
        for (int i = 0; i < 3; i++, t += 1.2) peaks.add(new double[] {t, 0.34, -0.6, i % 2 == 0 ? 0.08 : -0.13});
        t -= 1.2;                                                       // the walk starts: three steps 1.2 s apart
        int strides = 12;
        for (int i = 0; i < strides; i++) {
            peaks.add(new double[] {t + 1.1, 0.2, -0.18, 0.05});       // the push-off hump of the long step
            peaks.add(new double[] {t + 2.0, 0.35, -0.78, -0.13});     // the long step's contact
            peaks.add(new double[] {t + 3.2, 0.33, -0.45, 0.08});      // the short step
            t += 3.2;
        }
        int next = 0;
        for (double u = 9.5; u < t + 8; u += 0.01) {
            double v = 0;
            for (double[] p : peaks) v += p[1] * Math.exp(-Math.pow((u - p[0] - GaitEngine.CONTACT_LAG_S) / 0.1, 2));
            while (next < peaks.size() && u >= peaks.get(next)[0] + GaitEngine.CONTACT_LAG_S + PeakDetector.SETTLE_S) {
                double[] p = peaks.get(next++);
                b.peak(p[0], p[1], p[2], 1, p[3], 3, 0.3, u);
            }
            b.sample(u, v);
        }
        b.finish(t + 8);
        int stepsWalked = 3 + 2 * strides, humps = strides;
        assertEquals(1, run.boutsStarted, run.steps.toString());
        for (double[] p : peaks) {
            if (p[1] < 0.3) continue;
            assertTrue(run.steps.stream().anyMatch(e -> Math.abs(e.t() - p[0]) < 0.05), "the step at " + p[0] + ": " + run.steps);
        }
        int counted = run.steps.size() - stepsWalked;
        assertTrue(counted <= 2, counted + " of " + humps + " humps counted: " + run.steps);
    }

    /**
     * A slow walker (walker 100 of population seed 1, 27 steps/min) who sets off with two weak pushes
     * (0.17 m/s^2, the first window from standing, the second braking little) before its steps (0.31,
     * braking). Each long step's trailing-leg push-off is a hump of 0.2 without braking, 0.9 s before the
     * next contact. The bout's push level was the running mean of the chain, weak first pushes and all
     * (0.21 at confirmation), so the humps sat above 0.9 of it and were counted until the level caught
     * up. It now starts from the chain's braking pushes, which only steps' vaults show.
     */
    @Test
    void aSlowBoutsPushLevelIsReadFromItsBrakingSteps() {
        // the humps do not brake
        assertNoHumpCounted(new double[][] {{0.17, 0.1}, {0.17, -0.2}, {0.31, -0.5}}, new double[][] {{1.3, 0.2, 0.1, 0.5, 0.4}});
    }

    @Test
    void aHumpWhoseWindowBeganAtTheStepsSecondBumpIsStillHeld() {
        // Seed 1's walker 16 (21 steps/min): a contact's vertical profile often has a sharp second bump
        // 0.3 s after it, as high as a hump and dropped as too sharp; the push-off hump's window begins
        // there, holds the step's vault and brakes as a step's does (0.4 to 0.6), so the hump was taken
        // as a step.
        assertNoHumpCounted(new double[][] {{0.31, -0.5}, {0.31, -0.5}, {0.31, -0.5}},
                new double[][] {{0.3, 0.29, 0.0, 0.1, 0.1},     // the second bump: sharp, dropped as such
                                {1.3, 0.2, -0.5, 0.5, 0.4}});   // the hump, braking as its window holds the vault
    }

    /**
     * A slow bout started on {@code start} (see {@link #slowStart}), then eight steps 2.2 s apart, the
     * sway alternating 5 cm, each contact (0.31 m/s^2, braking -0.5) after the pushes {@code before}:
     * {@code {time after the last contact, push, braking, share of the contact's sway, lobe}}, the last of
     * them the push-off hump. One bout, and none of the pushes before a contact counted.
     */
    private static void assertNoHumpCounted(double[][] start, double[][] before) {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        double step = 2.2, lateral = -0.05;
        double t = slowStart(b, run, start);
        int humps = 8;
        for (int i = 0; i < humps; i++, lateral = -lateral) {
            for (double[] p : before) push(b, t + p[0], p[1], p[2], p[3] * lateral, p[4]);
            push(b, t + step, 0.31, -0.5, lateral, 0.3);
            t += step;
        }
        b.finish(t + 10);
        assertEquals(1, run.boutsStarted, run.steps.toString());
        int counted = run.steps.size() - start.length - humps;
        assertEquals(0, counted, counted + " of " + humps + " humps counted: " + run.steps);
    }

    /**
     * The pendulum floor's clock runs from the last step as the bout tracker sees it ({@link
     * BoutTracker#lastStep}): a candidate dropped as too sharp in a chain, a hump held in a slow bout
     * and a step's second bump are not steps, and the clock stays at the step before them.
     */
    @Test
    void theLastStepIsTheLastCandidateTakenAsAStep() {
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        BoutTracker b = new BoutTracker(GaitSettings.builder(100).build(), run);
        assertTrue(Double.isNaN(b.lastStep()), "no chain yet");
        push(b, 10, 0.2, -0.5, 0.05, 0.3);
        assertEquals(10, b.lastStep(), 1e-12);
        push(b, 11.8, 0.2, -0.3, 0.01, 0.12);   // sharp, the pelvis still: dropped
        assertEquals(10, b.lastStep(), 1e-12, "a spike dropped as too sharp is no step");

        run = new GaitEngineSimTest.Run();
        b = new BoutTracker(GaitSettings.builder(100).build(), run);
        double t = slowStart(b, run, new double[][] {{0.31, -0.5}, {0.31, -0.5}, {0.31, -0.5}});
        push(b, t + 0.3, 0.1, 0.0, 0.005, 0.3);   // a second bump of the step's profile
        assertEquals(t, b.lastStep(), 1e-12, "a second bump is no step");
        push(b, t + 1.2, 0.2, 0.0, -0.02, 0.4);   // weak, not braking, before the next step is due: held
        assertEquals(3, run.steps.size(), run.steps.toString());
        assertEquals(t, b.lastStep(), 1e-12, "a held hump is no step until the contact after it shows one");
        push(b, t + 2.2, 0.31, -0.5, -0.05, 0.3);
        assertEquals(t + 2.2, b.lastStep(), 1e-12);
        assertEquals(4, run.steps.size(), "the hump dropped, the contact counted: " + run.steps);
    }
}
