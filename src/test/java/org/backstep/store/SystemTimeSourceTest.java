package org.backstep.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check for a synchronised clock, asked once a second on the sampling thread while outdoors, allocates nothing. */
class SystemTimeSourceTest {
    @TempDir
    Path dir;

    @Test
    void theSyncCheckSeesTheFlagAndAllocatesNothing() throws Exception {
        TimeSource.SystemTimeSource t = new TimeSource.SystemTimeSource(ZoneOffset.UTC, dir.resolve("synchronized"),
                dir.resolve("rtc0"), dir.resolve("boot_id"));
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        boolean any = false;
        for (int i = 0; i < 2000; i++) any |= t.synchronizedNow();      // warm-up
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) any |= t.synchronizedNow();    // about three hours of once-a-second checks
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        assertFalse(any, "no flag, no RTC: not synchronised");
        assertTrue(bytes < 1024, "10,000 checks allocated " + bytes + " bytes (with Files.exists on Paths: about 320 KB)");
        Files.createFile(dir.resolve("synchronized"));
        assertTrue(t.synchronizedNow(), "timesyncd's flag appeared");
    }
}
