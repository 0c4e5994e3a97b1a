package org.backstep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** StrictTrig must give StrictMath's bits: the pipeline's figures may not move by an ulp. */
class StrictTrigTest {
    private static final double[] SPECIAL = {
        Double.NaN, 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        0.4375, 0.6875, 1.1875, 2.4375, 0x1p-57, 0x1p-29, 0x1p66, 0x1p60, 0x1p-60, 1.5, 3.0, 10.0, 1e-300, 1e300,
    };

    /** The specials, their neighbours either side, and their negatives. */
    private static List<Double> edges() {
        List<Double> out = new ArrayList<>();
        for (double s : SPECIAL) {
            for (double v : new double[] {s, Math.nextUp(s), Math.nextDown(s)}) {
                out.add(v);
                out.add(-v);
            }
        }
        return out;
    }

    /** The same bits; any NaN for a NaN (Java gives NaN no sign or payload to rely on). */
    private static void same(double expected, double actual, String what) {
        if (Double.isNaN(expected) && Double.isNaN(actual)) return;
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> what + ": StrictMath " + expected + ", StrictTrig " + actual);
    }

    @Test
    void acosIsStrictMathsOnEdges() {
        for (double x : edges()) same(StrictMath.acos(x), StrictTrig.acos(x), "acos(" + x + ")");
    }

    @Test
    void acosIsStrictMathsOnEveryRegionAndRandomBits() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            double x = r.nextDouble(-1.0, 1.0);
            same(StrictMath.acos(x), StrictTrig.acos(x), "acos(" + x + ")");
            double near = 1 - r.nextDouble() * 1e-6;     // trunk angles near upright: the x > 0.5 branch's fine end
            same(StrictMath.acos(near), StrictTrig.acos(near), "acos(" + near + ")");
            double bits = Double.longBitsToDouble(r.nextLong());
            same(StrictMath.acos(bits), StrictTrig.acos(bits), "acos(" + bits + ")");
        }
    }

    @Test
    void atan2IsStrictMathsOnEdges() {
        List<Double> e = edges();
        for (double y : e) {
            for (double x : e) same(StrictMath.atan2(y, x), StrictTrig.atan2(y, x), "atan2(" + y + ", " + x + ")");
        }
    }

    @Test
    void atan2IsStrictMathsOnRandomArguments() {
        SplittableRandom r = new SplittableRandom(12);
        for (int i = 0; i < 200_000; i++) {
            double y = r.nextDouble(-1.0, 1.0), x = r.nextDouble(-1.0, 1.0);
            same(StrictMath.atan2(y, x), StrictTrig.atan2(y, x), "atan2(" + y + ", " + x + ")");
            // every branch of the argument reduction: ratios from 2^-70 to 2^70
            double s = Math.scalb(r.nextDouble(0.5, 1.0), r.nextInt(-70, 71)) * (r.nextBoolean() ? 1 : -1);
            double u = r.nextBoolean() ? 1.0 : -1.0;
            same(StrictMath.atan2(s, u), StrictTrig.atan2(s, u), "atan2(" + s + ", " + u + ")");
            same(StrictMath.atan2(u, s), StrictTrig.atan2(u, s), "atan2(" + u + ", " + s + ")");
            double by = Double.longBitsToDouble(r.nextLong()), bx = Double.longBitsToDouble(r.nextLong());
            same(StrictMath.atan2(by, bx), StrictTrig.atan2(by, bx), "atan2(" + by + ", " + bx + ")");
        }
    }

    @Test
    void atanIsStrictMaths() {
        for (double x : edges()) same(StrictMath.atan(x), StrictTrig.atan(x), "atan(" + x + ")");
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 0; i < 100_000; i++) {
            double x = Math.scalb(r.nextDouble(0.5, 1.0), r.nextInt(-35, 70)) * (r.nextBoolean() ? 1 : -1);
            same(StrictMath.atan(x), StrictTrig.atan(x), "atan(" + x + ")");
        }
    }
}
