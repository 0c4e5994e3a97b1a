package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.LastErrorException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backstep.hw.FakeTime;
import org.backstep.hw.SamplingLoop;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.pi4j.Pi4jHardware;
import org.backstep.hw.sim.SampleSource;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 3: the systemd notifications reach a real AF_UNIX datagram socket bound the way systemd
 * binds {@code $NOTIFY_SOCKET}, and the watchdog is fed from the sampling loop's progress only.
 */
class SdNotifyTest {
    private static final int MSG_DONTWAIT = 0x40;

    @TempDir
    Path dir;

    private final List<Integer> fds = new ArrayList<>();

    @AfterEach
    void close() {
        fds.forEach(fd -> SdNotify.libc().close(fd));
    }

    /** A receiving socket like systemd's, at {@code path} (or abstract for {@code @name}). */
    private int listen(String path) {
        int fd = SdNotify.libc().socket(1, 2, 0);
        fds.add(fd);
        SdNotify.libc().bind(fd, SdNotify.sockaddr(path), SdNotify.addrLength(path));
        return fd;
    }

    /** Every datagram waiting on {@code fd}, without blocking. */
    private static List<String> received(int fd) {
        List<String> got = new ArrayList<>();
        byte[] buf = new byte[512];
        while (true) {
            long n;
            try {
                n = SdNotify.libc().recv(fd, buf, buf.length, MSG_DONTWAIT);
            } catch (LastErrorException e) {
                return got;          // EAGAIN: nothing more
            }
            got.add(new String(buf, 0, (int) n, StandardCharsets.UTF_8));
        }
    }

    @Test
    void readyAndThrottledWatchdogReachAFileSocket() {
        String path = dir.resolve("notify").toString();
        int fd = listen(path);
        try (SdNotify n = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path, "WATCHDOG_USEC", "4000000"))) {
            assertTrue(n.watchdogEnabled());
            n.ready("counting steps");
            n.watchdog(0);
            n.watchdog(500_000_000L);        // within a quarter of the 4 s timeout: not sent again
            n.watchdog(1_000_000_000L);
            n.stopping();
        }
        assertEquals(List.of("READY=1\nSTATUS=counting steps", "WATCHDOG=1", "WATCHDOG=1", "STOPPING=1"), received(fd));
    }

    @Test
    void theAbstractNamespaceWorksAndNoSocketMeansNoOp() {
        String name = "@backstep-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        int fd = listen(name);
        try (SdNotify n = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", name))) {
            assertFalse(n.watchdogEnabled(), "no WATCHDOG_USEC: systemd expects no watchdog");
            n.ready("x");
            n.watchdog(0);
        }
        assertEquals(List.of("READY=1\nSTATUS=x"), received(fd));
        try (SdNotify none = SdNotify.fromEnvironment(Map.of())) {
            assertFalse(none.enabled());
            none.ready("x");                 // not started by systemd: nothing happens
        }
        assertThrows(IllegalArgumentException.class, () -> SdNotify.sockaddr("/" + "x".repeat(120)));
    }

    @Test
    void theSamplingLoopFeedsTheWatchdogWhileSamplesProgressAndStopsWhenTheyDoNot() {
        String path = dir.resolve("watchdog").toString();
        int fd = listen(path);
        FakeTime time = new FakeTime();
        SimulatedMpu6050 chip = new SimulatedMpu6050(SampleSource.atRest(), time::seconds);
        try (Pi4jHardware hw = Pi4jHardware.simulated(Mpu6050Settings.defaults(), chip, time, time);
             SdNotify n = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path, "WATCHDOG_USEC", "2000000"))) {
            SamplingLoop loop = SamplingLoop.builder(hw.imu(), (t, ax, ay, az, gx, gy, gz) -> { })
                    .intervalMs(50).clock(time).sleeper(time).heartbeat(n::watchdog).build();
            for (int i = 0; i < 60; i++) {           // 3 s of sampling: a beat every 0.5 s
                time.sleepNanos(loop.pollOnce());
            }
            assertEquals(6, received(fd).size(), "WATCHDOG=1 every quarter of the 2 s timeout");
            time.advanceSeconds(3);                  // the loop hangs (no poll): nothing is sent
            assertEquals(0, received(fd).size());
        }
    }
}
