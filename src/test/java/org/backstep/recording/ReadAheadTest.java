package org.backstep.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.backstep.core.ImuSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {
    @TempDir
    Path dir;

    private static final String HEAD = "# backstep recording v1\n# rate_hz: 100\n# forward_axis: -z\nt,ax,ay,az,gx,gy,gz\n";

    /** Every sample a sink got, as 7 doubles in a row, and the thread it got them on. */
    private static final class Collect implements ImuSink {
        double[] d = new double[0];
        int n;
        Thread thread;

        @Override
        public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
            thread = Thread.currentThread();
            if (7 * (n + 1) > d.length) d = Arrays.copyOf(d, Math.max(70, 2 * d.length));
            System.arraycopy(new double[] {t, ax, ay, az, gx, gy, gz}, 0, d, 7 * n, 7);
            n++;
        }

        double[] samples() {
            return Arrays.copyOf(d, 7 * n);
        }
    }

    /** {@code rows} rows of varied values (plain decimals, and now and then a form only parseDouble reads), then {@code tail}. */
    private Path file(String name, int rows, String tail) throws IOException {
        Random r = new Random(rows);
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < rows; i++) {
            sb.append(String.format(Locale.ROOT, "%.3f", i * 0.01));
            for (int f = 0; f < 6; f++) {
                double v = (r.nextDouble() - 0.5) * (f < 3 ? 40 : 10);
                sb.append(',').append(r.nextInt(50) == 0 ? Double.toString(v * 1e-3) : String.format(Locale.ROOT, f < 3 ? "%.4f" : "%.5f", v));
            }
            sb.append(i % 97 == 5 ? "\r\n" : "\n");
            if (i % 500 == 3) sb.append("# a comment\n\n");
        }
        sb.append(tail);
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    private static Collect plain(Path p, double[] duration) {
        Collect c = new Collect();
        try (RecordingStream s = RecordingReader.open(p)) {
            duration[0] = s.replay(c);
        }
        return c;
    }

    @Test
    void theSameSamplesInTheSameOrderOnTheCallersThread() throws IOException {
        Path p = file("walk.csv", 5_000, "");
        double[] expectedDuration = {0};
        Collect expected = plain(p, expectedDuration);
        assertEquals(5_000, expected.n);
        for (int[] ring : new int[][] {{2, 1}, {2, 7}, {3, 64}, {ReadAhead.BLOCKS, ReadAhead.BLOCK_SAMPLES}}) {
            Collect got = new Collect();
            try (ReadAhead r = new ReadAhead(RecordingReader.open(p), ring[0], ring[1])) {
                assertEquals(expectedDuration[0], r.replay(got), Arrays.toString(ring));
                assertFalse(r.reader().isAlive(), "the read-ahead thread has ended when replay returns");
            }
            assertSame(Thread.currentThread(), got.thread, "the sink runs on the caller's thread");
            double[] e = expected.samples(), g = got.samples();
            assertEquals(e.length, g.length);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(g[i]), "value " + i + " of " + Arrays.toString(ring));
            }
        }
    }

    @Test
    void theEndOfTheFileAtAndAroundABlocksEnd() throws IOException {
        for (int rows : new int[] {0, 1, 6, 7, 8, 14, 15}) {
            Path p = file("n" + rows + ".csv", rows, "");
            double[] expectedDuration = {0};
            Collect expected = plain(p, expectedDuration);
            Collect got = new Collect();
            try (ReadAhead r = new ReadAhead(RecordingReader.open(p), 2, 7)) {
                assertEquals(expectedDuration[0], r.replay(got), "rows " + rows);
            }
            assertEquals(rows, got.n);
            assertArrayEquals(expected.samples(), got.samples(), "rows " + rows);
        }
    }

    @Test
    void aBadRowMidFileIsReportedWithItsLineAfterEverySampleBeforeIt() throws IOException {
        Path p = file("late.csv", 1_000, "10.000,0,0,9.81,0,0,x\n11.000,0,0,9.81,0,0,0\n");
        Collect expected = new Collect();
        RecordingFormatException plainError;
        try (RecordingStream s = RecordingReader.open(p)) {
            plainError = assertThrows(RecordingFormatException.class, () -> s.replay(expected));
        }
        assertTrue(plainError.getMessage().matches(".*late\\.csv:\\d+: field 7 'x' is not a number"), plainError.getMessage());
        for (int[] ring : new int[][] {{2, 7}, {2, 1000}, {4, 1024}}) {
            Collect got = new Collect();
            try (ReadAhead r = new ReadAhead(RecordingReader.open(p), ring[0], ring[1])) {
                RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> r.replay(got));
                assertEquals(plainError.getMessage(), e.getMessage(), "the same one line: the file and the line");
                assertFalse(r.reader().isAlive());
            }
            assertEquals(1_000, got.n, "nothing before the bad line is lost");
            assertArrayEquals(expected.samples(), got.samples());
        }
    }

    @Test
    void aSinkThatFailsStopsTheReadAheadThreadAndItsErrorPropagates() throws IOException {
        Path p = file("long.csv", 20_000, "");
        IllegalStateException failure = new IllegalStateException("sink failed");
        int[] seen = {0};
        ReadAhead r = new ReadAhead(RecordingReader.open(p), 2, 16);
        try (r) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.replay((t, ax, ay, az, gx, gy, gz) -> {
                if (++seen[0] == 40) throw failure;
            }));
            assertSame(failure, e);
            assertFalse(r.reader().isAlive(), "stopped and joined before replay threw");
            assertTrue(r.samplesRead() <= 40 + 2 * 16, "read ahead " + r.samplesRead() + " at most the ring past the sink");
            assertThrows(IllegalStateException.class, () -> r.replay((t, ax, ay, az, gx, gy, gz) -> { }), "replayed once");
        }
        assertEquals(40, seen[0]);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theRingBoundsWhatIsReadAhead() throws IOException {
        Path p = file("bounded.csv", 2_000, "");
        int[] seen = {0};
        long[] aheadAtFirst = {-1};
        try (ReadAhead r = new ReadAhead(RecordingReader.open(p), 3, 5)) {
            r.replay((t, ax, ay, az, gx, gy, gz) -> {
                if (seen[0]++ > 0) return;
                // hold the first block until the reader waits for a free one: a state, not a time
                Thread reader = r.reader();
                while (reader.getState() != Thread.State.WAITING) {
                    assertTrue(reader.isAlive(), "the reader finished the file: the ring did not bound it");
                    Thread.onSpinWait();
                }
                aheadAtFirst[0] = r.samplesRead();
            });
        }
        assertEquals(3 * 5, aheadAtFirst[0], "the block in the sink's hands and the two others, filled; no more");
        assertEquals(2_000, seen[0]);
    }
}
