package org.backstep.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
            hw = Pi4jHardware.open(cfg.imu(), cfg.imuSelection(), cfg.buzzer());
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
        systemd.ready("counting steps; " + hw.describe());    // the sensor is configured and the loop runs
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Logger.info("stopping");
            systemd.stopping();
            shutdown(device, store, player, hw);
            systemd.close();
            stopped.countDown();
        }, "backstep-shutdown"));
        Logger.info("running; stop with SIGTERM");
        stopped.await();
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
