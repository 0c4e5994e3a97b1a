package org.backstep.store;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Immutable store settings. Config keys (mapped by the app): {@code day.starts_at} → {@link Builder#dayStartsAt},
 * {@code day.zone} → {@link Builder#zone}, {@code record.max_mb}, {@code record.min_free_mb}, {@code device.name}.
 */
public final class StoreSettings {
    private final LocalTime dayStartsAt;
    private final ZoneId zone;
    private final Duration commitInterval;
    private final long recordingMaxMb;
    private final long minFreeMb;
    private final String deviceName;
    private final int target;
    private final int limit;
    private final long segmentMaxBytes;

    private StoreSettings(Builder b) {
        this.dayStartsAt = b.dayStartsAt;
        this.zone = b.zone;
        this.commitInterval = b.commitInterval;
        this.recordingMaxMb = b.recordingMaxMb;
        this.minFreeMb = b.minFreeMb;
        this.deviceName = b.deviceName;
        this.target = b.target;
        this.limit = b.limit;
        this.segmentMaxBytes = b.segmentMaxBytes;
    }

    public static StoreSettings defaults() { return builder().build(); }
    public static Builder builder() { return new Builder(); }
    public Builder toBuilder() {
        return new Builder().dayStartsAt(dayStartsAt).zone(zone).commitInterval(commitInterval)
                .recordingMaxMb(recordingMaxMb).minFreeMb(minFreeMb).deviceName(deviceName)
                .goals(target, limit).segmentMaxBytes(segmentMaxBytes);
    }

    /** Local time at which a day starts (default 00:00); with 03:00 a step at 02:30 belongs to the previous day. */
    public LocalTime dayStartsAt() { return dayStartsAt; }
    /** Zone for days, or null to use the time source's (system) zone. */
    public ZoneId zone() { return zone; }
    /** Group-commit interval, at most 2 s (default 1 s). */
    public Duration commitInterval() { return commitInterval; }
    public long recordingMaxMb() { return recordingMaxMb; }
    public long minFreeMb() { return minFreeMb; }
    public String deviceName() { return deviceName; }
    /** Daily backward-step target (lower edge of the band), default 200. */
    public int target() { return target; }
    /** Daily backward-step limit (upper edge of the band), default 400. */
    public int limit() { return limit; }
    public long segmentMaxBytes() { return segmentMaxBytes; }

    @Override
    public String toString() {
        return "StoreSettings[dayStartsAt=" + dayStartsAt + ", zone=" + zone + ", commit=" + commitInterval.toMillis()
                + "ms, record.max_mb=" + recordingMaxMb + ", record.min_free_mb=" + minFreeMb + ", device=" + deviceName
                + ", band=" + target + ".." + limit + "]";
    }

    public static final class Builder {
        private LocalTime dayStartsAt = LocalTime.MIDNIGHT;
        private ZoneId zone;
        private Duration commitInterval = Duration.ofSeconds(1);
        private long recordingMaxMb = 1024;
        private long minFreeMb = 200;
        private String deviceName = "backstep";
        private int target = 200;
        private int limit = 400;
        private long segmentMaxBytes = 8L << 20;

        public Builder dayStartsAt(LocalTime t) { this.dayStartsAt = Objects.requireNonNull(t, "day.starts_at"); return this; }
        /** Parses {@code day.starts_at} values like "03:00". */
        public Builder dayStartsAt(String hhmm) {
            try {
                return dayStartsAt(LocalTime.parse(hhmm.trim()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("day.starts_at '" + hhmm + "' is not a time like 03:00");
            }
        }
        public Builder zone(ZoneId z) { this.zone = z; return this; }
        /** Parses {@code day.zone}; blank or "system" means the system zone. */
        public Builder zone(String z) {
            if (z == null || z.isBlank() || z.trim().equalsIgnoreCase("system")) { this.zone = null; return this; }
            try {
                this.zone = ZoneId.of(z.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("day.zone '" + z + "' is not a zone like Europe/Paris");
            }
            return this;
        }
        public Builder commitInterval(Duration d) {
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofSeconds(2)) > 0)
                throw new IllegalArgumentException("commit interval must be > 0 and <= 2 s, was " + d);
            this.commitInterval = d;
            return this;
        }
        public Builder recordingMaxMb(long mb) {
            if (mb < 0) throw new IllegalArgumentException("record.max_mb must be >= 0");
            this.recordingMaxMb = mb; return this;
        }
        public Builder minFreeMb(long mb) {
            if (mb < 0) throw new IllegalArgumentException("record.min_free_mb must be >= 0");
            this.minFreeMb = mb; return this;
        }
        public Builder deviceName(String name) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("device.name must not be blank");
            this.deviceName = name.trim(); return this;
        }
        public Builder goals(int target, int limit) {
            if (target <= 0 || limit < target) throw new IllegalArgumentException("need 0 < target <= limit, got " + target + ", " + limit);
            this.target = target; this.limit = limit; return this;
        }
        public Builder segmentMaxBytes(long bytes) {
            if (bytes < 1024) throw new IllegalArgumentException("segment size too small");
            this.segmentMaxBytes = bytes; return this;
        }
        public StoreSettings build() { return new StoreSettings(this); }
    }
}
