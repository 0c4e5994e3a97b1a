package org.backstep.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backstep.event.Event;
import org.backstep.event.PostureEvent;
import org.backstep.pipeline.Replay;
import org.backstep.recording.ReadAhead;
import org.backstep.recording.RecordingFormatException;
import org.backstep.recording.RecordingReader;
import org.backstep.recording.RecordingSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code replay}: recordings through the pipeline as fast as possible, one fresh session each. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run recordings through the pipeline as fast as possible (each file is a fresh session).")
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: /etc/backstep/backstep.properties, then config/backstep.properties).")
    Path config;

    @Option(names = "--events-out", paramLabel = "DIR", description = "Write DIR/<name>.events.jsonl for each file.")
    Path eventsOut;

    @Option(names = "--posture-trace", description = "Also write pitch and roll at 10 Hz.")
    boolean postureTrace;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Recording files (.csv or .csv.gz).")
    List<Path> files;

    private final PrintWriter out;
    private final PrintWriter err;

    ReplayCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        AppConfig cfg = AppConfig.load(config);
        Replay replay = new Replay(cfg.replaySession(postureTrace));
        if (eventsOut != null) {
            try {
                Files.createDirectories(eventsOut);
            } catch (IOException e) {
                err.println("replay: cannot create " + eventsOut + ": " + e.getMessage());
                return 2;
            }
        }
        int failures = 0;
        for (Path f : files) {
            try (ReadAhead rec = new ReadAhead(RecordingReader.open(f))) {
                if (eventsOut == null) {
                    Replay.Result r = replay.run(rec, e -> { }, List.of());
                    out.printf(Locale.ROOT, "%s: %.1f s, %d forward, %d backward steps%n",
                            rec.name(), r.durationS(), r.forward(), r.backward());
                } else {
                    writeEvents(replay, rec, eventsOut.resolve(rec.name() + ".events.jsonl"));
                }
            } catch (RecordingFormatException | UncheckedIOException e) {
                err.println("replay: " + e.getMessage());
                failures++;
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 2;
    }

    /** Writes through a temporary name; a file that fails part-way (it streams) leaves nothing behind. */
    private void writeEvents(Replay replay, RecordingSource rec, Path target) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                List<Event> none = new ArrayList<>(0);
                Replay.Result r = replay.run(rec, e -> {
                    if (e instanceof PostureEvent && !postureTrace) return;
                    try {
                        w.write(EventJson.line(e));
                        w.write('\n');
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }, none);
                w.write(EventJson.summary(r.forward(), r.backward(), r.durationS()));
                w.write('\n');
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException(target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the error that brought us here is what is reported
        }
    }
}
