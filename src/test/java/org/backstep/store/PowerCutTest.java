package org.backstep.store;

import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.event.StepEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 11 item 8: power cuts, not only SIGKILL. The store runs on {@link CrashFiles}; the power goes in the
 * middle of a random file operation (a commit's write or fsync, a segment roll, the snapshot's rename, the
 * repair of a torn tail at start) and the disk keeps a random part of what was not synced. After every cut:
 * every record acknowledged as committed is still there, seq numbers have no gap, and the totals the store
 * starts with equal a fold of the whole journal.
 */
class PowerCutTest {
    private static final Path STATE = Path.of("/state");
    private static final int CUTS = 300;
    private static final int CUTS_PER_DISK = 25;

    private final StoreSettings settings = StoreSettings.builder().segmentMaxBytes(1500).build();
    private long ackedSeq;
    private final java.util.Set<Long> survived = new java.util.HashSet<>();
    private long ackedSteps; // steps in the journal acknowledged as committed, all runs on this disk

    @Test
    void nothingCommittedIsLostAndTotalsEqualTheJournalAfterEveryCut() throws Exception {
        Random rnd = new Random(20261124);
        FakeTime t = FakeTime.at("2026-11-24T06:00:00Z"); // a battery-backed clock: every record is dated
        CrashFiles disk = null;
        int cuts = 0, midOpen = 0, tornTails = 0;
        long records = 0;
        long start = System.nanoTime();
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        while (cuts < CUTS) {
            if (cuts % CUTS_PER_DISK == 0) {
                disk = new CrashFiles();
                disk.createDirectories(STATE);
                ackedSeq = 0;
                ackedSteps = 0;
                survived.clear();
            }
            t.boot = "boot-" + cuts;
            t.mono = 1_000_000_000L + rnd.nextInt(1000) * 1_000_000L;
            disk.fuse(1 + rnd.nextInt(120));
            boolean opened = false;
            try {
                Store st = Store.open(STATE, settings, t, Store.Mode.MANUAL, disk);
                opened = true;
                verify(st, disk);
                long base = stepsIn(st);
                st.onCommit((seq, n) -> { ackedSeq = seq; ackedSteps = base + n; });
                st.sessionStarted("walk");
                for (int op = 0; op < 400; op++) { // until the fuse blows
                    int r = rnd.nextInt(100);
                    t.advance(200 + rnd.nextInt(900));
                    if (r < 70) st.accept(new StepEvent(0, 0, rnd.nextBoolean() ? Direction.BACKWARD : Direction.FORWARD), t.mono);
                    else if (r < 75) st.accept(new AlertEvent(0, 0, AlertKind.POSTURE), t.mono);
                    else if (r < 77) st.sessionStarted("walk");
                    else if (r < 78) t.advance(3_600_000L * (1 + rnd.nextInt(12))); // hours pass, days change
                    if (rnd.nextInt(6) == 0) st.flush();
                    else st.pump();
                    records = Math.max(records, st.lastCommittedSeq());
                }
                st.close();
            } catch (CrashFiles.PowerCut cut) {
                if (!opened) midOpen++;
            }
            disk = disk.cut(rnd);
            cuts++;
            tornTails += verifyOnDisk(disk);
        }
        System.out.printf("power cuts: %d simulated (%d during a start), %d left a torn or garbage tail; %.1f s (%.1f s CPU)%n",
                cuts, midOpen, tornTails, (System.nanoTime() - start) / 1e9,
                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9);
    }

    /** What survived: every acknowledged record (seq 1..ackedSeq, no gap) and at least every acknowledged step. */
    private int verifyOnDisk(CrashFiles disk) throws Exception {
        List<Long> seqs = new ArrayList<>();
        long[] steps = {0};
        Journal.ScanResult scan = Journal.scan(disk, Journal.segments(disk, Journal.dirOf(STATE)), true, false, r -> {
            seqs.add((Long) r.get("seq"));
            if ("steps".equals(r.get("type"))) steps[0] += Totals.num(r, "f") + Totals.num(r, "b");
        });
        for (int i = 1; i < seqs.size(); i++) assertTrue(seqs.get(i) > seqs.get(i - 1), "seq increasing, never repeated: " + seqs);
        java.util.Set<Long> now = new java.util.HashSet<>(seqs);
        assertTrue(now.containsAll(survived), "every record that survived the last cut survives this one");
        long before = survived.isEmpty() ? 0 : java.util.Collections.max(survived);
        for (long q = before + 1; q <= ackedSeq; q++) assertTrue(now.contains(q), "acknowledged record " + q + " lost: " + seqs);
        assertTrue(steps[0] >= ackedSteps, "acknowledged " + ackedSteps + " steps, journal holds " + steps[0]);
        survived.clear();
        survived.addAll(seqs); // what survived unacknowledged (a torn batch may keep lines after a lost one) is kept from now on
        ackedSteps = steps[0];
        return scan.tornBytesDropped() > 0 || scan.corruptLines() > 0 ? 1 : 0;
    }

    /** The totals a store starts with (snapshot or not) equal a fold of the whole journal. */
    private static void verify(Store st, CrashFiles disk) throws Exception {
        Totals full = new Totals(StoreSettings.defaults().target());
        Journal.scan(disk, Journal.segments(disk, Journal.dirOf(STATE)), true, false, full::apply);
        assertEquals(full.days(), st.days(), "totals equal the journal");
        assertEquals(full.undated(), st.undated());
    }

    private static long stepsIn(Store st) {
        long n = st.undated().forward() + st.undated().backward();
        for (DailyTotals d : st.days()) n += d.forward() + d.backward();
        return n;
    }

}
