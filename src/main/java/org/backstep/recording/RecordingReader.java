package org.backstep.recording;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.backstep.core.Axis;

/**
 * Reads recording format v1 ({@code .csv} or {@code .csv.gz}); see the README.
 *
 * <p>Strict where a mistake would silently corrupt results (column header, numbers, time order,
 * rate, axis) and lenient where the format says so (unknown metadata keys, comments, blank lines).
 * Every error is one line naming the file and line number.
 */
public final class RecordingReader {
    public static final String MAGIC = "# backstep recording v1";
    public static final String HEADER = "t,ax,ay,az,gx,gy,gz";
    static final double MIN_RATE_HZ = 10;
    static final double MAX_RATE_HZ = 2000;

    private RecordingReader() {
    }

    /** The recording's name: the file name without {@code .csv} or {@code .csv.gz}. */
    public static String baseName(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".csv.gz")) return n.substring(0, n.length() - 7);
        if (n.endsWith(".csv")) return n.substring(0, n.length() - 4);
        return n;
    }

    public static Recording read(Path file) {
        String label = file.toString();
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            return read(in, label, baseName(file));
        } catch (IOException e) {
            throw new RecordingFormatException(label + ": cannot read: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new RecordingFormatException(label + ": cannot read: " + e.getCause().getMessage(), e);
        }
    }

    public static Recording read(InputStream in, String label, String name) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Map<String, String> meta = new LinkedHashMap<>();
        String line;
        int lineNo = 0;
        boolean sawHeader = false;
        Columns c = new Columns();
        double[] row = new double[7];
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.startsWith("# backstep recording")) {
                throw error(label, lineNo, "not a backstep recording (first line must be '" + MAGIC + "')");
            }
            if (line.startsWith("#")) {
                if (lineNo == 1 && !line.trim().equals(MAGIC)) {
                    throw error(label, lineNo, "unsupported version '" + line.trim() + "' (this reader takes v1)");
                }
                int colon = line.indexOf(':');
                if (colon > 0 && lineNo > 1) {
                    meta.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
                }
                continue;
            }
            if (line.isBlank()) continue;
            if (!sawHeader) {
                if (!line.trim().equals(HEADER)) {
                    throw error(label, lineNo, "expected column header '" + HEADER + "', found '" + abbreviate(line) + "'");
                }
                sawHeader = true;
                continue;
            }
            parseRow(line, row, label, lineNo);
            if (c.n > 0 && !(row[0] > c.t[c.n - 1])) {
                throw error(label, lineNo, "time " + row[0] + " does not increase (previous " + c.t[c.n - 1] + ")");
            }
            c.add(row);
        }
        if (!sawHeader) throw error(label, lineNo, "no column header '" + HEADER + "'");
        double rate = parseRate(meta.get("rate_hz"), label);
        Axis axis = parseAxis(meta.get("forward_axis"), label);
        c.trim();
        return new Recording(name, meta, rate, axis, c.t, c.ax, c.ay, c.az, c.gx, c.gy, c.gz);
    }

    private static void parseRow(String line, double[] out, String label, int lineNo) {
        int field = 0;
        int start = 0;
        int len = line.length();
        for (int i = 0; i <= len; i++) {
            if (i == len || line.charAt(i) == ',') {
                if (field >= 7) throw error(label, lineNo, "more than 7 fields");
                String s = line.substring(start, i).trim();
                double v;
                try {
                    v = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw error(label, lineNo, "field " + (field + 1) + " '" + abbreviate(s) + "' is not a number");
                }
                if (!Double.isFinite(v)) throw error(label, lineNo, "field " + (field + 1) + " is not finite");
                out[field++] = v;
                start = i + 1;
            }
        }
        if (field != 7) throw error(label, lineNo, "expected 7 fields, found " + field);
    }

    private static double parseRate(String s, String label) {
        if (s == null) throw new RecordingFormatException(label + ": missing metadata 'rate_hz'");
        try {
            double v = Double.parseDouble(s);
            if (v >= MIN_RATE_HZ && v <= MAX_RATE_HZ) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new RecordingFormatException(label + ": rate_hz '" + s + "' must be a number from "
                + (int) MIN_RATE_HZ + " to " + (int) MAX_RATE_HZ);
    }

    private static Axis parseAxis(String s, String label) {
        if (s == null || s.isBlank() || s.trim().equals("unknown")) return null;
        try {
            return Axis.parse(s);
        } catch (IllegalArgumentException e) {
            throw new RecordingFormatException(label + ": forward_axis " + e.getMessage() + " or unknown");
        }
    }

    private static RecordingFormatException error(String label, int line, String what) {
        return new RecordingFormatException(label + ":" + line + ": " + what);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Growable columns. */
    private static final class Columns {
        double[] t = new double[4096], ax = new double[4096], ay = new double[4096], az = new double[4096],
                gx = new double[4096], gy = new double[4096], gz = new double[4096];
        int n;

        void add(double[] r) {
            if (n == t.length) {
                int cap = n * 2;
                t = Arrays.copyOf(t, cap); ax = Arrays.copyOf(ax, cap); ay = Arrays.copyOf(ay, cap);
                az = Arrays.copyOf(az, cap); gx = Arrays.copyOf(gx, cap); gy = Arrays.copyOf(gy, cap);
                gz = Arrays.copyOf(gz, cap);
            }
            t[n] = r[0]; ax[n] = r[1]; ay[n] = r[2]; az[n] = r[3]; gx[n] = r[4]; gy[n] = r[5]; gz[n] = r[6];
            n++;
        }

        void trim() {
            t = Arrays.copyOf(t, n); ax = Arrays.copyOf(ax, n); ay = Arrays.copyOf(ay, n); az = Arrays.copyOf(az, n);
            gx = Arrays.copyOf(gx, n); gy = Arrays.copyOf(gy, n); gz = Arrays.copyOf(gz, n);
        }
    }
}
