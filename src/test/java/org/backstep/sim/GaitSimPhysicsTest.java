package org.backstep.sim;

import static org.backstep.sim.GaitSimSupport.G;
import static org.backstep.sim.GaitSimSupport.argmax;
import static org.backstep.sim.GaitSimSupport.mean;
import static org.backstep.sim.GaitSimSupport.meanAccel;
import static org.backstep.sim.GaitSimSupport.phaseProfile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Walking physics as the gait engine's direction detector relies on it (identity mounting, ideal sensor). */
class GaitSimPhysicsTest {

    private static Simulation walk(Direction d, double spm) {
        return Scenario.builder(7).rateHz(200).mounting(Axis.PLUS_X, 0).ideal()
                .stand(2).walk(d, 30, spm).stand(2).build().run();
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void meanSpecificForceOverWholeStridesIsGravity(Direction d) {
        Simulation sim = walk(d, d == Direction.FORWARD ? 110 : 85);
        List<TrueStep> steps = sim.truth().steps();
        // whole strides (two steps) in steady walking: velocity returns, so mean acceleration is zero
        for (int s = 4; s + 2 < 26; s += 2) {
            double t0 = steps.get(s).time();
            double t1 = steps.get(s + 2).time();
            double mx = meanAccel(sim, 0, t0, t1);
            double my = meanAccel(sim, 1, t0, t1);
            double mz = meanAccel(sim, 2, t0, t1);
            // 0.05: the trunk's pitch swings with the braking, so a little of the acceleration along
            // travel shows on the sensor's vertical on average (A theta / 2, about 0.03 m/s^2)
            assertEquals(G, Math.sqrt(mx * mx + my * my + mz * mz), 0.05, "norm of mean over stride " + s);
            assertEquals(0, my, 0.05, "lateral mean over stride " + s);
            // the pelvis pitch explains the forward component: -g sin(pitch)
            double pitch = 0;
            int n = 0;
            for (int i = 0; i < sim.size(); i++) {
                if (sim.t(i) >= t0 && sim.t(i) < t1) {
                    pitch += Math.toRadians(sim.truePitchDeg(i));
                    n++;
                }
            }
            // (within 0.1: orientation oscillations correlate with the accelerations, a real second-order effect)
            assertEquals(-G * Math.sin(pitch / n), mx, 0.1, "forward mean over stride " + s);
        }
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void verticalAccelerationPeaksAroundDoubleSupport(Direction d) {
        Simulation sim = walk(d, d == Direction.FORWARD ? 110 : 85);
        double[] vert = phaseProfile(sim, sim.truth().steps(), 4, 26, 20, i -> sim.accel(i, 2) - G);
        int peak = argmax(vert);
        assertTrue(peak <= 3 || peak >= 19, "vertical peak at phase bin " + peak);
        // and lowest around midstance
        int low = argmax(negate(vert));
        assertTrue(low >= 8 && low <= 14, "vertical minimum at phase bin " + low);
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void brakingAfterContactOpposesTravel(Direction d) {
        Simulation sim = walk(d, d == Direction.FORWARD ? 110 : 85);
        List<TrueStep> steps = sim.truth().steps();
        double strideMean = meanAccel(sim, 0, steps.get(4).time(), steps.get(26).time());
        double[] ap = phaseProfile(sim, steps, 4, 26, 20, i -> sim.accel(i, 0) - strideMean);
        double afterContact = mean(ap, 2, 8);   // phase 0.10 .. 0.40
        double beforeContact = mean(ap, 13, 19); // phase 0.65 .. 0.95
        if (d == Direction.FORWARD) {
            assertTrue(afterContact < -0.5, "forward: braking (negative x) after contact, got " + afterContact);
            assertTrue(beforeContact > 0.5, "forward: propulsion before contact, got " + beforeContact);
        } else {
            assertTrue(afterContact > 0.3, "backward: braking is positive x after contact, got " + afterContact);
            assertTrue(beforeContact < -0.3, "backward: propulsion (negative x) before contact, got " + beforeContact);
        }
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void rollAndYawAlternateAtStrideFrequency(Direction d) {
        Simulation sim = walk(d, d == Direction.FORWARD ? 110 : 85);
        List<TrueStep> steps = sim.truth().steps();
        // sensor +x forward, +z up: mean roll rate (gx) and yaw rate (gz) over single steps alternate in sign
        double prevRoll = 0;
        double prevYaw = 0;
        for (int s = 6; s < 20; s++) {
            double roll = meanGyro(sim, 0, steps.get(s).time(), steps.get(s + 1).time());
            double yaw = meanGyro(sim, 2, steps.get(s).time(), steps.get(s + 1).time());
            assertTrue(Math.abs(roll) > 0.02 && Math.abs(yaw) > 0.03, "step " + s + " roll " + roll + " yaw " + yaw);
            if (s > 6) {
                assertTrue(roll * prevRoll < 0, "roll does not alternate at step " + s);
                assertTrue(yaw * prevYaw < 0, "yaw does not alternate at step " + s);
            }
            prevRoll = roll;
            prevYaw = yaw;
        }
    }

    private static double meanGyro(Simulation sim, int axis, double t0, double t1) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < sim.size(); i++) {
            if (sim.t(i) >= t0 && sim.t(i) < t1) {
                s += sim.gyro(i, axis);
                n++;
            }
        }
        return s / n;
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void verticalExcursionShrinksWhenSlow(Direction d) {
        double normal = rms(walk(d, d == Direction.FORWARD ? 110 : 85), 2);
        double slow = rms(walk(d, 60), 2);
        assertTrue(slow < 0.8 * normal, "slow " + slow + " vs normal " + normal);
    }

    @Test
    void backwardWalkingHasSofterContactsThanForward() {
        double fwd = peakJerk(walk(Direction.FORWARD, 100));
        double bwd = peakJerk(walk(Direction.BACKWARD, 100));
        assertTrue(bwd < 0.7 * fwd, "backward impact " + bwd + " vs forward " + fwd);
    }

    private static double peakJerk(Simulation sim) {
        List<TrueStep> steps = sim.truth().steps();
        double max = 0;
        for (int i = 1; i < sim.size(); i++) {
            if (sim.t(i) > steps.get(4).time() && sim.t(i) < steps.get(26).time()) {
                max = Math.max(max, Math.abs(sim.accel(i, 2) - sim.accel(i - 1, 2)));
            }
        }
        return max;
    }

    /** RMS of (accel - mean) on one axis over the middle of the walk. */
    private static double rms(Simulation sim, int axis) {
        List<TrueStep> steps = sim.truth().steps();
        double t0 = steps.get(4).time();
        double t1 = steps.get(26).time();
        double m = meanAccel(sim, axis, t0, t1);
        double s = 0;
        int n = 0;
        for (int i = 0; i < sim.size(); i++) {
            if (sim.t(i) >= t0 && sim.t(i) < t1) {
                s += (sim.accel(i, axis) - m) * (sim.accel(i, axis) - m);
                n++;
            }
        }
        return Math.sqrt(s / n);
    }

    private static double[] negate(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = -v[i];
        return r;
    }
}
