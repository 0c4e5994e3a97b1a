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

    @Test
    void atMostIsMathMinForEveryLimitButNaNAndZero() {
        SplittableRandom r = new SplittableRandom(3);
        double[] limits = {1, 0.5, -1, 90, 1e-9, -1e-9, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
        for (double limit : limits) {
            for (double x : X) same(Math.min(limit, x), MinMax.atMost(limit, x), "min(" + limit + ", " + x + ")");
            for (int i = 0; i < 10_000; i++) {
                double x = Double.longBitsToDouble(r.nextLong());
                same(Math.min(limit, x), MinMax.atMost(limit, x), "min(" + limit + ", " + x + ")");
            }
        }
    }

    @Test
    void atLeastIsMathMaxForEveryLimitButNaNAndMinusZero() {
        SplittableRandom r = new SplittableRandom(4);
        double[] limits = {0.0, 1, -1, 1e-6, 1e-9, -1e-9, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MIN_VALUE};
        for (double limit : limits) {
            for (double x : X) same(Math.max(limit, x), MinMax.atLeast(limit, x), "max(" + limit + ", " + x + ")");
            for (int i = 0; i < 10_000; i++) {
                double x = Double.longBitsToDouble(r.nextLong());
                same(Math.max(limit, x), MinMax.atLeast(limit, x), "max(" + limit + ", " + x + ")");
            }
        }
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
