package org.backstep.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backstep.gait.Mounting;
import org.backstep.hw.NanoClock;
import org.backstep.hw.Sleeper;
import org.backstep.hw.buzzer.PatternPlayer;
import org.backstep.hw.buzzer.Patterns;
import org.backstep.hw.pi4j.Pi4jHardware;
import org.backstep.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code calibrate}: learns how the device is clipped on. Stand still until the beep, then walk
 * forward about ten steps and stop. The result goes to {@code <state-dir>/mounting.properties}
 * and the journal; the service uses it from its next start (stop the service while calibrating:
 * both would read the same FIFO).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Learn the mounting: stand still until the beep, then walk forward about ten steps and stop. Stop the service first.")
final class CalibrateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "90", description = "Give up after this many seconds (default ${DEFAULT-VALUE}).")
    double timeoutS;

    private final PrintWriter out;
    private final PrintWriter err;

    CalibrateCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        AppConfig cfg = common.load();
        try (Store store = Store.open(common.stateDir, cfg.store()); // first: refused while the service runs
             Pi4jHardware hw = Pi4jHardware.open(cfg.imu(), cfg.imuSelection(), cfg.buzzer());
             PatternPlayer player = new PatternPlayer(new TunedBuzzer(hw.buzzer(), cfg.toneHz())).start()) {
            Mounting m = Calibration.run(hw, cfg.pollMs(), timeoutS, out, PatternSink.of(player), NanoClock.SYSTEM, Sleeper.SYSTEM);
            return save(m, store, PatternSink.of(player));
        }
    }

    /** Saves a usable result (journal and state file) and says so; returns the exit status. */
    int save(Mounting m, Store store, PatternSink beeps) throws IOException {
        if (m == null) {
            beeps.play(Patterns.EXPORT_FAILED, Patterns.PRIORITY_STATUS);
            err.println("calibrate: no clear forward walk of " + Calibration.STEPS + " steps; nothing saved (imu.forward_axis stays in use)");
            err.flush();
            return 1;
        }
        MountingFile.write(common.stateDir, m, Instant.now());
        store.calibrated(Map.of("forward_x", m.forward()[0], "forward_y", m.forward()[1], "forward_z", m.forward()[2],
                "nearest_axis", m.nearestAxis().label(), "quality", m.quality(), "steps", m.steps()));
        beeps.play(Patterns.READY, Patterns.PRIORITY_READY);
        out.println("calibrate: " + m);
        out.println("calibrate: saved to " + MountingFile.path(common.stateDir) + "; it overrides imu.forward_axis from the next start");
        out.flush();
        return 0;
    }
}
