package org.backstep.sim;

import static org.backstep.sim.GaitSimSupport.G;
import static org.backstep.sim.GaitSimSupport.meanAccel;
import static org.backstep.sim.GaitSimSupport.meanNorm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class GaitSimScenarioTest {

    @Test
    void sameSeedGivesIdenticalSamplesAndTruth() {
        Simulation a = Scenarios.mixed(11).run();
        Simulation b = Scenarios.mixed(11).run();
        assertArrayEquals(a.ax(), b.ax());
        assertArrayEquals(a.gz(), b.gz());
        assertEquals(a.truth().steps(), b.truth().steps());
        assertEquals(a.truth().intervals(), b.truth().intervals());
        Simulation c = Scenarios.mixed(12).run();
        assertFalse(java.util.Arrays.equals(a.ax(), c.ax()), "a different seed must give different samples");
        assertTrue(Math.abs(a.truth().steps().get(10).time() - c.truth().steps().get(10).time()) > 1e-6,
                "a different seed must jitter the step times differently");
    }

    @ParameterizedTest
    @EnumSource(Axis.class)
    void atRestGravityIsOnTheDocumentedUpAxis(Axis forward) {
        Simulation sim = Scenario.builder(3).mounting(forward, 0).stand(10).build().run();
        Axis up = Mounting.upFor(forward);
        assertEquals(up, sim.upAxis());
        assertEquals(G, meanNorm(sim, 1, 9), 0.01);
        for (int a = 0; a < 3; a++) {
            double expected = a == up.index() ? up.sign() * G : 0;
            assertEquals(expected, meanAccel(sim, a, 1, 9), 0.15, "axis " + a + " with forward " + forward);
        }
        // noise level as specified: accel sd about 0.03 m/s^2 plus a little sway
        double s = 0;
        int n = 0;
        for (int i = 100; i < 900; i++) {
            double d = GaitSimSupport.norm(sim, i) - G;
            s += d * d;
            n++;
        }
        double sd = Math.sqrt(s / n);
        assertTrue(sd > 0.02 && sd < 0.06, "norm sd at rest " + sd);
    }

    @Test
    void contactCountsMatchTheScript() {
        Simulation demo = Scenarios.demo(5).run();
        // every bout ends with its closing step: one forward bout, two backward ones
        assertEquals(20 + 1, demo.truth().count(Direction.FORWARD));
        assertEquals(230 + 2, demo.truth().count(Direction.BACKWARD));
        List<TrueStep> steps = demo.truth().steps();
        for (int i = 1; i < steps.size(); i++) {
            double gap = steps.get(i).time() - steps.get(i - 1).time();
            assertTrue(gap > 0.3, "contacts " + (i - 1) + " and " + i + " only " + gap + " s apart");
        }
        Simulation mixed = Scenarios.mixed(5).run();
        assertEquals(20 + 1, mixed.truth().count(Direction.FORWARD));
        assertEquals(30 + 1, mixed.truth().count(Direction.BACKWARD));
        assertTrue(mixed.truth().steps(Direction.FORWARD).get(19).time() < mixed.truth().steps(Direction.BACKWARD).get(0).time());
    }

    @Test
    void cadenceFollowsTheScript() {
        Simulation sim = Scenarios.slowWalk(2).run();
        List<TrueStep> s = sim.truth().steps();
        double spm = 60 * (s.size() - 1) / (s.get(s.size() - 1).time() - s.get(0).time());
        assertEquals(60, spm, 1.5);
    }

    @Test
    void demoTruthHasTheScriptedStretches() {
        Simulation demo = Scenarios.demo(5).run();
        Truth tr = demo.truth();
        assertEquals(1, tr.intervals(Interval.Kind.LEAN).size());
        assertEquals(1, tr.intervals(Interval.Kind.KNEE_BENT).size());
        assertEquals(1, tr.intervals(Interval.Kind.STUMBLE).size());
        Interval lean = tr.intervals(Interval.Kind.LEAN).get(0);
        assertTrue(lean.duration() > 7.5 && lean.duration() < 10, "lean lasts " + lean.duration());
        Interval first = tr.intervals().get(0);
        assertEquals(Interval.Kind.STAND, first.kind());
        assertEquals(6, first.duration(), 1e-9);
        assertEquals(Interval.Kind.STAND, tr.intervals().get(tr.intervals().size() - 1).kind());
        int knee = 0;
        for (TrueStep s : tr.steps()) if (tr.intervals(Interval.Kind.KNEE_BENT).get(0).contains(s.time())) knee++;
        assertTrue(knee >= 14 && knee <= 16, "knee-bent steps " + knee);
        // the middle of the lean stretch: pelvis pitched about 20 deg more than plain backward walking
        double mid = (lean.start() + lean.end()) / 2;
        int i = (int) (mid * demo.rateHz());
        assertEquals(23, demo.truePitchDeg(i), 3);
        assertTrue(demo.duration() > 180 && demo.duration() < 240, "demo lasts " + demo.duration());
    }

    @Test
    void leanShowsAsGravityOnTheForwardAxis() {
        Simulation sim = Scenario.builder(4).mounting(Axis.MINUS_Z, 0)
                .stand(3).walk(Walk.of(Direction.BACKWARD, 30, 85).lean(20)).stand(2).build().run();
        Interval lean = sim.truth().intervals(Interval.Kind.LEAN).get(0);
        double mid = (lean.start() + lean.end()) / 2;
        // forward axis -z reads -g sin(pitch); pitch = 20 lean + 3 backward-walking trunk lean
        double fwd = -meanAccel(sim, 2, mid - 2, mid + 2);
        assertEquals(-G * Math.sin(Math.toRadians(23)), fwd, 0.3);
    }

    @Test
    void bentKneesShrinkTheBounce() {
        Simulation plain = Scenario.builder(8).mounting(Axis.PLUS_X, 0).ideal()
                .stand(2).walk(Direction.BACKWARD, 30, 85).stand(2).build().run();
        Simulation bent = Scenario.builder(8).mounting(Axis.PLUS_X, 0).ideal()
                .stand(2).walk(Walk.of(Direction.BACKWARD, 30, 85).kneeBend(1)).stand(2).build().run();
        double p = verticalRms(plain);
        double b = verticalRms(bent);
        assertTrue(b < 0.75 * p, "bent " + b + " vs plain " + p);
        assertTrue(bent.truth().steps().get(29).time() < plain.truth().steps().get(29).time(), "bent knees step quicker");
    }

    private static double verticalRms(Simulation sim) {
        List<TrueStep> st = sim.truth().steps();
        double s = 0;
        int n = 0;
        for (int i = 0; i < sim.size(); i++) {
            if (sim.t(i) > st.get(5).time() && sim.t(i) < st.get(25).time()) {
                double d = sim.accel(i, 2) - G;
                s += d * d;
                n++;
            }
        }
        return Math.sqrt(s / n);
    }

    @ParameterizedTest
    @ValueSource(doubles = {50, 200})
    void otherRatesGiveTheSameMotion(double rate) {
        Simulation ref = Scenario.builder(9).rateHz(100).ideal().stand(2).walk(Direction.BACKWARD, 10, 85).stand(1).build().run();
        Simulation sim = Scenario.builder(9).rateHz(rate).ideal().stand(2).walk(Direction.BACKWARD, 10, 85).stand(1).build().run();
        assertEquals(rate, sim.rateHz());
        assertEquals(ref.duration(), sim.duration(), 0.021);
        assertEquals(1 / rate, sim.t(1) - sim.t(0), 1e-12);
        assertEquals(ref.truth().steps(), sim.truth().steps());
        // same internal timeline (1 kHz): samples at common instants agree
        int stride = rate > 100 ? (int) (rate / 100) : 1;
        int refStride = rate > 100 ? 1 : (int) (100 / rate);
        for (int j = 0; j * Math.max(stride, refStride) < Math.min(sim.size() * stride, ref.size() * refStride) - 10; j++) {
            int i = j * stride;
            int r = j * refStride;
            if (i >= sim.size() || r >= ref.size()) break;
            assertEquals(ref.t(r), sim.t(i), 1e-9);
            assertEquals(ref.accel(r, 0), sim.accel(i, 0), 1e-6);
            assertEquals(ref.gyro(r, 1), sim.gyro(i, 1), 1e-6);
        }
    }

    @Test
    void stumbleHasAFastPitchExcursionAndABrakingSpikeButNoFall() {
        Simulation sim = Scenario.builder(6).mounting(Axis.MINUS_Z, 0).ideal()
                .stand(2).walk(Walk.of(Direction.FORWARD, 20, 105).stumbleAt(10)).stand(2).build().run();
        Interval st = sim.truth().intervals(Interval.Kind.STUMBLE).get(0);
        Mounting m = sim.mounting();
        double peakInStumble = 0;
        double peakElsewhere = 0;
        double minFwdInStumble = 0;
        List<TrueStep> steps = sim.truth().steps();
        for (int i = 0; i < sim.size(); i++) {
            double t = sim.t(i);
            double pitchRate = Math.abs(m.left().sign() * sim.gyro(i, m.left().index()));
            if (st.contains(t)) {
                peakInStumble = Math.max(peakInStumble, pitchRate);
            } else if (t > steps.get(2).time() && t < steps.get(17).time()) {
                peakElsewhere = Math.max(peakElsewhere, pitchRate);
            }
        }
        double peakDeg = Math.toDegrees(peakInStumble);
        assertTrue(peakDeg > 20 && peakDeg < 75, "stumble pitch rate " + peakDeg + " deg/s");
        assertTrue(peakInStumble > 1.5 * peakElsewhere, "stumble " + peakInStumble + " vs walking " + peakElsewhere);
        // abrupt deceleration along travel (forward = -z) right after the trip
        for (int i = 0; i < sim.size(); i++) {
            if (sim.t(i) >= st.mark() && sim.t(i) < st.mark() + 0.2) {
                minFwdInStumble = Math.min(minFwdInStumble, -sim.accel(i, 2));
            }
        }
        assertTrue(minFwdInStumble < -3, "braking spike " + minFwdInStumble);
        assertEquals(20 + 1, sim.truth().steps().size(), "20 steps and the closing one");
        assertTrue(sim.truth().intervals(Interval.Kind.FALL).isEmpty());
    }

    @Test
    void scriptsThatDoNotFitThePostureAreRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Scenario.builder(1).stand(1).sitDown().walk(Direction.FORWARD, 5, 100).build());
        assertEquals("segment 3 (walk) needs posture upright but the wearer is sitting", e.getMessage());
        assertThrows(IllegalStateException.class, () -> Scenario.builder(1).standUp().build());
        assertThrows(IllegalStateException.class, () -> Scenario.builder(1).stand(1).fall(FallKind.LEFT).stand(1).build());
        assertThrows(IllegalArgumentException.class, () -> Scenario.builder(1).rateHz(1000));
        assertThrows(IllegalArgumentException.class, () -> Walk.of(Direction.FORWARD, 5, 100).stumbleAt(5));
    }

    @Test
    void interpolationMatchesSamplesAndLiesBetweenThem() {
        Simulation sim = Scenarios.backwardWalk(3).run();
        double[] a = new double[7];
        double[] b = new double[7];
        double[] m = new double[7];
        sim.interpolate(sim.t(700), m);
        sim.get(700, a);
        assertArrayEquals(a, m, 1e-12);
        sim.get(701, b);
        sim.interpolate((sim.t(700) + sim.t(701)) / 2, m);
        for (int k = 1; k < 7; k++) assertEquals((a[k] + b[k]) / 2, m[k], 1e-12);
        sim.interpolate(1e9, m);
        sim.get(sim.size() - 1, a);
        assertEquals(a[3], m[3], 1e-12);
    }

    @Test
    void cursorAndPlayDeliverEverySampleInOrder() {
        Simulation sim = Scenario.builder(2).stand(3).build().run();
        SampleCursor c = sim.cursor();
        double[] out = new double[7];
        double[] ref = new double[7];
        int n = 0;
        while (c.next(out)) {
            sim.get(n, ref);
            assertArrayEquals(ref, out);
            n++;
        }
        assertEquals(sim.size(), n);
        assertFalse(c.next(out));
        c.reset();
        assertTrue(c.next(out));
        assertEquals(0, out[0]);
        int[] count = {0};
        double[] last = {-1};
        sim.play((t, ax, ay, az, gx, gy, gz) -> {
            assertTrue(t > last[0]);
            last[0] = t;
            count[0]++;
        });
        assertEquals(sim.size(), count[0]);
    }
}
