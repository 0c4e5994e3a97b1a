package org.backstep.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Our own time source. Intervals always come from {@link #monotonicNanos()}; the wall clock is
 * only used to date records, and only while {@link #wallTrusted()} says it is right.
 *
 * <p>On Linux {@code System.nanoTime()} is CLOCK_MONOTONIC: it is shared by every process of one
 * boot, so monotonic readings of two runs in the same boot (same {@link #bootId()}) are comparable.
 */
public interface TimeSource {

    /** No wall time before this instant (about the build date) is ever trusted. */
    long TRUST_FLOOR_MILLIS = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

    /** Monotonic nanoseconds (CLOCK_MONOTONIC on Linux), never jumps. */
    long monotonicNanos();

    /** Wall-clock UTC milliseconds since the epoch; may be stale or jump. */
    long wallMillis();

    /** Zone used to decide which local day a trusted wall time belongs to. */
    ZoneId zone();

    /** Whether {@link #wallMillis()} is right now (NTP-synced or from a real RTC). */
    boolean wallTrusted();

    /** Identifies the current boot; monotonic readings are comparable only within one boot. */
    String bootId();

    /** The real clocks of this machine; {@code zoneOverride} may be null for the system zone. */
    static TimeSource system(ZoneId zoneOverride) {
        return new SystemTimeSource(zoneOverride == null ? ZoneId.systemDefault() : zoneOverride,
                Path.of("/run/systemd/timesync/synchronized"), Path.of("/dev/rtc0"),
                Path.of("/proc/sys/kernel/random/boot_id"));
    }

    /**
     * The real clocks of a machine whose wall clock is known to be right (a PC running the demo):
     * trusted whenever it is past the floor.
     */
    static TimeSource host(ZoneId zoneOverride) {
        TimeSource sys = system(zoneOverride);
        return new TimeSource() {
            @Override public long monotonicNanos() { return sys.monotonicNanos(); }
            @Override public long wallMillis() { return sys.wallMillis(); }
            @Override public ZoneId zone() { return sys.zone(); }
            @Override public boolean wallTrusted() { return sys.wallMillis() >= TRUST_FLOOR_MILLIS; }
            @Override public String bootId() { return sys.bootId(); }
        };
    }

    /** Real clocks; the wall clock is trusted once timesyncd's flag exists (or an RTC exists) and it is past the floor. */
    final class SystemTimeSource implements TimeSource {
        private final ZoneId zone;
        /** java.io.File, not Path: {@code File.exists()} allocates nothing, and the sampling thread asks once a second. */
        private final java.io.File syncFlag;
        private final java.io.File rtc;
        private final String bootId;
        private volatile boolean synced;
        private volatile long nextCheckNanos;

        SystemTimeSource(ZoneId zone, Path syncFlag, Path rtc, Path bootIdFile) {
            this.zone = zone;
            this.syncFlag = syncFlag.toFile();
            this.rtc = rtc.toFile();
            String id;
            try {
                id = Files.readString(bootIdFile).trim();
            } catch (Exception e) {
                id = "unknown-" + ProcessHandle.current().pid();
            }
            this.bootId = id;
        }

        /** Whether timesyncd's flag or an RTC exists now (without allocating). */
        boolean synchronizedNow() {
            return syncFlag.exists() || rtc.exists();
        }

        @Override public long monotonicNanos() { return System.nanoTime(); }
        @Override public long wallMillis() { return System.currentTimeMillis(); }
        @Override public ZoneId zone() { return zone; }
        @Override public String bootId() { return bootId; }

        @Override
        public boolean wallTrusted() {
            if (System.currentTimeMillis() < TRUST_FLOOR_MILLIS) return false;
            if (synced) return true;
            long now = System.nanoTime();
            if (now - nextCheckNanos >= 0) { // look at the file system at most once a second
                nextCheckNanos = now + 1_000_000_000L;
                synced = synchronizedNow();
            }
            return synced;
        }
    }
}
