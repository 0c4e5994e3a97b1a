package org.backstep.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.backstep.hw.NanoClock;
import org.backstep.hw.Sleeper;
import org.backstep.hw.buzzer.PatternPlayer;
import org.backstep.hw.pi4j.Pi4jHardware;
import org.backstep.store.Store;
import org.tinylog.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code run}: the device service on real hardware, until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the device service on the Raspberry Pi (until SIGTERM).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final PrintWriter err;

    RunCommand(PrintWriter err) {
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        AppConfig cfg = common.load();
        Logger.info("configuration from {}:", cfg.source());
        cfg.config().describe().forEach(line -> Logger.info("  {}", line));
        Files.createDirectories(common.stateDir);
        if (!Files.isWritable(common.stateDir)) {
            err.println("run: state directory " + common.stateDir + " is not writable");
            return 1;
        }
        Store store = Store.open(common.stateDir, cfg.store()); // first: a second service must not touch the chip
        Pi4jHardware hw;
        try {
            hw = Pi4jHardware.open(cfg.imu(), cfg.imuSelection(), cfg.buzzer(), true);   // an IMU unplugged at boot is awaited
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Logger.info("hardware: {}", hw.describe());
        PatternPlayer player = new PatternPlayer(new TunedBuzzer(hw.buzzer(), cfg.toneHz())).start();
        Device device;
        SdNotify systemd = SdNotify.fromEnvironment(System.getenv());
        try {
            device = Device.start(cfg, MountingFile.read(common.stateDir), hw, store, PatternSink.of(player), null,
                    NanoClock.SYSTEM, Sleeper.SYSTEM, cfg.pollMs(), systemd::watchdog, cfg.zone());
        } catch (RuntimeException e) {
            store.close();
            player.close();
            hw.close();
            throw e;
        }
        // READY=1: the journal is open and the sampling loop runs. The sensor is configured, or (unplugged at boot)
        // the loop is inside an `absent` fault episode, retrying with its back-off and feeding the watchdog.
        String missing = hw.imu().missing();
        systemd.ready(missing == null ? "counting steps; " + hw.describe() : "running, waiting for the IMU: " + missing);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Logger.info("stopping");
            systemd.stopping();
            shutdown(device, store, player, hw);
            systemd.close();
            stopped.countDown();
        }, "backstep-shutdown"));
        Logger.info("running; stop with SIGTERM");
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            String refused = hw.imuRefusal();
            if (refused != null) {               // a restart builds the pipeline for the chip now present
                err.println("run: " + refused);
                return 1;                        // System.exit runs the shutdown hook, which closes everything
            }
        }
        return 0;
    }

    /** Closes in dependency order: sampling first, then the journal, then the buzzer and the bus. */
    static void shutdown(Device device, Store store, PatternPlayer player, AutoCloseable hw) {
        try {
            device.close();
        } catch (RuntimeException e) {
            Logger.error(e, "closing the session");
        }
        try {
            store.close();
        } catch (IOException | RuntimeException e) {
            Logger.error(e, "closing the journal");
        }
        player.close();
        try {
            hw.close();
        } catch (Exception e) {
            Logger.error(e, "closing the hardware");
        }
    }
}
