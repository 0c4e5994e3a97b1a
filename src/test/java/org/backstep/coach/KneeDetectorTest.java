package org.backstep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.junit.jupiter.api.Test;

/** The bent-knee walking detector alone, on plain arrays: a sinusoidal pelvis bounce with a contact spike per step. */
class KneeDetectorTest {
    private static final double FS = 100;

    /** Feeds steps to one detector and its policy, keeping the stream time. */
    private static final class Feed {
        final List<AlertEvent> alerts = new ArrayList<>();
        final AlertPolicy policy = new AlertPolicy(CoachSettings.defaults(), alerts::add);
        final double fs;
        final KneeDetector knee;
        double t;
        /** The heading's rate of turn while walking, rad/s. */
        double yawRate;

        Feed() {
            this(FS);
        }

        Feed(double fs) {
            this.fs = fs;
            this.knee = new KneeDetector(fs);
        }

        /**
         * {@code n} steps of {@code period} s whose vertical acceleration swings by {@code amp}
         * m/s^2 at the step frequency, with a contact spike of {@code impact} m/s^2; {@code weak}
         * scales every other step (a limp).
         */
        Feed walk(Direction d, int n, double period, double amp, double impact, double weak) {
            return walk(d, n, s -> period, amp, impact, weak, 1);
        }

        /**
         * The general walk: step {@code s} lasts {@code period.applyAsDouble(s)}; the gait engine
         * reports every {@code reportEvery}-th contact only (its weak steps missed).
         */
        Feed walk(Direction d, int n, java.util.function.IntToDoubleFunction period, double amp, double impact, double weak,
                int reportEvery) {
            for (int s = 0; s < n; s++) {
                double k = s % 2 == 0 ? weak : 1;
                int per = (int) Math.round(period.applyAsDouble(s) * fs);
                for (int i = 0; i < per; i++) {
                    double v = k * amp * Math.sin(2 * Math.PI * i / per) + (i == 2 ? k * impact : 0);
                    knee.sample(t, v, yawRate);
                    t += 1 / fs;
                }
                if (s % reportEvery == 0) knee.step(t, d, true, policy, t + 0.3);
                policy.flush();
            }
            return this;
        }

        Feed walk(Direction d, int n, double period, double amp, double impact) {
            return walk(d, n, period, amp, impact, 1);
        }

        Feed stand(double seconds) {
            for (int i = 0; i < seconds * fs; i++) {
                knee.sample(t, 0, 0);
                t += 1 / fs;
            }
            return this;
        }

        long knees() {
            return alerts.stream().filter(a -> a.kind() == AlertKind.KNEE).count();
        }
    }

    @Test
    void flatterSofterQuickerStepsAreOneAlertAndTheSameStepsNone() {
        Feed same = new Feed().walk(Direction.BACKWARD, 30, 0.7, 1.5, 3).walk(Direction.BACKWARD, 40, 0.7, 1.5, 3);
        assertEquals(0, same.knees());
        // knees bent about 20 degrees: a fifth less bounce and contact, steps 3 % quicker
        Feed bent = new Feed().walk(Direction.BACKWARD, 30, 0.7, 1.5, 3);
        double straightEnd = bent.t;
        bent.walk(Direction.BACKWARD, 40, 0.68, 1.2, 2.4);
        assertEquals(1, bent.knees(), bent.alerts.toString());
        assertTrue(bent.alerts.get(0).t() > straightEnd, bent.alerts.toString());
    }

    @Test
    void slowingDownIsNotABentKnee() {
        // a third slower: the pelvis excursion (0.7) and the contacts (0.5) shrink with the speed; the
        // quicker cadence of bent knees is not there, and the pace is another gait
        Feed f = new Feed().walk(Direction.FORWARD, 30, 0.55, 2, 4).walk(Direction.FORWARD, 40, 0.75, 0.75, 2);
        assertEquals(0, f.knees());
    }

    @Test
    void eachDirectionHasItsOwnBaseline() {
        // backward steps are shorter and softer than forward ones: never judged against the forward baseline
        Feed f = new Feed().walk(Direction.FORWARD, 30, 0.55, 2, 4).stand(3).walk(Direction.BACKWARD, 60, 0.56, 1.1, 1.5);
        assertEquals(0, f.knees());
        f.stand(3).walk(Direction.BACKWARD, 40, 0.54, 0.85, 1.1);
        assertEquals(1, f.knees(), "bent against the backward baseline: " + f.alerts);
    }

    @Test
    void aLimpsSoftStepsAreItsOwnNotABentKnee() {
        Feed f = new Feed().walk(Direction.FORWARD, 30, 0.6, 1.8, 3.5, 0.55).walk(Direction.FORWARD, 60, 0.6, 1.8, 3.5, 0.55);
        assertEquals(0, f.knees());
        f.walk(Direction.FORWARD, 40, 0.58, 1.3, 2.5, 0.55);
        assertEquals(1, f.knees(), f.alerts.toString());
    }

    @Test
    void aLapseHeldBackByAMoreUrgentAlertIsSaidOnceTheBuzzerIsFree() {
        Feed f = new Feed().walk(Direction.BACKWARD, 30, 0.7, 1.5, 3);
        f.walk(Direction.BACKWARD, 3, 0.68, 1.2, 2.4);
        // a posture alert sounds just before the knee lapse is found
        f.policy.offer(AlertKind.POSTURE, f.t, f.t);
        f.policy.flush();
        double posture = f.t;
        f.walk(Direction.BACKWARD, 30, 0.68, 1.2, 2.4);
        assertEquals(1, f.knees(), f.alerts.toString());
        AlertEvent knee = f.alerts.stream().filter(a -> a.kind() == AlertKind.KNEE).findFirst().orElseThrow();
        assertTrue(knee.at() >= posture + AlertPolicy.BUSY_S, knee + " posture at " + posture);
        assertTrue(knee.at() < posture + AlertPolicy.BUSY_S + 1, "said as soon as the buzzer is free: " + knee);
    }

    @Test
    void aWalkWhoseEveryOtherStepTheGaitEngineMissesIsJudgedInSteps() {
        // a cane walker: the gait engine reports only the firm leg's contacts of the bent walk, from its
        // first step; the gap holds two rises of the pelvis, so it is two steps, not one slow one
        Feed straight = new Feed().walk(Direction.FORWARD, 30, 0.95, 1, 2).stand(3)
                .walk(Direction.FORWARD, 40, s -> 0.95, 1, 2, 1, 2);
        assertEquals(0, straight.knees(), straight.alerts.toString());
        Feed bent = new Feed().walk(Direction.FORWARD, 30, 0.95, 1, 2).stand(3)
                .walk(Direction.FORWARD, 40, s -> 0.92, 0.8, 1.6, 1, 2);
        assertEquals(1, bent.knees(), bent.alerts.toString());
    }

    @Test
    void halfTheCadenceIsAnotherPaceNotMissedSteps() {
        // steps twice as long, one rise of the pelvis each, with the bounce a slower walk has
        Feed f = new Feed().walk(Direction.FORWARD, 30, 0.55, 2, 4).stand(3).walk(Direction.FORWARD, 40, 1.1, 0.5, 1.5);
        assertEquals(0, f.knees(), f.alerts.toString());
    }

    @Test
    void aShufflerWhoseEveryOtherStepIsMissedFromTheStartGetsABaselineInThirtySteps() {
        // the gait engine reports one contact in two from the first step: two gaps in a row as long as
        // each other, each with two rises of the pelvis, are strides of two steps, and thirty steps
        // (fifteen reports) make the baseline
        Feed straight = new Feed().walk(Direction.BACKWARD, 30, s -> 0.8, 0.5, 1, 1, 2).stand(3)
                .walk(Direction.BACKWARD, 40, s -> 0.8, 0.5, 1, 1, 2);
        assertEquals(0, straight.knees(), straight.alerts.toString());
        Feed bent = new Feed().walk(Direction.BACKWARD, 30, s -> 0.8, 0.5, 1, 1, 2).stand(3);
        double straightEnd = bent.t;
        bent.walk(Direction.BACKWARD, 40, s -> 0.78, 0.4, 0.8, 1, 2);
        assertEquals(1, bent.knees(), bent.alerts.toString());
        assertTrue(bent.alerts.get(0).t() > straightEnd, bent.alerts.toString());
    }

    @Test
    void aVerySlowWalkersPausesBetweenVaultsDoNotSwingTheBounce() {
        // steps 2.5 s apart, varying by 15 % (the most irregular walkers): a vault of 1.2 s, then a pause
        // on both feet; the bounce is the vault's, whatever the pause, so the pause's length does not
        // swing it by its square
        java.util.Random r = new java.util.Random(3);
        Feed f = new Feed();
        for (int k = 0; k < 3; k++) {
            for (int s = 0; s < (k == 0 ? 30 : 40); s++) {
                boolean bent = k == 2;
                vaultAndPause(f, 2.5 * (1 + 0.15 * r.nextGaussian()), bent ? 0.8 : 1, bent ? 1.6 : 2);
            }
            if (k == 1) assertEquals(0, f.knees(), f.alerts.toString());
            f.stand(4);
        }
        assertEquals(1, f.knees(), f.alerts.toString());
    }

    @Test
    void turningStepsAreFlatterButNotBentKnees() {
        // round a bend of 40 degrees a stride (a U-turn in three or four strides, a tight circle): the
        // steps are shorter, the pelvis path flatter and the contacts softer, as with bent knees
        Feed f = new Feed().walk(Direction.FORWARD, 30, 0.6, 1.8, 3.5);
        f.yawRate = Math.toRadians(40) / 1.2;
        f.walk(Direction.FORWARD, 40, 0.6, 1.4, 2.7);
        assertEquals(0, f.knees(), f.alerts.toString());
        // the same steps walking straight on are bent knees
        f.yawRate = 0;
        f.walk(Direction.FORWARD, 40, 0.6, 1.4, 2.7);
        assertEquals(1, f.knees(), f.alerts.toString());
    }

    @Test
    void joggingThatTiresIsNotBentKneeWalking() {
        // jogging at 180 steps a minute: each step has a flight phase, the pelvis falling at more than 1 g
        // (SisFall D03 and D04); as the jogger tires, bounce and contacts drop by a fifth at the same pace
        Feed f = new Feed().walk(Direction.FORWARD, 30, 0.33, 12, 15).walk(Direction.FORWARD, 40, 0.33, 9.6, 12);
        assertEquals(0, f.knees(), f.alerts.toString());
    }

    @Test
    void aVerySlowWalkerWhoseStepsAreReportedTwiceIsJudged() {
        // steps 3.6 s apart (17 steps a minute): a vault of 1.2 s and a pause on both feet; the gait
        // engine reports each step twice, at the collision and at the push-off a second later (the
        // pause's own bump). The walk's pace is its strides', so the long gap after each short one is
        // not a pause, and the bounce is the vault's excursion, however the step was cut. Each walk
        // starts after a stand longer than any step, with a contact and its push-off a second later
        Feed f = new Feed();
        for (int k = 0; k < 3; k++) {
            // the walk's first contact
            f.knee.step(f.t, Direction.FORWARD, true, f.policy, f.t + 0.3);
            for (int s = 0; s < (k == 0 ? 30 : 40); s++) {
                boolean bent = k == 2;
                // knees bent about 25 degrees: a quarter less excursion and contact
                vaultReportedTwice(f, bent ? 3.5 : 3.6, bent ? 0.75 : 1, bent ? 1.5 : 2);
            }
            if (k == 1) assertEquals(0, f.knees(), "straight knees: " + f.alerts);
            f.stand(8);
        }
        assertEquals(1, f.knees(), f.alerts.toString());
    }

    /**
     * A very slow walker (steps 2.5 s apart: a vault of 1.2 s, then a pause on both feet) whose walk the
     * gait engine keeps confirming again: it reports three steps together, late (0.3 s after the third
     * contact, the first of them 5 s late), then one at once, and so on. Each step is measured over its
     * own samples however late it is reported: the thirty straight steps make the baseline and the bent
     * walk is alerted, and the same straight walk twice is not. Measured over the samples since the
     * last report, the steps reported together had none of their own, and three steps in four were
     * neither baseline nor judged.
     */
    @Test
    void aVerySlowWalkersStepsReportedLateAndTogetherAreEachMeasured() {
        Feed same = new Feed();
        slowStepsReportedInThrees(same, 30, 2.5, 1, 2);
        slowStepsReportedInThrees(same.stand(8), 40, 2.5, 1, 2);
        assertEquals(0, same.knees(), same.alerts.toString());
        Feed bent = new Feed();
        slowStepsReportedInThrees(bent, 30, 2.5, 1, 2);
        double straightEnd = bent.t;
        // knees bent about 25 degrees: a quarter less excursion and contact, steps a little quicker
        slowStepsReportedInThrees(bent.stand(8), 40, 2.4, 0.75, 1.5);
        assertEquals(1, bent.knees(), bent.alerts.toString());
        assertTrue(bent.alerts.get(0).t() > straightEnd, bent.alerts.toString());
    }

    /**
     * {@code n} very slow forward steps of {@code period} s (a vault of 1.2 s swinging by {@code amp},
     * with a contact spike of {@code impact} at its start, then a pause), whose contacts are reported in
     * fours: the first three together 0.3 s after the third, the fourth 0.3 s after it, as the samples
     * go by; the last ones when the walk ends.
     */
    private static void slowStepsReportedInThrees(Feed f, int n, double period, double amp, double impact) {
        int vault = (int) Math.round(1.2 * FS);
        int all = (int) Math.round(period * FS);
        double[] contacts = new double[n];
        int reported = 0, due = 0;   // steps reported so far, and steps whose report is due
        double dueAt = Double.POSITIVE_INFINITY;
        for (int s = 0; s < n; s++) {
            contacts[s] = f.t;
            if (s % 4 == 2 || s % 4 == 3) {
                due = s + 1;
                dueAt = f.t + 0.3;
            }
            for (int i = 0; i < all; i++) {
                double v = i < vault ? amp * Math.sin(2 * Math.PI * i / vault) + (i == 2 ? impact : 0) : 0;
                f.knee.sample(f.t, v, 0);
                f.t += 1 / FS;
                if (f.t >= dueAt) {
                    for (; reported < due; reported++) f.knee.step(contacts[reported], Direction.FORWARD, true, f.policy, f.t);
                    dueAt = Double.POSITIVE_INFINITY;
                    f.policy.flush();
                }
            }
        }
        for (; reported < n; reported++) f.knee.step(contacts[reported], Direction.FORWARD, true, f.policy, f.t);
        f.policy.flush();
    }

    /**
     * A brisk walker's largest vertical acceleration is the pendulum's own, at double support, not the
     * heel strike's ring: the contact is the ring alone (22 Hz, as the simulator's, struck anywhere
     * between two samples), so contacts a third softer under a bounce a sixth flatter (knees bent about
     * 20 degrees) are found, and the same straight steps are not. Read as the step's largest sample, the
     * contact was the bounce again, and the lapse too small.
     */
    @Test
    void softerContactsAreSeenUnderALargerBounce() {
        java.util.Random r = new java.util.Random(5);
        Feed same = new Feed();
        ringingWalk(same, 30, 0.55, 2.5, 1.2, r);
        ringingWalk(same.stand(3), 40, 0.55, 2.5, 1.2, r);
        assertEquals(0, same.knees(), same.alerts.toString());
        Feed bent = new Feed();
        ringingWalk(bent, 30, 0.55, 2.5, 1.2, r);
        ringingWalk(bent.stand(3), 40, 0.55, 2.1, 0.8, r);
        assertEquals(1, bent.knees(), bent.alerts.toString());
    }

    /**
     * A wearer whose contacts vary by a factor of two from step to step (a cane's jolt, an uneven floor) but whose
     * pelvis vaults evenly: the score leans on the steady excursion, so a fifth less of it is found
     * though the contacts, within their scatter, seem not to change; weighed alike, the two read less
     * than the lapse.
     */
    @Test
    void aWearersScatteredContactsWeighLessThanTheirSteadyBounce() {
        java.util.Random r = new java.util.Random(11);
        Feed f = new Feed();
        scatteredWalk(f, 30, 0.6, 1.8, 3.5, r);
        scatteredWalk(f, 40, 0.6, 1.8, 3.5, r);
        assertEquals(0, f.knees(), f.alerts.toString());
        scatteredWalk(f, 40, 0.59, 1.45, 3.5, r);
        assertEquals(1, f.knees(), f.alerts.toString());
    }

    /** {@code n} steps whose contact spikes each vary by about a factor of two (log SD 0.8). */
    private static void scatteredWalk(Feed f, int n, double period, double amp, double impact, java.util.Random r) {
        for (int s = 0; s < n; s++) f.walk(Direction.FORWARD, 1, period, amp, impact * Math.exp(0.8 * r.nextGaussian()));
    }

    /**
     * {@code n} forward steps of {@code period} s at the feed's rate: a sinusoidal bounce of {@code amp}
     * m/s^2 and a contact ringing at 22 Hz with a peak of {@code impact} m/s^2 (the simulator's shape:
     * rising and decaying over 20 ms), struck at a random instant within the first sample.
     */
    private static void ringingWalk(Feed f, int n, double period, double amp, double impact, java.util.Random r) {
        int per = (int) Math.round(period * f.fs);
        for (int s = 0; s < n; s++) {
            double onset = r.nextDouble() / f.fs;
            for (int i = 0; i < per; i++) {
                double x = (i / f.fs - onset) / 0.02;
                double ring = x > 0 ? impact * x * x * Math.exp(2 * (1 - x)) * Math.sin(2 * Math.PI * 22 * x * 0.02) : 0;
                f.knee.sample(f.t, amp * Math.sin(2 * Math.PI * i / per) + ring, 0);
                f.t += 1 / f.fs;
            }
            f.knee.step(f.t, Direction.FORWARD, true, f.policy, f.t + 0.3);
            f.policy.flush();
        }
    }

    /** One very slow step of {@code period} s: its vault, reported at its contact and 1 s later, then the pause. */
    private static void vaultReportedTwice(Feed f, double period, double amp, double impact) {
        int vault = (int) Math.round(1.2 * FS);
        int all = (int) Math.round(period * FS);
        int push = (int) Math.round(1.0 * FS);
        for (int i = 0; i < all; i++) {
            double v = i < vault ? amp * Math.sin(2 * Math.PI * i / vault) + (i == 2 ? impact : 0) : 0;
            f.knee.sample(f.t, v, 0);
            f.t += 1 / FS;
            if (i == push) f.knee.step(f.t, Direction.FORWARD, true, f.policy, f.t + 0.3);
        }
        f.knee.step(f.t, Direction.FORWARD, true, f.policy, f.t + 0.3);
        f.policy.flush();
    }

    /** One slow step: a vault of {@code 1.2} s swinging by {@code amp}, its contact, then a pause. */
    private static void vaultAndPause(Feed f, double period, double amp, double impact) {
        int vault = (int) Math.round(1.2 * FS);
        int all = (int) Math.round(period * FS);
        for (int i = 0; i < all; i++) {
            double v = i < vault ? amp * Math.sin(2 * Math.PI * i / vault) + (i == 2 ? impact : 0) : 0;
            f.knee.sample(f.t, v, 0);
            f.t += 1 / FS;
        }
        f.knee.step(f.t, Direction.FORWARD, true, f.policy, f.t + 0.3);
        f.policy.flush();
    }

    /** The median as the selection by counting gives it (the order statistic it returns, down to a zero's sign). */
    private static double countedMedian(double[] v, int n) {
        return n % 2 == 1 ? KneeDetector.kth(v, n, n / 2) : 0.5 * (KneeDetector.kth(v, n, n / 2 - 1) + KneeDetector.kth(v, n, n / 2));
    }

    @Test
    void theSortedMedianHasTheBitsOfTheCountedOne() {
        java.util.Random r = new java.util.Random(3);
        double[] pool = {-0.0, 0.0, 1.5, -2.25, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] sorted = new double[12];
        for (int trial = 0; trial < 200_000; trial++) {
            int n = 1 + r.nextInt(12);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(10);
                v[i] = kind < 3 ? pool[r.nextInt(trial % 3 == 0 ? pool.length : 4)] : kind < 6 ? r.nextInt(5) - 2 : r.nextGaussian();
            }
            double[] copy = v.clone();
            assertEquals(Double.doubleToRawLongBits(countedMedian(v, n)), Double.doubleToRawLongBits(KneeDetector.median(v, n, sorted)),
                    java.util.Arrays.toString(v));
            assertTrue(java.util.Arrays.equals(copy, v), "the values are left as they were");
        }
    }
}
