package org.backstep.recording;

/**
 * Reads a plain decimal number ({@code [+-]digits[.digits]}, as every recording writer produces) from
 * ASCII bytes without a String and without {@link Double#parseDouble}, and with the same value.
 *
 * <p>Exact: the digits form an integer {@code m < 2^53} and the value is {@code m / 10^k} with
 * {@code k <= 18}. Both operands are exact doubles and IEEE division rounds correctly, so the result is
 * the double nearest to the decimal, which is what {@code Double.parseDouble} returns. Anything else
 * (an exponent, more than 18 digits, {@code NaN}, a hex float, a type suffix) is not read here: the
 * caller then falls back to {@code Double.parseDouble}.
 */
final class Decimal {
    /** Returned when the text is not a plain decimal this class reads exactly; the caller falls back. */
    static final double NOT_PLAIN = Double.NaN;
    static final int MAX_DIGITS = 18;
    static final long MAX_EXACT = 1L << 53;
    /** 10^k for k up to {@link #MAX_DIGITS}, each exact. */
    static final double[] POW10 = new double[MAX_DIGITS + 1];

    static {
        double p = 1;
        for (int i = 0; i <= MAX_DIGITS; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Decimal() {
    }

    /** The value of {@code b[from, to)}, or {@link #NOT_PLAIN}; never NaN otherwise. */
    static double parse(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to) {
            byte c = b[i];
            if (c == '-') {
                negative = true;
                i++;
            } else if (c == '+') {
                i++;
            }
        }
        long m = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                if (++digits > MAX_DIGITS) return NOT_PLAIN;
                m = m * 10 + d;
                if (dot) scale++;
            } else if (b[i] == '.' && !dot) {
                dot = true;
            } else {
                return NOT_PLAIN;
            }
        }
        if (digits == 0 || m > MAX_EXACT) return NOT_PLAIN;
        double v = m / POW10[scale];
        return negative ? -v : v;
    }
}
