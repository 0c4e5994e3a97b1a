package org.backstep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.backstep.event.AlertEvent;
import org.junit.jupiter.api.Test;

/**
 * The coach skips a detector's call when the detector says it has nothing to do ({@code busy}): a
 * detector called only then must decide exactly as one called at every sample.
 */
class DetectorSkipTest {
    private static final double FS = 100;

    @Test
    void postureCalledOnlyWhenBusyAlertsAsOneCalledEverySample() {
        CoachSettings s = CoachSettings.builder().cooldownS(0).build();
        List<AlertEvent> every = new ArrayList<>(), busy = new ArrayList<>();
        AlertPolicy pe = new AlertPolicy(s, every::add), pb = new AlertPolicy(s, busy::add);
        PostureDetector de = new PostureDetector(s), db = new PostureDetector(s);
        Random r = new Random(14);
        double lean = 0;
        boolean walking = false, wait = false, notAStoop = false;
        int skipped = 0, n = 600 * (int) FS;
        for (int i = 0; i < n; i++) {
            double t = i / FS;
            // a lean that wanders and now and then jumps past the limit, and the standing states changing
            lean += r.nextGaussian() * 0.3;
            if (r.nextInt(1500) == 0) lean = r.nextDouble() * 40 - 5;
            if (r.nextInt(2000) == 0) walking = !walking;
            if (r.nextInt(1000) == 0) wait = !wait;
            if (r.nextInt(1000) == 0) notAStoop = !notAStoop;
            de.update(t, lean, walking, wait, notAStoop, pe);
            if (db.busy(lean)) db.update(t, lean, walking, wait, notAStoop, pb);
            else skipped++;
            pe.flush();
            pb.flush();
            assertEquals(de.lapseActive(), db.lapseActive(), "lapse at " + t);
        }
        assertEquals(every, busy);
        assertTrue(every.size() >= 3, "the walk raises alerts: " + every.size());
        assertTrue(skipped > n / 10, "calls skipped: " + skipped);
    }

    @Test
    void fallDetectorCalledOnlyWhenBusyAlarmsAsOneCalledEverySample() {
        CoachSettings s = CoachSettings.defaults();
        List<AlertEvent> every = new ArrayList<>(), busy = new ArrayList<>();
        List<Double> clearedEvery = new ArrayList<>(), clearedBusy = new ArrayList<>();
        AlertPolicy pe = new AlertPolicy(s, every::add), pb = new AlertPolicy(s, busy::add);
        CoachListener oe = clears(clearedEvery), ob = clears(clearedBusy);
        FallDetector de = new FallDetector(s), db = new FallDetector(s);
        Random r = new Random(10);
        double[] slowUp = {0, 0, 1};
        double[] up = {0, 0, 1};
        double quietSince = 0;
        boolean lying = false;
        int skipped = 0, n = 1800 * (int) FS;
        for (int i = 0; i < n; i++) {
            double t = i / FS;
            double aG = 1 + r.nextGaussian() * 0.1;
            if (r.nextInt(3000) == 0) {
                // an impact, then lying down or staying up, then quiet or not
                aG = 2.1 + r.nextDouble() * 2;
                lying = r.nextBoolean();
                quietSince = r.nextBoolean() ? t : t + 20;
            }
            if (lying && r.nextInt(2500) == 0) lying = false;
            up[0] = lying ? 0.95 : 0.05 * r.nextGaussian();
            up[2] = lying ? 0.3 : 1;
            double quietFor = Math.max(0, t - quietSince);
            boolean moving = !lying && r.nextInt(4) > 0;
            boolean plausible = r.nextInt(10) > 0;
            de.sample(t, aG, slowUp, plausible, null, up, quietFor, moving, pe, oe);
            if (db.busy(t, aG)) db.sample(t, aG, slowUp, plausible, null, up, quietFor, moving, pb, ob);
            else skipped++;
            pe.flush();
            pb.flush();
            assertEquals(de.alarmActive(), db.alarmActive(), "alarm at " + t);
        }
        assertEquals(every, busy);
        assertEquals(clearedEvery, clearedBusy);
        assertTrue(every.size() >= 3, "falls alarmed: " + every.size());
        assertTrue(skipped > n / 2, "calls skipped: " + skipped);
    }

    /** A listener that keeps the times the fall alarm was cleared. */
    private static CoachListener clears(List<Double> into) {
        return new CoachListener() {
            @Override
            public void alert(AlertEvent a) {
            }

            @Override
            public void alarmCleared(double t) {
                into.add(t);
            }
        };
    }
}
