package org.backstep.store;

import org.backstep.event.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.backstep.store.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** Issue 11 item 5: one writer per state directory. */
class StateLockTest {
    @TempDir Path dir;

    private static byte[] journalBytes(Path dir) throws Exception {
        Path seg = Journal.segments(Journal.dirOf(dir)).get(0);
        return Files.readAllBytes(seg);
    }

    @Test
    void aSecondStoreInTheSameProcessIsRefusedAndTouchesNothing() throws Exception {
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        try (Store first = manual(dir, StoreSettings.defaults(), t)) {
            first.sessionStarted("walk");
            steps(first, t, 10, Direction.BACKWARD);
            first.flush();
            steps(first, t, 3, Direction.BACKWARD); // accepted, not yet committed
            byte[] before = journalBytes(dir);
            StateLock.BusyException e = assertThrows(StateLock.BusyException.class,
                    () -> manual(dir, StoreSettings.defaults(), t));
            assertTrue(e.getMessage().startsWith("state directory " + dir + " is in use by another backstep process (pid "
                    + ProcessHandle.current().pid() + ")"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertArrayEquals(before, journalBytes(dir), "the refused store neither repaired nor wrote the journal");
            assertThrows(StateLock.BusyException.class, () -> StateLock.acquire(dir), "record without a store is refused too");
        }
        try (Store again = manual(dir, StoreSettings.defaults(), t)) { // released by close
            assertEquals(13, again.backwardStepsToday());
        }
    }

    @Test
    void aStoreHeldByAnotherProcessIsRefusedUntilThatProcessDies() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), KillChild.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do { line = r.readLine(); } while (line != null && !line.startsWith("READY")); // the child logs to stdout too
            assertNotNull(line, "the child opened its store");
            FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
            StateLock.BusyException e = assertThrows(StateLock.BusyException.class, () -> manual(dir, StoreSettings.defaults(), t));
            assertTrue(e.getMessage().contains("(pid " + p.pid() + ")"), e.getMessage());
        } finally {
            p.destroyForcibly(); // SIGKILL: the kernel drops the lock with the process
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        }
        try (Store st = manual(dir, StoreSettings.defaults(), FakeTime.at("2026-11-24T10:00:00Z"))) {
            assertNotNull(st.today());
        }
    }
}
