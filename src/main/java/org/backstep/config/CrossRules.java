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
        int maxPoll = ImuBudget.maxPollMs(rate);
        if (poll != Keys.AUTO && poll > maxPoll) {
            throw new ConfigException(Keys.IMU_POLL_MS.name(), Keys.IMU_POLL_MS.name() + " = " + poll
                    + ": must be at most " + maxPoll + " at imu.rate_hz = " + rate + " (half the MPU-6050 FIFO)");
        }
    }
}
