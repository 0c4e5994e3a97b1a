package org.backstep.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backstep.coach.CoachSettings;
import org.backstep.core.ImuSink;
import org.backstep.event.Direction;
import org.backstep.gait.GaitSettings;
import org.backstep.pipeline.GoalTracker;
import org.backstep.pipeline.Pipeline;
import org.backstep.pipeline.PipelineListener;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: how fast the per-sample signal path runs and how much it allocates, on the
 * demo's simulated walk. Prints figures; it asserts nothing (speed is a target, not a test).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the signal pipeline: samples per second, time per sample, bytes allocated per sample.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--rounds", paramLabel = "N", defaultValue = "20", description = "Timed passes over the simulated walk (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "100", description = "Sample rate of the simulated walk, Hz (default ${DEFAULT-VALUE}).")
    int rate;

    private final PrintWriter out;

    BenchCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        Simulation sim = Scenarios.demo(42, rate, org.backstep.core.Axis.MINUS_Z).run();
        double[] t = sim.t(), ax = sim.ax(), ay = sim.ay(), az = sim.az(), gx = sim.gx(), gy = sim.gy(), gz = sim.gz();
        int n = t.length;
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        out.printf(Locale.ROOT, "bench: %d samples (%.0f s at %d Hz) x %d rounds, gait engine + form coach + goal%n",
                n, sim.duration(), rate, rounds);
        for (int warm = 0; warm < 3; warm++) pass(t, ax, ay, az, gx, gy, gz, n);
        long bytes0 = mx.getThreadAllocatedBytes(tid);
        long t0 = System.nanoTime();
        long steps = 0;
        for (int r = 0; r < rounds; r++) steps += pass(t, ax, ay, az, gx, gy, gz, n);
        long ns = System.nanoTime() - t0;
        long bytes = mx.getThreadAllocatedBytes(tid) - bytes0;
        long perRoundConstruction = constructionBytes(mx, tid, sim);
        double samples = (double) n * rounds;
        out.printf(Locale.ROOT, "throughput        %.2f M samples/s on one core (%.0fx real time at %d Hz)%n",
                samples / (ns / 1e9) / 1e6, samples / (ns / 1e9) / rate, rate);
        out.printf(Locale.ROOT, "time per sample   %.2f us%n", ns / samples / 1e3);
        out.printf(Locale.ROOT, "allocation        %.3f bytes per sample, all included (building the pipeline: %d bytes a session; %d step events a session)%n",
                bytes / samples, perRoundConstruction, steps / rounds);
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "heap in use       %.1f MB (max %.0f MB)%n", (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
        out.flush();
        return 0;
    }

    private long pass(double[] t, double[] ax, double[] ay, double[] az, double[] gx, double[] gy, double[] gz, int n) {
        Pipeline p = new Pipeline(GaitSettings.builder(rate).build(), CoachSettings.defaults(),
                new GoalTracker(200, 400, 0, e -> { }), PipelineListener.of(e -> { }));
        ImuSink s = p;
        for (int i = 0; i < n; i++) s.sample(t[i], ax[i], ay[i], az[i], gx[i], gy[i], gz[i]);
        p.finish();
        return p.steps(Direction.FORWARD) + p.steps(Direction.BACKWARD);
    }

    /** Bytes allocated to build one pipeline (filters designed, buffers sized): not part of the sample path. */
    private long constructionBytes(com.sun.management.ThreadMXBean mx, long tid, Simulation sim) {
        long b0 = mx.getThreadAllocatedBytes(tid);
        Pipeline p = new Pipeline(GaitSettings.builder(rate).build(), CoachSettings.defaults(),
                new GoalTracker(200, 400, 0, e -> { }), PipelineListener.of(e -> { }));
        long b = mx.getThreadAllocatedBytes(tid) - b0;
        p.finish();
        return b;
    }
}
