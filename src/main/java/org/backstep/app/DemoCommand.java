package org.backstep.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backstep.config.Config;
import org.backstep.event.Direction;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.pi4j.Pi4jHardware;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.backstep.sim.Scenarios;
import org.backstep.sim.SimulationStream;
import org.backstep.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the service loop of {@code run} on any machine. The simulated MPU-6050 sits behind
 * Pi4J's I2C like the real chip and is fed by the gait simulator's scripted walk; the buzzer is the
 * console; state goes to a temporary folder or {@code --state-dir}. Everything, chip and journal, runs on
 * the demo's own clock ({@link DemoTime}), paced at {@code --speed} times real time.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the device loop on a simulated IMU: standing, a forward stretch, then enough backward steps to pass the daily target.")
final class DemoCommand implements Callable<Integer> {
    /** Fastest pace offered: beyond it even an idle PC spends more time in the loop than the pace allows. */
    private static final double MAX_SPEED = 200;
    /**
     * How far behind its pace a demo may fall before it says it could not keep up: a quarter of the
     * planned run plus half a second for the JVM warming up.
     */
    private static final double KEEP_UP_SLACK = 0.25;
    private static final double KEEP_UP_GRACE_S = 0.5;

    @Option(names = "--speed", paramLabel = "TIMES", defaultValue = "25",
            description = "Times faster than real time, 1 to 200 (default ${DEFAULT-VALUE}). The counts do not depend on it: the simulated chip runs on the demo's own clock.")
    double speed;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the simulated walk (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: config/backstep.properties if present, else built-in defaults; the buzzer is always the console).")
    Path config;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Keep the journal here, so days build up across demos and export and report can be tried (default: a new temporary folder).")
    Path stateDir;

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
        if (!(speed >= 1 && speed <= MAX_SPEED)) {
            err.printf(Locale.ROOT, "demo: --speed %s must be from 1 to %.0f%n", speed, MAX_SPEED);
            return 2;
        }
        // rendered as the chip reads it: memory of a bout, not of the walk, and no wait for the whole walk at start
        SimulationStream sim = Scenarios.demo(seed, imu.rateHz(), cfg.forwardAxis()).stream();
        Path state = stateDir != null ? Files.createDirectories(stateDir) : Files.createTempDirectory("backstep-demo-");
        out.printf(Locale.ROOT, "backstep demo: %.0f s scripted walk, %gx real time%n", sim.duration(), speed);
        out.println("state directory: " + state);
        long start = System.nanoTime();
        DemoTime time = new DemoTime(speed);
        SimulatedMpu6050 chip = new SimulatedMpu6050(new SimulationSource(sim), time);
        int pollMs = cfg.pollMs();
        int target = cfg.store().target();
        try (Pi4jHardware hw = Pi4jHardware.simulated(imu, chip, time, time);
             Store store = Store.open(state, cfg.store(), time.timeSource(cfg.zone()))) {
            DemoConsole console = new DemoConsole(out, target);
            time.haltAt((long) (sim.duration() * 1e9) + pollMs * 1_000_000L);   // one more poll drains the walk's last frames
            time.startPacing();
            Device device;
            boolean ended;
            try (ChipFeeder feeder = new ChipFeeder(chip, time, pollMs, org.backstep.hw.Sleeper.SYSTEM).start()) {   // the chip samples on its own thread
                device = Device.start(cfg, null, hw, store, console, console, time, time, pollMs, null, cfg.zone());
                ended = time.awaitHalt(10 * sim.duration() / speed + 30);     // ten times the pace: the loop is stuck
                device.close();
            }
            console.drain();
            if (!ended) {
                err.println("demo: the sampling loop stopped before the walk ended");
                err.flush();
                return 1;
            }
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
                    + ", lost in the FIFO " + hw.imu().lostSamples() + ", poll every " + pollMs + " ms");
            store.flush();
            out.println("journal: today " + store.today().backward() + " backward, " + store.today().forward() + " forward steps");
            out.println("see it: java -jar target/backstep.jar report --state-dir " + state + " report.html");
            double planned = time.plannedWallSeconds();
            double lag = time.maxLagNanos() / 1e9;
            out.flush();
            if (lag > KEEP_UP_SLACK * planned + KEEP_UP_GRACE_S) {
                err.printf(Locale.ROOT, "demo: could not keep up with --speed %g: up to %.1f s behind a %.1f s run (the counts are unaffected); try a lower --speed%n",
                        speed, lag, planned);
                err.flush();
                return 1;
            }
            return 0;
        }
    }
}
