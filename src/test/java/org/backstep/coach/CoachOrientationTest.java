package org.backstep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backstep.core.Axis;
import org.junit.jupiter.api.Test;

/** The tilt filter and the upright frame against known rotations of a synthetic sensor. */
class CoachOrientationTest {
    static final double FS = 100;

    private static Coach settle(SyntheticWearer w, Axis fwd) {
        Coach c = new Coach(CoachSettings.defaults(), fwd, FS, CoachListener.NONE);
        w.replay(c);
        return c;
    }

    @Test
    void pitchForwardIsPositiveAndAccurate() {
        for (double tilt : new double[] {0, 30, -20}) {
            SyntheticWearer w = new SyntheticWearer(FS, tilt).stand(3).tiltTo(20, 0, 1).stand(0.5);
            Coach c = settle(w, Axis.MINUS_Z);
            assertTrue(c.hasUprightReference());
            assertEquals(20, c.pitchDeg(), 0.5, "mount tilt " + tilt);
            assertEquals(0, c.rollDeg(), 0.5, "mount tilt " + tilt);
        }
    }

    @Test
    void backwardLeanIsNegativeAndRollRightIsPositive() {
        Coach back = settle(new SyntheticWearer(FS, 0).stand(3).tiltTo(-10, 0, 1).stand(0.5), Axis.MINUS_Z);
        assertEquals(-10, back.pitchDeg(), 0.5);
        Coach right = settle(new SyntheticWearer(FS, 0).stand(3).tiltTo(0, 12, 1).stand(0.5), Axis.MINUS_Z);
        assertEquals(12, right.rollDeg(), 0.5);
        assertEquals(0, right.pitchDeg(), 0.5);
    }

    @Test
    void gyroCarriesFastRotationsAndGravityCorrectsSlowly() {
        // a fast 40 degree bend held for 0.3 s: the gyro must carry it, the accelerometer is not trusted then
        SyntheticWearer w = new SyntheticWearer(FS, 10).stand(3).tiltTo(40, 5, 0.4).stand(0.3);
        Coach c = settle(w, Axis.MINUS_Z);
        assertEquals(40, c.pitchDeg(), 1.0);
        assertEquals(5, c.rollDeg(), 1.0);
    }

    @Test
    void walkingAccelerationsBarelyDisturbThePitch() {
        SyntheticWearer w = new SyntheticWearer(FS, 20).stand(3);
        w.walk(20, new SyntheticWearer.Gait().lean(8).sway(0));
        double[] sum = new double[2];
        Coach c = new Coach(CoachSettings.builder().postureTrace(true).build(), Axis.MINUS_Z, FS, new CoachListener() {
            @Override
            public void alert(org.backstep.event.AlertEvent a) {
            }

            @Override
            public void posture(org.backstep.event.PostureEvent p) {
                if (p.t() > 10) {
                    sum[0] += p.pitchDeg();
                    sum[1]++;
                }
            }
        });
        w.replay(c);
        assertEquals(8, sum[0] / sum[1], 1.0);
    }

    @Test
    void unknownForwardAxisStillMeasuresTheTilt() {
        Coach c = settle(new SyntheticWearer(FS, 0).stand(3).tiltTo(20, 0, 1).stand(0.5), null);
        assertEquals(20, Math.hypot(c.pitchDeg(), c.rollDeg()), 0.7);
    }

    @Test
    void unknownForwardAxisIsLearnedFromWalkingEitherWay() {
        for (org.backstep.event.Direction d : org.backstep.event.Direction.values()) {
            SyntheticWearer w = new SyntheticWearer(FS, 30).stand(3);
            w.walk(25, new SyntheticWearer.Gait().direction(d).lean(0)).stand(2).tiltTo(12, 0, 1).stand(0.5);
            Coach c = settle(w, null);
            assertEquals(12, c.pitchDeg(), 1.5, d.toString());
        }
    }

    @Test
    void uprightReferenceWaitsForStillnessAndRefusesLying() {
        // lying on the back (forward axis pointing up) at start: no reference
        Coach lying = settle(new SyntheticWearer(FS, 0).tiltTo(-85, 0, 0.1).stand(5), Axis.MINUS_Z);
        assertTrue(!lying.hasUprightReference());
        // calibrate() retakes it: upright after standing at a lean, then told to recalibrate
        int[] beeps = new int[1];
        Coach c = new Coach(CoachSettings.defaults(), Axis.MINUS_Z, FS, new CoachListener() {
            @Override
            public void alert(org.backstep.event.AlertEvent a) {
            }

            @Override
            public void uprightReferenceTaken(double t) {
                beeps[0]++;
            }
        });
        SyntheticWearer w = new SyntheticWearer(FS, 0).stand(3).tiltTo(10, 0, 1).stand(3);
        w.replay(c);
        assertEquals(1, beeps[0]);
        assertEquals(10, c.pitchDeg(), 0.5);
        c.calibrate();
        double t0 = w.time();
        for (int i = 0; i < 300; i++) {
            double[] s = w.samples().get(w.samples().size() - 1);
            c.sample(t0 + i / FS, s[1], s[2], s[3], 0, 0, 0);
        }
        assertEquals(2, beeps[0]);
        assertEquals(0, c.pitchDeg(), 0.5);
    }
}
