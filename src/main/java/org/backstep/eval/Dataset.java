package org.backstep.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backstep.event.Direction;

/**
 * An evaluation folder laid out like {@code ../shared/data}: {@code manifest.csv},
 * {@code recordings/<name>.csv[.gz]}, {@code truth/<name>.steps.csv} and {@code .windows.csv}.
 */
public final class Dataset {
    private final Path root;
    private final List<Entry> entries;

    /** One manifest row. */
    public record Entry(String recording, String subject, String activity, String direction, double rateHz,
                        double durationS, int truthSteps, String expect, String source) {
        public boolean isWalk() {
            return activity.startsWith("walk");
        }
    }

    /** A true step; {@code t} is NaN when the reference lost its time (it still counts). */
    public record TrueStep(double t, Direction direction) {
    }

    /** An annotated interval. */
    public record Window(double from, double to) {
        public boolean contains(double t) {
            return t >= from && t <= to;
        }
    }

    private Dataset(Path root, List<Entry> entries) {
        this.root = root;
        this.entries = entries;
    }

    public static Dataset open(Path root) {
        Path manifest = root.resolve("manifest.csv");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException(root + ": no manifest.csv (expected a folder laid out like ../shared/data)");
        }
        List<Entry> list = new ArrayList<>();
        List<String> lines = readLines(manifest);
        if (lines.isEmpty()) throw new IllegalArgumentException(manifest + ": empty");
        Map<String, Integer> col = new HashMap<>();
        List<String> head = Csv.split(lines.get(0));
        for (int i = 0; i < head.size(); i++) col.put(head.get(i).trim(), i);
        for (String need : List.of("recording", "activity", "direction", "truth_steps")) {
            if (!col.containsKey(need)) throw new IllegalArgumentException(manifest + ": no column '" + need + "'");
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            List<String> f = Csv.split(line);
            try {
                list.add(new Entry(get(f, col, "recording"), get(f, col, "subject"), get(f, col, "activity"),
                        get(f, col, "direction"), num(get(f, col, "rate_hz")), num(get(f, col, "duration_s")),
                        (int) num(get(f, col, "truth_steps")), get(f, col, "expect"), get(f, col, "source")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(manifest + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Dataset(root, Collections.unmodifiableList(list));
    }

    public Path root() {
        return root;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The recording file of an entry ({@code .csv.gz} preferred, then {@code .csv}). */
    public Path recordingFile(Entry e) {
        Path gz = root.resolve("recordings").resolve(e.recording() + ".csv.gz");
        return Files.exists(gz) ? gz : root.resolve("recordings").resolve(e.recording() + ".csv");
    }

    /** True steps, or an empty list when the recording has no step truth. */
    public List<TrueStep> steps(Entry e) {
        Path p = root.resolve("truth").resolve(e.recording() + ".steps.csv");
        if (!Files.exists(p)) return List.of();
        List<TrueStep> out = new ArrayList<>();
        List<String> lines = readLines(p);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            List<String> f = Csv.split(line);
            double t = f.get(0).isBlank() ? Double.NaN : Double.parseDouble(f.get(0));
            out.add(new TrueStep(t, Direction.parse(f.get(1))));
        }
        return out;
    }

    /** Annotated windows, or an empty list. */
    public List<Window> windows(Entry e) {
        Path p = root.resolve("truth").resolve(e.recording() + ".windows.csv");
        if (!Files.exists(p)) return List.of();
        List<Window> out = new ArrayList<>();
        List<String> lines = readLines(p);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            List<String> f = Csv.split(lines.get(i));
            out.add(new Window(Double.parseDouble(f.get(0)), Double.parseDouble(f.get(1))));
        }
        return out;
    }

    /** The Xsens orientation reference if present: rows of {t, roll_deg, pitch_deg, yaw_deg}. */
    public List<double[]> xsensOrientation(Entry e) {
        Path p = root.resolve("truth").resolve(e.recording() + ".xsens_orientation.csv");
        if (!Files.exists(p)) return List.of();
        List<double[]> out = new ArrayList<>();
        List<String> lines = readLines(p);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            List<String> f = Csv.split(lines.get(i));
            double[] row = new double[f.size()];
            for (int k = 0; k < row.length; k++) row[k] = Double.parseDouble(f.get(k));
            out.add(row);
        }
        return out;
    }

    private static String get(List<String> f, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= f.size() ? "" : f.get(i).trim();
    }

    private static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException ex) {
            throw new UncheckedIOException(p + ": " + ex.getMessage(), ex);
        }
    }

    /** Minimal RFC 4180 field splitter (quoted fields with commas and doubled quotes). */
    static final class Csv {
        private Csv() {
        }

        static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            cur.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cur.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
            out.add(cur.toString());
            return out;
        }
    }
}
