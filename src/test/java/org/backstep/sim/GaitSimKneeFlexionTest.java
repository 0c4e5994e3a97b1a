package org.backstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backstep.event.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Graded knee flexion while walking: the bent walk of a session against the same walker's
 * straight one. A belt IMU sees a flatter vertical motion with softer impacts, quicker steps and
 * more forward lean, more so the more the knees bend.
 */
class GaitSimKneeFlexionTest {

    /** What one walk of a session looks like to the sensor. */
    private record Look(double accelRms, double pitchDeg, double seconds) {
    }

    /** The second and fourth interval after standing: {@code [straight walk, bent walk]}. */
    private static Look[] straightThenBent(Simulation sim) {
        List<Interval> walks = sim.truth().intervals(Interval.Kind.WALK);
        assertEquals(2, walks.size());
        Look[] out = new Look[2];
        for (int k = 0; k < 2; k++) {
            // steady part: skip the first and last second of each walk
            double from = walks.get(k).start() + 1, to = walks.get(k).end() - 1;
            double ss = 0, pitch = 0;
            int n = 0;
            for (int i = 0; i < sim.size(); i++) {
                if (sim.t(i) < from || sim.t(i) >= to) continue;
                double d = GaitSimSupport.norm(sim, i) - GaitSimSupport.G;
                ss += d * d;
                pitch += sim.truePitchDeg(i);
                n++;
            }
            out[k] = new Look(Math.sqrt(ss / n), pitch / n, walks.get(k).end() - walks.get(k).start());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void moreFlexionFlatterQuickerAndMoreLean(Direction d) {
        double prevRms = Double.MAX_VALUE, prevPitch = -Double.MAX_VALUE;
        Look straight0 = null;
        for (double deg : new double[] {0, 10, 20, 30, 40}) {
            Look[] l = straightThenBent(Scenarios.kneeFlexion(5, d, deg).run());
            if (straight0 == null) straight0 = l[0];
            assertEquals(straight0.accelRms, l[0].accelRms, 0.15 * straight0.accelRms, "straight walk, same walker");
            assertTrue(l[1].accelRms < prevRms, deg + " deg: " + l[1].accelRms + " not below " + prevRms);
            assertTrue(l[1].pitchDeg > prevPitch - 0.1, deg + " deg: lean " + l[1].pitchDeg + " after " + prevPitch);
            prevRms = l[1].accelRms;
            prevPitch = l[1].pitchDeg;
            if (deg == 40) {
                // a quarter or more of the vertical and impact motion gone (the excursion 32 % flatter by the
                // shorter step's arc on a shorter leg, contacts 40 % softer, against steps ~6 % quicker, whose
                // pendulum accelerates with the cadence squared), about 4 deg more forward lean
                assertTrue(l[1].accelRms < 0.8 * l[0].accelRms, l[1] + " vs " + l[0]);
                assertEquals(4, l[1].pitchDeg - l[0].pitchDeg, 1.5, l[1] + " vs " + l[0]);
                assertTrue(l[1].seconds < 0.97 * l[0].seconds, l[1] + " vs " + l[0]);
            }
            if (deg == 20) assertTrue(l[1].accelRms < 0.9 * l[0].accelRms, "already visible at 20 deg: " + l[1] + " vs " + l[0]);
        }
    }

    /**
     * The pelvis vaults over the stance leg by about s²/(8L): bent knees shorten the step (0.5 % a
     * degree) and the leg (by the pelvis's drop), and nothing else flattens the path, since stance
     * knee flexion by itself hardly changes it (Gard and Childress 1999). So 18 % flatter at 20
     * degrees and 32 % at 40, for every walker, cadence and direction.
     */
    @ParameterizedTest
    @EnumSource(Direction.class)
    void bentKneesFlattenThePelvisPathByTheShorterStepsArc(Direction d) {
        for (double spm : new double[] {30, 70, 110}) {
            for (GaitStyle st : new GaitStyle[] {GaitStyle.DEFAULT, GaitStyle.DEFAULT.withHeight(1.55).withShuffle(0.5)}) {
                Walk straight = Walk.of(d, 10, spm).style(st);
                double flat = excursion(straight);
                for (double deg : new double[] {20, 40}) {
                    Walk bent = straight.kneeFlexion(deg);
                    double step = bent.effectiveStepLength() / straight.effectiveStepLength();
                    double leg = 2 * Walk.LEG_SEGMENT_PER_HEIGHT * GaitStyle.REFERENCE_HEIGHT_M * st.legScale();
                    double arc = step * step * leg / (leg - bent.pelvisDropM());
                    assertEquals(arc, excursion(bent) / flat, 1e-9, d + " " + spm + " spm, " + deg + " deg");
                    assertEquals(deg == 20 ? 0.82 : 0.68, arc, 0.01, "the arc's share at " + deg + " deg");
                }
            }
        }
    }

    /** The excursion of step 4 of a bout of {@code w} alone (the same step times for the same seed). */
    private static double excursion(Walk w) {
        return new GaitBout(0, List.of(w), new java.util.Random(1)).excursion(4);
    }

    @Test
    void truthMarksOnlyTheBentWalk() {
        Simulation sim = Scenarios.kneeFlexion(6, Direction.BACKWARD, 25).run();
        List<Interval> bent = sim.truth().intervals(Interval.Kind.KNEE_BENT);
        List<Interval> walks = sim.truth().intervals(Interval.Kind.WALK);
        assertEquals(1, bent.size());
        assertEquals(walks.get(1).start(), bent.get(0).start(), 1e-9);
    }

    @Test
    void pelvisDropFollowsTheLegGeometry() {
        Walk w = Walk.of(Direction.FORWARD, 10, 100);
        assertEquals(0, w.pelvisDropM(), 1e-12);
        assertEquals(0.013, w.kneeFlexion(20).pelvisDropM(), 0.001);
        assertEquals(0.052, w.kneeFlexion(40).pelvisDropM(), 0.001);
        // a full knee bend is the simulator's 8 cm for the 1.75 m reference wearer, less for a shorter one
        assertEquals(0.08, w.kneeBend(1).pelvisDropM(), 0.001);
        assertTrue(w.style(GaitStyle.DEFAULT.withHeight(1.55)).kneeFlexion(40).pelvisDropM() < 0.048);
        assertEquals(40, w.kneeFlexion(40).kneeFlexionDeg(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> w.kneeFlexion(60));
        assertThrows(IllegalArgumentException.class, () -> w.kneeFlexion(-1));
    }

    @Test
    void aPopulationWalkerBendsHisOwnGait() {
        Population.Walker p = Population.walker(1, 4);
        for (Direction d : Direction.values()) {
            Simulation sim = p.kneeFlexionSession(d, 40, 20).run();
            assertEquals(p.rateHz(), sim.rateHz());
            Look[] l = straightThenBent(sim);
            assertTrue(l[1].accelRms < 0.8 * l[0].accelRms, p + " " + d + ": " + l[1] + " vs " + l[0]);
            assertEquals(2 * (20 + 1), sim.truth().steps().size(), "two walks of 20 steps, each with its closing step");
        }
    }
}
