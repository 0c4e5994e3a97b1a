package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.backstep.store.StateLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 5: while a state directory is held, the commands that write it refuse with one line and
 * exit 1, before they touch the hardware (none is present here: reaching it would fail differently).
 */
class StateDirBusyTest {
    @TempDir
    Path state;

    @Test
    void runRecordCalibrateAndDemoRefuseWhileTheDirectoryIsHeld() throws Exception {
        try (StateLock held = StateLock.acquire(state)) {
            for (String[] args : new String[][] {
                    {"run", "--state-dir", state.toString()},
                    {"calibrate", "--state-dir", state.toString()},
                    {"demo", "--state-dir", state.toString()},
                    {"record", "walk.csv", "--seconds", "1", "--state-dir", state.toString()},
                    {"record", state.resolve("elsewhere.csv").toString(), "--seconds", "1", "--state-dir", state.toString()}}) {
                StringWriter out = new StringWriter(), err = new StringWriter();
                int rc = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
                String e = err.toString().strip();
                assertEquals(1, rc, args[0] + ": " + e);
                assertTrue(e.startsWith(args[0] + ": state directory " + state + " is in use by another backstep process"), e);
                assertEquals(1, e.lines().count(), e);
            }
        }
    }
}
