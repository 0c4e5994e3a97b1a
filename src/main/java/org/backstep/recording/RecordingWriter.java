package org.backstep.recording;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.backstep.core.Axis;
import org.backstep.core.ImuSink;

/**
 * Writes recording format v1, one sample at a time ({@code .csv.gz} is gzipped). Values are
 * written with the precision of the format: milliseconds for time, 4 decimals for m/s^2, 5 for rad/s.
 */
public final class RecordingWriter implements ImuSink, AutoCloseable {
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(96);

    public RecordingWriter(OutputStream os, double rateHz, Axis forwardAxis, Map<String, String> extraMetadata) {
        this.out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        try {
            out.write(RecordingReader.MAGIC);
            out.write('\n');
            for (Map.Entry<String, String> e : extraMetadata.entrySet()) {
                out.write("# " + e.getKey() + ": " + e.getValue().replace('\n', ' ') + "\n");
            }
            out.write("# rate_hz: " + trimNumber(rateHz) + "\n");
            out.write("# forward_axis: " + (forwardAxis == null ? "unknown" : forwardAxis.label()) + "\n");
            out.write(RecordingReader.HEADER);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens {@code file} for writing (gzipped when it ends with {@code .gz}). */
    public static RecordingWriter create(Path file, double rateHz, Axis forwardAxis, Map<String, String> meta) throws IOException {
        OutputStream os = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) os = new GZIPOutputStream(os, 1 << 16);
        return new RecordingWriter(os, rateHz, forwardAxis, meta);
    }

    @Override
    public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
        line.setLength(0);
        fixed(line, t, 3).append(',');
        fixed(line, ax, 4).append(',');
        fixed(line, ay, 4).append(',');
        fixed(line, az, 4).append(',');
        fixed(line, gx, 5).append(',');
        fixed(line, gy, 5).append(',');
        fixed(line, gz, 5).append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends {@code v} rounded to {@code decimals} places without allocating. */
    static StringBuilder fixed(StringBuilder sb, double v, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) scale *= 10;
        long q = Math.round(Math.abs(v) * scale);
        if (v < 0 && q != 0) sb.append('-');
        sb.append(q / scale).append('.');
        long frac = q % scale;
        for (long s = scale / 10; s > 1 && frac < s; s /= 10) sb.append('0');
        sb.append(frac);
        return sb;
    }

    private static String trimNumber(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
