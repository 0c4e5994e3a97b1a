package org.backstep.hw;

import static org.junit.jupiter.api.Assertions.*;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.pi4j.BuzzerSettings;
import org.backstep.hw.pi4j.Pi4jHardware;
import org.backstep.hw.sim.SampleSource;
import org.backstep.hw.sim.SimulatedChip;
import org.backstep.hw.sim.SimulatedI2CProvider;
import org.backstep.hw.sim.SimulatedLsm6dsx;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** imu.chip = auto: every supported chip is found at every address it can have, through Pi4J. */
class ImuDetectionTest {
    private final FakeTime time = new FakeTime();
    /** At rest with +z up: what every chip must deliver after detection. */
    private final SampleSource still = SampleSource.constant(0.5, -0.3, 9.7, 0.01, -0.02, 0.03);

    private SimulatedChip chip(ImuChip c) {
        return c.family() == ImuChip.Family.INVENSENSE ? SimulatedMpu6050.of(c, still, time::seconds)
            : new SimulatedLsm6dsx(c, still, time::seconds);
    }

    private Pi4jHardware open(Map<Integer, SimulatedChip> chips, ImuSelection selection) {
        Context ctx = Pi4J.newContextBuilder().noAutoDetect().add(new SimulatedI2CProvider(1, chips)).build();
        return Pi4jHardware.assemble(ctx, SimulatedI2CProvider.ID, null, null, Mpu6050Settings.defaults(), selection,
            BuzzerSettings.none(), time, time);
    }

    static List<Object[]> everyChipAtEveryAddress() {
        List<Object[]> cases = new ArrayList<>();
        for (ImuChip c : ImuChip.values()) for (int a : c.family().addresses()) cases.add(new Object[] {c, a});
        return cases;
    }

    @ParameterizedTest(name = "{0} at 0x{1}")
    @MethodSource("everyChipAtEveryAddress")
    void autoFindsEveryChipAtEveryAddressAndReadsIt(ImuChip c, int address) {
        try (Pi4jHardware hw = open(Map.of(address, chip(c)), ImuSelection.AUTO)) {
            assertTrue(hw.describe().startsWith(String.format("%s at i2c bus 1 address 0x%02x", c.describe(), address)), hw.describe());
            List<double[]> got = new ArrayList<>();
            hw.imu().drain((t, ax, ay, az, gx, gy, gz) -> { });   // the MPU driver starts its FIFO at the first drain
            time.advanceSeconds(0.3);             // the MPU-6500's 512-byte FIFO holds 0.42 s at 100 Hz
            hw.imu().drain((t, ax, ay, az, gx, gy, gz) -> got.add(new double[] {t, ax, ay, az, gx, gy, gz}));
            double rate = hw.imu().sampleRateHz();
            assertEquals(0.3 * rate, got.size(), 2, "samples in 0.3 s at " + rate + " Hz");
            double[] last = got.get(got.size() - 1);
            assertArrayEquals(new double[] {0.5, -0.3, 9.7}, new double[] {last[1], last[2], last[3]}, 0.01);
            assertArrayEquals(new double[] {0.01, -0.02, 0.03}, new double[] {last[4], last[5], last[6]}, 0.001);
            assertEquals(0, hw.imu().lostSamples());
        }
    }

    @Test
    void theMpu6500FifoHoldsHalfWhatTheMpu6050sDoes() {
        try (Pi4jHardware mpu6050 = open(Map.of(0x68, chip(ImuChip.MPU6050)), ImuSelection.AUTO)) {
            mpu6050.imu().drain((t, ax, ay, az, gx, gy, gz) -> { });
            time.advanceSeconds(0.6);                  // 60 frames: 720 bytes
            assertEquals(60, mpu6050.imu().drain((t, ax, ay, az, gx, gy, gz) -> { }), 1);
            assertEquals(0, mpu6050.imu().lostSamples());
        }
        try (Pi4jHardware mpu6500 = open(Map.of(0x68, chip(ImuChip.MPU6500)), ImuSelection.AUTO)) {
            mpu6500.imu().drain((t, ax, ay, az, gx, gy, gz) -> { });
            time.advanceSeconds(0.6);
            assertEquals(0, mpu6500.imu().drain((t, ax, ay, az, gx, gy, gz) -> { }), "720 bytes overflow 512");
            assertEquals(60, mpu6500.imu().lostSamples(), 1);
        }
    }

    @Test
    void theFirstKnownAddressWinsWhenTwoChipsAnswer() {
        try (Pi4jHardware hw = open(Map.of(0x69, chip(ImuChip.MPU6500), 0x6A, chip(ImuChip.LSM6DSOX)), ImuSelection.AUTO)) {
            assertTrue(hw.describe().startsWith("MPU-6500 (WHO_AM_I 0x70) at i2c bus 1 address 0x69"), hw.describe());
        }
        try (Pi4jHardware hw = open(Map.of(0x69, chip(ImuChip.MPU6500), 0x6A, chip(ImuChip.LSM6DSOX)),
                new ImuSelection(ImuChip.LSM6DSOX, -1))) {
            assertTrue(hw.describe().startsWith("LSM6DSOX (WHO_AM_I 0x6c) at i2c bus 1 address 0x6a"), hw.describe());
        }
    }

    @Test
    void noChipNamesEveryAddressTriedAndTheWiring() {
        DeviceException e = assertThrows(DeviceException.class, () -> open(Map.of(), ImuSelection.AUTO));
        assertEquals("no supported IMU on i2c bus 1: 0x68: no answer; 0x69: no answer; 0x6a: no answer; 0x6b: no answer;"
            + " check the wiring (SDA GPIO2 pin 3, SCL GPIO3 pin 5, 3V3, GND), that I2C is enabled, and `i2cdetect -y 1`",
            e.getMessage());
    }

    @Test
    void aWrongChipIsNamedByItsWhoAmI() {
        SimulatedMpu6050 other = new SimulatedMpu6050(still, time::seconds);
        other.answerWhoAmI(0x12);
        DeviceException e = assertThrows(DeviceException.class, () -> open(Map.of(0x68, other), ImuSelection.AUTO));
        assertTrue(e.getMessage().startsWith("no supported IMU on i2c bus 1: 0x68: WHO_AM_I (register 0x75) reads 0x12, not a supported chip;"
            + " 0x69: no answer"), e.getMessage());
        assertTrue(e.getMessage().endsWith("supported: MPU-6050, MPU-6500, MPU-9250 at 0x68/0x69, LSM6DSOX, LSM6DS3TR-C at 0x6a/0x6b"), e.getMessage());
    }

    @Test
    void aConfiguredChipThatIsNotTheOneWiredSaysWhatToSet() {
        DeviceException e = assertThrows(DeviceException.class,
            () -> open(Map.of(0x68, chip(ImuChip.MPU6500)), new ImuSelection(ImuChip.MPU6050, -1)));
        assertTrue(e.getMessage().startsWith("no MPU-6050 on i2c bus 1: 0x68: an MPU-6500 (WHO_AM_I 0x70), but imu.chip = mpu6050"
            + " (set imu.chip = auto or mpu6500); 0x69: no answer"), e.getMessage());
    }

    @Test
    void aFloatingBusIsToldApartFromAWrongChip() {
        SimulatedMpu6050 floating = new SimulatedMpu6050(still, time::seconds);
        floating.answerWhoAmI(0xFF);
        DeviceException e = assertThrows(DeviceException.class, () -> open(Map.of(0x68, floating), ImuSelection.AUTO));
        assertTrue(e.getMessage().contains("0x68: WHO_AM_I (register 0x75) reads 0xff, nothing is driving the bus: check power and pull-ups"), e.getMessage());
        assertTrue(e.getMessage().endsWith("`i2cdetect -y 1`"), e.getMessage());
    }
}
