package org.backstep.config;

/** Rules between keys, checked when a {@link Config} is built. */
final class CrossRules {
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
        int maxPoll = ImuBudget.maxPollMs(rate, chip);
        if (poll != Keys.AUTO && poll > maxPoll) {
            String why = !ImuBudget.smallFifo(chip) ? " (half the MPU-6050 FIFO)"
                    : chip.equals("auto") ? " (half the MPU-6500 FIFO, the smallest; with imu.chip = mpu6050 or an LSM up to "
                        + ImuBudget.maxPollMs(rate) + ")"
                    : " (half the MPU-6500 FIFO)";
            throw new ConfigException(Keys.IMU_POLL_MS.name(), Keys.IMU_POLL_MS.name() + " = " + poll
                    + ": must be at most " + maxPoll + " at imu.rate_hz = " + rate + why);
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
