package org.backstep.store;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The append-only journal: {@code <state>/journal/journal-NNNNNN.jsonl} segments of checksummed lines
 * (see {@link JournalLine}). Not thread-safe: one writer thread owns it. Lines are buffered and written +
 * fsynced together by {@link #commit()} (group commit).
 */
public final class Journal implements AutoCloseable {
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{6})\\.jsonl");

    /** What a scan of the journal found. */
    public record ScanResult(long lastSeq, int validLines, int corruptLines, long tornBytesDropped) { }

    private final StoreFiles files;
    private final Path dir;
    private final long segmentMaxBytes;
    private final WriteHook hook;
    private StoreFiles.Handle channel;
    private Path segment;
    private int segmentNumber;
    private long committedSize;
    private final StringBuilder pending = new StringBuilder();
    private int pendingLines;

    /** Lets tests stand in for the disk (e.g. to simulate ENOSPC). */
    @FunctionalInterface
    public interface WriteHook {
        void beforeWrite(Path segment, int bytes) throws IOException;
        WriteHook NONE = (p, b) -> { };
    }

    private Journal(StoreFiles files, Path dir, long segmentMaxBytes, WriteHook hook) {
        this.files = files;
        this.dir = dir;
        this.segmentMaxBytes = segmentMaxBytes;
        this.hook = hook;
    }

    public static Path dirOf(Path stateDir) { return stateDir.resolve("journal"); }

    /** Segment files in order. */
    public static List<Path> segments(Path journalDir) throws IOException {
        return segments(StoreFiles.REAL, journalDir);
    }

    static List<Path> segments(StoreFiles files, Path journalDir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : files.list(journalDir)) if (SEGMENT.matcher(p.getFileName().toString()).matches()) out.add(p);
        out.sort(null);
        return out;
    }

    /**
     * Reads every valid record in order. With {@code repair}, a torn or corrupt tail of the last segment
     * (anything after its last valid line) is truncated away and logged; without it (export, running
     * service) the tail is only skipped. Corrupt lines followed by valid ones are skipped and logged.
     */
    public static ScanResult scan(Path journalDir, boolean repair, Consumer<Map<String, Object>> sink) throws IOException {
        return scan(StoreFiles.REAL, segments(journalDir), true, repair, sink);
    }

    /**
     * Reads the given segments in order; {@code lastIsTail}: the last of them is the journal's newest segment
     * (the only one that may have a torn tail to drop).
     */
    static ScanResult scan(StoreFiles files, List<Path> segs, boolean lastIsTail, boolean repair,
                           Consumer<Map<String, Object>> sink) throws IOException {
        long lastSeq = 0;
        int valid = 0, corrupt = 0;
        long torn = 0;
        for (int s = 0; s < segs.size(); s++) {
            Path p = segs.get(s);
            byte[] data = files.read(p);
            int lineStart = 0;
            long lastGoodEnd = 0;
            int badSinceGood = 0;
            for (int i = 0; i <= data.length; i++) {
                boolean end = i == data.length;
                if (!end && data[i] != '\n') continue;
                if (end && lineStart == data.length) break;
                Map<String, Object> rec = null;
                if (!end) { // a line without its newline is torn by definition
                    rec = JournalLine.decode(data, lineStart, i - lineStart);
                }
                if (rec != null) {
                    if (badSinceGood > 0) {
                        corrupt += badSinceGood;
                        Logger.warn("journal {}: skipped {} corrupt line(s) before byte {}", p.getFileName(), badSinceGood, lineStart);
                        badSinceGood = 0;
                    }
                    Object seq = rec.get("seq");
                    if (seq instanceof Long l) lastSeq = Math.max(lastSeq, l);
                    valid++;
                    sink.accept(rec);
                    lastGoodEnd = i + 1;
                } else {
                    badSinceGood++;
                }
                lineStart = i + 1;
            }
            if (lastGoodEnd < data.length) {
                boolean last = lastIsTail && s == segs.size() - 1;
                long bytes = data.length - lastGoodEnd;
                if (last) {
                    torn += bytes;
                    if (repair) {
                        try (StoreFiles.Handle h = files.append(p)) {
                            h.truncate(lastGoodEnd);
                            h.sync();
                        }
                        Logger.warn("journal {}: dropped torn last line ({} bytes) left by a crash or power cut", p.getFileName(), bytes);
                    }
                } else {
                    corrupt += badSinceGood;
                    Logger.warn("journal {}: {} corrupt byte(s) at the end of a closed segment skipped", p.getFileName(), bytes);
                }
            }
        }
        return new ScanResult(lastSeq, valid, corrupt, torn);
    }

    /** The number in a segment's file name. */
    static int number(Path segment) {
        var m = SEGMENT.matcher(segment.getFileName().toString());
        if (!m.matches()) throw new IllegalArgumentException(segment.toString());
        return Integer.parseInt(m.group(1));
    }

    /** Opens for appending after a repairing {@link #scan}. */
    static Journal openForAppend(StoreFiles files, Path stateDir, long segmentMaxBytes, WriteHook hook) throws IOException {
        Path d = dirOf(stateDir);
        files.createDirectories(d);
        Journal j = new Journal(files, d, segmentMaxBytes, hook);
        List<Path> segs = segments(files, d);
        if (segs.isEmpty()) j.openSegment(1);
        else {
            Path last = segs.get(segs.size() - 1);
            var m = SEGMENT.matcher(last.getFileName().toString());
            if (!m.matches()) throw new IllegalStateException();
            j.openSegment(Integer.parseInt(m.group(1)));
        }
        return j;
    }

    private void openSegment(int number) throws IOException {
        if (channel != null) channel.close();
        segmentNumber = number;
        segment = dir.resolve(String.format("journal-%06d.jsonl", number));
        boolean created = !files.exists(segment);
        channel = files.append(segment);
        committedSize = channel.size();
        if (created) {
            channel.sync();
            files.syncDir(dir);
        }
    }

    /** Buffers one line; nothing reaches the disk before {@link #commit()}. */
    void append(String line) {
        pending.append(line).append('\n');
        pendingLines++;
    }

    boolean hasPending() { return pendingLines > 0; }
    int pendingLines() { return pendingLines; }
    int pendingChars() { return pending.length(); }

    /**
     * Writes and fsyncs everything buffered. On failure the segment is cut back to its last committed size
     * (so no half line stays behind), the lines stay buffered for the next try, and the error is thrown.
     */
    void commit() throws IOException {
        if (pendingLines == 0) return;
        if (committedSize >= segmentMaxBytes) openSegment(segmentNumber + 1);
        byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
        try {
            hook.beforeWrite(segment, bytes.length);
            channel.append(bytes);
            channel.sync();
        } catch (IOException e) {
            try {
                channel.truncate(committedSize);
            } catch (IOException ignored) {
                // the torn tail is dropped by the next start's scan
            }
            throw e;
        }
        committedSize += bytes.length;
        pending.setLength(0);
        pendingLines = 0;
    }

    Path segment() { return segment; }

    @Override
    public void close() throws IOException {
        try {
            commit();
        } finally {
            if (channel != null) channel.close();
            channel = null;
        }
    }
}
