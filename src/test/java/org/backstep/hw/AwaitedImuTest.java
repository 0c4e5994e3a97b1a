package org.backstep.hw;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.backstep.core.ImuSink;
import org.junit.jupiter.api.Test;

/** An IMU awaited from the start: retried until it answers, refused when it runs at another rate than the pipeline's. */
class AwaitedImuTest {
    /** A driver that delivers one sample per drain at {@code rate}. */
    private static Imu driver(double rate, List<String> closed) {
        return new Imu() {
            @Override
            public int drain(ImuSink sink) {
                sink.sample(0, 0, 0, 1, 0, 0, 0);
                return 1;
            }

            @Override
            public double sampleRateHz() {
                return rate;
            }

            @Override
            public long lostSamples() {
                return 0;
            }

            @Override
            public void close() {
                closed.add("closed " + rate);
            }
        };
    }

    @Test
    void theLoopRetriesUntilTheChipAnswersThenSamplesFlow() {
        FakeTime time = new FakeTime();
        List<String> closed = new ArrayList<>();
        int[] attempts = {0};
        AwaitedImu imu = new AwaitedImu(() -> {
            if (++attempts[0] < 4) throw new DeviceException("Remote I/O error");
            return driver(100, closed);
        }, 100, "nothing at 0x68");
        ToldFaults faults = new ToldFaults();
        SamplingLoop loop = SamplingLoop.builder(imu, (t, ax, ay, az, gx, gy, gz) -> { }).intervalMs(20).clock(time).sleeper(time)
            .faults(faults).build();
        for (int i = 0; i < 20; i++) time.sleepNanos(loop.pollOnce());
        assertEquals(4, attempts[0], "tries until it answers, then no more");
        assertEquals(List.of("absent: nothing at 0x68", "recovered absent"), faults.told);
        assertEquals(List.of(140_000_000L), faults.gaps, "tries at 0, 20, 60, 140 ms (doubling back-off); samples at once after the fourth");
        assertNull(imu.missing());
        assertEquals(1, loop.episodes());
        assertTrue(loop.samples() > 10);
        imu.close();
        assertEquals(List.of("closed 100.0"), closed);
    }

    @Test
    void aChipAtAnotherRateIsClosedAndRefused() {
        List<String> closed = new ArrayList<>();
        AwaitedImu imu = new AwaitedImu(() -> driver(104, closed), 100, "nothing at 0x6a");
        DeviceException e = assertThrows(DeviceException.class, imu::reinitialize);
        assertEquals("the IMU that answered runs at 104.0 Hz, but the service started at 100.0 Hz while waiting for it; restarting",
            e.getMessage());
        assertEquals(e.getMessage(), imu.refusal());
        assertEquals(List.of("closed 104.0"), closed);
        assertNotNull(imu.missing(), "still missing: the pipeline cannot take it");
        assertThrows(DeviceException.class, imu::reinitialize, "refused for good: run exits and restarts");
        assertEquals(1, closed.size(), "not opened again");
    }

    @Test
    void hoursOfRetriesThroughPi4jLeaveNoHandleBehind() {
        FakeTime time = new FakeTime();
        org.backstep.hw.sim.SimulatedMpu6050 chip = new org.backstep.hw.sim.SimulatedMpu6050(
            org.backstep.hw.sim.SampleSource.atRest(), time::seconds);
        chip.unplug();
        try (org.backstep.hw.pi4j.Pi4jHardware hw = org.backstep.hw.pi4j.Pi4jHardware.simulated(
                org.backstep.hw.mpu6050.Mpu6050Settings.defaults(), chip, time, time, true)) {
            int registered = hw.context().registry().all().size();
            SamplingLoop loop = SamplingLoop.builder(hw.imu(), (t, ax, ay, az, gx, gy, gz) -> { }).intervalMs(10)
                .maxBackoffMs(20).clock(time).sleeper(time).build();
            while (time.seconds() < 100) time.sleepNanos(loop.pollOnce());
            assertTrue(loop.imuErrors() > 4000, "retried every 20 ms: " + loop.imuErrors());
            assertEquals(registered, hw.context().registry().all().size(), "each retry's I2C handle left the registry");
            chip.replug();
            while (time.seconds() < 101) time.sleepNanos(loop.pollOnce());
            assertNull(loop.faultCause());
            assertEquals(registered + 1, hw.context().registry().all().size(), "the driver's own handle");
        }
    }
}
