package org.backstep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.sim.GaitStyle;
import org.backstep.sim.Interval;
import org.backstep.sim.Population;
import org.backstep.sim.Scenario;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Walk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bent knees while walking, through the whole pipeline (gait engine steps into the coach), judged
 * against the same wearer's straight-knee walking in the same direction.
 */
class CoachKneeWalkTest {

    private static List<AlertEvent> kneeAlerts(Scenario s) {
        return new CoachSimScenarioTest.Run(s).of(AlertKind.KNEE);
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void gradedFlexionFrom20DegreesIsOneAlertInTheBentWalkAndStraightKneesNone(Direction d) {
        for (long seed = 1; seed <= 3; seed++) {
            assertEquals(List.of(), kneeAlerts(Scenarios.kneeFlexion(seed, d, 0)), "0 deg, seed " + seed);
            for (double deg : new double[] {20, 30, 40}) {
                CoachSimScenarioTest.Run r = new CoachSimScenarioTest.Run(Scenarios.kneeFlexion(seed, d, deg));
                List<AlertEvent> knee = r.of(AlertKind.KNEE);
                Interval bent = r.interval(Interval.Kind.KNEE_BENT);
                assertEquals(1, knee.size(), d + " " + deg + " deg, seed " + seed + ": " + r.alerts);
                assertTrue(knee.get(0).t() > bent.start() && knee.get(0).at() < bent.end() + 2,
                        d + " " + deg + " deg, seed " + seed + ": " + knee + " outside " + bent);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {50, 400})
    void bentKneesAreFoundAtAnySampleRate(double hz) {
        Walk straight = Walk.of(Direction.BACKWARD, 30, 85);
        Scenario s = Scenarios.base(8).rateHz(hz).stand(5).walk(straight).stand(4)
                .walk(straight.kneeFlexion(25)).stand(3).build();
        assertEquals(1, kneeAlerts(s).size(), hz + " Hz");
    }

    /**
     * Ten minutes and more of straight-knee walking, forward and backward, slowing down and
     * speeding up, at the rates and with the gaits that vary most: limping, shaky and noisy
     * walkers. No bent-knee alert.
     */
    @ParameterizedTest
    @ValueSource(doubles = {50, 400})
    void longStraightKneeWalkingRaisesNoKneeAlert(double hz) {
        GaitStyle[] styles = {GaitStyle.DEFAULT, GaitStyle.DEFAULT.withAsymmetry(1.6),
            GaitStyle.DEFAULT.withSway(2.2).withBounce(0.8)};
        for (int k = 0; k < styles.length; k++) {
            Scenario.Builder b = Scenarios.base(20 + k).rateHz(hz)
                    .sensor(Population.sensorFor(hz, 4)).stand(5);
            double minutes = 0;
            for (int bout = 0; minutes < 10; bout++) {
                Direction d = bout % 3 == 2 ? Direction.FORWARD : Direction.BACKWARD;
                // the cadence drifts by 25 % from bout to bout, as a walker tires or hurries
                double spm = (d == Direction.FORWARD ? 100 : 80) * (1 + 0.25 * Math.sin(bout));
                int steps = 40 + 20 * (bout % 3);
                b.walk(Walk.of(d, steps, spm).irregularity(0.08).style(styles[k])).stand(3);
                minutes += (steps * 60 / spm + 3) / 60;
            }
            assertEquals(List.of(), kneeAlerts(b.build()), "style " + styles[k] + " at " + hz + " Hz");
        }
    }

    /**
     * Limping walkers and cane users of the simulated population (walking at 40 steps a minute or
     * more), their knees bent 30 degrees: the gait engine misses some of their weak steps and reports
     * the others with some error, and a limp's long step may be more than 1.6 times its short one.
     * Judged in strides whose period comes from the steps the pelvis really made, most are alerted.
     */
    @Test
    void limpingAndCaneWalkersBentKneesAreFound() {
        assertBentWalksAlerted(16, 14, w -> (w.limping() || w.style().cane()) && w.backwardCadenceSpm() >= 40);
    }

    /**
     * Walks with the knees bent 30 degrees by the first {@code walks} population walkers (seed 1)
     * that {@code take} accepts, alternately forward and backward: at least {@code least} alerted
     * while bent.
     */
    private static void assertBentWalksAlerted(int walks, int least, java.util.function.Predicate<Population.Walker> take) {
        int n = 0, alerted = 0;
        StringBuilder missed = new StringBuilder();
        for (int i = 0; n < walks; i++) {
            Population.Walker w = Population.walker(1, i);
            if (!take.test(w)) continue;
            Direction d = i % 2 == 0 ? Direction.FORWARD : Direction.BACKWARD;
            CoachSimScenarioTest.Run r = new CoachSimScenarioTest.Run(w.kneeFlexionSession(d, 30, 40));
            Interval bent = r.interval(Interval.Kind.KNEE_BENT);
            n++;
            if (r.of(AlertKind.KNEE).stream().anyMatch(a -> a.t() > bent.start() && a.at() < bent.end() + 2)) alerted++;
            else missed.append(w).append('\n');
        }
        assertTrue(alerted >= least, alerted + " of " + n + " alerted; missed:\n" + missed);
    }

    /**
     * Very slow walkers of the simulated population (under 30 steps a minute: a vault of at most
     * 1.2 s, then a pause on both feet), their knees bent 30 degrees. The gait engine reports their
     * steps late, twice (the collision and the push-off) or not at all; the bounce is the pelvis's
     * own excursion, which needs no step period, and the walk's pace comes from whole strides: 5 of
     * the first 8 are alerted (2 with the bounce over the step period; the other three: a cane
     * user who shuffles, whose steps are not reported, and two whose reported steps are too few).
     */
    @Test
    void verySlowWalkersBentKneesAreFound() {
        assertBentWalksAlerted(8, 5, w -> w.backwardCadenceSpm() < 30);
    }

    /**
     * A very slow walker, 17 steps a minute backward (steps 3.5 s apart, varying by 8 %: a vault, then a
     * pause on both feet), thirty straight steps then forty bent 30 or 40 degrees, six sessions each.
     * The gait engine confirms its walk again every few steps (reporting three steps together, late),
     * and takes some push-offs after a pause for steps: each of its steps is measured over its own
     * samples, and a pause holding a push-off is not taken for two steps, so every bent walk is
     * alerted from its real steps and no straight one. Measured over the samples between reports and
     * with each such pause a stride of its own, 4 of the 40-degree walks were alerted, 5 of the
     * 30-degree ones, and a straight walk was taken for bent.
     */
    @Test
    void aVerySlowWalkersBentKneesAreFoundFromItsRealSteps() {
        StringBuilder wrong = new StringBuilder();
        for (long seed = 1; seed <= 6; seed++) {
            for (double deg : new double[] {0, 30, 40}) {
                Walk straight = Walk.of(Direction.BACKWARD, 30, 17).irregularity(0.08);
                Walk bent = Walk.of(Direction.BACKWARD, 40, 17).irregularity(0.08).kneeFlexion(deg);
                CoachSimScenarioTest.Run r = new CoachSimScenarioTest.Run(
                        Scenarios.base(seed).stand(5).walk(straight).stand(4).walk(bent).stand(3).build());
                List<AlertEvent> knee = r.of(AlertKind.KNEE);
                List<Interval> walks = r.sim.truth().intervals(Interval.Kind.WALK);
                Interval last = walks.get(walks.size() - 1);
                boolean inBent = knee.stream().anyMatch(a -> a.t() > last.start() && a.at() < last.end() + 2);
                if (deg == 0 ? !knee.isEmpty() : !inBent) wrong.append("seed ").append(seed).append(", ").append(deg)
                        .append(" deg: ").append(knee).append('\n');
            }
        }
        assertEquals("", wrong.toString());
    }
}
