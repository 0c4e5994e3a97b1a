package org.backstep.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.backstep.core.Axis;
import org.backstep.core.ImuSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingStreamTest {
    @TempDir
    Path dir;

    private static final String HEAD = "# backstep recording v1\n# rate_hz: 100\n# forward_axis: -z\nt,ax,ay,az,gx,gy,gz\n";

    private static double bytes(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Decimal.parse(b, 0, b.length);
    }

    @Test
    void plainDecimalsHaveExactlyTheValueParseDoubleGives() {
        Random r = new Random(7);
        for (int i = 0; i < 30_000; i++) {
            int decimals = r.nextInt(10);
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(8));
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
            if (v >= 0 && r.nextInt(10) == 0) s = "+" + s;
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(bytes(s)), s);
        }
        for (String s : new String[] {"0", "-0.000", "007.50", ".5", "5.", "-.25", "9007199254740992", "0.00000000000000001",
                "1.797693134862315", "0.1", "0.3"}) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(bytes(s)), s);
        }
    }

    @Test
    void anythingElseIsLeftToParseDouble() {
        for (String s : new String[] {"", "-", "+", ".", "1.2.3", "1e3", "1E-3", "0x1p3", "4d", "2f", "NaN", "Infinity",
                "1234567890123456789", "123456789012345678", "9007199254740993", "1 2", "--1"}) {
            assertTrue(Double.isNaN(bytes(s)), s);
        }
    }

    @Test
    void everyNumberSyntaxParseDoubleTakesKeepsItsValue() throws IOException {
        Path p = dir.resolve("odd.csv");
        Files.writeString(p, HEAD + " 0.5 ,1e-3,+2.5,0x1p1,4d,1.00000000000000000001,-0\r\n"
                + "1,2E1,-.5,5.,\t3 ,0.0000000000000000001234,1f\r"
                + "2,1,2,3,4,5,6");
        Recording r = RecordingReader.read(p);
        assertEquals(3, r.size());
        double[] row0 = {0.5, 1e-3, 2.5, 0x1p1, 4d, 1.00000000000000000001, -0.0};
        double[] got0 = {r.t()[0], r.ax()[0], r.ay()[0], r.az()[0], r.gx()[0], r.gy()[0], r.gz()[0]};
        for (int i = 0; i < 7; i++) assertEquals(Double.doubleToRawLongBits(row0[i]), Double.doubleToRawLongBits(got0[i]), "field " + i);
        assertEquals(20.0, r.ax()[1]);
        assertEquals(1.234e-19, r.gy()[1]);
        assertEquals(6.0, r.gz()[2], "last line without a line break");
    }

    @Test
    void samplesStreamBeforeALaterBadLineIsFound() throws IOException {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < 100; i++) sb.append(i * 0.01).append(",0,0,9.81,0,0,0\n");
        sb.append("1.0,0,0,9.81,0,0,x\n");
        Path p = dir.resolve("late.csv");
        Files.writeString(p, sb.toString());
        int[] seen = {0};
        try (RecordingStream s = RecordingReader.open(p)) {
            assertEquals(100, s.rateHz());
            assertEquals(Axis.MINUS_Z, s.forwardAxis());
            RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> s.replay((t, ax, ay, az, gx, gy, gz) -> seen[0]++));
            assertTrue(e.getMessage().endsWith("late.csv:105: field 7 'x' is not a number"), e.getMessage());
        }
        assertEquals(100, seen[0]);
    }

    @Test
    void streamingAllocatesNothingPerSample() throws IOException {
        Path p = dir.resolve("long.csv.gz");
        int n = 200_000;
        try (RecordingWriter w = RecordingWriter.create(p, 100, Axis.MINUS_Z, Map.of())) {
            for (int i = 0; i < n; i++) w.sample(i * 0.01, 9.81 + Math.sin(i), -0.5, 1.25, 0.01 * Math.cos(i), -0.002, 0.3);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] sum = {0};
        ImuSink sink = (t, ax, ay, az, gx, gy, gz) -> sum[0] += ax;
        for (int warm = 0; warm < 2; warm++) {
            try (RecordingStream s = RecordingReader.open(p)) {
                s.replay(sink);
            }
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        double duration;
        try (RecordingStream s = RecordingReader.open(p)) {
            duration = s.replay(sink);
        }
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        assertEquals((n - 1) * 0.01, duration, 1e-9);
        // opening costs the gzip and line buffers (about 200 KB); a String or an array growth per sample would be megabytes
        assertTrue(bytes < 400_000, "streamed " + n + " samples allocating " + bytes + " bytes");
    }

    @Test
    void aHugeLineIsOneLineErrorNotAnOutOfMemoryError() throws IOException {
        Path p = dir.resolve("bomb.csv.gz");
        byte[] zeros = new byte[1 << 20];
        Arrays.fill(zeros, (byte) '7');
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
            o.write(HEAD.getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 64; i++) o.write(zeros);     // a 64 MB line from a file of about 64 KB
        }
        assertTrue(Files.size(p) < 500_000);
        try (RecordingStream s = RecordingReader.open(p)) {
            RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> s.replay((t, ax, ay, az, gx, gy, gz) -> { }));
            assertTrue(e.getMessage().endsWith("bomb.csv.gz:5: line longer than 8192 bytes: not a recording"), e.getMessage());
        }
        Path head = dir.resolve("head.csv");
        Files.writeString(head, "# backstep recording v1\n# source: " + "x".repeat(10_000) + "\n");
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingReader.read(head));
        assertTrue(e.getMessage().endsWith("head.csv:2: line longer than 8192 bytes: not a recording"), e.getMessage());
    }

    @Test
    void tooManySamplesIsOneLine() throws IOException {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < 1001; i++) sb.append(i).append(",0,0,9.81,0,0,0\n");
        Path p = dir.resolve("many.csv");
        Files.writeString(p, sb.toString());
        try (RecordingStream s = RecordingReader.open(p, 1000)) {
            RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> s.replay((t, ax, ay, az, gx, gy, gz) -> { }));
            assertTrue(e.getMessage().endsWith("many.csv:1005: more than 1000 samples (7 days at 100 Hz): not a recording"), e.getMessage());
        }
        try (RecordingStream s = RecordingReader.open(p)) {
            assertEquals(1000, s.replay((t, ax, ay, az, gx, gy, gz) -> { }), 1e-9, "the default cap is a week at the file's rate");
        }
    }

    @Test
    void valuesBeyondAnySensorAreRejected() throws IOException {
        String[][] cases = {
                {"0,1e308,0,0,0,0,0", "field 2 (ax) 1.0E308 is beyond a sensor's range (+-313.8 m/s^2, 32 g)"},
                {"0,0,0,-314,0,0,0", "field 4 (az) -314.0 is beyond a sensor's range"},
                {"0,0,0,9.81,0,0,70", "field 7 (gz) 70.0 is beyond a sensor's range (+-69.81 rad/s, 4000 deg/s)"},
                {"2e9,0,0,9.81,0,0,0", "field 1 (t) 2.0E9 is beyond +-1e9 s"},
        };
        for (String[] c : cases) {
            Path p = dir.resolve("far.csv");
            Files.writeString(p, HEAD + c[0] + "\n");
            RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingReader.read(p));
            assertTrue(e.getMessage().contains("far.csv:5: " + c[1]), e.getMessage());
        }
        Path edge = dir.resolve("edge.csv");
        Files.writeString(edge, HEAD + "0,-156.9064,156.9064,313.8,-34.9066,34.9066,69.8\n");
        assertEquals(1, RecordingReader.read(edge).size(), "16 g and 2000 deg/s, saturated, and up to twice that are measurements");
    }

    @Test
    void everyLineFormMixedAcrossBufferEndsKeepsParseDoublesValuesAndLineNumbers() throws IOException {
        // sample rows of plain decimals (read in one pass) among every other form (read line by line),
        // about 300 KB so that rows straddle the 64 KB buffer's refills
        Random r = new Random(21);
        StringBuilder sb = new StringBuilder(HEAD);
        java.util.List<double[]> want = new java.util.ArrayList<>();
        int line = 4;
        for (int i = 0; i < 5000; i++) {
            int kind = r.nextInt(20);
            line++;
            if (kind == 0) {
                sb.append(r.nextBoolean() ? "# a comment\n" : "  \t\n");
                continue;
            }
            double[] v = new double[7];
            StringBuilder row = new StringBuilder();
            for (int f = 0; f < 7; f++) {
                String s;
                if (f == 0) {
                    s = String.format(Locale.ROOT, "%.3f", i * 0.01 + 0.001);
                } else {
                    double x = (r.nextDouble() - 0.5) * (f <= 3 ? 300 : 60);
                    s = switch (r.nextInt(12)) {
                        case 0 -> String.format(Locale.ROOT, "%.15f", x);          // 17 or 18 digits, still plain
                        case 1 -> String.format(Locale.ROOT, "%.17f", x);          // 19 digits: parseDouble
                        case 2 -> String.format(Locale.ROOT, "%e", x);             // an exponent
                        case 3 -> " " + String.format(Locale.ROOT, "%.4f", x) + " ";
                        case 4 -> (x >= 0 ? "+" : "") + String.format(Locale.ROOT, "%.2f", x);
                        case 5 -> String.format(Locale.ROOT, "%.0f", x) + ".";
                        default -> String.format(Locale.ROOT, "%." + (4 + r.nextInt(2)) + "f", x);
                    };
                }
                v[f] = Double.parseDouble(s.trim());
                row.append(f == 0 ? "" : ",").append(s);
            }
            want.add(v);
            sb.append(row).append(kind == 1 ? "\r\n" : kind == 2 ? "\r" : "\n");
        }
        sb.append("99999,0,0,9.81,0,0,1e400\n");
        Path p = dir.resolve("mixed.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
            o.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(sb.length() > 4 * (1 << 16), "spans several buffers: " + sb.length());
        java.util.List<double[]> got = new java.util.ArrayList<>();
        try (RecordingStream s = RecordingReader.open(p)) {
            RecordingFormatException e = assertThrows(RecordingFormatException.class,
                    () -> s.replay((t, ax, ay, az, gx, gy, gz) -> got.add(new double[] {t, ax, ay, az, gx, gy, gz})));
            assertTrue(e.getMessage().endsWith("mixed.csv.gz:" + (line + 1) + ": field 7 is not finite"), e.getMessage());
        }
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            for (int f = 0; f < 7; f++) {
                assertEquals(Double.doubleToRawLongBits(want.get(i)[f]), Double.doubleToRawLongBits(got.get(i)[f]), "row " + i + " field " + f);
            }
        }
    }

    @Test
    void aPlainRowOutOfOrderOrOutOfRangeNamesItsLine() throws IOException {
        Path p = dir.resolve("order.csv");
        Files.writeString(p, HEAD + "0.010,0,0,9.81,0,0,0\n0.020,0,0,9.81,0,0,0\n0.015,0,0,9.81,0,0,0\n");
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingReader.read(p));
        assertTrue(e.getMessage().endsWith("order.csv:7: time 0.015 does not increase (previous 0.02)"), e.getMessage());
        Files.writeString(p, HEAD + "0.010,0,0,9.81,0,0,0\n0.020,0,400.0,9.81,0,0,0\n");
        e = assertThrows(RecordingFormatException.class, () -> RecordingReader.read(p));
        assertTrue(e.getMessage().endsWith("order.csv:6: field 3 (ay) 400.0 is beyond a sensor's range (+-313.8 m/s^2, 32 g)"), e.getMessage());
        Files.writeString(p, HEAD + "0.010,0,0,9.81,0,0,0,0\n");
        e = assertThrows(RecordingFormatException.class, () -> RecordingReader.read(p));
        assertTrue(e.getMessage().endsWith("order.csv:5: more than 7 fields"), e.getMessage());
        Files.writeString(p, HEAD + "0.010,0,0,9.81,0,0\n");
        e = assertThrows(RecordingFormatException.class, () -> RecordingReader.read(p));
        assertTrue(e.getMessage().endsWith("order.csv:5: expected 7 fields, found 6"), e.getMessage());
    }

    @Test
    void aLastRowWithoutLineBreakAndZeroBytesReadAsBefore() throws IOException {
        // the one-pass reader stops at a 0 byte it keeps after the bytes read: a real 0 byte in a row, or a
        // last row with no line break, must still be read as the line reader reads them
        Path p = dir.resolve("ends.csv");
        Files.write(p, (HEAD + "0.010,0,0,9.81,0,0,0\n0.020,0,0,9.5\0,0,0,0\n0.030,1.5,0,9.81,0,0,0.25").getBytes(StandardCharsets.US_ASCII));
        java.util.List<double[]> got = new java.util.ArrayList<>();
        try (RecordingStream s = RecordingReader.open(p)) {
            s.replay((t, ax, ay, az, gx, gy, gz) -> got.add(new double[] {t, ax, ay, az, gx, gy, gz}));
        }
        assertEquals(3, got.size());
        assertEquals(9.5, got.get(1)[3]);
        assertEquals(0.03, got.get(2)[0]);
        assertEquals(1.5, got.get(2)[1]);
        assertEquals(0.25, got.get(2)[6]);
        Files.write(p, (HEAD + "0.010,0,0,9.81,0,0,0\n0.020,0,\0,9.5,0,0,0\n").getBytes(StandardCharsets.US_ASCII));
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingReader.read(p));
        assertTrue(e.getMessage().contains("ends.csv:6: field 3 "), e.getMessage());
    }
}
