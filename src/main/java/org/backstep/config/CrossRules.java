package org.backstep.config;

/** Rules between keys, checked when a {@link Config} is built. */
final class CrossRules {
    /** The MPU-6050 FIFO holds 1024 bytes, 12 per accel+gyro sample; poll before it is half full. */
    static final int FIFO_SAMPLES_PER_POLL = 42;
    /**
     * The MPU-6500 and MPU-9250 FIFO holds 512 bytes: half of it is 21 samples. Unless imu.chip
     * says MPU-6050, the chip may be one of these (the ST chips' FIFO holds more).
     */
    static final int SMALL_FIFO_SAMPLES_PER_POLL = 21;

    private CrossRules() {
    }

    static void check(Config c) {
        int target = c.get(Keys.GOAL_TARGET_BACKWARD_STEPS);
        int limit = c.get(Keys.GOAL_LIMIT_BACKWARD_STEPS);
        if (limit < target) {
            throw new ConfigException(Keys.GOAL_LIMIT_BACKWARD_STEPS.name(), Keys.GOAL_LIMIT_BACKWARD_STEPS.name() + " = " + limit
                    + ": must be at least goal.target_backward_steps (" + target + ")");
        }
        int rate = c.get(Keys.IMU_RATE_HZ);
        int poll = c.get(Keys.IMU_POLL_MS);
        String chip = c.get(Keys.IMU_CHIP);
        boolean mpu6050 = chip.equals("mpu6050");
        int maxPoll = (mpu6050 ? FIFO_SAMPLES_PER_POLL : SMALL_FIFO_SAMPLES_PER_POLL) * 1000 / rate;
        if (poll > maxPoll) {
            throw new ConfigException(Keys.IMU_POLL_MS.name(), Keys.IMU_POLL_MS.name() + " = " + poll
                    + ": must be at most " + maxPoll + " at imu.rate_hz = " + rate
                    + (mpu6050 ? " (half the MPU-6050 FIFO)" : " (half the MPU-6500 FIFO; with imu.chip = mpu6050 up to "
                        + FIFO_SAMPLES_PER_POLL * 1000 / rate + ")"));
        }
        int address = c.get(Keys.IMU_ADDRESS);
        boolean st = chip.startsWith("lsm");
        if (address != Key.AUTO_ADDRESS && !chip.equals("auto") && (address >= 0x6a) != st) {
            throw new ConfigException(Keys.IMU_ADDRESS.name(), String.format(java.util.Locale.ROOT,
                    "%s = 0x%02x: imu.chip = %s answers at %s", Keys.IMU_ADDRESS.name(), address, chip,
                    st ? "0x6a or 0x6b" : "0x68 or 0x69"));
        }
    }
}
