package org.backstep.app;

import java.io.PrintWriter;
import org.backstep.coach.Coach;
import org.backstep.coach.CoachListener;
import org.backstep.coach.CoachSettings;
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
        boolean[] ready = {false};
        // The coach takes the upright reference once the wearer stands still, as at every start.
        Coach coach = new Coach(CoachSettings.defaults(), null, rate, new CoachListener() {
            @Override
            public void alert(org.backstep.event.AlertEvent alert) {
            }

            @Override
            public void uprightReferenceTaken(double t) {
                ready[0] = true;
            }
        });
        SamplingLoop loop = SamplingLoop.builder(hw.imu(), (t, ax, ay, az, gx, gy, gz) -> {
            if (!ready[0]) coach.sample(t, ax, ay, az, gx, gy, gz);
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
}
