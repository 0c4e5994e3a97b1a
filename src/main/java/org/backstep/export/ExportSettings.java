package org.backstep.export;

import org.backstep.store.StoreSettings;
import org.backstep.store.TimeSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Immutable export/report settings. */
public final class ExportSettings {

    /** Called before each file of the export is written (tests inject failures, e.g. an unplugged stick). */
    @FunctionalInterface
    public interface Hook {
        void beforeFile(String name, Path partialDir) throws IOException;
        Hook NONE = (n, d) -> { };
    }

    /** Free bytes at a path (injectable). */
    @FunctionalInterface
    public interface FreeSpace {
        long usableBytes(Path p) throws IOException;
        FreeSpace REAL = p -> Files.getFileStore(p).getUsableSpace();
    }

    private final String deviceName;
    private final int target, limit;
    private final TimeSource time;
    private final int sessionsShown;
    private final long marginBytes;
    private final Hook hook;
    private final FreeSpace freeSpace;

    private ExportSettings(Builder b) {
        deviceName = b.deviceName;
        target = b.target;
        limit = b.limit;
        time = b.time;
        sessionsShown = b.sessionsShown;
        marginBytes = b.marginBytes;
        hook = b.hook;
        freeSpace = b.freeSpace;
    }

    public static Builder builder() { return new Builder(); }

    /** Device name and band from the store settings, real clock. */
    public static ExportSettings from(StoreSettings s) {
        return builder().deviceName(s.deviceName()).band(s.target(), s.limit()).time(TimeSource.system(s.zone())).build();
    }

    public String deviceName() { return deviceName; }
    public int target() { return target; }
    public int limit() { return limit; }
    public TimeSource time() { return time; }
    public int sessionsShown() { return sessionsShown; }
    public long marginBytes() { return marginBytes; }
    public Hook hook() { return hook; }
    public FreeSpace freeSpace() { return freeSpace; }

    public static final class Builder {
        private String deviceName = "backstep";
        private int target = 200, limit = 400;
        private TimeSource time = TimeSource.system(null);
        private int sessionsShown = 10;
        private long marginBytes = 1L << 20;
        private Hook hook = Hook.NONE;
        private FreeSpace freeSpace = FreeSpace.REAL;

        public Builder deviceName(String n) { deviceName = Objects.requireNonNull(n); return this; }
        public Builder band(int target, int limit) {
            if (target <= 0 || limit < target) throw new IllegalArgumentException("need 0 < target <= limit");
            this.target = target; this.limit = limit; return this;
        }
        public Builder time(TimeSource t) { time = Objects.requireNonNull(t); return this; }
        public Builder sessionsShown(int n) { sessionsShown = n; return this; }
        /** Free space to leave on the target beyond the export's own size (default 1 MB). */
        public Builder marginBytes(long b) { marginBytes = b; return this; }
        public Builder hook(Hook h) { hook = Objects.requireNonNull(h); return this; }
        public Builder freeSpace(FreeSpace f) { freeSpace = Objects.requireNonNull(f); return this; }
        public ExportSettings build() { return new ExportSettings(this); }
    }
}
