package org.backstep.store;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cache of the daily totals folded from the sealed journal segments 1..N, so a start replays only the
 * segments after N. It names segment N and that segment's size; it is used only if both still match and
 * every line's checksum is right, otherwise it is ignored and the journal is replayed in full: the journal
 * always wins. Written at start (never while running) through a temporary file, fsync, rename, fsync dir.
 */
final class Snapshot {
    static final String FILE = "totals.snapshot";
    private static final long VERSION = 2;

    private Snapshot() { }

    record Loaded(Totals totals, int segment) { }

    static Loaded load(Path stateDir, int targetSteps, List<Path> segments) {
        Path f = stateDir.resolve(FILE);
        if (!Files.isRegularFile(f)) return null;
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            List<Map<String, Object>> recs = new ArrayList<>();
            for (String l : lines) {
                Map<String, Object> r = JournalLine.decode(l);
                if (r == null) throw new IOException("bad line");
                recs.add(r);
            }
            if (recs.isEmpty()) throw new IOException("empty");
            Map<String, Object> head = recs.get(0);
            if (Totals.num(head, "v") != VERSION || Totals.num(head, "lines") != recs.size()) throw new IOException("bad header");
            int seg = (int) Totals.num(head, "segment");
            long size = Totals.num(head, "size");
            Path covered = null;
            for (Path p : segments) if (Journal.number(p) == seg) covered = p;
            if (covered == null || Files.size(covered) != size || Journal.number(segments.get(segments.size() - 1)) <= seg)
                throw new IOException("does not match the journal");
            Totals t = Totals.restore(targetSteps, recs.subList(1, recs.size()), Totals.num(head, "lastSeq"));
            return new Loaded(t, seg);
        } catch (IOException | RuntimeException e) {
            Logger.warn("daily totals snapshot ignored ({}); replaying the whole journal", e.getMessage());
            return null;
        }
    }

    static void write(Path stateDir, Totals totals, Path coveredSegment) {
        Path f = stateDir.resolve(FILE);
        Path tmp = stateDir.resolve(FILE + ".tmp");
        try {
            List<Map<String, Object>> body = totals.dump();
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("v", VERSION);
            head.put("segment", (long) Journal.number(coveredSegment));
            head.put("size", Files.size(coveredSegment));
            head.put("lastSeq", totals.lastSeq());
            head.put("lines", (long) body.size() + 1);
            StringBuilder sb = new StringBuilder();
            sb.append(JournalLine.encode(head)).append('\n');
            for (Map<String, Object> r : body) sb.append(JournalLine.encode(r)).append('\n');
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                var buf = java.nio.ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Journal.fsyncDir(stateDir);
        } catch (IOException | RuntimeException e) {
            Logger.warn("could not write the daily totals snapshot ({}); the journal is replayed in full next start", e.getMessage());
            try { Files.deleteIfExists(tmp); } catch (IOException ignored) { }
        }
    }
}
