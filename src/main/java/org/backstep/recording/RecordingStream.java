package org.backstep.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backstep.core.Axis;
import org.backstep.core.ImuSink;

/**
 * A recording file read as it streams: the metadata and the column header are read on opening, the
 * samples are handed to a sink one at a time as they are parsed, in constant memory, allocating
 * nothing per sample. Open it with {@link RecordingReader#open}.
 *
 * <p>Lines are read as bytes (a line break is {@code \n}, {@code \r} or {@code \r\n}, as for
 * {@code BufferedReader}); numbers in the writers' plain decimal form are read by {@link Decimal},
 * anything else by {@code Double.parseDouble}, so every number keeps the value it had. A hostile file
 * cannot exhaust memory or fill the output with nonsense: a line is at most
 * {@link RecordingReader#MAX_LINE_BYTES}, a file at most {@link RecordingReader#MAX_DAYS} days of samples
 * at its own rate, and values must lie in a sensor's physical range.
 */
public final class RecordingStream implements RecordingSource, AutoCloseable {
    private static final String[] FIELDS = RecordingReader.HEADER.split(",");

    private final InputStream in;
    private final String label;
    private final String name;
    private final Map<String, String> metadata;
    private final double rateHz;
    private final Axis forwardAxis;
    private final long maxSamples;

    /** Bytes read ahead at most. */
    private static final int CAPACITY = 1 << 16;
    /**
     * The bytes read ahead, and one more: {@code buf[lim]} is always 0, a byte no number, separator or
     * line break has, so {@link #fastRow} stops there without comparing each position with {@code lim}.
     */
    private final byte[] buf = new byte[CAPACITY + 1];
    private int pos, lim, lineStart, lineEnd, lineNo;
    private boolean eof, skipLf, replayed, inBlocks;
    /** A malformed line {@link #read} found after samples it returned: the next call throws it. */
    private RecordingFormatException pending;
    private final double[] row = new double[7];
    /** Samples handed on so far, and the times of the first and the last. */
    private long samples;
    private double first, last;

    RecordingStream(InputStream in, String label, String name, long maxSamples) throws IOException {
        this.in = in;
        this.label = label;
        this.name = name;
        Map<String, String> meta = new LinkedHashMap<>();
        boolean sawHeader = false;
        while (!sawHeader && nextLine()) {
            String line = new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
            if (lineNo == 1 && !line.startsWith("# backstep recording")) {
                throw error("not a backstep recording (first line must be '" + RecordingReader.MAGIC + "')");
            }
            if (line.startsWith("#")) {
                if (lineNo == 1 && !line.trim().equals(RecordingReader.MAGIC)) {
                    throw error("unsupported version '" + line.trim() + "' (this reader takes v1)");
                }
                int colon = line.indexOf(':');
                if (colon > 0 && lineNo > 1) meta.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
            } else if (!line.isBlank()) {
                if (!line.trim().equals(RecordingReader.HEADER)) {
                    throw error("expected column header '" + RecordingReader.HEADER + "', found '" + abbreviate(line) + "'");
                }
                sawHeader = true;
            }
        }
        if (!sawHeader) throw error("no column header '" + RecordingReader.HEADER + "'");
        this.metadata = Collections.unmodifiableMap(meta);
        this.rateHz = RecordingReader.parseRate(meta.get("rate_hz"), label);
        this.forwardAxis = RecordingReader.parseAxis(meta.get("forward_axis"), label);
        this.maxSamples = maxSamples > 0 ? maxSamples : (long) Math.ceil(rateHz * RecordingReader.MAX_DAYS * 86_400);
    }

    @Override
    public String name() {
        return name;
    }

    /** Every {@code # key: value} line before the column header, in file order; a later line of a key wins. */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public double rateHz() {
        return rateHz;
    }

    @Override
    public Axis forwardAxis() {
        return forwardAxis;
    }

    /** Streams the samples; a stream is replayed once. */
    @Override
    public double replay(ImuSink sink) {
        if (replayed) throw new IllegalStateException(label + ": a recording stream is replayed once");
        replayed = true;
        try {
            // the loop does nothing but call: a JIT compiles a method after a few hundred calls, and a loop
            // only after tens of thousands of turns, which the interpreter would run meanwhile
            while (next(sink)) {
                // each call handed one sample on
            }
        } catch (IOException e) {
            throw new RecordingFormatException(label + ": cannot read: " + e.getMessage(), e);
        }
        return duration();
    }

    /** Reads the next sample row and hands it to {@code sink}; false at the end of the input. */
    private boolean next(ImuSink sink) throws IOException {
        double[] r = row;
        if (!nextRow(r, 0)) return false;
        sink.sample(r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
        return true;
    }

    /**
     * Reads up to {@code max} samples into {@code into}, seven values each ({@code t ax ay az gx gy gz}), the
     * first at index {@code 7 * from}: the rows parsed straight into the caller's block, with no call per sample. Returns how
     * many, 0 at the end of the input. A malformed line ends the samples before it: they are returned,
     * and the next call throws its error. For a reader that hands samples on in blocks ({@link ReadAhead});
     * a stream is read this way or replayed, once.
     */
    int read(double[] into, int from, int max) {
        if (pending != null) {
            RecordingFormatException e = pending;
            pending = null;
            throw e;
        }
        if (replayed && !inBlocks) throw new IllegalStateException(label + ": a recording stream is replayed once");
        replayed = inBlocks = true;
        int n = 0;
        try {
            for (int k = 7 * from; n < max && nextRow(into, k); k += 7) n++;
        } catch (RecordingFormatException e) {
            if (n == 0) throw e;
            pending = e;
        } catch (IOException e) {
            RecordingFormatException f = new RecordingFormatException(label + ": cannot read: " + e.getMessage(), e);
            if (n == 0) throw f;
            pending = f;
        }
        return n;
    }

    /** The time and duration so far of what {@link #read} returned: last sample time minus first (0 without samples). */
    double duration() {
        return samples == 0 ? 0 : last - first;
    }

    /** Parses the next sample row into {@code r[k, k + 7)} and checks it against the ones before; false at the end. */
    private boolean nextRow(double[] r, int k) throws IOException {
        if (!fastRow(r, k)) {
            do {
                if (!nextLine()) return false;
            } while (lineEnd == lineStart || buf[lineStart] == '#' || isBlank());
            parseRow();
            System.arraycopy(row, 0, r, k, 7);
        }
        double t = r[k];
        long n = samples;
        if (n > 0 && !(t > last)) throw error("time " + t + " does not increase (previous " + last + ")");
        if (n == maxSamples) throw error("more than " + maxSamples + " samples (" + RecordingReader.MAX_DAYS
                + " days at " + RecordingReader.formatRate(rateHz) + " Hz): not a recording");
        if (n == 0) first = t;
        last = t;
        samples = n + 1;
        return true;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written; a failed close of an input loses nothing
        }
    }

    /**
     * The common line in one pass: a sample row of seven plain decimals ({@link Decimal}'s form, the
     * same arithmetic, so the same values), comma-separated, ended by {@code \n}, wholly in the
     * buffer and within the physical limits. It is parsed into {@code r[k, k + 7)} and consumed. Anything
     * else (a comment, a blank, spaces, an exponent, {@code \r}, a line cut by the buffer's end, a
     * value out of range) consumes nothing and returns false: {@link #nextLine} and
     * {@link #parseRow} then read it, and word any error.
     */
    private boolean fastRow(double[] r, int k) {
        if (skipLf) return false;
        byte[] b = buf;
        int i = pos;
        // no test against the end of the bytes read: the 0 at buf[lim] ends any number and is no separator
        for (int field = 0; field < 7; field++) {
            byte c = b[i];
            boolean negative = c == '-';
            if (negative || c == '+') i++;
            // the integer digits, then those after a point, into one mantissa (past MAX_DIGITS it may
            // wrap, and the row is refused below)
            long m = 0;
            int from = i;
            for (int d; (d = b[i] - '0') >= 0 && d <= 9; i++) m = m * 10 + d;
            int digits = i - from;
            int scale = 0;
            if (b[i] == '.') {
                from = ++i;
                for (int d; (d = b[i] - '0') >= 0 && d <= 9; i++) m = m * 10 + d;
                scale = i - from;
                digits += scale;
            }
            if (digits == 0 || digits > Decimal.MAX_DIGITS || m > Decimal.MAX_EXACT) return false;
            c = b[i];
            double v = m / Decimal.POW10[scale];
            if (negative) v = -v;
            if (!(Math.abs(v) <= LIMITS[field])) return false;
            r[k + field] = v;
            if (c != (field < 6 ? ',' : '\n')) return false;
            i++;
        }
        lineStart = pos;
        lineEnd = i - 1;
        pos = i;
        lineNo++;
        return true;
    }

    private static final double[] LIMITS = new double[7];

    static {
        for (int f = 0; f < 7; f++) LIMITS[f] = RecordingReader.limit(f);
    }

    /** The next line into [lineStart, lineEnd); false at the end of the input. */
    private boolean nextLine() throws IOException {
        if (skipLf) {
            if (pos == lim) fill();
            if (pos < lim && buf[pos] == '\n') pos++;
            skipLf = false;
        }
        int i = pos;
        while (true) {
            for (; i < lim; i++) {
                byte c = buf[i];
                if (c == '\n' || c == '\r') {
                    lineStart = pos;
                    lineEnd = i;
                    pos = i + 1;
                    skipLf = c == '\r';
                    lineNo++;
                    if (lineEnd - lineStart > RecordingReader.MAX_LINE_BYTES) throw tooLong();
                    return true;
                }
            }
            if (i - pos > RecordingReader.MAX_LINE_BYTES) {
                lineNo++;
                throw tooLong();
            }
            if (eof) {
                if (pos == lim) return false;
                lineStart = pos;
                lineEnd = lim;
                pos = lim;
                lineNo++;
                return true;
            }
            i -= pos;
            fill();
        }
    }

    /** Moves the unread bytes to the front and reads more behind them. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        int n = in.read(buf, lim, CAPACITY - lim);
        if (n < 0) eof = true;
        else lim += n;
        buf[lim] = 0;
    }

    private RecordingFormatException tooLong() {
        return error("line longer than " + RecordingReader.MAX_LINE_BYTES + " bytes: not a recording");
    }

    /** As {@code String.isBlank()} on the decoded line. */
    private boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            byte c = buf[i];
            if (c < 0) return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8).isBlank();
            if (!Character.isWhitespace(c)) return false;
        }
        return true;
    }

    private void parseRow() {
        int field = 0;
        int start = lineStart;
        for (int i = lineStart; i <= lineEnd; i++) {
            if (i == lineEnd || buf[i] == ',') {
                if (field >= 7) throw error("more than 7 fields");
                row[field] = number(start, i, field);
                field++;
                start = i + 1;
            }
        }
        if (field != 7) throw error("expected 7 fields, found " + field);
    }

    private double number(int from, int to, int field) {
        int a = from, b = to;
        while (a < b && (buf[a] & 0xff) <= ' ') a++;
        while (b > a && (buf[b - 1] & 0xff) <= ' ') b--;
        double v = Decimal.parse(buf, a, b);
        if (Double.isNaN(v)) {
            String s = new String(buf, from, to - from, StandardCharsets.UTF_8).trim();
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw error("field " + (field + 1) + " '" + abbreviate(s) + "' is not a number");
            }
            if (!Double.isFinite(v)) throw error("field " + (field + 1) + " is not finite");
        }
        double limit = RecordingReader.limit(field);
        if (!(Math.abs(v) <= limit)) {
            throw error("field " + (field + 1) + " (" + FIELDS[field] + ") " + v + " is beyond " + RecordingReader.limitText(field));
        }
        return v;
    }

    private RecordingFormatException error(String what) {
        return new RecordingFormatException(label + ":" + lineNo + ": " + what);
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
