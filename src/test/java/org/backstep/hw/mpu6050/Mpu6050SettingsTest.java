package org.backstep.hw.mpu6050;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class Mpu6050SettingsTest {

    private static Mpu6050Settings rate(int hz) {
        return Mpu6050Settings.builder().rateHz(hz).build();
    }

    @Test
    void defaults() {
        Mpu6050Settings s = Mpu6050Settings.defaults();
        assertEquals(1, s.bus());
        assertEquals(0x68, s.address());
        assertEquals(100, s.rateHz());
        assertEquals("i2c bus 1 address 0x68", s.describeBus());
    }

    @Test
    void dividerAndActualRate() {
        assertEquals(19, rate(50).sampleRateDivider());
        assertEquals(50.0, rate(50).actualRateHz(), 1e-9);
        assertEquals(9, rate(100).sampleRateDivider());
        assertEquals(4, rate(200).sampleRateDivider());
        assertEquals(1000.0 / 3, rate(300).actualRateHz(), 1e-9);   // 1000/300 = 3.33: nearest is /3
        assertEquals(1000.0 / 3, rate(400).actualRateHz(), 1e-9);   // 333 is nearer 400 than 500
        assertEquals(1000.0 / 7, rate(150).actualRateHz(), 1e-9);   // 142.9 nearer than 166.7
    }

    @Test
    void autoDlpfStaysBelowNyquistOfTheActualRate() {
        assertEquals(4, rate(50).dlpfCfg());    // 21/20 Hz < 25
        assertEquals(3, rate(100).dlpfCfg());   // 44/42 < 50
        assertEquals(2, rate(200).dlpfCfg());   // 94/98 < 100
        assertEquals(2, rate(400).dlpfCfg());   // actual 333 Hz: 188 would alias, 98 < 166
        for (int hz = 50; hz <= 400; hz += 7) {
            Mpu6050Settings s = rate(hz);
            assertTrue(Math.max(s.dlpfAccelBandwidthHz(), s.dlpfGyroBandwidthHz()) < s.actualRateHz() / 2, s.toString());
            assertTrue(s.dlpfCfg() >= 1);
        }
    }

    @Test
    void explicitDlpf() {
        assertEquals(5, Mpu6050Settings.builder().rateHz(100).dlpf("10").build().dlpfCfg());
        assertEquals(3, Mpu6050Settings.builder().rateHz(100).dlpf("44hz").build().dlpfCfg());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Mpu6050Settings.builder().rateHz(100).dlpf("98").build());
        assertEquals("dlpf 98 Hz is not below the Nyquist frequency 50.0 Hz of rate 100 Hz; use a lower bandwidth or 'auto'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mpu6050Settings.builder().dlpf("33").build());
        assertThrows(IllegalArgumentException.class, () -> Mpu6050Settings.builder().dlpf("fast"));
        assertEquals(5, Mpu6050Settings.builder().rateHz(100).dlpf("10").build().toBuilder().build().dlpfCfg());
    }

    @Test
    void rangesMapToFieldValuesAndScales() {
        Mpu6050Settings s = Mpu6050Settings.builder().accelRangeG(16).gyroRangeDps(2000).build();
        assertEquals(3, s.afsSel());
        assertEquals(3, s.fsSel());
        assertEquals(9.80665 / 2048, s.accelScale(), 1e-15);
        Mpu6050Settings t = Mpu6050Settings.builder().accelRangeG(2).gyroRangeDps(250).build();
        assertEquals(0, t.afsSel());
        assertEquals(0, t.fsSel());
        assertEquals(Math.toRadians(1) / 131, t.gyroScale(), 1e-15);
    }

    @Test
    void badInputIsRejectedWithOneLineMessages() {
        assertEquals("MPU-6050 address 0x6a is not possible; allowed: 0x68 (AD0 low) or 0x69 (AD0 high)",
            assertThrows(IllegalArgumentException.class, () -> Mpu6050Settings.builder().address(0x6A)).getMessage());
        assertEquals("rate 500 Hz is out of range; allowed: 50..400 Hz",
            assertThrows(IllegalArgumentException.class, () -> Mpu6050Settings.builder().rateHz(500)).getMessage());
        assertEquals("accel range 3 g is not supported; allowed: 2, 4, 8, 16",
            assertThrows(IllegalArgumentException.class, () -> Mpu6050Settings.builder().accelRangeG(3)).getMessage());
        assertEquals("gyro range 300 dps is not supported; allowed: 250, 500, 1000, 2000",
            assertThrows(IllegalArgumentException.class, () -> Mpu6050Settings.builder().gyroRangeDps(300)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mpu6050Settings.builder().bus(-1));
    }
}
