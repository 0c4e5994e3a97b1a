package org.backstep.hw;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.pi4j.Pi4jHardware;
import org.backstep.hw.sim.SampleSource;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 1: sensor faults injected into the register-level chip, seen through Pi4J by the real
 * driver and the sampling loop, on fake time: a power-on reset, a FIFO count stuck at one frame, and an
 * unplugged then replugged chip. Each is detected, re-initialised, told once per episode, and its gap
 * measured; stream time stays with real time.
 */
class SensorFaultTest {
    private static final long MS = 1_000_000L;
    private static final int POLL_MS = 100;

    private final FakeTime time = new FakeTime();
    private final SimulatedMpu6050 chip = new SimulatedMpu6050(SampleSource.atRest(), time::seconds);
    private final Pi4jHardware hw = Pi4jHardware.simulated(Mpu6050Settings.builder().rateHz(100).build(), chip, time, time);
    private final ToldFaults faults = new ToldFaults();
    private final List<String> told = faults.told;
    private final List<Long> gaps = faults.gaps;
    private final List<Long> beats = new ArrayList<>();
    private final List<Long> reinitTries = new ArrayList<>();
    private double lastT = -1;
    private double lastSampleClock;
    private boolean fakeFrame;

    private final SamplingLoop loop = SamplingLoop.builder(hw.imu(), (t, ax, ay, az, gx, gy, gz) -> {
        lastT = t;
        lastSampleClock = time.seconds();
        if (ax == ay && ay == az && az == gx) fakeFrame = true;   // what twelve equal bytes decode to
    }).intervalMs(POLL_MS).maxBackoffMs(2000).clock(time).sleeper(time)
        .heartbeat(now -> beats.add(now))
        .faults(faults).build();

    @AfterEach
    void close() {
        hw.close();
    }

    /** Runs the loop on fake time for {@code seconds}, sleeping as it asks. */
    private void run(double seconds) {
        double end = time.seconds() + seconds;
        while (time.seconds() < end) {
            long reinitsBefore = loop.reinitializations() + loop.imuErrors();
            long wait = loop.pollOnce();
            if (loop.faultCause() != null && loop.reinitializations() + loop.imuErrors() > reinitsBefore) {
                reinitTries.add(time.nanoTime());
            }
            time.sleepNanos(wait);
        }
    }

    private void assertStreamTimeFollowsTheClock() {
        // stream time starts at the first poll (t = 0 at clock ~0.13 s, after the reset waits of open)
        assertEquals(lastSampleClock - 0.13, lastT, 0.15, "stream time stays with real time across the gap");
    }

    @Test
    void aPowerOnResetIsDetectedReinitialisedToldOnceAndTheGapMeasured() {
        run(2);
        long before = loop.samples();
        assertTrue(before >= 180, "samples flow: " + before);
        double resetAt = time.seconds();
        chip.powerOnReset();
        run(3);
        assertEquals(1, loop.episodes());
        assertEquals(2, told.size(), told.toString());
        assertTrue(told.get(0).startsWith("reset: configuration lost (USER_CTRL 0x00 (want 0x40), PWR_MGMT_1 0x40 (want 0x01), SMPLRT_DIV 0x00 (want 0x09)"),
            told.get(0));
        assertEquals("recovered reset", told.get(1));
        assertNull(loop.faultCause());
        assertEquals(1, loop.reinitializations());
        double gap = gaps.get(0) / 1e9;
        assertTrue(gap > 0.2 && gap < 0.6, "resumed within two poll windows, the reset wait and one window: " + gap + " s");
        assertTrue(loop.samples() - before >= 240, "counting resumed: " + (loop.samples() - before));
        assertTrue(lastSampleClock > resetAt + 2.5);
        assertStreamTimeFollowsTheClock();
        assertTrue(hw.imu().lostSamples() >= 20, "the gap is counted as lost: " + hw.imu().lostSamples());
    }

    @Test
    void aFifoCountStuckAtOneFrameDeliversNoRepeatedFramesAndIsReset() {
        run(1);
        chip.stickFifoCount(true);
        run(2);
        assertFalse(fakeFrame, "no frame of the empty FIFO reached the pipeline");
        assertEquals(1, loop.episodes());
        assertTrue(told.get(0).startsWith("stuck: MPU-6050 on i2c bus 1 address 0x68: FIFO count stuck at 12 bytes"), told.get(0));
        assertEquals("recovered stuck", told.get(1));
        assertTrue(gaps.get(0) < 600 * MS, "gap " + gaps.get(0) / 1e6 + " ms");
        assertTrue(loop.samples() >= 250, "samples " + loop.samples());
        assertStreamTimeFollowsTheClock();
    }

    @Test
    void anUnpluggedChipIsRetriedAtMostTwoSecondsApartAndResumesWhenReplugged() {
        run(1);
        chip.unplug();
        run(20);
        assertEquals(1, loop.episodes(), "one episode however long the outage");
        assertEquals(1, told.size(), "told once: " + told);
        assertTrue(told.get(0).startsWith("bus: 5 failed reads in a row, last: i2c bus 1 address 0x68"), told.get(0));
        assertTrue(told.get(0).endsWith("Remote I/O error"), "the errno text survives Pi4J: " + told.get(0));
        assertTrue(reinitTries.size() >= 10, "re-initialisation tries: " + reinitTries.size());
        for (int i = 1; i < reinitTries.size(); i++) {
            assertTrue(reinitTries.get(i) - reinitTries.get(i - 1) <= 2000 * MS, "tries at most 2 s apart");
        }
        long lastBeat = beats.get(beats.size() - 1);
        assertTrue(time.nanoTime() - lastBeat <= 2100 * MS, "the loop stays alive for the watchdog while it retries");
        chip.replug();
        run(3);
        assertEquals(List.of("recovered bus"), told.subList(1, told.size()));
        double gap = gaps.get(0) / 1e9;
        assertTrue(gap > 20 && gap < 23, "the gap spans the outage and at most one back-off: " + gap);
        assertTrue(lastSampleClock > time.seconds() - 0.2);
        assertStreamTimeFollowsTheClock();
        chip.powerOnReset();
        run(2);
        assertEquals(2, loop.episodes(), "a new fault is a new episode, told again");
        assertEquals(4, told.size(), told.toString());
    }

    @Test
    void aSlowStartLosesNothing() {
        time.advanceSeconds(2.0);      // the service loads the journal and classes before the first read
        run(1);
        assertEquals(0, hw.imu().lostSamples(), "the FIFO starts at the first read, not at open");
        assertEquals(0, loop.episodes());
        assertEquals(90, loop.samples(), 2);
    }

    @Test
    void aChipThatStopsSamplingWithItsConfigurationIntactIsStalledAndReset() {
        run(1);
        chip.stopClock();
        run(2);
        assertEquals(1, loop.episodes());
        assertTrue(told.get(0).startsWith("stalled: no samples for 300 ms although the configuration reads back right"), told.get(0));
        assertEquals("recovered stalled", told.get(1));
        assertTrue(gaps.get(0) < 600 * MS, "gap " + gaps.get(0) / 1e6 + " ms");
        assertStreamTimeFollowsTheClock();
    }
}
