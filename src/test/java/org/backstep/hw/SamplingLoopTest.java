package org.backstep.hw;

import static org.junit.jupiter.api.Assertions.*;

import org.backstep.hw.mpu6050.Mpu6050;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.sim.SampleSource;
import org.backstep.hw.sim.SimulatedI2cDevice;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.junit.jupiter.api.Test;

/** The loop around the real driver and the simulated chip, on fake time. */
class SamplingLoopTest {
    private static final long MS = 1_000_000L;

    private final FakeTime time = new FakeTime();
    private final SimulatedMpu6050 chip = new SimulatedMpu6050(SampleSource.atRest(), time::seconds);
    private final Mpu6050 imu = Mpu6050.open(new SimulatedI2cDevice(chip, 1, 0x68),
        Mpu6050Settings.builder().rateHz(100).build(), time, time);
    private long delivered;

    private SamplingLoop loop(ImuSinkCounter sink) {
        return SamplingLoop.builder(imu, sink).intervalMs(20).maxBackoffMs(200).failuresBeforeReinit(5)
            .clock(time).sleeper(time).build();
    }

    /** Counts samples, optionally throwing. */
    private final class ImuSinkCounter implements org.backstep.core.ImuSink {
        boolean fail;

        @Override
        public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
            delivered++;
            if (fail) throw new IllegalStateException("bug downstream");
        }
    }

    @Test
    void pollsAtTheConfiguredInterval() {
        SamplingLoop l = loop(new ImuSinkCounter());
        for (int i = 0; i < 50; i++) {
            long wait = l.pollOnce();
            assertEquals(20 * MS, wait);
            time.sleepNanos(wait);
        }
        assertEquals(98, l.samples(), 2);   // 1 s at 100 Hz
        assertEquals(l.samples(), delivered);
        assertEquals(0, imu.lostSamples());
    }

    @Test
    void backsOffAndReinitialisesAfterRepeatedFailuresThenRecovers() {
        SamplingLoop l = loop(new ImuSinkCounter());
        l.pollOnce();
        time.advanceSeconds(0.1);
        assertEquals(20 * MS, l.pollOnce());
        assertEquals(10, l.samples(), 1);
        chip.failNextTransactions(5);     // each failing poll costs one transaction
        long[] waits = new long[5];
        for (int i = 0; i < 5; i++) {
            waits[i] = l.pollOnce();
            time.sleepNanos(waits[i]);
        }
        assertArrayEquals(new long[] {40 * MS, 80 * MS, 160 * MS, 200 * MS, 20 * MS}, waits,
            "back-off after each failure; the 5th re-initialises at once, then one poll interval");
        assertEquals(5, l.imuErrors());
        assertEquals(1, l.reinitializations(), "re-initialised on the 5th failure");
        assertEquals("bus", l.faultCause(), "an episode is under way until samples come");
        assertEquals(5L, l.errorCounts().get("IMU: DeviceException"));
        time.advanceSeconds(0.1);
        assertEquals(20 * MS, l.pollOnce());
        assertEquals(22, l.samples(), 1, "the re-initialisation restarted the FIFO: 20 ms then 100 ms of samples, nothing of the back-off");
        assertNull(l.faultCause());
        assertEquals(1, l.episodes());
        assertTrue(imu.lostSamples() > 0, "the outage is accounted as lost samples");
    }

    @Test
    void sinkExceptionsAreContainedAndDoNotResetTheImu() {
        ImuSinkCounter sink = new ImuSinkCounter();
        sink.fail = true;
        SamplingLoop l = loop(sink);
        l.pollOnce();                    // starts the FIFO
        time.advanceSeconds(0.1);
        assertEquals(20 * MS, l.pollOnce());
        assertEquals(10, l.sinkErrors());
        assertEquals(10, l.samples(), "drain carried on through the failures");
        assertEquals(0, l.imuErrors());
        assertEquals(0, l.reinitializations());
    }

    @Test
    void ownThreadRunsAndStops() {
        long[] ticks = {0};
        SamplingLoop l = SamplingLoop.builder(imu, new ImuSinkCounter()).intervalMs(10)
            .clock(time).sleeper(n -> {
                time.sleepNanos(n);
                Thread.onSpinWait();
            }).afterPoll(now -> ticks[0]++).build();
        l.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (l.samples() < 200 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertTrue(l.running());
        l.close();
        assertFalse(l.running());
        assertTrue(l.samples() >= 200, "samples " + l.samples());
        assertTrue(ticks[0] > 0);
        l.close();
    }

    @Test
    void badIntervalIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SamplingLoop.builder(imu, new ImuSinkCounter()).intervalMs(0));
        assertEquals("poll interval must be positive, not 0 ms", e.getMessage(),
            "the configuration schema checks imu.poll_ms; the loop only asserts");
        assertThrows(IllegalArgumentException.class, () -> SamplingLoop.builder(imu, new ImuSinkCounter()).maxBackoffMs(2001),
            "re-initialisation tries are never more than 2 s apart");
    }
}
