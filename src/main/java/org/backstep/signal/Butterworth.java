package org.backstep.signal;

/**
 * Digital Butterworth low-pass and high-pass filters by the bilinear transform with the cut-off
 * pre-warped, as second-order sections: the same filter as scipy's {@code butter(N, fc, btype,
 * fs=fs, output='sos')} (see {@code src/test/resources/golden/generate.py}). A band-pass is a
 * high-pass followed by a low-pass.
 */
public final class Butterworth {
    public static final int MAX_ORDER = 8;

    private Butterworth() {
    }

    public static Cascade lowPass(int order, double cutoffHz, double sampleRateHz) {
        return design(order, cutoffHz, sampleRateHz, false);
    }

    public static Cascade highPass(int order, double cutoffHz, double sampleRateHz) {
        return design(order, cutoffHz, sampleRateHz, true);
    }

    /** A high-pass at {@code lowHz} then a low-pass at {@code highHz}, each of {@code order}. */
    public static Cascade bandPass(int order, double lowHz, double highHz, double sampleRateHz) {
        if (!(lowHz < highHz)) throw new IllegalArgumentException("band-pass needs low < high, got " + lowHz + " and " + highHz);
        Cascade hp = highPass(order, lowHz, sampleRateHz);
        Cascade lp = lowPass(order, highHz, sampleRateHz);
        Biquad[] all = new Biquad[hp.sectionCount() + lp.sectionCount()];
        int i = 0;
        for (double[] s : hp.sos()) all[i++] = new Biquad(s[0], s[1], s[2], s[4], s[5]);
        for (double[] s : lp.sos()) all[i++] = new Biquad(s[0], s[1], s[2], s[4], s[5]);
        return new Cascade(all);
    }

    private static Cascade design(int order, double fc, double fs, boolean high) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("Butterworth order " + order + " must be from 1 to " + MAX_ORDER);
        }
        if (!(fs > 0) || !(fc > 0) || !(fc < fs / 2)) {
            throw new IllegalArgumentException("cut-off " + fc + " Hz must lie between 0 and half the sample rate " + fs + " Hz");
        }
        double k = Math.tan(Math.PI * fc / fs);
        Biquad[] sections = new Biquad[(order + 1) / 2];
        int n = 0;
        for (int i = 1; i <= order / 2; i++) {
            // Pole pair i of the analog prototype: s^2 + s/Q + 1 with Q = 1 / (2 cos(theta)).
            double theta = (order % 2 == 0) ? (2 * i - 1) * Math.PI / (2 * order) : i * Math.PI / order;
            double q = 1 / (2 * Math.cos(theta));
            double norm = 1 / (1 + k / q + k * k);
            double a1 = 2 * (k * k - 1) * norm;
            double a2 = (1 - k / q + k * k) * norm;
            sections[n++] = high
                    ? new Biquad(norm, -2 * norm, norm, a1, a2)
                    : new Biquad(k * k * norm, 2 * k * k * norm, k * k * norm, a1, a2);
        }
        if (order % 2 == 1) {
            double a1 = (k - 1) / (k + 1);
            sections[n] = high
                    ? new Biquad(1 / (1 + k), -1 / (1 + k), 0, a1, 0)
                    : new Biquad(k / (1 + k), k / (1 + k), 0, a1, 0);
        }
        return new Cascade(sections);
    }
}
