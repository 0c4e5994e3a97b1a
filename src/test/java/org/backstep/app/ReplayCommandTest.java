package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backstep.core.Axis;
import org.backstep.recording.RecordingWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMalformedFileIsReportedAndTheOthersAreStillProcessed() throws IOException {
        Path good = dir.resolve("still.csv.gz");
        try (RecordingWriter w = RecordingWriter.create(good, 100, Axis.MINUS_Z, Map.of())) {
            for (int i = 0; i < 500; i++) w.sample(i * 0.01, 9.81, 0, 0, 0, 0, 0);
        }
        Path bad = dir.resolve("broken.csv");
        Files.writeString(bad, "# backstep recording v1\n# rate_hz: 100\nt,ax,ay,az,gx,gy,gz\n0,1,2,3,4,5,x\n");
        Path out = dir.resolve("events");
        StringWriter so = new StringWriter(), se = new StringWriter();
        int rc = Main.execute(new String[] {"replay", "--events-out", out.toString(), bad.toString(), good.toString()},
                new PrintWriter(so), new PrintWriter(se));
        assertEquals(2, rc);
        String err = se.toString().trim();
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.contains("broken.csv:4: field 7 'x' is not a number"), err);
        List<String> lines = Files.readAllLines(out.resolve("still.events.jsonl"));
        assertEquals("{\"type\":\"summary\",\"steps_forward\":0,\"steps_backward\":0,\"duration_s\":4.990}", lines.get(lines.size() - 1));
        assertTrue(Files.notExists(out.resolve("broken.events.jsonl")));
    }

    @Test
    void withoutEventsOutItPrintsASummaryPerFile() throws IOException {
        Path good = dir.resolve("quiet.csv");
        try (RecordingWriter w = RecordingWriter.create(good, 50, Axis.PLUS_X, Map.of())) {
            for (int i = 0; i < 100; i++) w.sample(i * 0.02, 0, 0, 9.81, 0, 0, 0);
        }
        StringWriter so = new StringWriter(), se = new StringWriter();
        int rc = Main.execute(new String[] {"replay", good.toString()}, new PrintWriter(so), new PrintWriter(se));
        assertEquals(0, rc, se.toString());
        assertTrue(so.toString().startsWith("quiet: 2.0 s, 0 forward, 0 backward steps"), so.toString());
    }
}
