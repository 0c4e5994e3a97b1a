package org.backstep.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backstep.core.Rotations;
import org.junit.jupiter.api.Test;

/** The body frame against known mountings and motions: up, the horizontal front and left, and what is resolved along them. */
class BodyFrameTest {
    private static final double FS = 100;
    private static final double G = 9.81;

    /** {@code m} times {@code v}. */
    private static double[] times(double[][] m, double... v) {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) r[i] = m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2];
        return r;
    }

    private static double angleDeg(double[] a, double x, double y, double z) {
        double c = (a[0] * x + a[1] * y + a[2] * z) / Math.sqrt((a[0] * a[0] + a[1] * a[1] + a[2] * a[2]) * (x * x + y * y + z * z));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
    }

    /**
     * A sensor clipped on tilted 30 degrees about x and 20 about y, its configured front pointing 27
     * degrees up: at rest up is the sensor's image of the world's up, the front its image of the
     * world's horizontal front, and nothing is resolved along them but gravity; a push forward is
     * all forward.
     */
    @Test
    void aTiltedSensorResolvesGravityUpAndAPushForward() {
        double[][] toWorld = Rotations.multiply(Rotations.about(0, Math.toRadians(30)), Rotations.about(1, Math.toRadians(20)));
        double[][] toSensor = Rotations.transpose(toWorld);
        double[] up = times(toSensor, 0, 0, 1);
        double[] left = times(toSensor, 0, 1, 0);
        double[] a = times(toSensor, 0, 0, G);
        BodyFrame f = new BodyFrame(times(toSensor, 1, 0, 0.5), FS);
        int i = 0;
        for (; i < 10 * FS; i++) f.update(i / FS, a[0], a[1], a[2], 0, 0, 0);
        assertTrue(f.started());
        assertEquals(0, angleDeg(up, f.ux(), f.uy(), f.uz()), 1e-6, "attitude up");
        assertEquals(0, angleDeg(up, f.strideUx(), f.strideUy(), f.strideUz()), 1e-6, "stride up");
        assertEquals(0, angleDeg(left, f.lx(), f.ly(), f.lz()), 1e-6, "left");
        assertEquals(G, f.gravity(), 0.01, "gravity learned at rest");
        assertEquals(0, f.vertical(), 0.01);
        assertEquals(0, f.strideVertical(), 1e-9);
        assertEquals(0, f.forward(), 1e-9);
        assertEquals(0, f.lateral(), 1e-9);
        assertEquals(G, f.accelNorm(), 1e-9);
        // a push of 1 m/s^2 towards the wearer's front for a tenth of a second
        double[] pushed = times(toSensor, 1, 0, G);
        for (int k = 0; k < 0.1 * FS; k++, i++) f.update(i / FS, pushed[0], pushed[1], pushed[2], 0, 0, 0);
        assertEquals(1, f.forward(), 0.02, "forward");
        assertEquals(0, f.lateral(), 0.02, "lateral");
        assertEquals(0, f.vertical(), 0.03, "vertical");
        assertEquals(0, f.strideVertical(), 0.03, "stride vertical");
    }

    /**
     * The trunk pitches 40 degrees forward in half a second (a fall's pace) and stays there: the
     * attitude follows the gyroscope at once, the stride frame's average of the accelerometer only
     * within seconds; then both agree. The rate about up is the rate's part along each up.
     */
    @Test
    void theAttitudeFollowsAPitchAtOnceAndTheStrideFrameWithinSeconds() {
        BodyFrame f = new BodyFrame(new double[] {1, 0, 0}, FS);
        int i = 0;
        for (; i < 5 * FS; i++) f.update(i / FS, 0, 0, G, 0, 0, 0);
        double rate = Math.toRadians(40) / 0.5;
        double theta = 0;
        for (int k = 0; k < 0.5 * FS; k++, i++) {
            theta += rate / FS;
            double[] a = times(Rotations.transpose(Rotations.about(1, theta)), 0, 0, G);
            f.update(i / FS, a[0], a[1], a[2], 0, rate, 0);
        }
        double[] up = times(Rotations.transpose(Rotations.about(1, theta)), 0, 0, 1);
        assertEquals(0, angleDeg(up, f.ux(), f.uy(), f.uz()), 1.0, "attitude up after the pitch");
        assertTrue(angleDeg(up, f.strideUx(), f.strideUy(), f.strideUz()) > 20, "the stride frame lags a fall's pitch");
        assertEquals(0, f.upRate(), 1e-9, "a pitch is no turn");
        for (int k = 0; k < 15 * FS; k++, i++) f.update(i / FS, up[0] * G, up[1] * G, up[2] * G, 0, 0, 0);
        assertEquals(0, angleDeg(up, f.ux(), f.uy(), f.uz()), 0.1, "attitude up held");
        assertEquals(0, angleDeg(up, f.strideUx(), f.strideUy(), f.strideUz()), 0.1, "stride up caught up");
        // turning left at 0.5 rad/s about the world's up, read by the sensor pitched 40 degrees
        f.update(i / FS, up[0] * G, up[1] * G, up[2] * G, 0.5 * up[0], 0.5 * up[1], 0.5 * up[2]);
        assertEquals(0.5, f.upRate(), 1e-3);
        assertEquals(0.5, f.strideUpRate(), 1e-3);
        assertEquals(0.25, f.rateSquared(), 1e-9);
    }

    /** A front configured straight along gravity has no horizontal part: nothing is resolved along it. */
    @Test
    void aVerticalFrontResolvesNothingAndAMissingOneIsRefused() {
        BodyFrame f = new BodyFrame(new double[] {0, 0, 1}, FS);
        for (int i = 0; i < FS; i++) f.update(i / FS, 0, 0, G, 0, 0, 0);
        f.update(1, 0.3, 0, G, 0, 0, 0);
        assertEquals(0, f.forward());
        assertEquals(0, f.lateral());
        assertEquals(0, f.lx());
        assertThrows(IllegalArgumentException.class, () -> new BodyFrame(null, FS));
        assertThrows(IllegalArgumentException.class, () -> new BodyFrame(new double[2], FS));
    }
}
