package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The bench's view from /proc: a thread's CPU time and its wake-ups, by its name. */
class LiveLoopProbeTest {
    @Test
    void aThreadsWakeUpsAndCpuTimeAreSeenByItsName() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        CountDownLatch start = new CountDownLatch(1), done = new CountDownLatch(1), leave = new CountDownLatch(1);
        double[] sink = {0};
        Thread t = new Thread(() -> {
            try {
                start.await();
                for (int i = 0; i < 20; i++) {
                    for (int k = 0; k < 200_000; k++) sink[0] += Math.sqrt(k);
                    Thread.sleep(2);                   // a sleep gives the CPU up: one voluntary switch, one wake-up
                }
                done.countDown();
                leave.await();                         // alive until the second look
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "probe-test");
        t.start();
        while (t.getState() != Thread.State.WAITING) Thread.onSpinWait();
        long pid = ProcessHandle.current().pid();
        Map<String, LiveLoopProbe.Use> before = LiveLoopProbe.snapshot(pid);
        start.countDown();
        done.await();
        Map<String, LiveLoopProbe.Use> after = LiveLoopProbe.snapshot(pid);
        leave.countDown();
        t.join();
        assertTrue(before.containsKey("probe-test"), before.keySet().toString());
        LiveLoopProbe.Use used = LiveLoopProbe.between(before, after).get("probe-test");
        assertTrue(used != null && used.wakeUps() >= 20, "it slept 20 times: " + used);
        assertTrue(used.cpuNanos() > 0, "it computed: " + used);
        assertEquals(new LiveLoopProbe.Use(3, 4), new LiveLoopProbe.Use(5, 6).minus(new LiveLoopProbe.Use(2, 2)));
    }
}
