package org.backstep.hw.pi4j;

import static org.junit.jupiter.api.Assertions.*;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backstep.hw.DeviceException;
import org.backstep.hw.FakeTime;
import org.backstep.hw.SilentBuzzer;
import org.backstep.hw.mpu6050.Mpu6050Registers;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.sim.SampleSource;
import org.backstep.hw.sim.SimulatedI2CProvider;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.junit.jupiter.api.Test;

class Pi4jHardwareTest {

    @Test
    void simulatedHardwareRunsTheDriverThroughPi4jAndClosesEverythingOnce() {
        FakeTime time = new FakeTime();
        SimulatedMpu6050 chip = new SimulatedMpu6050(SampleSource.atRest(), time::seconds);
        Mpu6050Settings s = Mpu6050Settings.builder().address(0x69).rateHz(200).build();
        Pi4jHardware hw = Pi4jHardware.simulated(s, chip, time, time);
        assertEquals(200.0, hw.imu().sampleRateHz(), 1e-9);
        assertTrue(hw.buzzer() instanceof SilentBuzzer);
        assertTrue(hw.describe().contains("address 0x69"), hw.describe());
        assertEquals(0, hw.imu().drain((t, ax, ay, az, gx, gy, gz) -> { }), "the first drain starts the FIFO");
        time.advanceSeconds(0.1);
        int[] n = {0};
        assertEquals(20, hw.imu().drain((t, ax, ay, az, gx, gy, gz) -> n[0]++));
        hw.close();
        hw.close();
        assertTrue(hw.isClosed());
        assertTrue(hw.context().isShutdown());
        assertEquals(Mpu6050Registers.PWR_MGMT_1_SLEEP, chip.peek(Mpu6050Registers.PWR_MGMT_1));
        assertThrows(DeviceException.class, () -> hw.imu().drain((t, ax, ay, az, gx, gy, gz) -> { }));
    }

    @Test
    void assembleWithMockPwmBuzzer() throws Exception {
        FakeTime time = new FakeTime();
        SimulatedMpu6050 chip = new SimulatedMpu6050(SampleSource.atRest(), time::seconds);
        Context ctx = Pi4J.newContextBuilder().noAutoDetect()
            .add(new SimulatedI2CProvider(chip, 1, 0x68), MockPwmProvider.newInstance()).build();
        Pi4jHardware hw = Pi4jHardware.assemble(ctx, SimulatedI2CProvider.ID, null, MockPwmProvider.ID,
            Mpu6050Settings.defaults(), BuzzerSettings.builder().kind("pwm").pwmChannel(1).build(), time, time);
        assertTrue(hw.buzzer() instanceof PwmBuzzer);
        Pwm pwm = ctx.io("backstep-buzzer");
        assertEquals(1, pwm.address());
        hw.buzzer().tone(2500);
        assertTrue(pwm.isOn());
        assertEquals(2500, pwm.getFrequency());
        hw.close();
        assertFalse(pwm.isOn(), "silent after close");
    }

    @Test
    void failedImuShutsTheContextDown() {
        FakeTime time = new FakeTime();
        SimulatedMpu6050 chip = new SimulatedMpu6050(SampleSource.atRest(), time::seconds);
        chip.answerWhoAmI(0x00);
        Context ctx = Pi4J.newContextBuilder().noAutoDetect().add(new SimulatedI2CProvider(chip, 1, 0x68)).build();
        DeviceException e = assertThrows(DeviceException.class, () -> Pi4jHardware.assemble(ctx, SimulatedI2CProvider.ID,
            null, null, Mpu6050Settings.defaults(), BuzzerSettings.none(), time, time));
        assertTrue(e.getMessage().contains("WHO_AM_I read 0x00"), e.getMessage());
        assertTrue(ctx.isShutdown());
    }

    @Test
    void missingI2cBusGivesAHint() {
        if (Files.exists(Path.of("/dev/i2c-7"))) return;
        DeviceException e = assertThrows(DeviceException.class,
            () -> Pi4jHardware.open(Mpu6050Settings.builder().bus(7).build(), BuzzerSettings.none()));
        assertTrue(e.getMessage().startsWith("no /dev/i2c-7: enable I2C"), e.getMessage());
    }

    @Test
    void aGpioBuzzerWithoutAGpioChipIsOneLineAboutTheBuzzer(@org.junit.jupiter.api.io.TempDir Path dev) throws Exception {
        DeviceException e = assertThrows(DeviceException.class, () -> Pi4jHardware.checkGpioChips(dev));
        assertEquals("buzzer", e.device());
        assertTrue(e.getMessage().startsWith("no " + dev.resolve("gpiochip*") + ": the GPIO buzzer needs"), e.getMessage());
        Files.createFile(dev.resolve("gpiochip0"));
        Pi4jHardware.checkGpioChips(dev);                   // present and (as this user) usable
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(dev.resolve("gpiochip0"), java.util.Set.of());
            e = assertThrows(DeviceException.class, () -> Pi4jHardware.checkGpioChips(dev));
            assertTrue(e.getMessage().contains("add the user to group gpio"), e.getMessage());
        }
    }

    @Test
    void openFailuresNameTheDeviceAndNativeLoadErrorsBecomeOneLine() {
        DeviceException e = Pi4jHardware.failure(Pi4jHardware.IMU, new UnsatisfiedLinkError("libpi4j.so: cannot open shared object file"));
        assertEquals("imu", e.device());
        assertTrue(e.getMessage().startsWith("could not load the native library for the imu (libpi4j.so: cannot open shared object file)"),
            e.getMessage());
        e = Pi4jHardware.failure(Pi4jHardware.BUZZER, new com.pi4j.exception.Pi4JException("Failed to execute action for device 104 on bus 1",
            new java.io.IOException("Remote I/O error")));
        assertEquals("could not open the buzzer: Remote I/O error", e.getMessage());
        DeviceException inner = new DeviceException("i2c bus 1 address 0x68: read of register 0x75 failed: Remote I/O error");
        assertEquals("imu", Pi4jHardware.failure(Pi4jHardware.IMU, inner).device());
        assertEquals(inner.getMessage(), Pi4jHardware.failure(Pi4jHardware.IMU, inner).getMessage());
    }

    @Test
    void aChipThatDoesNotAnswerFailsTheOpenAsTheImu() {
        FakeTime time = new FakeTime();
        SimulatedMpu6050 chip = new SimulatedMpu6050(SampleSource.atRest(), time::seconds);
        chip.unplug();
        DeviceException e = assertThrows(DeviceException.class,
            () -> Pi4jHardware.simulated(Mpu6050Settings.defaults(), chip, time, time));
        assertEquals("imu", e.device());
        assertTrue(e.getMessage().contains("address 0x68"), e.getMessage());
        assertTrue(e.getMessage().contains("failed: Remote I/O error); check wiring"), "the errno text: " + e.getMessage());
        assertFalse(e.getMessage().contains("104"), "the address in hex only: " + e.getMessage());
    }
}
