package org.backstep.store;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A cache of the daily totals folded from the sealed journal segments 1..N, so a start replays only the
 * segments after N. It lists every segment it covers with its size and CRC-32C; it is used only if the
 * journal's sealed segments 1..N are exactly those, byte for byte, and every line of the snapshot has its
 * checksum right. Otherwise it is ignored and the journal is replayed in full: the journal always wins, so
 * the device's totals and an export's (which replays the journal) cannot disagree. Written at start (never
 * while running) through a temporary file, fsync, rename, fsync dir.
 */
final class Snapshot {
    static final String FILE = "totals.snapshot";
    private static final long VERSION = 3;

    private Snapshot() { }

    record Loaded(Totals totals, int segment) { }

    static Loaded load(StoreFiles files, Path stateDir, int targetSteps, List<Path> segments) {
        Path f = stateDir.resolve(FILE);
        if (!files.exists(f)) return null;
        try {
            List<String> lines = new String(files.read(f), StandardCharsets.UTF_8).lines().toList();
            List<Map<String, Object>> recs = new ArrayList<>();
            for (String l : lines) {
                Map<String, Object> r = JournalLine.decode(l);
                if (r == null) throw new IOException("bad line");
                recs.add(r);
            }
            if (recs.isEmpty()) throw new IOException("empty");
            Map<String, Object> head = recs.get(0);
            if (Totals.num(head, "v") != VERSION || Totals.num(head, "lines") != recs.size()) throw new IOException("bad header");
            String[] covered = String.valueOf(head.get("segs")).split(" ");
            if (covered.length >= segments.size()) throw new IOException("covers the newest segment");
            int last = 0;
            for (int i = 0; i < covered.length; i++) {
                Path seg = segments.get(i);
                if (!covered[i].equals(fingerprint(files, seg)))
                    throw new IOException("segment " + seg.getFileName() + " differs from the one it covered");
                last = Journal.number(seg);
            }
            Totals t = Totals.restore(targetSteps, recs.subList(1, recs.size()), Totals.num(head, "lastSeq"));
            return new Loaded(t, last);
        } catch (IOException | RuntimeException e) {
            Logger.warn("daily totals snapshot ignored ({}); replaying the whole journal", e.getMessage());
            return null;
        }
    }

    /** {@code number:size:crc32c} of a segment file as it is now. */
    static String fingerprint(StoreFiles files, Path segment) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] data = files.read(segment);
        crc.update(data, 0, data.length);
        return Journal.number(segment) + ":" + data.length + ":" + Long.toHexString(crc.getValue());
    }

    /** Writes the totals of {@code covered}, the journal's sealed segments from the first on. */
    static void write(StoreFiles files, Path stateDir, Totals totals, List<Path> covered) {
        Path f = stateDir.resolve(FILE);
        Path tmp = stateDir.resolve(FILE + ".tmp");
        try {
            List<Map<String, Object>> body = totals.dump();
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("v", VERSION);
            StringBuilder segs = new StringBuilder();
            for (Path p : covered) segs.append(segs.length() > 0 ? " " : "").append(fingerprint(files, p));
            head.put("segs", segs.toString());
            head.put("lastSeq", totals.lastSeq());
            head.put("lines", (long) body.size() + 1);
            StringBuilder sb = new StringBuilder();
            sb.append(JournalLine.encode(head)).append('\n');
            for (Map<String, Object> r : body) sb.append(JournalLine.encode(r)).append('\n');
            try (StoreFiles.Handle h = files.create(tmp)) {
                h.append(sb.toString().getBytes(StandardCharsets.UTF_8));
                h.sync();
            }
            files.replace(tmp, f);
            files.syncDir(stateDir);
        } catch (IOException | RuntimeException e) {
            Logger.warn("could not write the daily totals snapshot ({}); the journal is replayed in full next start", e.getMessage());
            try { files.deleteIfExists(tmp); } catch (IOException ignored) { }
        }
    }
}
