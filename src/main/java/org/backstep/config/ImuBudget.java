package org.backstep.config;

/**
 * What the MPU-6050's FIFO and the step-latency budget allow for {@code imu.poll_ms}, and the poll period
 * derived from them when the key is {@code auto}. The configuration schema is the one place that knows
 * this; the sampling loop only asserts that its interval is positive.
 */
public final class ImuBudget {
    /** FIFO size, bytes (MPU-6050 PS §7.17 and RM §4.31 FIFO_COUNT). */
    public static final int FIFO_BYTES = 1024;
    /** One FIFO frame: accelerometer and gyroscope, six 16-bit words (RM §4.6 FIFO_EN, no temperature). */
    public static final int FRAME_BYTES = 12;
    /**
     * Frames a poll may find waiting: half the FIFO (42), so one poll late by a whole period (a GC pause,
     * a slow fsync on the same core) still fits before the chip drops the oldest bytes.
     */
    public static final int FRAMES_PER_POLL = FIFO_BYTES / FRAME_BYTES / 2;
    /** The MPU-6500 and MPU-9250 FIFO, bytes (PS-MPU-6500A-01, FIFO: 512 bytes); the ST chips' FIFOs hold more than the MPU-6050's. */
    public static final int SMALL_FIFO_BYTES = 512;
    /** {@link #FRAMES_PER_POLL} for the MPU-6500's FIFO: 21. */
    public static final int SMALL_FIFO_FRAMES_PER_POLL = SMALL_FIFO_BYTES / FRAME_BYTES / 2;
    /** The step latency target, p95 (README, accuracy table). */
    static final double STEP_LATENCY_P95_BUDGET_S = 0.6;
    /**
     * The gait engine's own step latency, p95 over the evaluation recordings replayed without polling
     * (README, accuracy table: 0.54 s as recorded, 0.55 s with the sensor turned or at 50 Hz).
     */
    static final double GAIT_LATENCY_P95_S = 0.55;
    /**
     * How much of a poll period the p95 latency gains: a poll delays each report by a time spread
     * evenly over its period, so the p95 of the sum rises by about half the period, not all of it. On
     * the evaluation recordings' latencies (p95 0.540 s) with such a delay added: 0.567, 0.579, 0.592
     * and 0.620 s at 50, 70, 100 and 150 ms, 0.52 to 0.56 of the period; the largest share is taken.
     */
    static final double POLL_P95_SHARE = 0.56;
    /** Shortest poll period allowed: below it the wake-ups cost more than they buy. */
    public static final int MIN_POLL_MS = 5;
    /** Longest poll period a user may set (the FIFO rule is usually tighter). */
    public static final int MAX_POLL_MS = 200;

    private ImuBudget() {
    }

    /** Longest poll period at which a poll finds at most {@link #FRAMES_PER_POLL} frames, ms. */
    public static int maxPollMs(double rateHz) {
        return maxPollMs(rateHz, "mpu6050");
    }

    /**
     * Frames a poll may find with {@code imu.chip}: half the MPU-6500's FIFO when the chip may be one
     * ({@code auto}, {@code mpu6500}, {@code mpu9250}), else half the MPU-6050's.
     */
    public static int framesPerPoll(String chip) {
        return smallFifo(chip) ? SMALL_FIFO_FRAMES_PER_POLL : FRAMES_PER_POLL;
    }

    static boolean smallFifo(String chip) {
        return chip.equals("auto") || chip.equals("mpu6500") || chip.equals("mpu9250");
    }

    /** Longest poll period at which a poll finds at most {@link #framesPerPoll(String)} frames, ms. */
    public static int maxPollMs(double rateHz, String chip) {
        return (int) Math.floor(framesPerPoll(chip) * 1000.0 / rateHz);
    }

    /**
     * The poll period for {@code imu.poll_ms = auto}: as rarely as the latency budget allows (89 ms;
     * 11 wake-ups a second), and never longer than the FIFO budget at {@code rateHz}, ms.
     */
    public static int defaultPollMs(double rateHz) {
        return defaultPollMs(rateHz, "mpu6050");
    }

    /** {@link #defaultPollMs(double)} within the FIFO budget of {@code imu.chip}, ms. */
    public static int defaultPollMs(double rateHz, String chip) {
        int latencyMs = (int) Math.floor((STEP_LATENCY_P95_BUDGET_S - GAIT_LATENCY_P95_S) / POLL_P95_SHARE * 1000 + 1e-6);
        return Math.max(MIN_POLL_MS, Math.min(latencyMs, maxPollMs(rateHz, chip)));
    }

    /** The poll period a configuration asks for, {@code auto} resolved, ms. */
    public static int pollMs(Config c) {
        int poll = c.get(Keys.IMU_POLL_MS);
        return poll == Keys.AUTO ? defaultPollMs(c.get(Keys.IMU_RATE_HZ), c.get(Keys.IMU_CHIP)) : poll;
    }
}
