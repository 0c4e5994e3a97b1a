package org.backstep.hw.mpu6050;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Register images worked out by hand from the datasheet scale factors (PS §6.1, §6.2). */
class Mpu6050DecoderTest {
    private static final double G = 9.80665;
    private static final double DEG = Math.PI / 180;

    private static double[] decode(int accelG, int gyroDps, int... bytes) {
        byte[] b = new byte[12 + 3];
        for (int i = 0; i < 12; i++) b[3 + i] = (byte) bytes[i];   // non-zero offset on purpose
        double[] out = new double[6];
        Mpu6050Decoder.of(Mpu6050Settings.builder().accelRangeG(accelG).gyroRangeDps(gyroDps).build()).decode(b, 3, out);
        return out;
    }

    @Test
    void plusOneGAtTwoGIs0x4000() {
        double[] s = decode(2, 250, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0, 0, 0, 0, 0, 0);
        assertEquals(0.0, s[0], 0);
        assertEquals(G, s[2], 1e-12);            // 16384 LSB/g
    }

    @Test
    void twosComplementNegatives() {
        double[] s = decode(2, 250, 0xC0, 0x00, 0xFF, 0xFF, 0x80, 0x00, 0, 0, 0, 0, 0, 0);
        assertEquals(-G, s[0], 1e-12);           // 0xC000 = -16384
        assertEquals(-G / 16384, s[1], 1e-15);   // 0xFFFF = -1
        assertEquals(-2 * G, s[2], 1e-12);       // 0x8000 = -32768 = -2 g
    }

    @Test
    void gyro131LsbPerDpsAt250() {
        double[] s = decode(2, 250, 0, 0, 0, 0, 0, 0, 0x00, 0x83, 0xFF, 0x7D, 0x7F, 0xFF);
        assertEquals(1 * DEG, s[3], 1e-12);      // 0x0083 = 131 = 1 °/s
        assertEquals(-1 * DEG, s[4], 1e-12);     // 0xFF7D = -131
        assertEquals(32767 / 131.0 * DEG, s[5], 1e-12);
    }

    @Test
    void otherRanges() {
        double[] s = decode(16, 2000, 0x08, 0x00, 0xF8, 0x00, 0x10, 0x00, 0x00, 0xA4, 0x01, 0x48, 0xFF, 0x5C);
        assertEquals(G, s[0], 1e-12);            // 0x0800 = 2048 LSB/g at ±16 g
        assertEquals(-G, s[1], 1e-12);
        assertEquals(2 * G, s[2], 1e-12);
        assertEquals(10 * DEG, s[3], 1e-12);     // 0x00A4 = 164 = 10 °/s at 16.4 LSB/(°/s)
        assertEquals(20 * DEG, s[4], 1e-12);     // 0x0148 = 328
        assertEquals(-10 * DEG, s[5], 1e-12);    // 0xFF5C = -164
        double[] m = decode(4, 500, 0x20, 0x00, 0, 0, 0, 0, 0x00, 0x83, 0, 0, 0, 0);
        assertEquals(G, m[0], 1e-12);            // 8192 LSB/g at ±4 g
        assertEquals(2 * DEG, m[3], 1e-12);      // 65.5 LSB/(°/s) at ±500
    }
}
