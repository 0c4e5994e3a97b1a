package org.backstep.hw.mpu6050;

import static org.backstep.hw.mpu6050.Mpu6050Registers.*;
import static org.junit.jupiter.api.Assertions.*;

import org.backstep.hw.DeviceException;
import org.backstep.hw.sim.SampleSource;
import org.junit.jupiter.api.Test;

/** The real driver against the simulated chip, through Pi4J and directly. */
class Mpu6050DriverTest {
    private static final double G = STANDARD_GRAVITY;

    @Test
    void configurationWritesLandInTheRightRegistersThroughPi4j() {
        try (SimRig rig = SimRig.pi4j(SampleSource.atRest())) {
            Mpu6050 imu = rig.open(Mpu6050Settings.builder().rateHz(100).accelRangeG(8).gyroRangeDps(1000).build());
            assertEquals(9, rig.chip.peek(SMPLRT_DIV), "1 kHz / (1 + 9) = 100 Hz");
            assertEquals(3, rig.chip.peek(CONFIG), "DLPF_CFG 3: 44/42 Hz, below the 50 Hz Nyquist");
            assertEquals(2 << 3, rig.chip.peek(GYRO_CONFIG), "FS_SEL 2 = ±1000 dps");
            assertEquals(2 << 3, rig.chip.peek(ACCEL_CONFIG), "AFS_SEL 2 = ±8 g");
            assertEquals(0x78, rig.chip.peek(FIFO_EN), "accel + gyro x/y/z, no temperature");
            assertEquals(0, rig.chip.peek(USER_CTRL), "open leaves the FIFO off");
            assertEquals(0, imu.drain(new Recorder()));
            assertEquals(USER_CTRL_FIFO_EN, rig.chip.peek(USER_CTRL), "the first drain starts it");
            assertEquals(CLKSEL_PLL_XGYRO, rig.chip.peek(PWR_MGMT_1), "awake on the X gyro PLL");
            assertEquals(INT_ENABLE_FIFO_OFLOW, rig.chip.peek(INT_ENABLE));
            assertEquals(100.0, imu.sampleRateHz(), 1e-9);
            assertEquals(100.0, rig.chip.sampleRateHz(), 1e-9);
            imu.close();
            assertEquals(PWR_MGMT_1_SLEEP, rig.chip.peek(PWR_MGMT_1), "close puts the chip to sleep");
        }
    }

    @Test
    void openWaitsForTheResetInsteadOfTalkingToABusyChip() {
        // the chip NACKs for 100 ms after DEVICE_RESET; a driver that did not wait would throw here
        try (SimRig rig = SimRig.direct(SampleSource.atRest())) {
            rig.open(Mpu6050Settings.defaults());
            assertTrue(rig.time.seconds() >= 0.1);
        }
    }

    @Test
    void actualRateAfterDividerRoundingIsReportedAndHonoured() {
        try (SimRig rig = SimRig.pi4j(SampleSource.atRest())) {
            Mpu6050 imu = rig.open(Mpu6050Settings.builder().rateHz(300).build());
            assertEquals(1000.0 / 3, imu.sampleRateHz(), 1e-9);
            assertEquals(2, rig.chip.peek(SMPLRT_DIV));
            Recorder r = new Recorder();
            imu.drain(r);
            rig.advance(0.15);
            int n = imu.drain(r);
            assertEquals(50, n, 1, "0.15 s at 333.3 Hz");
        }
    }

    @Test
    void drainDecodesFramesReadInBurstsNotOneSamplePerTransaction() {
        SampleSource ramp = (t, out) -> {
            out[0] = 0.5 * t;
            out[1] = -2.0;
            out[2] = G;
            out[3] = 0.1;
            out[4] = -0.2 * t;
            out[5] = 0.3;
            return true;
        };
        try (SimRig rig = SimRig.pi4j(ramp)) {
            Mpu6050 imu = rig.open(Mpu6050Settings.builder().rateHz(100).accelRangeG(2).gyroRangeDps(250).build());
            Recorder r = new Recorder();
            assertEquals(0, imu.drain(r));
            rig.advance(0.5);
            long before = rig.chip.transactions();
            int n = imu.drain(r);
            assertEquals(50, n);
            // FIFO_COUNT, then 600 bytes in bursts of at most 252: 3 bursts
            assertEquals(4, rig.chip.transactions() - before);
            double aLsb = G / 16384, gLsb = Math.toRadians(1) / 131;
            for (int i = 0; i < n; i++) {
                double[] s = r.rows.get(i);
                assertEquals(i / 100.0, s[0], 1e-12, "stream time = index / rate");
                double chipT = rig.time.seconds() - 0.5 + (i + 1) / 100.0; // chip sample instants
                assertEquals(-2.0, s[2], aLsb);
                assertEquals(G, s[3], aLsb);
                assertEquals(0.1, s[4], gLsb);
                assertEquals(0.3, s[6], gLsb);
                assertTrue(Math.abs(s[1] - 0.5 * chipT) < 0.02, "ramp follows chip time");
            }
            // strictly increasing ramp: samples arrive in order
            for (int i = 1; i < n; i++) assertTrue(r.rows.get(i)[1] > r.rows.get(i - 1)[1] - aLsb);
        }
    }

    @Test
    void saturatesAtFullScaleLikeTheAdc() {
        try (SimRig rig = SimRig.direct(SampleSource.constant(30, -40, 0, 5, -5, 0))) {
            Mpu6050 imu = rig.open(Mpu6050Settings.builder().accelRangeG(2).gyroRangeDps(250).build());
            Recorder r = new Recorder();
            imu.drain(r);
            rig.advance(0.05);
            assertTrue(imu.drain(r) > 0);
            double[] s = r.last();
            assertEquals(32767 * G / 16384, s[1], 1e-9);
            assertEquals(-32768 * G / 16384, s[2], 1e-9);
            assertEquals(32767 * Math.toRadians(1) / 131, s[4], 1e-9);
            assertEquals(-32768 * Math.toRadians(1) / 131, s[5], 1e-9);
        }
    }

    @Test
    void overflowIsDetectedCountedAndRecoveredWithFramesRealigned() {
        try (SimRig rig = SimRig.pi4j(SampleSource.constant(1, 2, G, 0.5, 0, -0.5))) {
            Mpu6050 imu = rig.open(Mpu6050Settings.builder().rateHz(100).accelRangeG(2).build());
            Recorder r = new Recorder();
            imu.drain(r);
            rig.advance(0.2);
            assertEquals(20, imu.drain(r));
            rig.advance(2.0); // 200 frames = 2400 bytes into a 1024-byte FIFO
            assertTrue(rig.chip.overflowedBytes() > 0);
            assertEquals(0, imu.drain(r), "overflowed data cannot be framed and is dropped");
            assertEquals(200, imu.lostSamples(), 1);
            assertEquals(1, imu.overflows());
            assertEquals(0, rig.chip.fifoCount(), "FIFO was reset");
            rig.advance(0.1);
            assertEquals(10, imu.drain(r));
            double[] s = r.rows.get(20);
            assertEquals((20 + imu.lostSamples()) / 100.0, s[0], 1e-9, "stream time skips the lost samples");
            for (int i = 20; i < 30; i++) {
                double[] x = r.rows.get(i);
                assertEquals(1.0, x[1], 0.01);
                assertEquals(2.0, x[2], 0.01);
                assertEquals(G, x[3], 0.01);
                assertEquals(0.5, x[4], 0.01);
            }
        }
    }

    @Test
    void busErrorDuringDrainForcesRealignmentNextTime() {
        try (SimRig rig = SimRig.direct(SampleSource.atRest())) {
            Mpu6050 imu = rig.open(Mpu6050Settings.builder().rateHz(100).build());
            Recorder r = new Recorder();
            imu.drain(r);
            rig.advance(0.3);
            rig.chip.failNextTransactions(1);
            DeviceException e = assertThrows(DeviceException.class, () -> imu.drain(r));
            assertTrue(e.getMessage().contains("Remote I/O"), e.getMessage());
            rig.advance(0.05);
            assertEquals(0, imu.drain(r), "realigning drain discards the FIFO");
            assertEquals(35, imu.lostSamples(), 1);
            rig.advance(0.1);
            assertEquals(10, imu.drain(r));
            assertEquals(G, r.last()[3], 0.01);
        }
    }

    @Test
    void aFifoThatStaysOutOfFrameIsRealigned() {
        try (SimRig rig = SimRig.direct(SampleSource.atRest())) {
            Mpu6050 imu = rig.open(Mpu6050Settings.builder().rateHz(100).build());
            Recorder r = new Recorder();
            imu.drain(r);
            rig.chip.write(FIFO_R_W, 0x55);              // a stray byte: every later count is 1 mod 12
            for (int i = 0; i < Mpu6050.MISALIGNED_LIMIT; i++) {
                rig.advance(0.05);
                imu.drain(r);
            }
            assertEquals(0, rig.chip.fifoCount() % FRAME_BYTES, "realigned by a FIFO reset");
            assertTrue(imu.lostSamples() > 0);
            int before = r.rows.size();
            rig.advance(0.1);
            assertEquals(10, imu.drain(r));
            for (int i = before; i < r.rows.size(); i++) assertEquals(G, r.rows.get(i)[3], 0.01);
        }
    }

    @Test
    void wrongWhoAmIGivesAClearOneLineMessage() {
        try (SimRig rig = SimRig.pi4j(SampleSource.atRest())) {
            rig.chip.answerWhoAmI(0x70);
            DeviceException e = assertThrows(DeviceException.class, () -> rig.open(Mpu6050Settings.defaults()));
            assertEquals("no MPU-6050 on i2c bus 1 address 0x68: WHO_AM_I read 0x70, expected 0x68; "
                + "another chip answers here (an MPU-6500 reads 0x70, an MPU-9250 0x71)", e.getMessage());
        }
        try (SimRig rig = SimRig.direct(SampleSource.atRest())) {
            rig.chip.answerWhoAmI(0xFF);
            DeviceException e = assertThrows(DeviceException.class, () -> rig.open(Mpu6050Settings.defaults()));
            assertTrue(e.getMessage().contains("WHO_AM_I read 0xff"), e.getMessage());
            assertTrue(e.getMessage().contains("0x00/0xFF means nothing is answering"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void emptyAddressNamesBusAndAddress() {
        try (SimRig rig = SimRig.pi4j(SampleSource.atRest(), 0x69, 0x68)) {
            DeviceException e = assertThrows(DeviceException.class, () -> rig.open(Mpu6050Settings.defaults()));
            assertTrue(e.getMessage().startsWith("no MPU-6050 answering on i2c bus 1 address 0x68"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void reinitializeKeepsStreamTimeGoing() {
        try (SimRig rig = SimRig.direct(SampleSource.atRest())) {
            Mpu6050 imu = rig.open(Mpu6050Settings.builder().rateHz(100).build());
            Recorder r = new Recorder();
            imu.drain(r);
            rig.advance(0.1);
            assertEquals(10, imu.drain(r));
            rig.advance(0.5);
            imu.reinitialize();
            assertEquals(Mpu6050Settings.builder().rateHz(100).build().sampleRateDivider(), rig.chip.peek(SMPLRT_DIV));
            assertEquals(0, imu.drain(r), "the FIFO restarts at the first drain after re-initialisation");
            rig.advance(0.1);
            assertEquals(10, imu.drain(r));
            assertTrue(r.last()[0] > 0.7, "time continued past the gap: " + r.last()[0]);
        }
    }
}
