package org.backstep.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backstep.config.Config;
import org.backstep.event.Direction;
import org.backstep.hw.NanoClock;
import org.backstep.hw.Sleeper;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.pi4j.Pi4jHardware;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Simulation;
import org.backstep.store.Store;
import org.backstep.store.TimeSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the service loop of {@code run} on any machine. The simulated MPU-6050 sits behind
 * Pi4J's I2C like the real chip and is fed by the gait simulator's scripted walk; the buzzer is the
 * console; state goes to a temporary folder; time runs {@code --speed} times faster.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the device loop on a simulated IMU: standing, a forward stretch, then enough backward steps to pass the daily target.")
final class DemoCommand implements Callable<Integer> {
    private static final int MIN_POLL_MS = 5;
    private static final int FIFO_FRAMES_PER_POLL = 30;

    @Option(names = "--speed", defaultValue = "25",
            description = "Times faster than real time (default ${DEFAULT-VALUE}); at most 60 at 100 Hz, where the FIFO must be read every 5 ms.")
    double speed;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated walk (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: config/backstep.properties if present, else built-in defaults; the buzzer is always the console).")
    Path config;

    private final PrintWriter out;
    private final PrintWriter err;

    DemoCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        AppConfig cfg = config != null ? AppConfig.load(config)
                : Files.isRegularFile(AppConfig.LOCAL_FILE) ? AppConfig.load(AppConfig.LOCAL_FILE) : AppConfig.of(Config.defaults());
        Mpu6050Settings imu = cfg.imu();
        // the FIFO holds 85 frames; read it when at most 30 are waiting, and no faster than every 5 ms
        double maxSpeed = Math.floor(FIFO_FRAMES_PER_POLL * 1000.0 / (imu.rateHz() * MIN_POLL_MS));
        if (!(speed >= 1 && speed <= maxSpeed)) {
            err.printf(Locale.ROOT, "demo: --speed %s must be from 1 to %.0f at %d Hz%n", speed, maxSpeed, imu.rateHz());
            return 2;
        }
        Simulation sim = Scenarios.demo(seed, imu.rateHz(), cfg.forwardAxis()).run();
        Path state = Files.createTempDirectory("backstep-demo-");
        out.printf(Locale.ROOT, "backstep demo: %.0f s scripted walk (%d forward, %d backward true steps), %gx real time%n",
                sim.duration(), sim.truth().count(Direction.FORWARD), sim.truth().count(Direction.BACKWARD), speed);
        out.println("state directory: " + state);
        long start = System.nanoTime();
        DemoClock clock = new DemoClock(speed);
        SimulatedMpu6050 chip = new SimulatedMpu6050(new SimulationSource(sim), clock);
        int pollMs = (int) Math.max(MIN_POLL_MS, Math.min(cfg.pollMs(), FIFO_FRAMES_PER_POLL * 1000.0 / (imu.rateHz() * speed)));
        int target = cfg.store().target();
        try (Pi4jHardware hw = Pi4jHardware.simulated(imu, chip);
             Store store = Store.open(state, cfg.store(), TimeSource.host(cfg.zone()))) {
            DemoConsole console = new DemoConsole(out, target);
            clock.accelerate();
            Device device = Device.start(cfg, null, hw, store, console, console, NanoClock.SYSTEM, Sleeper.SYSTEM, pollMs, null, cfg.zone());
            while (!chip.exhausted()) Thread.sleep(20);
            Thread.sleep(pollMs * 3L);
            device.close();
            double wall = (System.nanoTime() - start) / 1e9;
            out.println();
            out.printf(Locale.ROOT, "demo finished: %.0f s of walking in %.1f s%n", sim.duration(), wall);
            out.printf(Locale.ROOT, "steps: %d forward (true %d), %d backward (true %d)%n",
                    device.steps(Direction.FORWARD), sim.truth().count(Direction.FORWARD),
                    device.steps(Direction.BACKWARD), sim.truth().count(Direction.BACKWARD));
            out.printf(Locale.ROOT, "daily target %d: %s; target pattern played %d time(s)%n", target,
                    Double.isNaN(console.targetAt) ? "not reached" : String.format(Locale.ROOT, "reached at %.1f s", console.targetAt),
                    console.patternsPlayed.getOrDefault("target", 0));
            out.println("alerts: " + (console.alerts.isEmpty() ? "none" : console.alerts.toString().toLowerCase(Locale.ROOT)));
            out.println("samples read " + device.loop().samples() + ", I/O errors " + device.loop().imuErrors()
                    + ", lost in the FIFO " + hw.imu().lostSamples());
            store.flush();
            out.println("journal: today " + store.today().backward() + " backward, " + store.today().forward() + " forward steps");
            out.println("see it: java -jar target/backstep.jar report --state-dir " + state + " report.html");
            out.flush();
            return 0;
        }
    }
}
