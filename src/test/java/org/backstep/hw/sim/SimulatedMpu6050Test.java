package org.backstep.hw.sim;

import static org.backstep.hw.mpu6050.Mpu6050Registers.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The simulated chip alone, register by register. */
class SimulatedMpu6050Test {

    private static SimulatedMpu6050 runningChip(SampleSource src) {
        SimulatedMpu6050 c = new SimulatedMpu6050(src);
        c.write(PWR_MGMT_1, CLKSEL_PLL_XGYRO);
        c.write(SMPLRT_DIV, 9);      // 100 Hz
        c.write(CONFIG, 3);
        c.write(FIFO_EN, FIFO_EN_ACCEL | FIFO_EN_XG | FIFO_EN_YG | FIFO_EN_ZG);
        c.write(USER_CTRL, USER_CTRL_FIFO_EN);
        return c;
    }

    @Test
    void samplesFallOnTheRateGridWheneverTheChipWokeUp() {
        for (double wake : new double[] {0.0137, 0.0271}) {
            java.util.List<Double> times = new java.util.ArrayList<>();
            SimulatedMpu6050 c = new SimulatedMpu6050((t, out) -> {
                times.add(t);
                out[2] = 9.80665;
                return true;
            });
            c.advanceTo(wake);
            c.write(PWR_MGMT_1, CLKSEL_PLL_XGYRO);
            c.write(SMPLRT_DIV, 9);      // 100 Hz
            c.write(CONFIG, 3);
            c.advanceTo(0.1);
            assertEquals(0.1, times.get(times.size() - 1), 1e-9, "wake " + wake);
            for (double t : times) assertEquals(0, Math.IEEEremainder(t, 0.01), 1e-9, "wake " + wake + ": sample at " + t);
        }
    }

    @Test
    void resetValues() {
        SimulatedMpu6050 c = new SimulatedMpu6050(SampleSource.atRest());
        assertEquals(0x68, c.read(WHO_AM_I));
        assertEquals(0x40, c.read(PWR_MGMT_1));
        assertEquals(0, c.read(SMPLRT_DIV));
        c.write(SMPLRT_DIV, 7);
        c.write(PWR_MGMT_1, PWR_MGMT_1_DEVICE_RESET);
        assertEquals(0, c.read(SMPLRT_DIV));
        assertEquals(0x40, c.read(PWR_MGMT_1), "DEVICE_RESET clears itself and leaves the chip asleep");
        c.write(WHO_AM_I, 0);
        assertEquals(0x68, c.read(WHO_AM_I), "read only");
    }

    @Test
    void asleepChipProducesNothing() {
        SimulatedMpu6050 c = new SimulatedMpu6050(SampleSource.atRest());
        c.write(FIFO_EN, 0x78);
        c.write(USER_CTRL, USER_CTRL_FIFO_EN);
        c.advanceTo(1.0);
        assertEquals(0, c.fifoCount());
        assertEquals(0, c.samplesTaken());
    }

    @Test
    void rateFollowsDividerAndDlpf() {
        SimulatedMpu6050 c = runningChip(SampleSource.atRest());
        assertEquals(100.0, c.sampleRateHz(), 1e-9);
        c.advanceTo(0.1);
        assertEquals(10 * 12, c.fifoCount());
        c.write(CONFIG, 0);       // DLPF off: 8 kHz gyro output rate
        assertEquals(800.0, c.sampleRateHz(), 1e-9);
    }

    @Test
    void sensorRegistersHoldTheLatestQuantisedSample() {
        SimulatedMpu6050 c = runningChip(SampleSource.constant(0, 0, 9.80665, Math.toRadians(1), 0, 0));
        c.advanceTo(0.05);
        byte[] b = new byte[14];
        c.read(ACCEL_XOUT_H, b, 0, 14);      // auto-increment across accel, temp, gyro
        assertEquals(0x40, b[4] & 0xFF);      // +1 g at ±2 g = 0x4000
        assertEquals(0x00, b[5] & 0xFF);
        assertEquals(0x00, b[8] & 0xFF);      // +1 °/s at ±250 = 131 = 0x0083
        assertEquals(0x83, b[9] & 0xFF);
        assertEquals(INT_STATUS_DATA_RDY, c.read(INT_STATUS));
        assertEquals(0, c.read(INT_STATUS), "cleared by reading");
    }

    @Test
    void fifoFramesInRegisterOrderAndCountLatch() {
        SimulatedMpu6050 c = runningChip(SampleSource.constant(0, 0, 9.80665, 0, 0, Math.toRadians(-1)));
        c.advanceTo(0.02);
        assertEquals(0, c.read(FIFO_COUNTL), "COUNTL before COUNTH returns the stale latched value");
        byte[] cnt = new byte[2];
        c.read(FIFO_COUNTH, cnt, 0, 2);
        assertEquals(24, ((cnt[0] & 0xFF) << 8) | (cnt[1] & 0xFF));
        byte[] f = new byte[12];
        c.read(FIFO_R_W, f, 0, 12);           // burst on FIFO_R_W does not advance the address
        assertEquals(0x40, f[4] & 0xFF);
        assertEquals(0xFF, f[10] & 0xFF);     // -131 = 0xFF7D
        assertEquals(0x7D, f[11] & 0xFF);
        assertEquals(12, c.fifoCount());
    }

    @Test
    void emptyFifoRepeatsTheLastByte() {
        SimulatedMpu6050 c = runningChip(SampleSource.constant(0, 0, 0, 0, 0, Math.toRadians(-1)));
        c.advanceTo(0.01);
        byte[] f = new byte[14];
        c.read(FIFO_R_W, f, 0, 14);
        assertEquals(0x7D, f[11] & 0xFF);
        assertEquals(0x7D, f[12] & 0xFF);
        assertEquals(0x7D, f[13] & 0xFF);
    }

    @Test
    void overflowKeepsTheNewestBytesAndSetsTheStatusBit() {
        double[] n = {0};
        SimulatedMpu6050 c = runningChip((t, out) -> {
            out[0] = ++n[0] * 9.80665 / 16384;   // counts 1, 2, 3... in ACCEL_X
            return true;
        });
        c.advanceTo(1.0);                        // 100 frames = 1200 bytes
        assertEquals(FIFO_SIZE, c.fifoCount());
        assertEquals(1200 - FIFO_SIZE, c.overflowedBytes());
        assertEquals(INT_STATUS_FIFO_OFLOW, c.read(INT_STATUS) & INT_STATUS_FIFO_OFLOW);
        byte[] all = new byte[FIFO_SIZE];
        c.read(FIFO_R_W, all, 0, FIFO_SIZE);
        // the last frame is sample 100; 1024 % 12 = 4, so the FIFO starts mid-frame
        assertEquals(100, ((all[FIFO_SIZE - 12] & 0xFF) << 8) | (all[FIFO_SIZE - 11] & 0xFF));
        assertEquals(16, ((all[4] & 0xFF) << 8) | (all[5] & 0xFF), "first whole frame after the 4-byte tail of sample 15");
    }

    @Test
    void fifoResetAndSourceExhaustion() {
        SimulatedMpu6050 c = runningChip(new ArraySampleSource(new double[][] {{0, 0, 1, 0, 0, 0}, {0, 0, 2, 0, 0, 0}}, false));
        c.advanceTo(1.0);
        assertEquals(24, c.fifoCount());
        assertTrue(c.exhausted());
        c.write(USER_CTRL, USER_CTRL_FIFO_RESET);
        assertEquals(0, c.fifoCount());
        assertEquals(0, c.peek(USER_CTRL) & USER_CTRL_FIFO_RESET, "self-clearing");
    }

    @Test
    void injectedFailures() {
        SimulatedMpu6050 c = new SimulatedMpu6050(SampleSource.atRest());
        c.failNextTransactions(2);
        assertThrows(org.backstep.hw.DeviceException.class, () -> c.read(WHO_AM_I));
        assertThrows(org.backstep.hw.DeviceException.class, () -> c.read(WHO_AM_I));
        assertEquals(0x68, c.read(WHO_AM_I));
        assertEquals(3, c.transactions());
    }
}
