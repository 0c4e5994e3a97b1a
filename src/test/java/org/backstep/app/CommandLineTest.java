package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line itself: version from the build. */
class CommandLineTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(status), out.toString(), err.toString()};
    }

    @Test
    void versionComesFromTheBuildNotFromAConstant() {
        String[] r = run("--version");
        assertEquals("0", r[0]);
        // resource filtering replaced both placeholders: a version like 0.1.0 and a 10-digit commit (or "unknown" outside git)
        assertTrue(r[1].trim().matches("backstep \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{10}|unknown)(, modified)?\\)"), r[1]);
    }
}
