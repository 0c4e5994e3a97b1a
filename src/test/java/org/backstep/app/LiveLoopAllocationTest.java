package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Locale;
import org.backstep.config.Config;
import org.backstep.event.Direction;
import org.backstep.hw.NanoClock;
import org.backstep.hw.Sleeper;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.pi4j.Pi4jHardware;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.backstep.pipeline.PipelineListener;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Simulation;
import org.backstep.store.Store;
import org.backstep.store.TimeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sampling thread of the live loop ({@link Device} and the sampling loop, driver, Pi4J I2C and the
 * register-level chip, journal producer side, goal day, status hooks) allocates nothing per sample or per
 * poll: only the events it reports may allocate. The test thread is the sampling thread here (the loop is
 * driven by {@code pollOnce} on injected time); measured with its allocation counter. The pom runs this
 * class alone under the unit's JIT ({@code -XX:TieredStopAtLevel=1}, surefire execution {@code unit-jit}):
 * C1 has no escape analysis, so what it finds is what the unit allocates, and it finds it the same way
 * every run; under C2 the count moved with the machine's load, as deoptimisation re-materialised objects
 * its escape analysis had removed.
 */
class LiveLoopAllocationTest {
    /** Bytes an event may cost on the sampling thread: the event, the journal's queue item, listener boxing. */
    private static final long BYTES_PER_EVENT = 256;
    /** One-off lazy initialisation in the walk; far below what one 16-byte object a poll would cost (48 KB in the walk). */
    private static final long SLACK_BYTES = 8192;
    /**
     * Standing for 600 s reports (almost) nothing: 4 KB is less than half of one 16-byte object a second
     * (9.6 KB), so even the once-a-second hooks (goal day, status) must not allocate.
     */
    private static final long STANDING_SLACK_BYTES = 4096;

    @TempDir
    Path state;

    @Test
    void theSamplingThreadAllocatesNothingPerSampleOrPoll() throws Exception {
        // warm-up (class loading, JIT): 60 s standing and walking; measured: 60 s walking, then 600 s standing
        // (the status heartbeat once a minute and the goal day check once a second fall in both)
        Simulation sim = Scenarios.base(47).stand(20).walk(Direction.FORWARD, 60, 100).walk(Direction.FORWARD, 100, 100)
                .stand(600).build().run();
        double[] now = {0};
        NanoClock clock = () -> (long) (now[0] * 1e9);
        Sleeper sleeper = nanos -> now[0] += nanos / 1e9;
        long[] events = {0};
        SimulatedMpu6050 chip = new SimulatedMpu6050(new SimulationSource(sim), () -> now[0]);
        AppConfig cfg = AppConfig.of(Config.builder().build());
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Pi4jHardware hw = Pi4jHardware.simulated(Mpu6050Settings.defaults(), chip, sleeper, clock);
             Store store = Store.open(state, cfg.store(), TimeSource.host(ZoneOffset.UTC))) {
            Device d = Device.create(cfg, null, hw, store, new PlayedPatterns(new ArrayList<>()),
                    PipelineListener.of(e -> events[0]++), clock, 20, () -> LocalTime.NOON);
            while (now[0] < 60) now[0] += d.loop().pollOnce() / 1e9;
            long samples0 = d.loop().samples(), events0 = events[0];
            long before = mx.getCurrentThreadAllocatedBytes();
            long polls = 0;
            while (now[0] < 120) {                   // the rest of the walk
                now[0] += d.loop().pollOnce() / 1e9;
                polls++;
            }
            long walkBytes = mx.getCurrentThreadAllocatedBytes() - before, walkEvents = events[0] - events0;
            long standBefore = mx.getCurrentThreadAllocatedBytes(), standEvents0 = events[0];
            for (; !chip.exhausted(); polls++) now[0] += d.loop().pollOnce() / 1e9;
            long standBytes = mx.getCurrentThreadAllocatedBytes() - standBefore, standEvents = events[0] - standEvents0;
            long bytes = walkBytes + standBytes, evts = walkEvents + standEvents;
            long samples = d.loop().samples() - samples0;
            d.close();
            assertEquals(0, d.loop().imuErrors());
            assertTrue(samples > 65_000, "the measured part is 660 s at 100 Hz: " + samples);
            assertTrue(d.steps(Direction.FORWARD) > 140, "the walk is counted: " + d.steps(Direction.FORWARD));
            String figures = String.format(Locale.ROOT, "%d samples in %d polls allocated %d bytes for %d events (%.3f bytes a sample);"
                    + " walking 60 s: %d bytes, %d events; standing 600 s: %d bytes, %d events",
                    samples, polls, bytes, evts, (double) bytes / samples, walkBytes, walkEvents, standBytes, standEvents);
            System.out.println("live loop: " + figures);
            assertTrue(walkBytes <= walkEvents * BYTES_PER_EVENT + SLACK_BYTES, figures);
            assertTrue(standBytes <= standEvents * BYTES_PER_EVENT + STANDING_SLACK_BYTES, figures);
        }
    }
}
