package org.backstep.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.backstep.hw.SamplingLoop;
import org.backstep.hw.pi4j.BuzzerSettings;
import org.backstep.hw.pi4j.Pi4jHardware;
import org.backstep.recording.RecordingWriter;
import org.backstep.store.Recordings;
import org.backstep.store.StateLock;
import org.backstep.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code record FILE}: writes the live IMU stream in the recording format. A bare file name goes to
 * the state directory's {@code recordings/}, where old recordings are pruned under the size and
 * free-space limits; a path is written where it says. Stops after {@code --seconds} or on SIGTERM.
 */
@Command(name = "record", mixinStandardHelpOptions = true, description = "Write the live IMU stream to a recording file (.csv or .csv.gz).")
final class RecordCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--seconds", paramLabel = "S", description = "Stop after this many seconds (default: until SIGTERM or Ctrl-C).")
    Double seconds;

    @Parameters(paramLabel = "FILE", description = "The recording (.csv or .csv.gz); a bare name goes to <state-dir>/recordings/, pruned oldest first.")
    Path file;

    private final PrintWriter out;
    private final PrintWriter err;

    RecordCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String name = file.getFileName().toString();
        if (!name.endsWith(".csv") && !name.endsWith(".csv.gz")) {
            err.println("record: " + file + ": the name must end in .csv or .csv.gz");
            return 2;
        }
        AppConfig cfg = common.load();
        boolean managed = file.getParent() == null;
        Store store = null;
        StateLock lock = null;
        Recordings.RecordingStream stream = null;
        OutputStream os;
        if (managed) {
            store = Store.open(common.stateDir, cfg.store());
            Optional<Recordings.RecordingStream> s = store.recordings().start(name);
            if (s.isEmpty()) {
                err.println("record: not recording: " + store.recordings().reason());
                store.close();
                return 1;
            }
            stream = s.get();
            os = stream;
        } else {
            lock = StateLock.acquire(common.stateDir); // the service on this state directory owns the chip
            os = Files.newOutputStream(file);
        }
        if (name.endsWith(".gz")) os = new GZIPOutputStream(os, 1 << 16);
        Path where = managed ? stream.path() : file;
        try (Pi4jHardware hw = Pi4jHardware.open(cfg.imu(), cfg.imuSelection(), BuzzerSettings.none())) {
            double rate = hw.imu().sampleRateHz();
            RecordingWriter writer = new RecordingWriter(os, rate, cfg.forwardAxis(),
                    Map.of("source", "backstep record, " + hw.describe()));
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "backstep-record-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            SamplingLoop loop = SamplingLoop.builder(hw.imu(), writer).intervalMs(cfg.pollMs()).build().start();
            out.printf(Locale.ROOT, "recording %s at %.1f Hz%s%n", where, rate, seconds == null ? "; Ctrl-C stops" : "");
            out.flush();
            if (seconds == null) stop.await();
            else stop.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
            loop.close();
            writer.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // stopped by a signal: the JVM is already on its way out
            }
            out.printf(Locale.ROOT, "%d samples written, %d lost in the FIFO%n", loop.samples(), hw.imu().lostSamples());
            if (stream != null && stream.failed()) {
                err.println("record: recording stopped early: " + store.recordings().reason());
                return 1;
            }
            return 0;
        } finally {
            if (store != null) store.close();
            if (lock != null) lock.close();
        }
    }
}
