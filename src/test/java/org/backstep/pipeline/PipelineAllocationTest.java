package org.backstep.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.backstep.coach.CoachSettings;
import org.backstep.core.Axis;
import org.backstep.gait.GaitSettings;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The per-sample path allocates nothing: only what it reports (an event object each) may allocate.
 * Measured with the thread's allocation counter, not with time.
 */
class PipelineAllocationTest {
    /** Bytes an event may cost: the event record and what its listeners box or wrap, generously. */
    private static final long BYTES_PER_EVENT = 256;
    /** Counter granularity and one-off lazy initialisation (class loading on a first alert, say). */
    private static final long SLACK_BYTES = 8192;

    @Test
    void samplesAllocateNothingButTheEventsTheyReport() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Simulation sim = Scenarios.demo(42, 100, Axis.MINUS_Z).run();
        double[] t = sim.t(), ax = sim.ax(), ay = sim.ay(), az = sim.az(), gx = sim.gx(), gy = sim.gy(), gz = sim.gz();
        long bytes = 0, events = 0;
        for (int round = 0; round < 4; round++) {     // the first rounds load classes and warm the JIT
            long[] count = {0};
            Pipeline p = new Pipeline(GaitSettings.builder(100).forwardAxis(Axis.MINUS_Z).build(), CoachSettings.defaults(),
                    new GoalTracker(200, 400, 0, e -> count[0]++), PipelineListener.of(e -> count[0]++));
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < t.length; i++) p.sample(t[i], ax[i], ay[i], az[i], gx[i], gy[i], gz[i]);
            bytes = mx.getCurrentThreadAllocatedBytes() - before;
            events = count[0];
            p.finish();
        }
        assertTrue(events > 200, "the walk reports its steps: " + events);
        // one 16-byte object per sample would be 300 KB here; the events and the slack are about 70 KB
        assertTrue(bytes <= events * BYTES_PER_EVENT + SLACK_BYTES,
                t.length + " samples allocated " + bytes + " bytes for " + events + " events ("
                        + String.format(java.util.Locale.ROOT, "%.2f", (double) bytes / t.length) + " bytes a sample)");
    }
}
