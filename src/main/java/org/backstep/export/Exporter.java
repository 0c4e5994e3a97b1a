package org.backstep.export;

import org.backstep.event.AlertKind;
import org.backstep.store.DailyTotals;
import org.backstep.store.Journal;
import org.backstep.store.JournalLine;
import org.backstep.store.Totals;
import org.tinylog.Logger;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Exports to a NEW folder {@code <target>/backstep-<device>-<yyyyMMdd'T'HHmmss'Z'>/} built under a hidden
 * temporary name ({@code .backstep-partial-...}) and renamed at the end: daily.csv, events.jsonl, report.html,
 * SHA256SUMS. Reads the state directory only (never modifies or deletes anything there); a failed export
 * leaves no folder under the final name.
 */
public final class Exporter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private Exporter() { }

    public static Path export(Path stateDir, Path targetDir, ExportSettings s) {
        Path target = targetDir.toAbsolutePath().normalize();
        check(stateDir, target, s);
        String stamp = STAMP.format(Instant.ofEpochMilli(s.time().wallMillis()));
        boolean trusted = s.time().wallTrusted() && s.time().wallMillis() >= org.backstep.store.TimeSource.TRUST_FLOOR_MILLIS;
        String name = "backstep-" + safeName(s.deviceName()) + "-" + stamp + (trusted ? "" : "-unsynced");
        // A random tail: a partial folder left on the stick by an earlier, interrupted run is not ours to touch.
        Path partial = target.resolve(".backstep-partial-" + safeName(s.deviceName()) + "-" + stamp + "-"
                + HexFormat.of().toHexDigits(RANDOM.nextInt()).substring(2));
        Map<String, String> sums = new LinkedHashMap<>();
        boolean created = false;
        try {
            Files.createDirectory(partial);
            created = true;
            Totals totals = new Totals(s.target());
            WalkingCadence cadence = new WalkingCadence();
            s.hook().beforeFile("events.jsonl", partial);
            sums.put("events.jsonl", writeFile(partial.resolve("events.jsonl"), out -> {
                try {
                    Journal.scan(Journal.dirOf(stateDir), false, rec -> {
                        totals.apply(rec);
                        cadence.apply(rec);
                        try {
                            out.write(JournalLine.toJson(rec).getBytes(StandardCharsets.UTF_8));
                            out.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }));
            s.hook().beforeFile("daily.csv", partial);
            sums.put("daily.csv", writeFile(partial.resolve("daily.csv"), out -> out.write(dailyCsv(totals).getBytes(StandardCharsets.UTF_8))));
            s.hook().beforeFile("report.html", partial);
            String html = ReportWriter.render(ReportData.of(totals, cadence, s), true);
            sums.put("report.html", writeFile(partial.resolve("report.html"), out -> out.write(html.getBytes(StandardCharsets.UTF_8))));
            s.hook().beforeFile("SHA256SUMS", partial);
            StringBuilder sb = new StringBuilder();
            sums.forEach((file, hex) -> sb.append(hex).append("  ").append(file).append('\n'));
            writeFile(partial.resolve("SHA256SUMS"), out -> out.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
            fsyncDir(partial);
            Path finalDir = freeName(target, name);
            s.hook().beforeFile("rename", partial);
            try {
                Files.move(partial, finalDir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, finalDir);
            }
            fsyncDir(target);
            Logger.info("exported to {}", finalDir);
            return finalDir;
        } catch (IOException | RuntimeException e) {
            if (created) cleanup(partial); // never delete what this run did not create
            if (e instanceof ExportException ee) throw ee;
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!Files.isDirectory(target)) why = "the target disappeared (" + why + ")";
            throw new ExportException("export to " + target + " failed: " + oneLine(why) + "; nothing on the device was changed", e);
        }
    }

    private static void check(Path stateDir, Path target, ExportSettings s) {
        if (Files.isSymbolicLink(target))
            throw new ExportException("export refused: " + target + " is a symbolic link");
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS))
            throw new ExportException("export refused: " + target + " does not exist");
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS))
            throw new ExportException("export refused: " + target + " is not a folder");
        if (!Files.isWritable(target) || readOnly(target))
            throw new ExportException("export refused: " + target + " is not writable");
        long need = s.marginBytes();
        try {
            for (Path p : StateDir.segments(stateDir)) need += Files.size(p) + Files.size(p) / 8;
        } catch (IOException e) {
            throw new ExportException("export refused: cannot read the journal in " + stateDir + ": " + oneLine(String.valueOf(e.getMessage())));
        }
        need += 256 * 1024; // report and csv
        long free;
        try {
            free = s.freeSpace().usableBytes(target);
        } catch (IOException e) {
            throw new ExportException("export refused: cannot tell the free space of " + target);
        }
        if (free < need)
            throw new ExportException(String.format(Locale.ROOT, "export refused: %s has %.1f MB free, the export needs %.1f MB",
                    target, free / 1048576.0, need / 1048576.0));
    }

    /** Read-only file system, or no write bit at all (respected even when running as root). */
    private static boolean readOnly(Path target) {
        try {
            if (Files.getFileStore(target).isReadOnly()) return true;
            var perms = Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS);
            return !perms.contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)
                    && !perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                    && !perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    static String dailyCsv(Totals totals) {
        StringBuilder sb = new StringBuilder("date,forward,backward,walking_minutes,good_form_minutes");
        for (AlertKind k : AlertKind.values()) sb.append(",alerts_").append(k.json());
        sb.append(",target_met\r\n");
        List<DailyTotals> rows = new ArrayList<>(totals.days());
        DailyTotals und = totals.undated();
        if (und.forward() + und.backward() + und.alertTotal() > 0) rows.add(und);
        for (DailyTotals d : rows) {
            sb.append(d.label()).append(',').append(d.forward()).append(',').append(d.backward()).append(',')
                    .append(d.walkingMinutes()).append(',').append(d.goodFormMinutes());
            for (AlertKind k : AlertKind.values()) sb.append(',').append(d.alerts(k));
            sb.append(',').append(d.targetMet()).append("\r\n");
        }
        return sb.toString();
    }

    @FunctionalInterface
    private interface Body { void write(OutputStream out) throws IOException; }

    /** Writes, fsyncs and returns the SHA-256 (hex) of one file. */
    private static String writeFile(Path file, Body body) throws IOException {
        MessageDigest md;
        try { md = MessageDigest.getInstance("SHA-256"); } catch (NoSuchAlgorithmException e) { throw new IllegalStateException(e); }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024), md);
            body.write(out);
            out.flush();
            ch.force(true);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static Path freeName(Path target, String name) {
        Path p = target.resolve(name);
        for (int i = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS); i++) p = target.resolve(name + "-" + i);
        return p;
    }

    /** Letters, digits, dot, dash and underscore only: safe on FAT32/exFAT. */
    static String safeName(String s) {
        String r = s.replaceAll("[^A-Za-z0-9._-]", "_");
        r = r.replaceAll("^[.]+", "");
        if (r.isEmpty()) r = "device";
        return r.length() > 40 ? r.substring(0, 40) : r;
    }

    private static void cleanup(Path partial) {
        if (!Files.exists(partial, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> w = Files.walk(partial)) {
            w.sorted(Comparator.reverseOrder()).forEach(p -> {
                try { Files.deleteIfExists(p); } catch (IOException ignored) { }
            });
        } catch (IOException | RuntimeException ignored) {
            // the stick may be gone; a leftover hidden .backstep-partial-* folder is harmless
        }
    }

    private static void fsyncDir(Path d) {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // FAT/exFAT and some kernels refuse directory fsync; the later `sync` in backstep-export covers it
        }
    }

    private static String oneLine(String s) { return s.replaceAll("[\\r\\n]+", " "); }
}
