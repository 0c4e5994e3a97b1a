package org.backstep.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.backstep.store.DailyTotals;
import org.backstep.store.RecordDater;
import org.backstep.store.StoreSettings;
import org.backstep.store.TimeSource;
import org.backstep.store.Totals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code status}: what the owner needs at a glance, read without disturbing the service: whether it runs,
 * today's counts (from the journal), the last sample's time and the lasting faults (from the status file the
 * service keeps), and the free space. Takes no lock.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show whether the service runs, today's counts, the last sample's time, faults and free space.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final PrintWriter out;
    private final Function<StoreSettings, TimeSource> clocks;
    private final FreeSpace free;

    /** Usable bytes where {@code dir} lives (a test stands in for a full disk). */
    @FunctionalInterface
    interface FreeSpace {
        long usableBytes(Path dir) throws IOException;
    }

    StatusCommand(PrintWriter out) {
        this(out, s -> TimeSource.system(s.zone()), d -> Files.getFileStore(d).getUsableSpace());
    }

    StatusCommand(PrintWriter out, Function<StoreSettings, TimeSource> clocks, FreeSpace free) {
        this.out = out;
        this.clocks = clocks;
        this.free = free;
    }

    @Override
    public Integer call() throws IOException {
        AppConfig cfg = common.load();
        StoreSettings settings = cfg.store();
        Path dir = common.stateDir;
        if (!Files.isDirectory(dir)) throw new IOException("state directory " + dir + " does not exist");
        TimeSource time = clocks.apply(settings);
        Properties status = readStatus(dir.resolve(org.backstep.store.Store.STATUS_FILE));
        long pid = number(status.getProperty("pid"));
        boolean running = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                && holdsLock(dir, pid);
        out.println("service: " + (running ? "running, pid " + pid : "not running"));

        Totals totals = Totals.replay(dir, settings.target());
        LocalDate today = new RecordDater(time, settings).today();
        DailyTotals day = today != null ? totals.dayAfterChain(today) : totals.chain();
        String label = today != null ? "today " + today : "no trusted clock; the journal's last day";
        out.printf(Locale.ROOT, "%s: %d backward, %d forward steps; target %d %s, limit %d %s%n", label, day.backward(),
                day.forward(), settings.target(), day.targetAnnounced() ? "announced" : day.backward() >= settings.target()
                        ? "reached" : "not yet", settings.limit(), day.limitAnnounced() ? "announced" : "not yet");

        String lastSample = "unknown (the service is not running)";
        Map<String, String> faults = new TreeMap<>();
        if (running && time.bootId().equals(status.getProperty("boot"))) {
            long last = number(status.getProperty("last_sample_mono_ms"));
            long written = number(status.getProperty("written_mono_ms"));
            long nowMs = time.monotonicNanos() / 1_000_000L;
            lastSample = last > 0 ? String.format(Locale.ROOT, "%.1f s ago", (nowMs - last) / 1000.0) : "none yet";
            lastSample += String.format(Locale.ROOT, " (status written %.0f s ago)", (nowMs - written) / 1000.0);
            for (String k : status.stringPropertyNames())
                if (k.startsWith("fault.")) faults.put(k.substring(6), status.getProperty(k));
        }
        out.println("last sample: " + lastSample);

        long usable = free.usableBytes(dir);
        long floor = settings.minFreeMb() << 20;
        if (usable < floor && !faults.containsKey("storage"))
            faults.put("storage", "less than " + settings.minFreeMb() + " MB free");
        StringBuilder f = new StringBuilder();
        faults.forEach((k, v) -> f.append(f.length() == 0 ? "" : "; ").append(k).append(": ").append(v));
        out.println("faults: " + (f.length() == 0 ? "none" : f));
        out.printf(Locale.ROOT, "free space: %d MB in %s (recording stops below %d MB)%n", usable >> 20, dir, settings.minFreeMb());
        out.flush();
        return 0;
    }

    private static Properties readStatus(Path f) {
        Properties p = new Properties();
        if (!Files.isRegularFile(f)) return p;
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            p.clear(); // half-written or damaged: as if absent
        }
        return p;
    }

    /** The pid in the state directory's lock file is {@code pid}: that process holds it (a lock dies with its process). */
    private static boolean holdsLock(Path dir, long pid) {
        try {
            return number(Files.readString(dir.resolve("lock"), StandardCharsets.US_ASCII).trim()) == pid;
        } catch (IOException e) {
            return false;
        }
    }

    private static long number(String s) {
        if (s == null) return -1;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
