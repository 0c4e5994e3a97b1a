package org.backstep.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** Kills a writing child JVM with SIGKILL many times; every step it was told is committed must survive. */
class SigkillTest {
    @TempDir Path dir;

    @Test
    void everyCommittedStepSurvivesSigkill() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random rnd = new Random(42);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        int kills = 0;
        long expectedAtLeast = 0;
        while (kills < 20 && System.nanoTime() < deadline) {
            Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), KillChild.class.getName(), dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            AtomicLong base = new AtomicLong(-1), committed = new AtomicLong(0);
            AtomicInteger commits = new AtomicInteger();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("READY ")) base.set(Long.parseLong(line.substring(6).trim()));
                        else if (line.startsWith("C ")) { committed.set(Long.parseLong(line.substring(2).trim())); commits.incrementAndGet(); }
                    }
                } catch (IOException ignored) { }
            });
            reader.start();
            int want = 1 + rnd.nextInt(4);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (commits.get() < want && p.isAlive() && System.nanoTime() < until) Thread.onSpinWait();
            // the child keeps writing while the writer thread commits: the kill lands mid-write
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            reader.join(5000);
            assertTrue(base.get() >= 0, "child started");
            assertEquals(expectedAtLeast <= base.get(), true, "child saw everything committed before the last kill");
            long told = base.get() + committed.get();
            kills++;

            Path jdir = Journal.dirOf(dir);
            if (kills % 5 == 0) { // also a power cut in the middle of a line
                List<Path> segs = Journal.segments(jdir);
                Files.writeString(segs.get(segs.size() - 1), "{\"seq\":999999,\"type\":\"steps\",\"f\":12", StandardOpenOption.APPEND);
                assertTrue(Journal.scan(jdir, false, r -> { }).tornBytesDropped() > 0);
            }
            // restart: the journal and the daily totals hold every committed step, seqs have no gap
            List<Long> seqs = new ArrayList<>();
            FakeTime t = FakeTime.at("2026-11-24T10:30:00Z");
            try (Store st = TestSupport.manual(dir, StoreSettings.defaults(), t)) {
                long total = st.days().stream().mapToLong(d -> d.forward() + d.backward()).sum();
                assertTrue(total >= told, "kill " + kills + ": journal has " + total + " steps, child was told " + told + " committed");
                expectedAtLeast = total;
            }
            Journal.ScanResult scan = Journal.scan(jdir, false, r -> seqs.add((Long) r.get("seq")));
            assertEquals(0, scan.tornBytesDropped(), "torn last line was dropped on restart");
            assertEquals(0, scan.corruptLines());
            for (int i = 0; i < seqs.size(); i++) assertEquals(i + 1, seqs.get(i), "no record lost or doubled");
        }
        assertTrue(kills >= 10, "only " + kills + " kills in time");
    }
}
