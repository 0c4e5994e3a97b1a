package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.backstep.event.PostureEvent;
import org.backstep.event.StepEvent;
import org.backstep.event.Direction;
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

    private int replay(StringWriter se, Path... files) {
        String[] args = new String[files.length + 1];
        args[0] = "replay";
        for (int i = 0; i < files.length; i++) args[i + 1] = files[i].toString();
        return Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(se));
    }

    @Test
    void aGzipBombWithOneEndlessLineIsOneLineAndExit2() throws IOException {
        Path bomb = dir.resolve("bomb.csv.gz");
        byte[] mb = new byte[1 << 20];
        Arrays.fill(mb, (byte) '1');
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            o.write("# backstep recording v1\n# rate_hz: 100\nt,ax,ay,az,gx,gy,gz\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 256; i++) o.write(mb);     // a 256 MB line, more than the unit's whole heap
        }
        StringWriter se = new StringWriter();
        assertEquals(2, replay(se, bomb));
        String err = se.toString().trim();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.endsWith("bomb.csv.gz:4: line longer than 8192 bytes: not a recording"), err);
    }

    @Test
    void aValueBeyondAnySensorIsOneLineAndExit2() throws IOException {
        Path far = dir.resolve("far.csv");
        Files.writeString(far, "# backstep recording v1\n# rate_hz: 100\nt,ax,ay,az,gx,gy,gz\n0,0,0,9.81,0,0,0\n0.01,0,1e308,9.81,0,0,0\n");
        StringWriter se = new StringWriter();
        assertEquals(2, replay(se, far));
        String err = se.toString().trim();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.endsWith("far.csv:5: field 3 (ay) 1.0E308 is beyond a sensor's range (+-313.8 m/s^2, 32 g)"), err);
    }

    @Test
    void jsonNeverHoldsANonFiniteNumber() {
        String posture = EventJson.line(new PostureEvent(1.5, Double.NaN, Double.POSITIVE_INFINITY));
        assertEquals("{\"type\":\"posture\",\"t\":1.500,\"pitch_deg\":null,\"roll_deg\":null}", posture);
        assertEquals("{\"type\":\"step\",\"t\":null,\"at\":2.000,\"direction\":\"forward\"}",
                EventJson.line(new StepEvent(Double.NEGATIVE_INFINITY, 2, Direction.FORWARD)));
        assertEquals("{\"type\":\"summary\",\"steps_forward\":1,\"steps_backward\":0,\"duration_s\":null}",
                EventJson.summary(1, 0, Double.NaN));
    }
}
