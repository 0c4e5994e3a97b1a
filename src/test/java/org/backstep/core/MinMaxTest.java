package org.backstep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinMaxTest {
    private static final double[] X = {
        Double.NaN, 0.0, -0.0, 1.0, -1.0, 0.5, 1e-6, -1e-6, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE, 90, 3,
    };

    private static void same(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what);
    }

    /** {@code ours(limit, x)} has {@code theirs(limit, x)}'s bits for every limit given, at the special values and 10,000 random bit patterns. */
    private static void sameAs(java.util.function.DoubleBinaryOperator theirs, java.util.function.DoubleBinaryOperator ours, double[] limits, String name) {
        SplittableRandom r = new SplittableRandom(3);
        for (double limit : limits) {
            for (double x : X) same(theirs.applyAsDouble(limit, x), ours.applyAsDouble(limit, x), name + "(" + limit + ", " + x + ")");
            for (int i = 0; i < 10_000; i++) {
                double x = Double.longBitsToDouble(r.nextLong());
                same(theirs.applyAsDouble(limit, x), ours.applyAsDouble(limit, x), name + "(" + limit + ", " + x + ")");
            }
        }
    }

    @Test
    void atMostIsMathMinForEveryLimitButNaNAndZero() {
        sameAs(Math::min, MinMax::atMost, new double[] {1, 0.5, -1, 90, 1e-9, -1e-9, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE}, "min");
    }

    @Test
    void atLeastIsMathMaxForEveryLimitButNaNAndMinusZero() {
        sameAs(Math::max, MinMax::atLeast, new double[] {0.0, 1, -1, 1e-6, 1e-9, -1e-9, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MIN_VALUE}, "max");
    }

    @Test
    void theExcludedLimitsDoDiffer() {
        // why the conditions: Math orders the zeros (-0.0 < 0.0), a comparison does not
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Math.min(0.0, -0.0)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(MinMax.atMost(0.0, -0.0)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(Math.max(-0.0, 0.0)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(MinMax.atLeast(-0.0, 0.0)));
    }
}
