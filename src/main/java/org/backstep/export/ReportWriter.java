package org.backstep.export;

import org.backstep.event.AlertKind;
import org.backstep.store.DailyTotals;
import org.backstep.store.SessionSummary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained, script-free HTML report with inline SVG charts: backward steps per day against the
 * target..limit band, forward steps per day, alerts per kind, cadence and form trends, last sessions and a
 * data table. Every bar has a {@code <title>} with its value; every chart has a title and description.
 */
public final class ReportWriter {
    private ReportWriter() { }

    /** Writes the report of {@code stateDir} to {@code file} (through a temporary file and a rename). */
    public static Path write(Path stateDir, ExportSettings s, Path file) {
        return write(ReportData.load(stateDir, s), file);
    }

    public static Path write(ReportData data, Path file) {
        Path abs = file.toAbsolutePath();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) throw new ExportException("report: folder " + parent + " does not exist");
        if (Files.isSymbolicLink(abs)) throw new ExportException("report: " + abs + " is a symbolic link; refusing to write through it");
        if (Files.isDirectory(abs)) throw new ExportException("report: " + abs + " is a folder; give a file name like report.html");
        Path tmp = parent.resolve("." + abs.getFileName() + ".partial");
        try {
            Files.writeString(tmp, render(data), StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try { Files.deleteIfExists(tmp); } catch (IOException ignored) { }
            throw new ExportException("report: cannot write " + abs + ": " + e.getMessage(), e);
        }
        return abs;
    }

    // ------------------------------------------------------------------ rendering

    private static final String CSS = """
            :root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--band:#e3f4e4;--ok:#2e7d32;--low:#9a6700;--high:#c62828;--fwd:#3457a8;--bg:#fff}
            *{box-sizing:border-box}
            body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:60rem;padding:1.5rem}
            h1{font-size:1.8rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
            p.meta{color:var(--muted);margin:0 0 1rem}
            .cards{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
            .card{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .9rem;min-width:9rem;flex:1}
            .card b{display:block;font-size:1.5rem}
            figure{margin:0 0 1rem}figcaption{color:var(--muted);font-size:.9rem}
            svg{width:100%;height:auto;display:block}
            svg text{font-family:inherit;fill:var(--fg)}
            .grid{stroke:var(--line);stroke-width:1}
            .band{fill:var(--band)}
            .bar.ok{fill:var(--ok)}.bar.low{fill:var(--low)}.bar.high{fill:var(--high)}.bar.fwd{fill:var(--fwd)}.bar.alert{fill:#6f42c1}
            .line{fill:none;stroke:var(--fwd);stroke-width:2}.line2{fill:none;stroke:var(--high);stroke-width:2;stroke-dasharray:6 3}
            .dot{fill:var(--fwd)}.dot2{fill:var(--high)}
            table{border-collapse:collapse;width:100%;font-size:.92rem;margin:.5rem 0}
            th,td{border-bottom:1px solid var(--line);padding:.3rem .45rem;text-align:right}
            th:first-child,td:first-child{text-align:left}
            thead th{background:#f6f8fa;vertical-align:bottom}
            tbody th{white-space:nowrap;font-weight:600}
            .wide{overflow-x:auto}.wide table{font-size:.85rem}
            .legend span{display:inline-block;margin-right:1rem}.sw{display:inline-block;width:.9em;height:.9em;vertical-align:-.1em;margin-right:.3em;border-radius:2px}
            .note{background:#fff8c5;border:1px solid #d4a72c;border-radius:.4rem;padding:.5rem .8rem}
            @media print{body{max-width:none;padding:0;font-size:11pt}.wide{overflow:visible}h2{break-after:avoid}figure,table,.cards{break-inside:avoid}}
            """;

    public static String render(ReportData d) {
        StringBuilder h = new StringBuilder(32_000);
        List<DailyTotals> days = d.days();
        String generated = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(LocalDateTime.ofInstant(Instant.ofEpochMilli(d.generatedUtcMillis()), ZoneOffset.UTC));
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Backward walking report – ").append(esc(d.deviceName())).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>Backward walking report</h1>\n<p class=\"meta\">Device <b>").append(esc(d.deviceName()))
                .append("</b> · generated ").append(d.clockTrusted() ? generated : generated + " (device clock not synchronised)");
        if (!days.isEmpty()) h.append(" · ").append(days.get(0).date()).append(" to ").append(days.get(days.size() - 1).date());
        h.append(" · daily band ").append(d.target()).append("–").append(d.limit()).append(" backward steps</p>\n");

        int totalBack = 0, totalFwd = 0, inBand = 0, minutes = 0;
        for (DailyTotals t : days) {
            totalBack += t.backward();
            totalFwd += t.forward();
            minutes += t.walkingMinutes();
            if (t.backward() >= d.target() && t.backward() <= d.limit()) inBand++;
        }
        h.append("<section class=\"cards\" aria-label=\"Summary\">")
                .append(card("Days recorded", String.valueOf(days.size())))
                .append(card("Days in band", inBand + " of " + days.size()))
                .append(card("Backward steps", String.valueOf(totalBack)))
                .append(card("Forward steps", String.valueOf(totalFwd)))
                .append(card("Walking minutes", String.valueOf(minutes)))
                .append("</section>\n");
        if (d.undated().forward() + d.undated().backward() > 0) {
            h.append("<p class=\"note\">").append(d.undated().backward()).append(" backward and ").append(d.undated().forward())
                    .append(" forward steps were recorded while the device never learned the time (no network after a power-up);")
                    .append(" they are counted as <b>undated</b> and not shown on any day.</p>\n");
        }
        if (days.isEmpty()) {
            h.append("<p>No dated days recorded yet.</p>\n");
        } else {
            backwardChart(h, d, days);
            forwardChart(h, days);
            alertsChart(h, days);
            trendChart(h, days);
        }
        sessions(h, d);
        dataTable(h, days, d);
        h.append("<p class=\"meta\">Files: daily.csv (one row per day), events.jsonl (the journal), SHA256SUMS (check with <code>sha256sum -c SHA256SUMS</code>).</p>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String card(String label, String value) {
        return "<div class=\"card\">" + esc(label) + "<b>" + esc(value) + "</b></div>";
    }

    // chart geometry (viewBox units)
    private static final int W = 800, H = 280, L = 56, R = 12, T = 14, B = 42;

    private record Bar(String label, double value, String title, String cls) { }

    private static void backwardChart(StringBuilder h, ReportData d, List<DailyTotals> days) {
        List<Bar> bars = new ArrayList<>();
        for (DailyTotals t : days) {
            int v = t.backward();
            String where = v < d.target() ? "below band" : v > d.limit() ? "above limit" : "in band";
            String cls = v < d.target() ? "low" : v > d.limit() ? "high" : "ok";
            bars.add(new Bar(t.date().toString(), v, t.date() + ": " + v + " backward steps (" + where + ")", "bar back " + cls));
        }
        h.append("<h2 id=\"back-h\">Backward steps per day</h2>\n<figure>\n");
        h.append("<p class=\"legend\"><span><i class=\"sw\" style=\"background:#e3f4e4;border:1px solid #2e7d32\"></i>band ")
                .append(d.target()).append("–").append(d.limit()).append("</span><span><i class=\"sw\" style=\"background:#2e7d32\"></i>in band</span>")
                .append("<span><i class=\"sw\" style=\"background:#9a6700\"></i>below</span><span><i class=\"sw\" style=\"background:#c62828\"></i>above limit</span></p>\n");
        barChart(h, "back", "Backward steps per day", "Bars show each day's backward steps; the shaded band is the daily target "
                + d.target() + " to limit " + d.limit() + ".", bars, d.target(), d.limit());
        h.append("</figure>\n");
    }

    private static void forwardChart(StringBuilder h, List<DailyTotals> days) {
        List<Bar> bars = new ArrayList<>();
        for (DailyTotals t : days)
            bars.add(new Bar(t.date().toString(), t.forward(), t.date() + ": " + t.forward() + " forward steps", "bar fwd"));
        h.append("<h2>Forward steps per day</h2>\n<figure>\n");
        barChart(h, "fwd", "Forward steps per day", "Bars show each day's forward steps.", bars, -1, -1);
        h.append("</figure>\n");
    }

    private static void alertsChart(StringBuilder h, List<DailyTotals> days) {
        h.append("<h2>Alerts per kind</h2>\n<figure>\n");
        int[] sum = new int[AlertKind.values().length];
        int max = 1;
        for (DailyTotals t : days) for (AlertKind k : AlertKind.values()) sum[k.ordinal()] += t.alerts(k);
        for (int v : sum) max = Math.max(max, v);
        int rowH = 30, height = T + rowH * sum.length + 10, left = 110, width = W - left - 60;
        h.append("<svg viewBox=\"0 0 ").append(W).append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"alerts-t alerts-d\">")
                .append("<title id=\"alerts-t\">Alerts per kind</title><desc id=\"alerts-d\">Total alerts of each kind over the exported days.</desc>\n");
        for (AlertKind k : AlertKind.values()) {
            int i = k.ordinal();
            double y = T + i * rowH;
            double w = sum[i] == 0 ? 0 : Math.max(2, width * sum[i] / (double) max);
            h.append("<text x=\"").append(left - 8).append("\" y=\"").append(fmt(y + rowH * 0.62)).append("\" text-anchor=\"end\" font-size=\"14\">")
                    .append(label(k)).append("</text>");
            h.append("<rect class=\"bar alert\" x=\"").append(left).append("\" y=\"").append(fmt(y + 4)).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"").append(rowH - 8).append("\"><title>").append(label(k)).append(": ").append(sum[i])
                    .append(" alerts</title></rect>");
            h.append("<text x=\"").append(fmt(left + w + 6)).append("\" y=\"").append(fmt(y + rowH * 0.62)).append("\" font-size=\"14\">")
                    .append(sum[i]).append("</text>\n");
        }
        h.append("</svg>\n<figcaption>Totals over all exported days; per-day counts are in the table below.</figcaption>\n</figure>\n");
    }

    private static void trendChart(StringBuilder h, List<DailyTotals> days) {
        List<DailyTotals> walked = days.stream().filter(t -> t.walkingMinutes() > 0).toList();
        h.append("<h2>Cadence and balance trends</h2>\n<figure>\n");
        if (walked.isEmpty()) {
            h.append("<p>No walking minutes recorded.</p>\n</figure>\n");
            return;
        }
        double maxCad = 1, maxImb = 0.01;
        for (DailyTotals t : walked) {
            maxCad = Math.max(maxCad, t.cadence());
            maxImb = Math.max(maxImb, imbalancePerHour(t));
        }
        maxCad = niceMax(maxCad);
        maxImb = niceMax(maxImb);
        int n = walked.size();
        double plotW = W - L - 56, plotH = H - T - B;
        h.append("<p class=\"legend\"><span><i class=\"sw\" style=\"background:#3457a8\"></i>cadence: steps per walking minute (left axis)</span>")
                .append("<span><i class=\"sw\" style=\"background:#c62828\"></i>imbalance alerts per walking hour (right axis)</span></p>\n");
        h.append("<svg viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\" aria-labelledby=\"trend-t trend-d\">")
                .append("<title id=\"trend-t\">Cadence and balance per day</title><desc id=\"trend-d\">Solid line: steps per walking minute;")
                .append(" dashed line: imbalance alerts per hour of walking, for each day with walking.</desc>\n");
        axes(h, maxCad, plotW, plotH, W - 56);
        for (int g = 0; g <= 4; g++) {
            double y = T + plotH - plotH * g / 4.0;
            h.append("<text x=\"").append(W - 50).append("\" y=\"").append(fmt(y + 4)).append("\" font-size=\"12\">")
                    .append(fmtNum(maxImb * g / 4.0)).append("</text>");
        }
        StringBuilder cad = new StringBuilder(), imb = new StringBuilder(), dots = new StringBuilder();
        for (int i = 0; i < n; i++) {
            DailyTotals t = walked.get(i);
            double x = L + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
            double y1 = T + plotH - plotH * t.cadence() / maxCad;
            double y2 = T + plotH - plotH * imbalancePerHour(t) / maxImb;
            cad.append(fmt(x)).append(',').append(fmt(y1)).append(' ');
            imb.append(fmt(x)).append(',').append(fmt(y2)).append(' ');
            dots.append("<circle class=\"dot\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y1)).append("\" r=\"3.5\"><title>")
                    .append(t.date()).append(": ").append(fmtNum(t.cadence())).append(" steps per walking minute over ")
                    .append(t.walkingMinutes()).append(" min</title></circle>");
            dots.append("<circle class=\"dot2\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y2)).append("\" r=\"3\"><title>")
                    .append(t.date()).append(": ").append(fmtNum(imbalancePerHour(t))).append(" imbalance alerts per walking hour</title></circle>");
            xLabel(h, i, n, x, t.date().toString());
        }
        h.append("<polyline class=\"line\" points=\"").append(cad.toString().trim()).append("\"/>")
                .append("<polyline class=\"line2\" points=\"").append(imb.toString().trim()).append("\"/>").append(dots).append("\n</svg>\n");
        h.append("<figcaption>Minutes of good form (walking minutes without a posture, knee or imbalance alert) are in the table below.</figcaption>\n</figure>\n");
    }

    private static double imbalancePerHour(DailyTotals t) {
        return t.walkingMinutes() == 0 ? 0 : t.alerts(AlertKind.IMBALANCE) * 60.0 / t.walkingMinutes();
    }

    private static void barChart(StringBuilder h, String id, String title, String desc, List<Bar> bars, int bandLo, int bandHi) {
        double max = 1;
        for (Bar b : bars) max = Math.max(max, b.value());
        if (bandHi > 0) max = Math.max(max, bandHi * 1.1);
        max = niceMax(max);
        double plotW = W - L - R, plotH = H - T - B;
        int n = bars.size();
        double slot = plotW / n, bw = Math.max(1, slot * 0.72);
        h.append("<svg viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-t ").append(id).append("-d\"><title id=\"").append(id).append("-t\">").append(esc(title))
                .append("</title><desc id=\"").append(id).append("-d\">").append(esc(desc)).append("</desc>\n");
        if (bandHi > 0) {
            double y1 = T + plotH - plotH * bandHi / max, y0 = T + plotH - plotH * bandLo / max;
            h.append("<rect class=\"band\" x=\"").append(L).append("\" y=\"").append(fmt(y1)).append("\" width=\"").append(fmt(plotW))
                    .append("\" height=\"").append(fmt(y0 - y1)).append("\"><title>band ").append(bandLo).append("–").append(bandHi)
                    .append(" backward steps</title></rect>\n");
        }
        axes(h, max, plotW, plotH, -1);
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            double x = L + slot * i + (slot - bw) / 2;
            double bh = plotH * b.value() / max;
            h.append("<rect class=\"").append(b.cls()).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(T + plotH - bh))
                    .append("\" width=\"").append(fmt(bw)).append("\" height=\"").append(fmt(bh)).append("\" data-value=\"")
                    .append((long) b.value()).append("\"><title>").append(esc(b.title())).append("</title></rect>\n");
            xLabel(h, i, n, L + slot * i + slot / 2, b.label());
        }
        h.append("</svg>\n");
    }

    private static void axes(StringBuilder h, double max, double plotW, double plotH, int unused) {
        for (int g = 0; g <= 4; g++) {
            double y = T + plotH - plotH * g / 4.0;
            h.append("<line class=\"grid\" x1=\"").append(L).append("\" x2=\"").append(fmt(L + plotW)).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\"/><text x=\"").append(L - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"12\">").append(fmtNum(max * g / 4.0)).append("</text>\n");
        }
    }

    private static void xLabel(StringBuilder h, int i, int n, double x, String date) {
        int every = Math.max(1, (int) Math.ceil(n / 10.0));
        if (i % every != 0 && i != n - 1) return;
        if (i == n - 1 && i % every != 0 && (n - 1) % every < every / 2 + 1 && n > 1) return; // avoid overlap
        String text = date.length() == 10 ? date.substring(5) : date;
        h.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(H - B + 18).append("\" text-anchor=\"middle\" font-size=\"12\">")
                .append(esc(text)).append("</text>\n");
    }

    private static void sessions(StringBuilder h, ReportData d) {
        List<SessionSummary> all = d.sessions();
        h.append("<h2>Last sessions</h2>\n");
        if (all.isEmpty()) { h.append("<p>No sessions recorded.</p>\n"); return; }
        h.append("<table>\n<caption class=\"meta\" style=\"text-align:left\">Most recent first; local time of the device.</caption>\n")
                .append("<thead><tr><th scope=\"col\">Start</th><th scope=\"col\">Mode</th><th scope=\"col\">Duration</th><th scope=\"col\">Backward</th>")
                .append("<th scope=\"col\">Forward</th><th scope=\"col\">Alerts</th><th scope=\"col\">Ended</th></tr></thead>\n<tbody>\n");
        int shown = 0;
        for (int i = all.size() - 1; i >= 0 && shown < d.sessionsShown(); i--, shown++) {
            SessionSummary s = all.get(i);
            String start = "undated";
            if (s.startUtcMillis() != null && s.offsetSeconds() != null)
                start = LocalDateTime.ofEpochSecond(Math.floorDiv(s.startUtcMillis(), 1000L), 0, ZoneOffset.ofTotalSeconds(s.offsetSeconds()))
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));
            h.append("<tr><td>").append(start).append("</td><td>").append(esc(s.mode() == null ? "" : s.mode())).append("</td><td>")
                    .append(duration(s.durationSeconds())).append("</td><td>").append(s.backward()).append("</td><td>").append(s.forward())
                    .append("</td><td>").append(s.alerts()).append("</td><td>").append(s.ended() ? "yes" : "in progress").append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void dataTable(StringBuilder h, List<DailyTotals> days, ReportData d) {
        h.append("<h2>All days</h2>\n<div class=\"wide\"><table>\n<thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Backward</th><th scope=\"col\">Forward</th>")
                .append("<th scope=\"col\">Walking min</th><th scope=\"col\">Good-form min</th><th scope=\"col\">Steps/min</th>");
        for (AlertKind k : AlertKind.values()) h.append("<th scope=\"col\">").append(label(k)).append("</th>");
        h.append("<th scope=\"col\">Target met</th></tr></thead>\n<tbody>\n");
        List<DailyTotals> rows = new ArrayList<>(days);
        if (d.undated().forward() + d.undated().backward() > 0) rows.add(d.undated());
        for (int i = rows.size() - 1; i >= 0; i--) {
            DailyTotals t = rows.get(i);
            h.append("<tr><th scope=\"row\">").append(t.label()).append("</th><td>").append(t.backward()).append("</td><td>").append(t.forward())
                    .append("</td><td>").append(t.walkingMinutes()).append("</td><td>").append(t.goodFormMinutes()).append("</td><td>")
                    .append(fmtNum(t.cadence())).append("</td>");
            for (AlertKind k : AlertKind.values()) h.append("<td>").append(t.alerts(k)).append("</td>");
            h.append("<td>").append(t.targetMet() ? "yes" : "no").append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    static String label(AlertKind k) {
        String s = k.json();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String duration(long sec) {
        return sec >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", sec / 3600, sec % 3600 / 60)
                : String.format(Locale.ROOT, "%dm %02ds", sec / 60, sec % 60);
    }

    private static double niceMax(double v) {
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) if (m * mag >= v) return m * mag;
        return 10 * mag;
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    private static String fmtNum(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
