package org.backstep.store;

import java.time.Instant;
import java.time.ZoneId;

/** A hand-driven time source. */
public final class FakeTime implements TimeSource {
    public volatile long mono;
    public volatile long wall;
    public volatile ZoneId zone = ZoneId.of("UTC");
    public volatile boolean trusted;
    public volatile String boot = "boot-a";

    public FakeTime(long wallMillis, boolean trusted) {
        this.mono = 5_000_000_000_000L; // uptime ~83 min
        this.wall = wallMillis;
        this.trusted = trusted;
    }

    public static FakeTime at(String instant) { return new FakeTime(Instant.parse(instant).toEpochMilli(), true); }

    /** Both clocks move forward together. */
    public FakeTime advance(long millis) { mono += millis * 1_000_000L; wall += millis; return this; }

    /** Only the wall clock jumps (NTP sync, manual set). */
    public FakeTime setWall(String instant) { wall = Instant.parse(instant).toEpochMilli(); return this; }

    @Override public long monotonicNanos() { return mono; }
    @Override public long wallMillis() { return wall; }
    @Override public ZoneId zone() { return zone; }
    @Override public boolean wallTrusted() { return trusted; }
    @Override public String bootId() { return boot; }
}
