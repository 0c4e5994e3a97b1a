package org.backstep.hw;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.pi4j.Pi4jHardware;
import org.backstep.hw.sim.SampleSource;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.junit.jupiter.api.Test;

class SelfTestTest {
    private final FakeTime time = new FakeTime();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private Pi4jHardware sim(SampleSource source) {
        SimulatedMpu6050 chip = new SimulatedMpu6050(source, time::seconds);
        return Pi4jHardware.simulated(Mpu6050Settings.builder().rateHz(100).build(), chip, time, time);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void passesAtRestAndPlaysEveryPattern() {
        SelfTest.Result r = new SelfTest(time, time, 1.0).run(() -> sim(SampleSource.atRest()), out);
        assertTrue(r.passed(), text());
        assertTrue(text().contains("PASS  rate"), text());
        assertTrue(text().contains("|a| = 9.81 m/s^2"), text());
        assertTrue(text().contains("13 patterns played (no buzzer configured: silent): ready target limit fall"), text());
        assertTrue(text().endsWith("RESULT: PASS" + System.lineSeparator()), text());
    }

    @Test
    void aFifoThatOverflowedWhileTheUnitWasOpeningIsNotALoss() {
        // A JVM under load may take seconds between configuring the chip and the first drain: the
        // 1024-byte FIFO holds 0.85 s at 100 Hz. Seen on emulated ARM (deploy/hil).
        SelfTest.Result r = new SelfTest(time, time, 1.0).run(() -> {
            Pi4jHardware hw = sim(SampleSource.atRest());
            time.advanceSeconds(2.5);
            return hw;
        }, out);
        assertTrue(r.passed(), text());
        assertTrue(text().contains(", 0 lost"), text());
    }

    @Test
    void failsWhenTheUnitIsSpinningOrUpsideDownWrong() {
        SelfTest.Result r = new SelfTest(time, time, 1.0).run(() -> sim(SampleSource.constant(0, 0, 3.0, 1.0, 0, 0)), out);
        assertFalse(r.passed());
        assertTrue(text().contains("FAIL  gravity"), text());
        assertTrue(text().contains("FAIL  gyro"), text());
        assertTrue(text().contains("RESULT: FAIL"));
    }

    @Test
    void reportsAnImuThatDoesNotAnswer() {
        SelfTest.Result r = new SelfTest(time, time, 1.0).run(() -> {
            SimulatedMpu6050 chip = new SimulatedMpu6050(SampleSource.atRest(), time::seconds);
            chip.answerWhoAmI(0xFF);
            return Pi4jHardware.simulated(Mpu6050Settings.defaults(), chip, time, time);
        }, out);
        assertFalse(r.passed());
        assertTrue(text().contains("FAIL  imu       no MPU-6050 on i2c bus 1 address 0x68: WHO_AM_I read 0xff"), text());
    }

    @Test
    void reportsBuzzerErrors() {
        try (Pi4jHardware real = sim(SampleSource.atRest())) {
            Hardware broken = new Hardware() {
                @Override public Imu imu() { return real.imu(); }
                @Override public Buzzer buzzer() {
                    return new Buzzer() {
                        @Override public void tone(int hz) { throw new DeviceException("pwm0: Permission denied"); }
                        @Override public void off() { }
                        @Override public void close() { }
                    };
                }
                @Override public String describe() { return "test"; }
                @Override public void close() { }
            };
            SelfTest.Result r = new SelfTest(time, time, 0.5).run(broken, out);
            assertFalse(r.passed());
            assertTrue(text().contains("FAIL  buzzer"), text());
            assertTrue(text().contains("Permission denied"), text());
        }
    }

    @Test
    void anOpenFailureIsLabelledByTheDeviceItIsAbout() {
        SelfTest.Result r = new SelfTest(time, time, 1.0).run(() -> {
            throw DeviceException.of("buzzer", "no /sys/class/pwm/pwmchip0: add dtoverlay=pwm,pin=18,func=2 ...", null);
        }, out);
        assertFalse(r.passed());
        assertTrue(text().contains("FAIL  buzzer    no /sys/class/pwm/pwmchip0"), "a missing PWM chip is not an imu failure: " + text());
        assertTrue(text().endsWith("RESULT: FAIL" + System.lineSeparator()), text());
    }

    @Test
    void aNativeLibraryThatDoesNotLoadIsOneLineAndAResult() {
        SelfTest.Result r = new SelfTest(time, time, 1.0).run(() -> {
            throw new UnsatisfiedLinkError("no pi4j in java.library.path\n\tat a stack line");
        }, out);
        assertFalse(r.passed());
        assertEquals("backstep self test\n  FAIL  hardware  no pi4j in java.library.path\nRESULT: FAIL\n",
            text().replace(System.lineSeparator(), "\n"));
    }
}
