package org.backstep.app;

import static org.backstep.hw.mpu6050.Mpu6050Registers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backstep.hw.sim.SampleSource;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.junit.jupiter.api.Test;

/**
 * The demo's chip sampling on its own thread: on the demo's clock over a fake wall clock, the feed runs
 * in the middle of each of the loop's sleeps (the fake sleeper calls it there), and the loop's bus
 * transactions then read exactly the bytes a chip that only its transactions ran on gives.
 */
class ChipFeederTest {
    private static final int POLL_MS = 89;
    private long wallNanos = 3_000_000_000L;
    private Runnable midSleep = () -> { };

    /** A walk-like signal: every axis moves, so a sample out of place would show. */
    private static final SampleSource WAVES = (t, out) -> {
        for (int k = 0; k < 6; k++) out[k] = (k < 3 ? 6 : 2) * Math.sin(2 * Math.PI * (0.7 + 0.3 * k) * t) + (k == 2 ? 9.8 : 0);
        return true;
    };

    private static void configure(SimulatedMpu6050 chip) {
        chip.write(PWR_MGMT_1, 0x01);                           // awake, gyro X clock
        chip.write(CONFIG, 1);                                  // DLPF on: 1 kHz gyro output rate
        chip.write(SMPLRT_DIV, 9);                              // 100 Hz
        chip.write(FIFO_EN, FIFO_EN_SELECTION);
        chip.write(USER_CTRL, USER_CTRL_FIFO_EN | USER_CTRL_FIFO_RESET);
    }

    /** A poll as the driver makes it: the count (high byte latches the low), then one burst of whole frames. */
    private static byte[] poll(SimulatedMpu6050 chip) {
        int count = (chip.read(FIFO_COUNTH) << 8) | chip.read(FIFO_COUNTH + 1);
        byte[] frames = new byte[count - count % FRAME_BYTES];
        chip.read(FIFO_R_W, frames, 0, frames.length);
        return frames;
    }

    @Test
    void theLoopReadsTheSameBytesWhetherTheChipWasFedOrNot() {
        DemoTime time = new DemoTime(1, () -> wallNanos, n -> {
            wallNanos += n / 2;
            midSleep.run();
            wallNanos += n - n / 2;
        }, 1_800_000_000_000L);
        SimulatedMpu6050 fed = new SimulatedMpu6050(WAVES, time);
        SimulatedMpu6050 alone = new SimulatedMpu6050(WAVES, time);
        configure(fed);
        configure(alone);
        ChipFeeder feeder = new ChipFeeder(fed, time, POLL_MS, null);
        long[] nap = {0};
        midSleep = () -> nap[0] = feeder.feedOnce();
        time.startPacing();
        int frames = 0;
        for (int i = 0; i < 60; i++) {
            time.sleepNanos(POLL_MS * 1_000_000L);
            assertEquals(time.getAsDouble(), fed.time(), "fed in the sleep to its end, before the loop's transactions");
            assertEquals(POLL_MS * 1_000_000L, nap[0], "the next feed half a poll into the next sleep");
            byte[] a = poll(fed);
            byte[] b = poll(alone);
            assertArrayEquals(b, a, "poll " + i);
            frames += a.length / FRAME_BYTES;
        }
        assertTrue(frames >= 530, "about 100 Hz for 5.3 s: " + frames);
        assertEquals(alone.samplesTaken(), fed.samplesTaken());
    }

    @Test
    void aLoopLateForItsPollLeavesNothingToFeedAndTheFeederNapsHalfAPoll() {
        DemoTime time = new DemoTime(2, () -> wallNanos, n -> wallNanos += n, 1_800_000_000_000L);
        SimulatedMpu6050 chip = new SimulatedMpu6050(WAVES, time);
        configure(chip);
        ChipFeeder feeder = new ChipFeeder(chip, time, POLL_MS, null);
        time.startPacing();
        time.sleepNanos(POLL_MS * 1_000_000L);
        feeder.feedOnce();
        long taken = chip.samplesTaken();
        wallNanos += 500_000_000L;                              // the loop has not slept again yet: demo time stands
        assertEquals(POLL_MS * 1_000_000L / 2 / 2, feeder.feedOnce(), "half a poll at 2x");
        assertEquals(taken, chip.samplesTaken());
    }
}
