package org.backstep.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backstep.coach.CoachSettings;
import org.backstep.core.Axis;
import org.backstep.core.ImuSink;
import org.backstep.event.Direction;
import org.backstep.gait.GaitSettings;
import org.backstep.pipeline.GoalTracker;
import org.backstep.pipeline.Pipeline;
import org.backstep.pipeline.PipelineListener;
import org.backstep.recording.ReadAhead;
import org.backstep.recording.RecordingReader;
import org.backstep.recording.RecordingSource;
import org.backstep.recording.RecordingStream;
import org.backstep.recording.RecordingWriter;
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

    @Option(names = "--replay-samples", paramLabel = "N", defaultValue = "1000000", description = "Samples in the .csv.gz replayed (default ${DEFAULT-VALUE}).")
    int replaySamples;

    @Option(names = "--children", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also start child JVMs with --unit-flags: resident memory and start-up of demo, replay with start-up subtracted, and the live loop's CPU and wake-ups in 20 s of the demo's walking at real time (default on).")
    boolean children;

    @Option(names = "--live-later", description = "Measure the live loop again 150 to 170 s after the demo's banner, in its second long walk (about 150 s more).")
    boolean liveLater;

    @Option(names = "--unit-flags", paramLabel = "FLAGS", defaultValue = BenchFlags.UNIT, description = "JVM flags of the child JVMs (default: the unit's, ${DEFAULT-VALUE}).")
    String unitFlags;

    private final PrintWriter out;

    BenchCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        Simulation sim = Scenarios.demo(42, rate, Axis.MINUS_Z).run();
        double[] t = sim.t(), ax = sim.ax(), ay = sim.ay(), az = sim.az(), gx = sim.gx(), gy = sim.gy(), gz = sim.gz();
        int n = t.length;
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        out.printf(Locale.ROOT, "bench JVM flags   %s%n", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        out.printf(Locale.ROOT, "bench: %d samples (%.0f s at %d Hz) x %d rounds, gait engine + form coach + goal; in-process times are the thread's CPU time%n",
                n, sim.duration(), rate, rounds);
        for (int warm = 0; warm < 3; warm++) pass(t, ax, ay, az, gx, gy, gz, n);
        long bytes0 = mx.getThreadAllocatedBytes(tid);
        long t0 = mx.getCurrentThreadCpuTime();
        long steps = 0;
        long best = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long r0 = mx.getCurrentThreadCpuTime();
            steps += pass(t, ax, ay, az, gx, gy, gz, n);
            best = Math.min(best, mx.getCurrentThreadCpuTime() - r0);
        }
        long ns = mx.getCurrentThreadCpuTime() - t0;
        long bytes = mx.getThreadAllocatedBytes(tid) - bytes0;
        long perRoundConstruction = constructionBytes(mx, tid, sim);
        double samples = (double) n * rounds;
        out.printf(Locale.ROOT, "throughput        %.2f M samples/s on one core (%.0fx real time at %d Hz)%n",
                samples / (ns / 1e9) / 1e6, samples / (ns / 1e9) / rate, rate);
        out.printf(Locale.ROOT, "time per sample   %.2f us (best round %.0f ns: steadier on a shared machine)%n", ns / samples / 1e3, (double) best / n);
        out.printf(Locale.ROOT, "allocation        %.3f bytes per sample, all included (building the pipeline: %d bytes a session; %d step events a session)%n",
                bytes / samples, perRoundConstruction, steps / rounds);
        yardstick(t, ax, ay, az, gx, gy, gz, n);
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "heap in use       %.1f MB (max %.0f MB)%n", (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
        out.flush();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("backstep-bench");
            Path big = dir.resolve("bench.csv.gz");
            writeRecording(big, sim, replaySamples);
            replayInProcess(big);
            if (children) children(dir, big);
        } catch (IOException e) {
            throw new UncheckedIOException("bench: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
        out.flush();
        return 0;
    }

    /** The same samples through {@link PeakYardstick}, the simplest step counter, for comparison. */
    private void yardstick(double[] t, double[] ax, double[] ay, double[] az, double[] gx, double[] gy, double[] gz, int n) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long steps = 0;
        for (int warm = 0; warm < 3; warm++) steps = peaks(t, ax, ay, az, gx, gy, gz, n);
        long bytes0 = mx.getThreadAllocatedBytes(tid);
        long t0 = mx.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++) peaks(t, ax, ay, az, gx, gy, gz, n);
        long ns = mx.getCurrentThreadCpuTime() - t0;
        long bytes = mx.getThreadAllocatedBytes(tid) - bytes0;
        double samples = (double) n * rounds;
        out.printf(Locale.ROOT, "yardstick         %.2f M samples/s, %.3f bytes per sample: windowed peak detector on |a| alone (%d steps a session, no direction, no coach)%n",
                samples / (ns / 1e9) / 1e6, bytes / samples, steps);
    }

    private long peaks(double[] t, double[] ax, double[] ay, double[] az, double[] gx, double[] gy, double[] gz, int n) {
        PeakYardstick y = new PeakYardstick(rate);
        for (int i = 0; i < n; i++) y.sample(t[i], ax[i], ay[i], az[i], gx[i], gy[i], gz[i]);
        return y.steps();
    }

    /** The simulated walk, repeated end to end, as a recording writer writes it. */
    private void writeRecording(Path file, Simulation sim, int samples) throws IOException {
        double[] ax = sim.ax(), ay = sim.ay(), az = sim.az(), gx = sim.gx(), gy = sim.gy(), gz = sim.gz();
        try (RecordingWriter w = RecordingWriter.create(file, rate, Axis.MINUS_Z, Map.of())) {
            for (int i = 0; i < samples; i++) {
                int k = i % ax.length;
                w.sample((double) i / rate, ax[k], ay[k], az[k], gx[k], gy[k], gz[k]);
            }
        }
    }

    /**
     * Reading alone (a sink that keeps a sum), reading with the pipeline on one thread (the thread's CPU
     * time), and as {@code replay} runs it, read ahead on a thread of its own ({@link ReadAhead}: wall
     * time, and the process's CPU time, both threads); best of three after a warm-up.
     */
    private void replayInProcess(Path file) {
        double[] sum = {0};
        ImuSink nothing = (tt, x, y, z, u, v, w) -> sum[0] += x;
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long readNs = Long.MAX_VALUE, fullNs = Long.MAX_VALUE, aheadWallNs = Long.MAX_VALUE, aheadCpuNs = Long.MAX_VALUE;
        long n = 0;
        for (int r = 0; r < 4; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            try (RecordingStream s = RecordingReader.open(file)) {
                s.replay(nothing);
            }
            long t1 = mx.getCurrentThreadCpuTime();
            try (RecordingStream s = RecordingReader.open(file)) {
                n = pipelineReplay(s);
            }
            long t2 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime(), p0 = os.getProcessCpuTime();
            try (ReadAhead s = new ReadAhead(RecordingReader.open(file))) {
                pipelineReplay(s);
            }
            long w1 = System.nanoTime(), p1 = os.getProcessCpuTime();
            if (r > 0) {
                readNs = Math.min(readNs, t1 - t0);
                fullNs = Math.min(fullNs, t2 - t1);
                aheadWallNs = Math.min(aheadWallNs, w1 - w0);
                aheadCpuNs = Math.min(aheadCpuNs, p1 - p0);
            }
        }
        out.printf(Locale.ROOT, "replay, in process %.2f M samples/s reading .csv.gz alone, %.2f M samples/s with the pipeline on one thread (%d samples, best of 3)%n",
                n / (readNs / 1e9) / 1e6, n / (fullNs / 1e9) / 1e6, n);
        out.printf(Locale.ROOT, "                  read ahead on a second thread, as replay runs: %.2f M samples/s of wall time, %.0f ns of process CPU a sample%n",
                n / (aheadWallNs / 1e9) / 1e6, (double) aheadCpuNs / n);
    }

    /** {@code rec} through a fresh pipeline; the samples it took. */
    private static long pipelineReplay(RecordingSource rec) {
        Pipeline p = new Pipeline(GaitSettings.builder(rec.rateHz()).forwardAxis(Axis.MINUS_Z).build(), CoachSettings.defaults(),
                new GoalTracker(200, 400, 0, e -> { }), PipelineListener.of(e -> { }));
        long[] count = {0};
        rec.replay((tt, x, y, z, u, v, w) -> {
            count[0]++;
            p.sample(tt, x, y, z, u, v, w);
        });
        p.finish();
        return count[0];
    }

    /** Child JVMs with the unit's flags: wall times, so a loaded machine shows in them. */
    private void children(Path dir, Path big) throws IOException {
        Path one = dir.resolve("one.csv.gz");
        try (RecordingWriter w = RecordingWriter.create(one, rate, Axis.MINUS_Z, Map.of())) {
            w.sample(0, 0, 0, 9.81, 0, 0, 0);
        }
        // three pairs, each the 1-sample file then the big one: a loaded machine moves a single run by 2x
        double[] wall = new double[REPLAY_PAIRS], cpu = new double[REPLAY_PAIRS];
        double rssMb = 0;
        for (int i = 0; i < REPLAY_PAIRS; i++) {
            Child empty = Child.run(unitFlags, "", List.of("replay", one.toString()), true);
            Child full = Child.run(unitFlags, "", List.of("replay", big.toString()), true);
            wall[i] = full.seconds - empty.seconds;
            cpu[i] = full.cpuSeconds - empty.cpuSeconds;
            rssMb = Math.max(rssMb, full.peakRssKb / 1024.0);
        }
        java.util.Arrays.sort(wall);
        java.util.Arrays.sort(cpu);
        int mid = REPLAY_PAIRS / 2;
        out.printf(Locale.ROOT, "replay, child JVM %.2f M samples/s of wall time (%.2f to %.2f; the command's throughput, issue 14's figure), %.0f ns of process CPU"
                        + " a sample (%.0f to %.0f; all threads: reading, the pipeline, the compiler), from .csv.gz, start-up subtracted,"
                        + " median of %d runs; peak RSS %.0f MB%n",
                replaySamples / wall[mid] / 1e6, replaySamples / wall[REPLAY_PAIRS - 1] / 1e6, replaySamples / wall[0] / 1e6,
                cpu[mid] / replaySamples * 1e9, cpu[0] / replaySamples * 1e9, cpu[REPLAY_PAIRS - 1] / replaySamples * 1e9, REPLAY_PAIRS, rssMb);
        // a demo that falls behind its pace on a loaded machine exits 1; its start-up and memory still count
        Child demo = Child.run(unitFlags, "backstep demo:", List.of("demo", "--speed", "50", "--state-dir", dir.resolve("state").toString()), false);
        out.printf(Locale.ROOT, "demo, child JVM   start-up %.2f s wall, %.2f s CPU to the banner (the sampling loop starts next); peak resident memory %.0f MB%n",
                demo.markerSeconds, demo.markerCpuSeconds, demo.peakRssKb / 1024.0);
        // as installed: a class-data-sharing archive made by a short demo (deploy/backstep-cds), then mapped
        Path jsa = dir.resolve("bench.jsa");
        Child.run(unitFlags + " -XX:ArchiveClassesAtExit=" + jsa, "", List.of("demo", "--speed", "200", "--state-dir", dir.resolve("cds").toString()), false);
        if (Files.isRegularFile(jsa)) {
            Child cds = Child.run(unitFlags + " -XX:SharedArchiveFile=" + jsa + " -Xshare:auto", "backstep demo:",
                    List.of("demo", "--speed", "50", "--state-dir", dir.resolve("state-cds").toString()), false);
            out.printf(Locale.ROOT, "demo, with AppCDS start-up %.2f s wall, %.2f s CPU to the banner; peak resident memory %.0f MB (the archive the install makes)%n",
                    cds.markerSeconds, cds.markerCpuSeconds, cds.peakRssKb / 1024.0);
        } else {
            out.println("demo, with AppCDS this JVM made no class archive");
        }
        liveLoop(dir);
        journalOnHostClock(dir);
        out.printf(Locale.ROOT, "child JVM flags   %s%n", unitFlags);
    }

    /**
     * The demo's live loop in real time (--speed 1) in a child JVM with the unit's flags, seen from
     * outside ({@link LiveLoopProbe}): CPU time and wake-ups of its threads over {@link #LIVE_SPAN_S}
     * of the demo's first long backward walk, per second of walking. The demo's main thread only
     * waits for the walk to end (the unit's waits for a signal) and is left out; the demo's own threads, the
     * simulated chip's ({@link ChipFeeder}: the unit's chip is hardware) and the console's ({@link DemoConsole}: the
     * unit has none), are shown apart.
     */
    private void liveLoop(Path dir) throws IOException {
        List<String> cmd = childCommand(unitFlags, List.of("demo", "--speed", "1", "--state-dir", dir.resolve("live").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String l; (l = r.readLine()) != null && !l.startsWith("backstep demo:"); ) {
                // start-up lines before the banner
            }
            long banner = System.nanoTime();
            Thread drain = new Thread(() -> {
                try {
                    while (r.readLine() != null) {
                        // the console's lines: read so that the child never blocks on a full pipe
                    }
                } catch (IOException e) {
                    // the child was stopped
                }
            }, "bench-drain");
            drain.setDaemon(true);
            drain.start();
            for (double from : liveLater ? new double[] {LIVE_FROM_S, LIVE_LATER_FROM_S} : new double[] {LIVE_FROM_S}) {
                Thread.sleep(Math.max(0, banner / 1_000_000L + (long) (from * 1000) - System.nanoTime() / 1_000_000L));
                Map<String, LiveLoopProbe.Use> before = LiveLoopProbe.snapshot(p.pid());
                Thread.sleep((long) (LIVE_SPAN_S * 1000));
                Map<String, LiveLoopProbe.Use> used = LiveLoopProbe.between(before, LiveLoopProbe.snapshot(p.pid()));
                if (before.isEmpty() || !p.isAlive()) {
                    out.println("live loop, child JVM not measured (no /proc, or the demo ended early)");
                    return;
                }
                printLiveSpan(from, used);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            p.destroy();
        }
    }

    /** One span of the live loop: CPU and wake-ups a second of walking, by thread group. */
    private void printLiveSpan(double from, Map<String, LiveLoopProbe.Use> used) {
        Map<String, LiveLoopProbe.Use> groups = new java.util.HashMap<>();
        for (String g : List.of(SAMPLING, JOURNAL, LOGGING, JVM, SIM_CHIP, CONSOLE)) groups.put(g, new LiveLoopProbe.Use(0, 0));
        for (Map.Entry<String, LiveLoopProbe.Use> e : used.entrySet()) {
            String g = group(e.getKey());
            if (g != null) groups.merge(g, e.getValue(), LiveLoopProbe.Use::plus);   // null: the demo's main thread, waiting
        }
        LiveLoopProbe.Use chip = groups.get(SIM_CHIP), console = groups.get(CONSOLE);
        LiveLoopProbe.Use sampling = groups.get(SAMPLING), journal = groups.get(JOURNAL), logging = groups.get(LOGGING), jvm = groups.get(JVM);
        LiveLoopProbe.Use all = sampling.plus(journal).plus(logging).plus(jvm);
        StringBuilder jvmThreads = new StringBuilder();
        used.entrySet().stream().filter(e -> JVM.equals(group(e.getKey())) && e.getValue().wakeUps() > 0)
                .sorted((a, b) -> Long.compare(b.getValue().wakeUps(), a.getValue().wakeUps())).limit(3)
                .forEach(e -> jvmThreads.append(String.format(Locale.ROOT, "%s%s %.1f", jvmThreads.length() == 0 ? "" : ", ",
                        e.getKey(), e.getValue().wakeUps() / LIVE_SPAN_S)));
        double perS = 1 / LIVE_SPAN_S;
        out.printf(Locale.ROOT, "live loop, child JVM demo --speed 1, %.0f to %.0f s after the banner, walking backward: CPU %.2f ms a second of walking (sampling %.2f,"
                        + " journal %.2f, logging %.2f, JVM %.2f), %.1f wake-ups a second (sampling %.1f, journal %.1f, logging %.1f, JVM %.1f)%n",
                from, from + LIVE_SPAN_S, all.cpuNanos() * perS / 1e6, sampling.cpuNanos() * perS / 1e6, journal.cpuNanos() * perS / 1e6,
                logging.cpuNanos() * perS / 1e6, jvm.cpuNanos() * perS / 1e6, all.wakeUps() * perS, sampling.wakeUps() * perS,
                journal.wakeUps() * perS, logging.wakeUps() * perS, jvm.wakeUps() * perS);
        out.printf(Locale.ROOT, "                  the JVM's wake-ups a second: %s%n", jvmThreads);
        out.printf(Locale.ROOT, "                  the demo's own threads, not counted above (the unit's chip is hardware, and it has no console): the simulated chip"
                        + " %.2f ms and %.1f wake-ups a second, the console %.2f ms and %.1f%n",
                chip.cpuNanos() * perS / 1e6, chip.wakeUps() * perS, console.cpuNanos() * perS / 1e6, console.wakeUps() * perS);
    }

    /**
     * The journal's writer on the host's clock, in this JVM, as on the unit: a step every 0.7 s for
     * {@link #JOURNAL_SPAN_S}, and as the sampling loop does, a {@link org.backstep.store.Store#tick} each
     * poll of the default configuration ({@code imu.poll_ms = auto}: 89 ms). A check on the demo's figure, whose journal runs on the demo's clock
     * ({@link DemoTime#smoothNanos}).
     */
    private void journalOnHostClock(Path dir) throws IOException {
        org.backstep.config.Config defaults = org.backstep.config.Config.builder().build();
        AppConfig cfg = AppConfig.of(defaults);
        int pollMs = org.backstep.config.ImuBudget.pollMs(defaults);
        long pid = ProcessHandle.current().pid();
        try (org.backstep.store.Store store = org.backstep.store.Store.open(dir.resolve("journal-bench"), cfg.store(),
                org.backstep.store.TimeSource.host(java.time.ZoneOffset.UTC))) {
            store.producerTicks();
            store.sessionStarted("walk");
            store.flush();
            Thread.sleep(500);
            Map<String, LiveLoopProbe.Use> before = LiveLoopProbe.snapshot(pid);
            long t0 = System.nanoTime();
            double nextStep = 0;
            for (double t = 0; t < JOURNAL_SPAN_S; t += pollMs / 1000.0) {
                if (t >= nextStep) {
                    store.accept(new org.backstep.event.StepEvent(t, t, Direction.BACKWARD));
                    nextStep += 0.7;
                }
                Thread.sleep(pollMs);
                store.tick(pollMs * 1_000_000L);
            }
            LiveLoopProbe.Use used = LiveLoopProbe.between(before, LiveLoopProbe.snapshot(pid)).get(JOURNAL);
            double s = (System.nanoTime() - t0) / 1e9;
            if (used == null) {
                out.println("journal, host clock not measured (no /proc)");
                return;
            }
            out.printf(Locale.ROOT, "journal, host clock a step every 0.7 s, a tick every %d ms, for %.0f s: %.2f ms of CPU and %.1f wake-ups a second (commits every %d ms, fsync included)%n",
                    pollMs, s, used.cpuNanos() / s / 1e6, used.wakeUps() / s, cfg.store().commitInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final double JOURNAL_SPAN_S = 10;
    /** {@code replay} child runs of each file, for a median: one run moves by 2x with the machine's load. */
    private static final int REPLAY_PAIRS = 3;

    /**
     * Where the live span starts, s after the demo's banner: its first long backward walk runs from 21
     * to 64 s of the demo ({@code Scenarios.demo}: 6 s standing, 20 steps forward, 4 s standing, then
     * 60 steps backward), and 2 s more let the bout be confirmed.
     */
    private static final double LIVE_FROM_S = 23;
    /**
     * The later span ({@code --live-later}), s after the banner: inside the demo's second long backward walk (126 to
     * 188 s), once every part of the walk has run once and the compiler has had two minutes more.
     */
    private static final double LIVE_LATER_FROM_S = 150;
    /** How long the live span lasts, s: inside that walk. */
    private static final double LIVE_SPAN_S = 20;
    /** Thread names as /proc shows them (15 characters at most), each its own group; every other thread is the JVM's. */
    private static final String DEMO_MAIN = "java", SAMPLING = "backstep-imu", JOURNAL = "backstep-journa", LOGGING = "tinylog-Writing";
    private static final String JVM = "JVM";
    /** The demo's simulated chip sampling on its own thread ({@link ChipFeeder}): counted apart, as the unit's chip is hardware. */
    private static final String SIM_CHIP = ChipFeeder.THREAD;
    /** The demo's console printing on its own thread ({@link DemoConsole}): counted apart, as the unit has none. */
    private static final String CONSOLE = DemoConsole.THREAD;

    /** The group a thread's name belongs to, or null for the demo's main thread (and the launcher's), which only wait. */
    private static String group(String thread) {
        return switch (thread) {
            case DEMO_MAIN -> null;
            case SAMPLING, JOURNAL, LOGGING, SIM_CHIP, CONSOLE -> thread;
            default -> JVM;
        };
    }

    /**
     * A child JVM of this jar: wall time to exit and to a line starting with a marker; peak resident memory and
     * CPU time of all its threads, as last seen in /proc (Linux; polled every 5 ms, so the last few ms are missed).
     */
    private record Child(double seconds, double markerSeconds, double markerCpuSeconds, long peakRssKb, double cpuSeconds) {
        /** Clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on every Linux the unit runs). */
        private static final double USER_HZ = 100;

        static Child run(String flags, String marker, List<String> args, boolean mustSucceed) throws IOException {
            List<String> cmd = childCommand(flags, args);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            long[] peak = {0, 0};
            Thread watch = new Thread(() -> {
                Path status = Path.of("/proc", Long.toString(p.pid()), "status");
                Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
                while (p.isAlive()) {
                    try {
                        for (String l : Files.readAllLines(status)) {
                            if (l.startsWith("VmHWM:")) peak[0] = Math.max(peak[0], Long.parseLong(l.replaceAll("\\D", "")));
                        }
                        String st = Files.readString(stat);
                        String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                        peak[1] = Long.parseLong(f[11]) + Long.parseLong(f[12]);     // utime + stime
                        Thread.sleep(5);
                    } catch (IOException | RuntimeException e) {
                        return;     // gone, or not Linux
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "bench-rss");
            watch.setDaemon(true);
            watch.start();
            double markerS = Double.NaN;
            double markerCpu = Double.NaN;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    if (Double.isNaN(markerS) && !marker.isEmpty() && l.startsWith(marker)) {
                        markerS = (System.nanoTime() - t0) / 1e9;
                        markerCpu = peak[1] / USER_HZ;     // as last polled, at most 5 ms old
                    }
                }
            }
            try {
                int rc = p.waitFor();
                watch.join();
                if (rc != 0 && mustSucceed) throw new IOException("child " + args + " exited with " + rc);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return new Child((System.nanoTime() - t0) / 1e9, markerS, markerCpu, peak[0], peak[1] / USER_HZ);
        }
    }

    /** This jar's {@code Main} in a child JVM with {@code flags}. */
    private static List<String> childCommand(String flags, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String f : flags.trim().split("\\s+")) if (!f.isEmpty()) cmd.add(f);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        return cmd;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
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
