package org.backstep.app;

import java.io.PrintWriter;
import org.backstep.gait.Mounting;
import org.backstep.gait.MountingCalibrator;
import org.backstep.hw.Hardware;
import org.backstep.hw.NanoClock;
import org.backstep.hw.SamplingLoop;
import org.backstep.hw.Sleeper;
import org.backstep.hw.buzzer.Patterns;

/**
 * The {@code calibrate} procedure on live (or simulated) hardware: stand still until the ready
 * beep, then walk forward about ten steps and stop. Returns the learned mounting, or {@code null}
 * when the walk was too short or ambiguous.
 */
final class Calibration {
    static final int STEPS = 10;

    private Calibration() {
    }

    static Mounting run(Hardware hw, int pollMs, double timeoutS, PrintWriter out, PatternSink beeps,
                        NanoClock clock, Sleeper sleeper) {
        double rate = hw.imu().sampleRateHz();
        MountingCalibrator cal = new MountingCalibrator(rate);
        Stillness still = new Stillness(rate);
        boolean[] ready = {false};
        SamplingLoop loop = SamplingLoop.builder(hw.imu(), (t, ax, ay, az, gx, gy, gz) -> {
            if (!ready[0] && still.update(ax, ay, az, gx, gy, gz)) ready[0] = true;
            if (ready[0]) cal.sample(t, ax, ay, az, gx, gy, gz);
        }).intervalMs(pollMs).clock(clock).sleeper(sleeper).build();
        out.println("calibrate: stand still and upright");
        out.flush();
        long start = clock.nanoTime();
        boolean said = false;
        int lastSteps = 0;
        long lastStepAt = 0;
        try {
            while ((clock.nanoTime() - start) / 1e9 < timeoutS) {
                loop.pollOnce();
                if (ready[0] && !said) {
                    beeps.play(Patterns.READY, Patterns.PRIORITY_READY);
                    out.println("calibrate: now walk forward about " + STEPS + " steps, then stop");
                    out.flush();
                    said = true;
                }
                int s = cal.steps();
                if (s != lastSteps) {
                    lastSteps = s;
                    lastStepAt = clock.nanoTime();
                }
                if (s >= STEPS && (clock.nanoTime() - lastStepAt) / 1e9 > 2.5) break;
                sleeper.sleepNanos(pollMs * 1_000_000L);
            }
        } finally {
            loop.close();
        }
        return cal.result();
    }

    /** Stillness: three seconds with the accelerometer magnitude steady and hardly any rotation. */
    static final class Stillness {
        private final int need;
        private int run;

        Stillness(double rate) {
            this.need = (int) Math.round(3 * rate);
        }

        boolean update(double ax, double ay, double az, double gx, double gy, double gz) {
            double a = Math.sqrt(ax * ax + ay * ay + az * az);
            double w = Math.sqrt(gx * gx + gy * gy + gz * gz);
            run = Math.abs(a - 9.81) < 0.6 && w < 0.15 ? run + 1 : 0;
            return run >= need;
        }
    }
}
