package org.backstep.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backstep.core.Axis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingReaderTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            # backstep recording v1
            # source: unit test
            # some_future_key: ignored
            # rate_hz: 100
            # forward_axis: -z
            t,ax,ay,az,gx,gy,gz
            0.000,8.2255,0.0911,5.8998,-0.00353,0.00528,0.00067
            # a comment between rows

            0.010,8.2300,0.0900,5.9000,-0.00300,0.00500,0.00060
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsMetadataAndRows() throws IOException {
        Recording r = RecordingReader.read(write("walk-01.csv", GOOD));
        assertEquals("walk-01", r.name());
        assertEquals(100, r.rateHz());
        assertEquals(Axis.MINUS_Z, r.forwardAxis());
        assertEquals("unit test", r.metadata().get("source"));
        assertEquals(2, r.size());
        assertArrayEquals(new double[] {0, 0.01}, r.t(), 1e-12);
        assertEquals(5.8998, r.az()[0], 1e-12);
        assertEquals(0.0006, r.gz()[1], 1e-12);
    }

    @Test
    void unknownMountingIsNull() throws IOException {
        Recording r = RecordingReader.read(write("u.csv", GOOD.replace("-z", "unknown")));
        assertNull(r.forwardAxis());
    }

    @Test
    void writerRoundTripsThroughGzip() throws IOException {
        Path p = dir.resolve("rt.csv.gz");
        try (RecordingWriter w = RecordingWriter.create(p, 200, Axis.PLUS_Y, Map.of("source", "round trip"))) {
            w.sample(0, 1.23456, -9.80665, 0.00004, 0.123456, -0.000004, 3.14159265);
            w.sample(0.005, 0, 0, 9.81, 0, 0, 0);
        }
        Recording r = RecordingReader.read(p);
        assertEquals("rt", r.name());
        assertEquals(200, r.rateHz());
        assertEquals(Axis.PLUS_Y, r.forwardAxis());
        assertEquals(1.2346, r.ax()[0], 1e-12, "4 decimals for m/s^2");
        assertEquals(-9.8067, r.ay()[0], 1e-12);
        assertEquals(0.0, r.az()[0], 1e-12);
        assertEquals(0.12346, r.gx()[0], 1e-12, "5 decimals for rad/s");
        assertEquals(3.14159, r.gz()[0], 1e-12);
        assertEquals(0.005, r.t()[1], 1e-12);
    }

    @Test
    void fixedFormattingHandlesSignsAndLeadingZeros() {
        assertEquals("-0.0500", RecordingWriter.fixed(new StringBuilder(), -0.05, 4).toString());
        assertEquals("0.000", RecordingWriter.fixed(new StringBuilder(), -0.0001, 3).toString());
        assertEquals("12.00001", RecordingWriter.fixed(new StringBuilder(), 12.000005, 5).toString());
    }

    private void assertBad(String text, String expected) throws IOException {
        Path p = write("bad.csv", text);
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingReader.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "says what is wrong: " + e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
    }

    @Test
    void rejectsBadFilesWithFileAndLine() throws IOException {
        assertBad("hello\n", ":1: not a backstep recording");
        assertBad("# backstep recording v9\n", ":1: unsupported version");
        assertBad(GOOD.replace("t,ax,ay,az,gx,gy,gz", "time,ax"), ":6: expected column header");
        assertBad(GOOD.replace("0.010,8.2300", "0.010,abc"), ":10: field 2 'abc' is not a number");
        assertBad(GOOD.replace("0.010,8.2300", "0.000,8.2300"), ":10: time 0.0 does not increase");
        assertBad(GOOD.replace(",0.00060", ""), ":10: expected 7 fields, found 6");
        assertBad(GOOD.replace("# rate_hz: 100\n", ""), "missing metadata 'rate_hz'");
        assertBad(GOOD.replace("rate_hz: 100", "rate_hz: fast"), "rate_hz 'fast' must be a number");
        assertBad(GOOD.replace("forward_axis: -z", "forward_axis: up"), "'up' is not an axis");
        assertBad(GOOD.replace("0.010,8.2300", "0.010,NaN"), "not finite");
    }

    @Test
    void truncatedGzipIsAClearError() throws IOException {
        Path p = dir.resolve("cut.csv.gz");
        try (RecordingWriter w = RecordingWriter.create(p, 100, Axis.PLUS_X, Map.of())) {
            for (int i = 0; i < 5000; i++) w.sample(i * 0.01, 1, 2, 3, 4, 5, 6);
        }
        byte[] all = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(all, all.length / 2));
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingReader.read(p));
        assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
    }
}
