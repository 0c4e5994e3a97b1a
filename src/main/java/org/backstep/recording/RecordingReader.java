package org.backstep.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.backstep.core.Axis;
import org.backstep.core.ImuSink;

/**
 * Reads recording format v1 ({@code .csv} or {@code .csv.gz}); see the README.
 *
 * <p>Strict where a mistake would silently corrupt results (column header, numbers, time order,
 * rate, axis, physical range) and lenient where the format says so (unknown metadata keys, comments,
 * blank lines). Every error is one line naming the file and line number. {@link #open} streams a file
 * in constant memory; {@link #read} holds it (for what needs the whole recording: turning, resampling).
 */
public final class RecordingReader {
    public static final String MAGIC = "# backstep recording v1";
    public static final String HEADER = "t,ax,ay,az,gx,gy,gz";
    static final double MIN_RATE_HZ = 10;
    static final double MAX_RATE_HZ = 2000;

    /**
     * Longest line, bytes. A sample line is about 60 bytes and a metadata line a sentence; a line
     * past this is not a recording (a 2 GB line would otherwise be read into memory whole).
     */
    public static final int MAX_LINE_BYTES = 8192;
    /**
     * Most samples in a file, in days at its own {@code rate_hz}: a recording is a session or a day of
     * them, and a week bounds the time a gzip bomb of valid lines can keep {@code replay} busy.
     */
    public static final int MAX_DAYS = 7;
    /** Standard gravity, m/s^2. */
    private static final double G = 9.80665;
    /**
     * Largest |specific force| per axis, m/s^2: 32 g. The widest full scale of the MPU-6050 and of
     * the sensors in public fall and gait data (ADXL345, Xsens MTw) is 16 g, and a saturated axis reads
     * exactly 16 g; twice that leaves room for another sensor's offset and scale. Past it a number is
     * not a measurement.
     */
    static final double MAX_ACCEL = 32 * G;
    /**
     * Largest |angular rate| per axis, rad/s: 4000 deg/s, twice the widest full scale (2000 deg/s) of
     * the MPU-6050 and of those sensors, for the same reason.
     */
    static final double MAX_GYRO = Math.toRadians(4000);
    /** Largest |t|, s: about 32 years, more than any monotonic or epoch-relative clock's start. */
    static final double MAX_T = 1e9;

    private RecordingReader() {
    }

    /** The recording's name: the file name without {@code .csv} or {@code .csv.gz}. */
    public static String baseName(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".csv.gz")) return n.substring(0, n.length() - 7);
        if (n.endsWith(".csv")) return n.substring(0, n.length() - 4);
        return n;
    }

    /**
     * Opens {@code file} and reads its metadata and column header; the samples stream from
     * {@link RecordingStream#replay}. The caller closes it.
     */
    public static RecordingStream open(Path file) {
        return open(file, 0);
    }

    /** As {@link #open(Path)}, with at most {@code maxSamples} samples (0: {@link #MAX_DAYS} at the file's rate). */
    static RecordingStream open(Path file, long maxSamples) {
        String label = file.toString();
        InputStream raw = null;
        try {
            raw = Files.newInputStream(file);
            InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new RecordingStream(in, label, baseName(file), maxSamples);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new RecordingFormatException(label + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    /** Reads the whole of {@code file} into memory. */
    public static Recording read(Path file) {
        try (RecordingStream s = open(file)) {
            return collect(s, file.toString());
        }
    }

    public static Recording read(InputStream in, String label, String name) throws IOException {
        try (RecordingStream s = new RecordingStream(in, label, name, 0)) {
            return collect(s, label);
        }
    }

    private static Recording collect(RecordingStream s, String label) {
        Columns c = new Columns(label);
        s.replay(c);
        c.trim();
        return new Recording(s.name(), s.metadata(), s.rateHz(), s.forwardAxis(), c.t, c.ax, c.ay, c.az, c.gx, c.gy, c.gz);
    }

    static double parseRate(String s, String label) {
        if (s == null) throw new RecordingFormatException(label + ": missing metadata 'rate_hz' (before the column header)");
        try {
            double v = Double.parseDouble(s);
            if (v >= MIN_RATE_HZ && v <= MAX_RATE_HZ) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new RecordingFormatException(label + ": rate_hz '" + s + "' must be a number from "
                + (int) MIN_RATE_HZ + " to " + (int) MAX_RATE_HZ);
    }

    static Axis parseAxis(String s, String label) {
        if (s == null || s.isBlank() || s.trim().equals("unknown")) return null;
        try {
            return Axis.parse(s);
        } catch (IllegalArgumentException e) {
            throw new RecordingFormatException(label + ": forward_axis " + e.getMessage() + " or unknown");
        }
    }

    /** The largest magnitude field {@code i} (0 = t, 1-3 = a, 4-6 = angular rate) may have. */
    static double limit(int field) {
        return field == 0 ? MAX_T : field <= 3 ? MAX_ACCEL : MAX_GYRO;
    }

    static String limitText(int field) {
        return field == 0 ? "+-1e9 s"
                : field <= 3 ? String.format(Locale.ROOT, "a sensor's range (+-%.1f m/s^2, 32 g)", MAX_ACCEL)
                : String.format(Locale.ROOT, "a sensor's range (+-%.2f rad/s, 4000 deg/s)", MAX_GYRO);
    }

    static String formatRate(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) return;
        try {
            in.close();
        } catch (IOException ignored) {
            // the open failed already; that is what is reported
        }
    }

    /** Growable columns; a file too long for the heap is one line, not an OutOfMemoryError. */
    private static final class Columns implements ImuSink {
        private final String label;
        double[] t = new double[4096], ax = new double[4096], ay = new double[4096], az = new double[4096],
                gx = new double[4096], gy = new double[4096], gz = new double[4096];
        int n;

        Columns(String label) {
            this.label = label;
        }

        @Override
        public void sample(double tt, double x, double y, double z, double u, double v, double w) {
            if (n == t.length) grow();
            t[n] = tt; ax[n] = x; ay[n] = y; az[n] = z; gx[n] = u; gy[n] = v; gz[n] = w;
            n++;
        }

        private void grow() {
            int cap = (int) Math.min(2L * n, Integer.MAX_VALUE - 8);
            if (cap <= n) throw tooLarge();
            try {
                t = Arrays.copyOf(t, cap); ax = Arrays.copyOf(ax, cap); ay = Arrays.copyOf(ay, cap);
                az = Arrays.copyOf(az, cap); gx = Arrays.copyOf(gx, cap); gy = Arrays.copyOf(gy, cap);
                gz = Arrays.copyOf(gz, cap);
            } catch (OutOfMemoryError e) {
                // one failed array allocation: nothing else is half-done, and the arrays are dropped with the error
                t = ax = ay = az = gx = gy = gz = null;
                throw tooLarge();
            }
        }

        private RecordingFormatException tooLarge() {
            return new RecordingFormatException(String.format(Locale.ROOT,
                    "%s: more than %d samples do not fit in memory here (max heap %d MB); replay streams any length",
                    label, n, Runtime.getRuntime().maxMemory() >> 20));
        }

        void trim() {
            t = Arrays.copyOf(t, n); ax = Arrays.copyOf(ax, n); ay = Arrays.copyOf(ay, n); az = Arrays.copyOf(az, n);
            gx = Arrays.copyOf(gx, n); gy = Arrays.copyOf(gy, n); gz = Arrays.copyOf(gz, n);
        }
    }
}
