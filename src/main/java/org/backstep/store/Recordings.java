package org.backstep.store;

import org.tinylog.Logger;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recordings written by {@code record} under {@code <state>/recordings}. Retention prunes the oldest files
 * first while the folder is over {@code record.max_mb} or the file system has less than
 * {@code record.min_free_mb} free. Only this folder is ever pruned: never the journal.
 * A full disk stops recording (not counting): logged once, and {@link #stopped()} is raised for the app.
 */
public final class Recordings {

    /** Free bytes of the file system holding a path (injectable for tests). */
    @FunctionalInterface
    public interface DiskSpace {
        long usableBytes(Path p) throws IOException;
        DiskSpace REAL = p -> Files.getFileStore(p).getUsableSpace();
    }

    private final Path dir;
    private final long maxBytes;
    private final long minFreeBytes;
    private final DiskSpace disk;
    private final Set<Path> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private volatile String reason;

    Recordings(Path dir, StoreSettings s, DiskSpace disk) {
        this.dir = dir;
        this.maxBytes = s.recordingMaxMb() << 20;
        this.minFreeBytes = s.minFreeMb() << 20;
        this.disk = disk;
    }

    public Path dir() { return dir; }
    /** Recording was stopped by a full disk (or the free-space floor). */
    public boolean stopped() { return stopped; }
    /** One line for the app to show, or null. */
    public String reason() { return reason; }

    /** Clears the stopped flag (e.g. after the user freed space) so the next {@link #start} tries again. */
    public void reset() { stopped = false; reason = null; }

    /**
     * Prunes, then opens {@code name} for writing; empty (and {@link #stopped()} raised, logged once) when
     * there is not enough space even after pruning.
     */
    public synchronized Optional<RecordingStream> start(String name) throws IOException {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) throw new IllegalArgumentException("bad recording name " + name);
        Files.createDirectories(dir);
        prune(0);
        if (free() < minFreeBytes) {
            stop("less than " + (minFreeBytes >> 20) + " MB free");
            return Optional.empty();
        }
        Path p = dir.resolve(name);
        OutputStream out;
        try {
            out = Files.newOutputStream(p);
        } catch (IOException e) {
            stop(e.getMessage());
            return Optional.empty();
        }
        open.add(p);
        return Optional.of(new RecordingStream(p, out));
    }

    /** Wraps an already open stream (tests, or callers that open their own files). */
    public RecordingStream wrap(Path p, OutputStream out) {
        open.add(p);
        return new RecordingStream(p, out);
    }

    /** Deletes oldest recordings until the folder is under the size limit (with {@code reserve} more bytes to come) and free space is above the floor. */
    public synchronized void prune(long reserve) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        record F(Path p, long size, long mtime) { }
        List<F> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) files.add(new F(p, a.size(), a.lastModifiedTime().toMillis()));
            }
        }
        files.sort(Comparator.comparingLong(F::mtime).thenComparing(f -> f.p().getFileName().toString()));
        long total = files.stream().mapToLong(F::size).sum() + reserve;
        long free = free();
        for (F f : files) {
            if (total <= maxBytes && free >= minFreeBytes) break;
            if (open.contains(f.p())) continue;
            Files.deleteIfExists(f.p());
            total -= f.size();
            free += f.size();
            Logger.info("retention: deleted recording {} ({} bytes)", f.p().getFileName(), f.size());
        }
    }

    private long free() throws IOException { return disk.usableBytes(Files.exists(dir) ? dir : dir.getParent()); }

    private void stop(String why) {
        if (!stopped) {
            stopped = true;
            reason = "recording stopped: disk full (" + why + "); steps are still counted";
            Logger.error(reason);
        }
    }

    /** A recording file; after a write error (e.g. ENOSPC) it stops silently and raises {@link #stopped()}. */
    public final class RecordingStream extends FilterOutputStream {
        private final Path path;
        private boolean failed;
        private long written;

        RecordingStream(Path path, OutputStream out) {
            super(out);
            this.path = path;
        }

        public boolean failed() { return failed; }
        public Path path() { return path; }

        @Override public void write(int b) { write(new byte[]{(byte) b}, 0, 1); }

        @Override
        public void write(byte[] b, int off, int len) {
            if (failed) return;
            try {
                long before = written;
                written += len;
                if ((before >> 20) != (written >> 20) && free() < minFreeBytes) { // check once per MB
                    prune(0);
                    if (free() < minFreeBytes) throw new IOException("No space left on device (under record.min_free_mb)");
                }
                out.write(b, off, len);
            } catch (IOException e) {
                failed = true;
                stop(e.getMessage());
            }
        }

        @Override
        public void flush() {
            if (failed) return;
            try { out.flush(); } catch (IOException e) { failed = true; stop(e.getMessage()); }
        }

        @Override
        public void close() {
            open.remove(path);
            try { out.close(); } catch (IOException e) { if (!failed) { failed = true; stop(e.getMessage()); } }
        }
    }
}
