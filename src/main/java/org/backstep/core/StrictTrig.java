package org.backstep.core;

/**
 * {@link StrictMath#acos} and {@link StrictMath#atan2} (and so {@link Math}'s, which Java 17
 * delegates to them), bit for bit, in Java. Java 17's are fdlibm in C behind a native call, and
 * fdlibm's square root is computed one bit at a time: an {@code acos} cost about 200 ns on the
 * development machine, a fifth of the signal path's time. These are the same algorithms
 * (fdlibm 5.3, e_acos.c, e_atan2.c, s_atan.c) with the same constants and the same order of
 * operations, so they round the same way; {@link Math#sqrt} is correctly rounded like fdlibm's,
 * so it stands in for it unchanged. {@code StrictTrigTest} compares them with {@code StrictMath}
 * on special values and millions of random arguments.
 *
 * <p>From fdlibm: Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at
 * SunSoft, a Sun Microsystems, Inc. business. Permission to use, copy, modify, and distribute
 * this software is freely granted, provided that this notice is preserved.
 */
public final class StrictTrig {
    private StrictTrig() {
    }

    private static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static int hi(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    private static int lo(double x) {
        return (int) Double.doubleToRawLongBits(x);
    }

    // e_acos.c
    private static final double PI = d(0x400921FB54442D18L);
    private static final double PIO2_HI = d(0x3FF921FB54442D18L);
    private static final double PIO2_LO = d(0x3C91A62633145C07L);
    private static final double PS0 = d(0x3FC5555555555555L);
    private static final double PS1 = d(0xBFD4D61203EB6F7DL);
    private static final double PS2 = d(0x3FC9C1550E884455L);
    private static final double PS3 = d(0xBFA48228B5688F3BL);
    private static final double PS4 = d(0x3F49EFE07501B288L);
    private static final double PS5 = d(0x3F023DE10DFDF709L);
    private static final double QS1 = d(0xC0033A271C8A2D4BL);
    private static final double QS2 = d(0x40002AE59C598AC8L);
    private static final double QS3 = d(0xBFE6066C1B8D0159L);
    private static final double QS4 = d(0x3FB3B8C5B12E9282L);

    /** The arc cosine, radians, exactly as {@link StrictMath#acos}. */
    public static double acos(double x) {
        int hx = hi(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x3ff00000) {                     // |x| >= 1
            if (((ix - 0x3ff00000) | lo(x)) == 0) {   // |x| == 1
                return hx > 0 ? 0.0 : PI + 2.0 * PIO2_LO;
            }
            return (x - x) / (x - x);               // |x| > 1, or NaN
        }
        if (ix < 0x3fe00000) {                      // |x| < 0.5
            if (ix <= 0x3c600000) return PIO2_HI + PIO2_LO;   // |x| < 2^-57
            double z = x * x;
            double r = ratio(z);
            return PIO2_HI - (x - (PIO2_LO - x * r));
        } else if (hx < 0) {                        // x < -0.5
            double z = (1.0 + x) * 0.5;
            double p = z * (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5)))));
            double q = 1.0 + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4)));
            double s = Math.sqrt(z);
            double r = p / q;
            double w = r * s - PIO2_LO;
            return PI - 2.0 * (s + w);
        } else {                                    // x > 0.5
            double z = (1.0 - x) * 0.5;
            double s = Math.sqrt(z);
            double df = Double.longBitsToDouble(Double.doubleToRawLongBits(s) & 0xffffffff00000000L);
            double c = (z - df * df) / (s + df);
            double r = ratio(z);
            double w = r * s + c;
            return 2.0 * (df + w);
        }
    }

    private static double ratio(double z) {
        double p = z * (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5)))));
        double q = 1.0 + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4)));
        return p / q;
    }

    // s_atan.c
    private static final double[] ATAN_HI = {
        d(0x3FDDAC670561BB4FL),     // atan(0.5)
        d(0x3FE921FB54442D18L),     // atan(1.0)
        d(0x3FEF730BD281F69BL),     // atan(1.5)
        d(0x3FF921FB54442D18L),     // atan(inf)
    };
    private static final double[] ATAN_LO = {
        d(0x3C7A2B7F222F65E2L),
        d(0x3C81A62633145C07L),
        d(0x3C7007887AF0CBBDL),
        d(0x3C91A62633145C07L),
    };
    private static final double AT0 = d(0x3FD555555555550DL);
    private static final double AT1 = d(0xBFC999999998EBC4L);
    private static final double AT2 = d(0x3FC24924920083FFL);
    private static final double AT3 = d(0xBFBC71C6FE231671L);
    private static final double AT4 = d(0x3FB745CDC54C206EL);
    private static final double AT5 = d(0xBFB3B0F2AF749A6DL);
    private static final double AT6 = d(0x3FB10D66A0D03D51L);
    private static final double AT7 = d(0xBFADDE2D52DEFD9AL);
    private static final double AT8 = d(0x3FA97B4B24760DEBL);
    private static final double AT9 = d(0xBFA2B4442C6A6C2FL);
    private static final double AT10 = d(0x3F90AD3AE322DA11L);

    /** fdlibm's atan (s_atan.c), which StrictMath.atan is. */
    static double atan(double x) {
        int hx = hi(x);
        int ix = hx & 0x7fffffff;
        int id;
        if (ix >= 0x44100000) {                     // |x| >= 2^66
            if (ix > 0x7ff00000 || (ix == 0x7ff00000 && lo(x) != 0)) return x + x;   // NaN
            return hx > 0 ? ATAN_HI[3] + ATAN_LO[3] : -ATAN_HI[3] - ATAN_LO[3];
        }
        if (ix < 0x3fdc0000) {                      // |x| < 0.4375
            if (ix < 0x3e200000) return x;          // |x| < 2^-29
            id = -1;
        } else {
            x = Math.abs(x);
            if (ix < 0x3ff30000) {                  // |x| < 1.1875
                if (ix < 0x3fe60000) {              // 7/16 <= |x| < 11/16
                    id = 0;
                    x = (2.0 * x - 1.0) / (2.0 + x);
                } else {                            // 11/16 <= |x| < 19/16
                    id = 1;
                    x = (x - 1.0) / (x + 1.0);
                }
            } else if (ix < 0x40038000) {           // |x| < 2.4375
                id = 2;
                x = (x - 1.5) / (1.0 + 1.5 * x);
            } else {                                // 2.4375 <= |x| < 2^66
                id = 3;
                x = -1.0 / x;
            }
        }
        double z = x * x;
        double w = z * z;
        double s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
        double s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
        if (id < 0) return x - x * (s1 + s2);
        z = ATAN_HI[id] - ((x * (s1 + s2) - ATAN_LO[id]) - x);
        return hx < 0 ? -z : z;
    }

    // e_atan2.c
    private static final double TINY = 1.0e-300;
    private static final double PI_O_4 = d(0x3FE921FB54442D18L);
    private static final double PI_O_2 = d(0x3FF921FB54442D18L);
    private static final double PI_LO = d(0x3CA1A62633145C07L);

    /** The angle of the point (x, y), radians, exactly as {@link StrictMath#atan2}. */
    public static double atan2(double y, double x) {
        int hx = hi(x);
        int ix = hx & 0x7fffffff;
        int lx = lo(x);
        int hy = hi(y);
        int iy = hy & 0x7fffffff;
        int ly = lo(y);
        if (Double.isNaN(x) || Double.isNaN(y)) return x + y;
        if (((hx - 0x3ff00000) | lx) == 0) return atan(y);         // x == 1.0
        int m = ((hy >>> 31) & 1) | ((hx >>> 30) & 2);           // 2 * sign(x) + sign(y)
        if ((iy | ly) == 0) {                                    // y == 0
            switch (m) {
                case 0:
                case 1:
                    return y;
                case 2:
                    return PI + TINY;
                default:
                    return -PI - TINY;
            }
        }
        if ((ix | lx) == 0) return hy < 0 ? -PI_O_2 - TINY : PI_O_2 + TINY;   // x == 0
        if (ix == 0x7ff00000) {                                  // x infinite
            if (iy == 0x7ff00000) {
                switch (m) {
                    case 0:
                        return PI_O_4 + TINY;
                    case 1:
                        return -PI_O_4 - TINY;
                    case 2:
                        return 3.0 * PI_O_4 + TINY;
                    default:
                        return -3.0 * PI_O_4 - TINY;
                }
            }
            switch (m) {
                case 0:
                    return 0.0;
                case 1:
                    return -0.0;
                case 2:
                    return PI + TINY;
                default:
                    return -PI - TINY;
            }
        }
        if (iy == 0x7ff00000) return hy < 0 ? -PI_O_2 - TINY : PI_O_2 + TINY;   // y infinite
        int k = (iy - ix) >> 20;
        double z;
        if (k > 60) {
            z = PI_O_2 + 0.5 * PI_LO;                // |y/x| > 2^60
        } else if (hx < 0 && k < -60) {
            z = 0.0;                                 // |y|/x < -2^60
        } else {
            z = atan(Math.abs(y / x));
        }
        switch (m) {
            case 0:
                return z;
            case 1:
                return -z;
            case 2:
                return PI - (z - PI_LO);
            default:
                return (z - PI_LO) - PI;
        }
    }
}
