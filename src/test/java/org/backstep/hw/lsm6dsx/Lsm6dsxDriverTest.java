package org.backstep.hw.lsm6dsx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.backstep.hw.DeviceException;
import org.backstep.hw.FakeTime;
import org.backstep.hw.I2cDevice;
import org.backstep.hw.ImuChip;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.sim.SimulatedChip;
import org.backstep.hw.sim.SimulatedLsm6dsx;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ST driver against the register-level model, for both FIFO kinds. */
class Lsm6dsxDriverTest {
    private final FakeTime time = new FakeTime();
    private final List<double[]> got = new ArrayList<>();

    /** A ramp on every axis, so order, scale and sign are all checked: value = k * sample time. */
    private final org.backstep.hw.sim.SampleSource ramp = (t, out) -> {
        out[0] = 1 + t;
        out[1] = -2 - t;
        out[2] = 9.8;
        out[3] = 0.1 * t;
        out[4] = -0.2;
        out[5] = 0.3;
        return true;
    };

    private static I2cDevice device(SimulatedChip chip) {
        return new I2cDevice() {
            @Override public int readRegister(int reg) { return chip.read(reg); }
            @Override public void writeRegister(int reg, int value) { chip.write(reg, value); }
            @Override public void readRegisters(int reg, byte[] dst, int off, int len) { chip.read(reg, dst, off, len); }
            @Override public String describe() { return "test bus address 0x6a"; }
            @Override public void close() { }
        };
    }

    /** Opens the driver and drains once: the first drain starts the FIFO and delivers nothing. */
    private Lsm6dsx open(SimulatedLsm6dsx chip, ImuChip c, int rateHz) {
        Lsm6dsx imu = Lsm6dsx.open(device(chip), Lsm6dsxSettings.of(c, Mpu6050Settings.builder().rateHz(rateHz).build()), time, time);
        time.advanceSeconds(0.5);
        assertEquals(0, drainAfter(imu, 0), "nothing piles up before the first drain");
        return imu;
    }

    /** The last sample's stream time has advanced from the first's as far as its chip time (the ramp). */
    private void assertInStep(double tolerance, String what) {
        double[] first = got.get(0), last = got.get(got.size() - 1);
        assertEquals(last[1] - first[1], last[0] - first[0], tolerance, what);
    }

    private int drainAfter(Lsm6dsx imu, double seconds) {
        time.advanceSeconds(seconds);
        return imu.drain((t, ax, ay, az, gx, gy, gz) -> got.add(new double[] {t, ax, ay, az, gx, gy, gz}));
    }

    @ParameterizedTest
    @EnumSource(value = ImuChip.class, names = {"LSM6DSOX", "LSM6DS3TRC"})
    void deliversEverySampleInOrderWithItsUnits(ImuChip c) {
        SimulatedLsm6dsx chip = new SimulatedLsm6dsx(c, ramp, time::seconds);
        Lsm6dsx imu = open(chip, c, 100);
        assertEquals(104, imu.sampleRateHz(), 1e-9, "the nearest ODR to 100 Hz");
        int n = 0;
        for (int i = 0; i < 50; i++) n += drainAfter(imu, 0.02);
        assertEquals(104, n, 2);
        assertEquals(0, imu.lostSamples());
        for (int i = 1; i < got.size(); i++) {
            double[] s = got.get(i);
            assertEquals(i / 104.0, s[0], 1e-9);
            double chipTime = s[1] - 1;                       // the ramp gives the chip's sample time back
            assertEquals(chipTime - got.get(i - 1)[1] + 1, 1 / 104.0, 0.002, "one ODR period between samples");
            assertEquals(-2 - chipTime, s[2], 0.01);
            assertEquals(9.8, s[3], 0.01);
            assertEquals(0.1 * chipTime, s[4], 0.002);
            assertEquals(-0.2, s[5], 0.002);
            assertEquals(0.3, s[6], 0.002);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ImuChip.class, names = {"LSM6DSOX", "LSM6DS3TRC"})
    void anOverrunRestartsTheFifoAndCountsTheLoss(ImuChip c) {
        SimulatedLsm6dsx chip = new SimulatedLsm6dsx(c, ramp, time::seconds);
        Lsm6dsx imu = open(chip, c, 400);
        drainAfter(imu, 0.02);
        assertEquals(0, drainAfter(imu, 1.0), "416 samples do not fit: the model holds 256");
        assertEquals(416, imu.lostSamples(), 2);
        assertTrue(drainAfter(imu, 0.02) > 5, "counting goes on");
        assertInStep(0.01, "stream time stays with chip time after the loss");
    }

    @ParameterizedTest
    @EnumSource(value = ImuChip.class, names = {"LSM6DSOX", "LSM6DS3TRC"})
    void aPowerOnResetShowsInTheConfigurationAndReinitialisingResumesCounting(ImuChip c) {
        SimulatedLsm6dsx chip = new SimulatedLsm6dsx(c, ramp, time::seconds);
        Lsm6dsx imu = open(chip, c, 100);
        drainAfter(imu, 0.5);
        assertNull(imu.checkConfiguration());
        chip.powerOnReset();
        assertEquals(0, drainAfter(imu, 0.1), "a reset chip is powered down: nothing comes");
        String wrong = imu.checkConfiguration();
        assertTrue(wrong != null && wrong.startsWith("CTRL1_XL 0x00 (want 0x48), CTRL2_G 0x00 (want 0x44), CTRL3_C 0x04 (want 0x44)"), wrong);
        imu.reinitialize();
        assertNull(imu.checkConfiguration());
        assertEquals(0, drainAfter(imu, 0), "this drain starts the FIFO again");
        int after = 0;
        for (int i = 0; i < 10; i++) after += drainAfter(imu, 0.02);    // 0.2 s
        assertEquals(21, after, 2);
        assertEquals(104, imu.sampleRateHz(), 1e-9);
        assertInStep(0.05, "stream time stays with chip time across the reset");
    }

    @ParameterizedTest
    @EnumSource(value = ImuChip.class, names = {"LSM6DSOX", "LSM6DS3TRC"})
    void aBusErrorMidDrainRealignsTheNextOne(ImuChip c) {
        SimulatedLsm6dsx chip = new SimulatedLsm6dsx(c, ramp, time::seconds);
        Lsm6dsx imu = open(chip, c, 100);
        drainAfter(imu, 0.1);
        chip.failNextTransactions(1);
        assertThrows(DeviceException.class, () -> drainAfter(imu, 0.1));
        drainAfter(imu, 0.02);
        int n = drainAfter(imu, 0.1);
        assertEquals(10, n, 2);
        assertInStep(0.02, "stream time stays with chip time after the bus error");
    }

    @ParameterizedTest
    @EnumSource(value = ImuChip.class, names = {"LSM6DSOX", "LSM6DS3TRC"})
    void anotherChipIsRefused(ImuChip c) {
        ImuChip other = c == ImuChip.LSM6DSOX ? ImuChip.LSM6DS3TRC : ImuChip.LSM6DSOX;
        SimulatedLsm6dsx chip = new SimulatedLsm6dsx(other, ramp, time::seconds);
        DeviceException e = assertThrows(DeviceException.class, () -> open(chip, c, 100));
        assertEquals(String.format("no %s on test bus address 0x6a: WHO_AM_I read 0x%02x, expected 0x%02x",
            c.label(), other.whoAmI(), c.whoAmI()), e.getMessage());
    }
}
