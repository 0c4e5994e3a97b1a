package org.backstep.store;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.backstep.core.Json;

/**
 * One journal line: a flat JSON object whose last member is {@code "crc"}, the CRC-32C (8 lower-case hex
 * digits) of the UTF-8 bytes of the line before {@code ,"crc":}. Values are strings, integers, decimals,
 * booleans or null. Lines stay valid JSON, so {@code jq} reads the journal directly.
 */
public final class JournalLine {
    private static final String CRC_KEY = ",\"crc\":\"";

    private JournalLine() { }

    /** Serialises a flat record (insertion order kept) and appends the checksum; no trailing newline. */
    public static String encode(Map<String, ?> rec) {
        return seal(members(rec));
    }

    /** Plain JSON of a flat record (no checksum), for export. */
    public static String toJson(Map<String, ?> rec) {
        return members(rec).append('}').toString();
    }

    /** {@code {"k":v,...} without the closing brace; decimals exact (the journal is read back). */
    private static StringBuilder members(Map<String, ?> rec) {
        StringBuilder sb = new StringBuilder(160);
        Json.write(sb, rec, true);
        sb.setLength(sb.length() - 1);
        return sb;
    }

    static String seal(StringBuilder body) {
        CRC32C crc = new CRC32C();
        byte[] b = body.toString().getBytes(StandardCharsets.UTF_8);
        crc.update(b, 0, b.length);
        body.append(CRC_KEY).append(hex8(crc.getValue())).append("\"}");
        return body.toString();
    }

    private static final byte[] CRC_BYTES = CRC_KEY.getBytes(StandardCharsets.UTF_8);

    /** Like {@link #decode(String)} on {@code len} bytes at {@code off}, without copying them twice. */
    public static Map<String, Object> decode(byte[] data, int off, int len) {
        int i = off + len - 10 - CRC_BYTES.length; // start of ,"crc":"
        if (len < CRC_BYTES.length + 12 || data[off + len - 1] != '}' || data[off + len - 2] != '"') return null;
        for (int k = 0; k < CRC_BYTES.length; k++) if (data[i + k] != CRC_BYTES[k]) return null;
        long want = 0;
        for (int k = 0; k < 8; k++) {
            int c = data[i + CRC_BYTES.length + k];
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (v < 0) return null;
            want = (want << 4) | v;
        }
        CRC32C crc = new CRC32C();
        crc.update(data, off, i - off);
        if (crc.getValue() != want) return null;
        try {
            return parse(new String(data, off, i - off, StandardCharsets.UTF_8) + "}");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String hex8(long v) {
        String h = Long.toHexString(v);
        return "00000000".substring(h.length()) + h;
    }

    /** The record without the checksum member, or null if the line is torn or corrupt. */
    public static Map<String, Object> decode(String line) {
        int i = line.lastIndexOf(CRC_KEY);
        if (i <= 0 || !line.endsWith("\"}") || line.length() != i + CRC_KEY.length() + 10) return null;
        String body = line.substring(0, i);
        CRC32C crc = new CRC32C();
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        crc.update(b, 0, b.length);
        String want = line.substring(i + CRC_KEY.length(), i + CRC_KEY.length() + 8);
        if (!hex8(crc.getValue()).equals(want)) return null;
        try {
            return parse(body + "}");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The line without its checksum member (plain JSON for export). */
    public static String stripChecksum(String line) {
        int i = line.lastIndexOf(CRC_KEY);
        return i <= 0 ? line : line.substring(0, i) + "}";
    }

    /** Parses one flat JSON object (no nested objects or arrays). */
    static Map<String, Object> parse(String s) {
        Map<String, Object> m = new LinkedHashMap<>();
        int[] pos = {0};
        skipWs(s, pos);
        expect(s, pos, '{');
        skipWs(s, pos);
        if (s.charAt(pos[0]) == '}') return m;
        while (true) {
            skipWs(s, pos);
            String key = string(s, pos);
            skipWs(s, pos);
            expect(s, pos, ':');
            skipWs(s, pos);
            m.put(key, parseValue(s, pos));
            skipWs(s, pos);
            char c = s.charAt(pos[0]++);
            if (c == '}') break;
            if (c != ',') throw new IllegalArgumentException("bad json at " + pos[0]);
        }
        skipWs(s, pos);
        if (pos[0] != s.length()) throw new IllegalArgumentException("trailing data");
        return m;
    }

    private static Object parseValue(String s, int[] pos) {
        char c = s.charAt(pos[0]);
        if (c == '"') return string(s, pos);
        if (s.startsWith("null", pos[0])) { pos[0] += 4; return null; }
        if (s.startsWith("true", pos[0])) { pos[0] += 4; return Boolean.TRUE; }
        if (s.startsWith("false", pos[0])) { pos[0] += 5; return Boolean.FALSE; }
        int start = pos[0];
        boolean dec = false;
        while (pos[0] < s.length()) {
            char d = s.charAt(pos[0]);
            if ((d >= '0' && d <= '9') || d == '-') pos[0]++;
            else if (d == '.' || d == 'e' || d == 'E' || d == '+') { dec = true; pos[0]++; }
            else break;
        }
        String num = s.substring(start, pos[0]);
        if (num.isEmpty()) throw new IllegalArgumentException("bad value");
        return dec ? (Object) Double.parseDouble(num) : (Object) Long.parseLong(num);
    }

    private static String string(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(pos[0]++);
            if (c == '"') return sb.toString();
            if (c == '\\') {
                char e = s.charAt(pos[0]++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> { sb.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16)); pos[0] += 4; }
                    default -> sb.append(e);
                }
            } else sb.append(c);
        }
    }

    private static void skipWs(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) pos[0]++;
    }

    private static void expect(String s, int[] pos, char c) {
        if (s.charAt(pos[0]) != c) throw new IllegalArgumentException("expected " + c + " at " + pos[0]);
        pos[0]++;
    }
}
