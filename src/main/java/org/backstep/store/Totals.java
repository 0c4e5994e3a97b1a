package org.backstep.store;

import org.backstep.event.AlertKind;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Daily totals and sessions folded from journal records. The same code folds the replayed journal on start
 * and the live records, so memory and disk cannot disagree: the totals are a pure function of the journal.
 * Not thread-safe; {@link Store} guards it.
 */
public final class Totals {
    private static final int MAX_SESSIONS = 200;

    static final class Acc {
        int forward, backward;
        final Set<Long> walkMinutes = new HashSet<>();
        final Set<Long> formAlertMinutes = new HashSet<>();
        final EnumMap<AlertKind, Integer> alerts = new EnumMap<>(AlertKind.class);
        boolean target, limit;
        /** Announced, for all we know, by a boot without a clock that may have run on this day (see closeChain). */
        boolean maybeTarget, maybeLimit;

        DailyTotals toTotals(LocalDate date, int targetSteps) {
            int good = 0;
            for (Long m : walkMinutes) if (!formAlertMinutes.contains(m)) good++;
            return new DailyTotals(date, forward, backward, walkMinutes.size(), good, alerts, target || maybeTarget,
                    limit || maybeLimit, target || backward >= targetSteps);
        }
    }

    static final class Sess {
        long id;
        String mode;
        String boot;
        long startMono, lastMono;
        Long startUtc;
        Integer off;
        LocalDate day;
        int forward, backward, alerts;
        boolean ended;
    }

    private final int targetSteps;
    private final TreeMap<LocalDate, Acc> days = new TreeMap<>();
    private final Map<String, Acc> undatedByBoot = new LinkedHashMap<>();
    private final List<Map<String, Object>> parked = new ArrayList<>();
    private final LinkedHashMap<Long, Sess> sessions = new LinkedHashMap<>();
    private final Map<String, Integer> bootIndex = new HashMap<>();
    /** The day of the newest dated record, and the boots whose undated records came after it (see {@link #chain()}). */
    private LocalDate chainDay;
    private final Set<String> chainBoots = new java.util.LinkedHashSet<>();
    private long lastSeq;

    public Totals(int targetSteps) { this.targetSteps = targetSteps; }

    long lastSeq() { return lastSeq; }

    /** Folds one journal record. */
    public void apply(Map<String, Object> rec) {
        long seq = num(rec, "seq");
        lastSeq = Math.max(lastSeq, seq);
        String type = str(rec, "type");
        if (type == null) return;
        if (type.equals("redate")) { redate(rec); return; }
        session(rec, type);
        LocalDate day = day(rec);
        if (day == null && countable(type)) parked.add(rec);
        if (countable(type)) {
            if (day != null) closeChain(day, null);
            else chainBoots.add(str(rec, "boot"));
        }
        Acc acc = day != null ? dayAcc(day) : undatedByBoot.computeIfAbsent(str(rec, "boot"), b -> new Acc());
        count(acc, rec, type);
    }

    private static boolean countable(String type) {
        return switch (type) {
            case "steps", "alert", "goal", "session_start" -> true;
            default -> false;
        };
    }

    private void count(Acc acc, Map<String, Object> rec, String type) {
        switch (type) {
            case "steps" -> {
                acc.forward += (int) num(rec, "f");
                acc.backward += (int) num(rec, "b");
                acc.walkMinutes.add(minuteKey(str(rec, "boot"), num(rec, "mono") / 60_000L));
            }
            case "alert" -> {
                AlertKind k = alertKind(str(rec, "kind"));
                if (k == null) return;
                acc.alerts.merge(k, 1, Integer::sum);
                if (k == AlertKind.POSTURE || k == AlertKind.KNEE || k == AlertKind.IMBALANCE)
                    acc.formAlertMinutes.add(minuteKey(str(rec, "boot"), num(rec, "mono") / 60_000L));
            }
            case "goal" -> {
                if ("target".equals(str(rec, "kind"))) acc.target = true;
                if ("limit".equals(str(rec, "kind"))) acc.limit = true;
            }
            default -> { }
        }
    }

    private void session(Map<String, Object> rec, String type) {
        if (type.equals("session_start")) {
            Sess s = new Sess();
            s.id = num(rec, "seq");
            s.mode = str(rec, "mode");
            s.boot = str(rec, "boot");
            s.startMono = s.lastMono = num(rec, "mono");
            if (rec.get("utc") instanceof Long u) s.startUtc = u;
            if (rec.get("off") instanceof Long o) s.off = o.intValue();
            s.day = day(rec);
            for (Sess other : sessions.values()) other.ended = true; // one session at a time
            sessions.put(s.id, s);
            if (sessions.size() > MAX_SESSIONS) {
                Iterator<Long> it = sessions.keySet().iterator();
                it.next();
                it.remove();
            }
            return;
        }
        if (!(rec.get("ses") instanceof Long id)) return;
        Sess s = sessions.get(id);
        if (s == null) return;
        if (s.boot != null && s.boot.equals(str(rec, "boot"))) s.lastMono = Math.max(s.lastMono, num(rec, "mono"));
        switch (type) {
            case "steps" -> { s.forward += (int) num(rec, "f"); s.backward += (int) num(rec, "b"); }
            case "alert" -> s.alerts++;
            case "session_stop" -> s.ended = true;
            default -> { }
        }
    }

    /**
     * Dates the parked (undated) records of one boot in a seq range from a trusted anchor: utc = anchor utc -
     * (anchor mono - record mono), day by {@link DayRule} with the offset and day start stored in the redate
     * record. The record fixes the decision: replaying it later gives the same days whatever the settings.
     */
    private void redate(Map<String, Object> rec) {
        String boot = str(rec, "boot");
        long from = num(rec, "from"), to = num(rec, "to");
        long amono = num(rec, "mono"), autc = num(rec, "utc");
        int off = (int) num(rec, "off");
        LocalTime ds = LocalTime.parse(str(rec, "ds"));
        boolean touched = false;
        LocalDate firstDay = null;
        for (Iterator<Map<String, Object>> it = parked.iterator(); it.hasNext(); ) {
            Map<String, Object> p = it.next();
            long seq = num(p, "seq");
            if (!boot.equals(str(p, "boot")) || seq < from || seq > to) continue;
            it.remove();
            touched = true;
            long utc = autc - (amono - num(p, "mono"));
            LocalDate day = DayRule.dayOf(utc, off, ds);
            if (firstDay == null) firstDay = day;
            count(dayAcc(day), p, str(p, "type"));
            if ("session_start".equals(str(p, "type"))) {
                Sess s = sessions.get(seq);
                if (s != null) { s.startUtc = utc; s.off = off; s.day = day; }
            }
        }
        if (touched) {
            closeChain(firstDay, boot);
            undatedByBoot.remove(boot);
            Acc acc = null;
            for (Map<String, Object> p : parked) {
                if (!boot.equals(str(p, "boot"))) continue;
                if (acc == null) acc = undatedByBoot.computeIfAbsent(boot, b -> new Acc());
                count(acc, p, str(p, "type"));
            }
        }
    }

    /**
     * A dated record ({@code day}) follows the boots of the chain that never got a clock ({@code except}: the
     * boot being re-dated). Those boots ran after the chain's day and before {@code day}. If both are the same
     * day, that is their day too and their records are dated to it. Otherwise their day is unknown: they stay
     * undated, but a milestone they announced counts as announced on {@code day}, so it is never said twice.
     */
    private void closeChain(LocalDate day, String except) {
        for (String b : chainBoots) {
            if (b.equals(except)) continue;
            if (day.equals(chainDay)) {
                for (Iterator<Map<String, Object>> it = parked.iterator(); it.hasNext(); ) {
                    Map<String, Object> p = it.next();
                    if (!b.equals(str(p, "boot"))) continue;
                    it.remove();
                    count(dayAcc(day), p, str(p, "type"));
                }
                undatedByBoot.remove(b);
                for (Sess s : sessions.values()) if (b.equals(s.boot) && s.day == null) s.day = day;
            } else if (undatedByBoot.containsKey(b)) {
                Acc u = undatedByBoot.get(b), d = dayAcc(day);
                d.maybeTarget |= u.target || u.maybeTarget;
                d.maybeLimit |= u.limit || u.maybeLimit;
            }
        }
        chainBoots.clear();
        chainDay = day;
    }

    /** Whether records of {@code boot} are parked (undated); without allocating, newest first (where a boot's are). */
    boolean hasParked(String boot) {
        for (int i = parked.size() - 1; i >= 0; i--) {
            if (boot.equals(str(parked.get(i), "boot"))) return true;
        }
        return false;
    }

    /** Seq range {from, to} of the parked records of {@code boot}, or null. */
    long[] parkedRange(String boot) {
        long from = Long.MAX_VALUE, to = Long.MIN_VALUE;
        for (Map<String, Object> p : parked) {
            if (!boot.equals(str(p, "boot"))) continue;
            long s = num(p, "seq");
            from = Math.min(from, s);
            to = Math.max(to, s);
        }
        return from == Long.MAX_VALUE ? null : new long[]{from, to};
    }

    private Acc dayAcc(LocalDate d) { return days.computeIfAbsent(d, x -> new Acc()); }

    private long minuteKey(String boot, long minute) {
        int idx = bootIndex.computeIfAbsent(boot == null ? "" : boot, b -> bootIndex.size());
        return ((long) idx << 40) ^ minute;
    }

    public List<DailyTotals> days() {
        List<DailyTotals> out = new ArrayList<>();
        days.forEach((d, a) -> out.add(a.toTotals(d, targetSteps)));
        return out;
    }

    public DailyTotals day(LocalDate d) {
        Acc a = days.get(d);
        return a == null ? DailyTotals.empty(d) : a.toTotals(d, targetSteps);
    }

    /**
     * The day as far as the journal can tell without a clock: the newest dated day plus the undated records
     * of every boot after it (date null). A boot without a trusted clock cannot know whether a day boundary
     * passed since the last record, so it continues that day: its milestones are never announced twice.
     */
    public DailyTotals chain() {
        Acc sum = new Acc();
        if (chainDay != null && days.containsKey(chainDay)) merge(sum, days.get(chainDay));
        for (String b : chainBoots) if (undatedByBoot.containsKey(b)) merge(sum, undatedByBoot.get(b));
        return sum.toTotals(null, targetSteps);
    }

    /**
     * Day {@code d} as the next dated record will leave it: with the chain's undated boots closed onto it
     * (see {@link #closeChain}), so the goal of a boot whose clock is trusted from the start already knows.
     */
    public DailyTotals dayAfterChain(LocalDate d) {
        Acc sum = new Acc();
        if (days.containsKey(d)) merge(sum, days.get(d));
        for (String b : chainBoots) {
            Acc u = undatedByBoot.get(b);
            if (u == null) continue;
            if (d.equals(chainDay)) merge(sum, u);
            else { sum.maybeTarget |= u.target || u.maybeTarget; sum.maybeLimit |= u.limit || u.maybeLimit; }
        }
        return sum.toTotals(d, targetSteps);
    }

    /** Everything never dated (all boots). */
    public DailyTotals undated() {
        Acc sum = new Acc();
        for (Acc a : undatedByBoot.values()) merge(sum, a);
        return sum.toTotals(null, targetSteps);
    }

    public DailyTotals undated(String boot) {
        Acc a = undatedByBoot.get(boot);
        return a == null ? DailyTotals.empty(null) : a.toTotals(null, targetSteps);
    }

    private static void merge(Acc into, Acc a) {
        into.forward += a.forward;
        into.backward += a.backward;
        into.walkMinutes.addAll(a.walkMinutes);
        into.formAlertMinutes.addAll(a.formAlertMinutes);
        a.alerts.forEach((k, v) -> into.alerts.merge(k, v, Integer::sum));
        into.target |= a.target;
        into.limit |= a.limit;
        into.maybeTarget |= a.maybeTarget;
        into.maybeLimit |= a.maybeLimit;
    }

    /** Sessions, oldest first (at most the last 200). */
    public List<SessionSummary> sessions() {
        List<SessionSummary> out = new ArrayList<>();
        for (Sess s : sessions.values())
            out.add(new SessionSummary(s.id, s.mode, s.startUtc, s.off, s.day, Math.max(0, (s.lastMono - s.startMono) / 1000L),
                    s.forward, s.backward, s.alerts, s.ended));
        return out;
    }

    /** The id of the last session if it was never stopped (the device lost power), else -1. */
    long openSession() {
        Sess last = null;
        for (Sess s : sessions.values()) last = s;
        return last != null && !last.ended ? last.id : -1;
    }

    void endSession(long id) {
        Sess s = sessions.get(id);
        if (s != null) s.ended = true;
    }

    static LocalDate day(Map<String, Object> rec) {
        return rec.get("day") instanceof String s ? parseDay(s) : null;
    }

    /** The last day string parsed and its date: the records of a day come one after another. */
    private record ParsedDay(String text, LocalDate date) { }
    private static volatile ParsedDay lastDay = new ParsedDay("", null);

    /**
     * {@link LocalDate#parse} of a record's day, the last one kept: the journal's writer applies each record it
     * writes, and the formatter's parse, run about once a second, stayed in the interpreter (issue 14).
     */
    static LocalDate parseDay(String s) {
        ParsedDay last = lastDay;
        if (last.text().equals(s)) return last.date();
        LocalDate d = LocalDate.parse(s);
        lastDay = new ParsedDay(s, d);
        return d;
    }

    static long num(Map<String, Object> rec, String key) {
        Object v = rec.get(key);
        return v instanceof Number n ? n.longValue() : 0L;
    }

    static String str(Map<String, Object> rec, String key) {
        Object v = rec.get(key);
        return v == null ? null : v.toString();
    }

    static AlertKind alertKind(String json) {
        for (AlertKind k : AlertKind.values()) if (k.json().equals(json)) return k;
        return null;
    }

    /** The whole state as flat records, for {@link Snapshot}. */
    List<Map<String, Object>> dump() {
        List<Map<String, Object>> out = new ArrayList<>();
        bootIndex.forEach((id, i) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("k", "boot");
            r.put("i", (long) i);
            r.put("id", id);
            out.add(r);
        });
        days.forEach((d, a) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("k", "day");
            r.put("d", d.toString());
            r.put("f", (long) a.forward);
            r.put("b", (long) a.backward);
            r.put("wm", joinLongs(a.walkMinutes));
            r.put("fm", joinLongs(a.formAlertMinutes));
            a.alerts.forEach((k, v) -> r.put("a_" + k.json(), (long) v));
            r.put("t", a.target);
            r.put("l", a.limit);
            r.put("mt", a.maybeTarget);
            r.put("ml", a.maybeLimit);
            out.add(r);
        });
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("k", "chain");
        chain.put("d", chainDay == null ? null : chainDay.toString());
        chain.put("boots", String.join(" ", chainBoots));
        out.add(chain);
        for (Map<String, Object> p : parked) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("k", "parked");
            r.putAll(p);
            out.add(r);
        }
        for (Sess s : sessions.values()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("k", "ses");
            r.put("id", s.id);
            r.put("mode", s.mode);
            r.put("boot", s.boot);
            r.put("sm", s.startMono);
            r.put("lm", s.lastMono);
            r.put("su", s.startUtc);
            r.put("off", s.off == null ? null : (long) s.off);
            r.put("day", s.day == null ? null : s.day.toString());
            r.put("f", (long) s.forward);
            r.put("b", (long) s.backward);
            r.put("a", (long) s.alerts);
            r.put("e", s.ended);
            out.add(r);
        }
        return out;
    }

    static Totals restore(int targetSteps, List<Map<String, Object>> recs, long lastSeq) {
        Totals t = new Totals(targetSteps);
        t.lastSeq = lastSeq;
        for (Map<String, Object> r : recs) {
            switch (String.valueOf(r.get("k"))) {
                case "boot" -> t.bootIndex.put(str(r, "id"), (int) num(r, "i"));
                case "day" -> {
                    Acc a = t.dayAcc(LocalDate.parse(str(r, "d")));
                    a.forward = (int) num(r, "f");
                    a.backward = (int) num(r, "b");
                    splitLongs(str(r, "wm"), a.walkMinutes);
                    splitLongs(str(r, "fm"), a.formAlertMinutes);
                    for (AlertKind k : AlertKind.values()) if (r.containsKey("a_" + k.json())) a.alerts.put(k, (int) num(r, "a_" + k.json()));
                    a.target = Boolean.TRUE.equals(r.get("t"));
                    a.limit = Boolean.TRUE.equals(r.get("l"));
                    a.maybeTarget = Boolean.TRUE.equals(r.get("mt"));
                    a.maybeLimit = Boolean.TRUE.equals(r.get("ml"));
                }
                case "chain" -> {
                    t.chainDay = r.get("d") instanceof String d ? LocalDate.parse(d) : null;
                    String boots = str(r, "boots");
                    if (boots != null && !boots.isEmpty()) t.chainBoots.addAll(List.of(boots.split(" ")));
                }
                case "parked" -> {
                    Map<String, Object> p = new LinkedHashMap<>(r);
                    p.remove("k");
                    t.parked.add(p);
                    t.count(t.undatedByBoot.computeIfAbsent(str(p, "boot"), b -> new Acc()), p, str(p, "type"));
                }
                case "ses" -> {
                    Sess s = new Sess();
                    s.id = num(r, "id");
                    s.mode = str(r, "mode");
                    s.boot = str(r, "boot");
                    s.startMono = num(r, "sm");
                    s.lastMono = num(r, "lm");
                    s.startUtc = r.get("su") instanceof Long u ? u : null;
                    s.off = r.get("off") instanceof Long o ? o.intValue() : null;
                    s.day = r.get("day") instanceof String d ? LocalDate.parse(d) : null;
                    s.forward = (int) num(r, "f");
                    s.backward = (int) num(r, "b");
                    s.alerts = (int) num(r, "a");
                    s.ended = Boolean.TRUE.equals(r.get("e"));
                    t.sessions.put(s.id, s);
                }
                default -> throw new IllegalArgumentException("unknown snapshot line " + r.get("k"));
            }
        }
        return t;
    }

    private static String joinLongs(Set<Long> set) {
        StringBuilder sb = new StringBuilder();
        for (Long v : set) { if (sb.length() > 0) sb.append(' '); sb.append(v); }
        return sb.toString();
    }

    private static void splitLongs(String s, Set<Long> into) {
        if (s == null || s.isEmpty()) return;
        for (String p : s.split(" ")) into.add(Long.parseLong(p));
    }

    /** Replays a whole journal read-only (for export and reports). */
    public static Totals replay(java.nio.file.Path stateDir, int targetSteps) throws java.io.IOException {
        Totals t = new Totals(targetSteps);
        Journal.scan(Journal.dirOf(stateDir), false, t::apply);
        return t;
    }
}
