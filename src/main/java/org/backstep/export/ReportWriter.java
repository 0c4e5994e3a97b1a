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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /*
     * Sizes. Charts are drawn in a 400-unit wide viewBox and shown at most 34rem (544 px) wide, so one unit
     * is 0.9 px on a 390 px phone (366 px of content) and 1.36 px on a desktop: chart text of 14 units is
     * 12.6 to 19 px. Tables reflow into one card per row below 40rem, so nothing runs off a phone.
     */
    private static final String CSS = """
            :root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--band:#e3f4e4;--ok:#2e7d32;--low:#8a5a00;--high:#34568b;--fwd:#3457a8;--bg:#fff}
            *{box-sizing:border-box}
            body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:60rem;padding:1.5rem}
            h1{font-size:1.8rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
            p.meta{color:var(--muted);margin:0 0 1rem}
            .cards{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
            .card{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .9rem;min-width:9rem;flex:1}
            .card b{display:block;font-size:1.5rem}
            figure{margin:0 0 1rem}figcaption{color:var(--muted);font-size:.9rem}
            figure>svg{width:100%;max-width:34rem;height:auto;display:block}
            svg text{font-family:inherit;fill:var(--fg)}
            .grid{stroke:var(--line);stroke-width:1}.edge{stroke:var(--ok);stroke-width:1.5;stroke-dasharray:4 3}
            .band{fill:var(--band)}
            .bar.ok{fill:var(--ok)}.bar.low{fill:url(#hatch-low);stroke:var(--low);stroke-width:1.5}.bar.high{fill:url(#stripe-high);stroke:var(--high);stroke-width:1.5}
            .bar.fwd{fill:var(--fwd)}.bar.alert{fill:#6f42c1}.miss{stroke:var(--muted);stroke-width:2}
            .line{fill:none;stroke:var(--fwd);stroke-width:2}.dot{fill:var(--fwd)}
            .legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.25rem 0}.legend svg{vertical-align:-.15em;margin-right:.3em}
            table{border-collapse:collapse;width:100%;font-size:.95rem;margin:.5rem 0}
            th,td{border-bottom:1px solid var(--line);padding:.3rem .45rem;text-align:right}
            th:first-child,td:first-child{text-align:left}
            thead th{background:#f6f8fa;vertical-align:bottom}
            tbody th{white-space:nowrap;font-weight:600}
            caption{text-align:left;color:var(--muted)}
            .note{background:#fff8c5;border:1px solid #d4a72c;border-radius:.4rem;padding:.5rem .8rem}
            @media (max-width:40rem){
            body{padding:.75rem}
            table.reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
            table.reflow tr{display:block;border:1px solid var(--line);border-radius:.4rem;margin:0 0 .6rem;padding:.2rem .5rem}
            table.reflow th,table.reflow td{display:flex;justify-content:space-between;gap:1rem;border:0;padding:.15rem 0;text-align:right}
            table.reflow td::before,table.reflow tbody th::before{content:attr(data-label);color:var(--muted);font-weight:400;text-align:left}
            }
            @media print{body{max-width:none;padding:0;font-size:11pt}h2{break-after:avoid}figure,table,.cards{break-inside:avoid}}
            """;

    /** The report of a {@code report} command: no list of export files (there are none beside it). */
    public static String render(ReportData d) {
        return render(d, false);
    }

    /** {@code inExport}: the report sits in an export folder, beside daily.csv, events.jsonl and SHA256SUMS. */
    public static String render(ReportData d, boolean inExport) {
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

        List<LocalDate> range = range(days);
        Map<LocalDate, DailyTotals> byDate = new HashMap<>();
        for (DailyTotals t : days) byDate.put(t.date(), t);
        int totalBack = 0, totalFwd = 0, inBand = 0, minutes = 0, missed = 0;
        for (DailyTotals t : days) {
            totalBack += t.backward();
            totalFwd += t.forward();
            minutes += t.walkingMinutes();
            if (band(d, t.backward()) == Band.IN) inBand++;
        }
        for (LocalDate day : range) {
            DailyTotals t = byDate.get(day);
            if (t == null || t.forward() + t.backward() == 0) missed++;
        }
        h.append("<section class=\"cards\" aria-label=\"Summary\">")
                .append(card("Days with steps", String.valueOf(range.size() - missed)))
                .append(card("Days missed", String.valueOf(missed)))
                .append(card("Days in band", inBand + " of " + range.size()))
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
            if (range.size() < ChronoUnit.DAYS.between(days.get(0).date(), days.get(days.size() - 1).date()) + 1)
                h.append("<p class=\"meta\">The charts show the last ").append(MAX_DAYS).append(" days; the table lists every day.</p>\n");
            backwardChart(h, d, range, byDate);
            forwardChart(h, range, byDate);
            alertsChart(h, days);
            cadenceChart(h, d, range, byDate);
        }
        sessions(h, d);
        dataTable(h, days, d);
        if (inExport)
            h.append("<p class=\"meta\">Files beside this report: daily.csv (one row per day), events.jsonl (the journal),")
                    .append(" SHA256SUMS (check with <code>sha256sum -c SHA256SUMS</code>).</p>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String card(String label, String value) {
        return "<div class=\"card\">" + esc(label) + "<b>" + esc(value) + "</b></div>";
    }

    /** Charts show at most this many days (13 weeks), the most recent ones. */
    static final int MAX_DAYS = 91;

    /** Every calendar day from the first recorded day to the last (at most the last {@link #MAX_DAYS}). */
    static List<LocalDate> range(List<DailyTotals> days) {
        List<LocalDate> out = new ArrayList<>();
        if (days.isEmpty()) return out;
        LocalDate last = days.get(days.size() - 1).date();
        LocalDate first = days.get(0).date();
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) first = last.minusDays(MAX_DAYS - 1);
        for (LocalDate x = first; !x.isAfter(last); x = x.plusDays(1)) out.add(x);
        return out;
    }

    enum Band {
        LOW("low", "below band"), IN("ok", "in band"), HIGH("high", "above limit");
        final String cls, words;
        Band(String cls, String words) { this.cls = cls; this.words = words; }
    }

    static Band band(ReportData d, int backward) {
        return backward < d.target() ? Band.LOW : backward > d.limit() ? Band.HIGH : Band.IN;
    }

    // chart geometry (viewBox units): see the note on sizes above
    private static final int W = 400, H = 236, L = 44, R = 10, T = 26, B = 42, FONT = 14;

    private static final String PATTERNS = "<defs><pattern id=\"hatch-low\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
            + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\""
            + " stroke=\"#8a5a00\" stroke-width=\"2.5\"/></pattern><pattern id=\"stripe-high\" width=\"6\" height=\"6\""
            + " patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#34568b\"/><line x1=\"0\" y1=\"1\" x2=\"6\" y2=\"1\""
            + " stroke=\"#fff\" stroke-width=\"1.5\"/></pattern></defs>";

    private static String swatch(String cls) {
        return "<svg width=\"14\" height=\"14\" viewBox=\"0 0 14 14\" aria-hidden=\"true\"><rect class=\"" + cls
                + "\" x=\"1\" y=\"1\" width=\"12\" height=\"12\"/></svg>";
    }

    private static void backwardChart(StringBuilder h, ReportData d, List<LocalDate> range, Map<LocalDate, DailyTotals> byDate) {
        List<Bar> bars = new ArrayList<>();
        for (LocalDate day : range) {
            DailyTotals t = byDate.get(day);
            int v = t == null ? 0 : t.backward();
            Band b = band(d, v);
            bars.add(v == 0 ? Bar.missed(day, "no backward steps")
                    : new Bar(day, v, day + ": " + v + " backward steps (" + b.words + ")", "bar back " + b.cls));
        }
        h.append("<h2 id=\"back-h\">Backward steps per day</h2>\n<figure>\n");
        h.append("<p class=\"legend\"><span>").append(swatch("band")).append("band ").append(d.target()).append("–").append(d.limit())
                .append("</span><span>").append(swatch("bar ok")).append("in band (solid)</span><span>").append(swatch("bar low"))
                .append("below the target (hatched)</span><span>").append(swatch("bar high"))
                .append("over the limit: enough for today (striped)</span><span>")
                .append("<svg width=\"14\" height=\"14\" aria-hidden=\"true\"><line class=\"miss\" x1=\"2\" x2=\"12\" y1=\"12\" y2=\"12\"/></svg>")
                .append("no steps that day</span></p>\n");
        barChart(h, "back", "Backward steps per day", "Bars show each day's backward steps, days placed by date; a dash on the"
                + " baseline marks a day without steps. The shaded band is the daily target " + d.target() + " to limit " + d.limit() + ".",
                "backward steps", bars, d.target(), d.limit());
        h.append("</figure>\n");
    }

    private static void forwardChart(StringBuilder h, List<LocalDate> range, Map<LocalDate, DailyTotals> byDate) {
        List<Bar> bars = new ArrayList<>();
        for (LocalDate day : range) {
            DailyTotals t = byDate.get(day);
            int v = t == null ? 0 : t.forward();
            bars.add(v == 0 ? Bar.missed(day, "no forward steps") : new Bar(day, v, day + ": " + v + " forward steps", "bar fwd"));
        }
        h.append("<h2>Forward steps per day</h2>\n<figure>\n");
        barChart(h, "fwd", "Forward steps per day", "Bars show each day's forward steps, days placed by date.", "forward steps", bars, -1, -1);
        h.append("</figure>\n");
    }

    private record Bar(LocalDate day, double value, String title, String cls) {
        static Bar missed(LocalDate day, String what) {
            return new Bar(day, 0, day + ": " + what, "miss");
        }
    }

    private static void alertsChart(StringBuilder h, List<DailyTotals> days) {
        h.append("<h2>Alerts per kind</h2>\n<figure>\n");
        int[] sum = new int[AlertKind.values().length];
        int max = 0;
        for (DailyTotals t : days) for (AlertKind k : AlertKind.values()) sum[k.ordinal()] += t.alerts(k);
        for (int v : sum) max = Math.max(max, v);
        int rowH = 28, height = 8 + rowH * sum.length, left = 92, width = W - left - 44;
        h.append("<svg viewBox=\"0 0 ").append(W).append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"alerts-t alerts-d\">")
                .append("<title id=\"alerts-t\">Alerts per kind</title><desc id=\"alerts-d\">Total alerts of each kind over the exported days.</desc>\n");
        for (AlertKind k : AlertKind.values()) {
            int i = k.ordinal();
            double y = 4 + i * rowH;
            double w = sum[i] == 0 ? 0 : Math.max(2, width * sum[i] / (double) max);
            h.append("<text x=\"").append(left - 8).append("\" y=\"").append(fmt(y + rowH * 0.62)).append("\" text-anchor=\"end\" font-size=\"")
                    .append(FONT).append("\">").append(label(k)).append("</text>");
            h.append("<rect class=\"bar alert\" x=\"").append(left).append("\" y=\"").append(fmt(y + 4)).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"").append(rowH - 8).append("\"><title>").append(label(k)).append(": ").append(sum[i])
                    .append(" alerts</title></rect>");
            h.append("<text x=\"").append(fmt(left + w + 6)).append("\" y=\"").append(fmt(y + rowH * 0.62)).append("\" font-size=\"")
                    .append(FONT).append("\">").append(sum[i]).append("</text>\n");
        }
        h.append("</svg>\n<figcaption>Totals over all exported days; per-day counts are in the table below.</figcaption>\n</figure>\n");
    }

    private static void cadenceChart(StringBuilder h, ReportData d, List<LocalDate> range, Map<LocalDate, DailyTotals> byDate) {
        h.append("<h2>Cadence of continuous walking</h2>\n<figure>\n");
        double max = 0;
        for (LocalDate day : range) {
            double c = d.cadence().stepsPerMinute(day);
            if (!Double.isNaN(c)) max = Math.max(max, c);
        }
        if (max == 0) {
            h.append("<p>No stretch of continuous walking (a minute or more) recorded.</p>\n</figure>\n");
            return;
        }
        double[] ticks = ticks(max, true);
        double top = ticks[ticks.length - 1];
        double plotW = W - L - R, plotH = H - T - B;
        int n = range.size();
        double slot = plotW / n;
        h.append("<svg viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\" aria-labelledby=\"cad-t cad-d\">")
                .append("<title id=\"cad-t\">Cadence of continuous walking per day</title><desc id=\"cad-d\">Steps per minute over")
                .append(" stretches of continuous walking, measured from step times; days without such a stretch have no point.</desc>\n");
        axes(h, ticks, top, plotW, plotH, "steps / min");
        StringBuilder line = new StringBuilder(), dots = new StringBuilder();
        for (int i = 0; i < n; i++) {
            LocalDate day = range.get(i);
            double c = d.cadence().stepsPerMinute(day);
            double x = L + slot * i + slot / 2;
            xLabel(h, i, n, x, day);
            if (Double.isNaN(c)) {
                if (line.length() > 0) { h.append("<polyline class=\"line\" points=\"").append(line.toString().trim()).append("\"/>"); line.setLength(0); }
                continue;
            }
            double y = T + plotH - plotH * c / top;
            line.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            dots.append("<circle class=\"dot\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"3.5\"><title>")
                    .append(day).append(": ").append(fmtNum(c)).append(" steps per minute over ")
                    .append(fmtNum(d.cadence().minutesMeasured(day))).append(" min of continuous walking</title></circle>");
        }
        if (line.length() > 0) h.append("<polyline class=\"line\" points=\"").append(line.toString().trim()).append("\"/>");
        h.append(dots).append("\n</svg>\n");
        h.append("<figcaption>Steps per minute from step times, over stretches of at least a minute of continuous walking;")
                .append(" a short pause inside a stretch lowers it. Days without such a stretch have no point.</figcaption>\n</figure>\n");
    }

    private static void barChart(StringBuilder h, String id, String title, String desc, String unit, List<Bar> bars, int bandLo, int bandHi) {
        double max = 0;
        for (Bar b : bars) max = Math.max(max, b.value());
        double[] ticks = bandHi > 0 ? ticks(Math.max(max, bandHi * 1.1), true, bandLo, bandHi) : ticks(max, true);
        double top = ticks[ticks.length - 1];
        double plotW = W - L - R, plotH = H - T - B;
        int n = bars.size();
        double slot = plotW / n, bw = Math.min(36, Math.max(1, slot * 0.72)); // a few days still read as bars, not slabs
        h.append("<svg viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-t ").append(id).append("-d\"><title id=\"").append(id).append("-t\">").append(esc(title))
                .append("</title><desc id=\"").append(id).append("-d\">").append(esc(desc)).append("</desc>\n");
        if (bandHi > 0) {
            h.append(PATTERNS);
            double y1 = T + plotH - plotH * bandHi / top, y0 = T + plotH - plotH * bandLo / top;
            h.append("<rect class=\"band\" x=\"").append(L).append("\" y=\"").append(fmt(y1)).append("\" width=\"").append(fmt(plotW))
                    .append("\" height=\"").append(fmt(y0 - y1)).append("\"><title>band ").append(bandLo).append("–").append(bandHi)
                    .append(" backward steps</title></rect>\n");
        }
        axes(h, ticks, top, plotW, plotH, unit);
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            double cx = L + slot * i + slot / 2;
            if (b.value() == 0) {
                h.append("<line class=\"miss\" x1=\"").append(fmt(cx - bw / 2)).append("\" x2=\"").append(fmt(cx + bw / 2)).append("\" y1=\"")
                        .append(fmt(T + plotH - 2)).append("\" y2=\"").append(fmt(T + plotH - 2)).append("\"><title>").append(esc(b.title()))
                        .append("</title></line>\n");
            } else {
                double bh = plotH * b.value() / top;
                h.append("<rect class=\"").append(b.cls()).append("\" x=\"").append(fmt(cx - bw / 2)).append("\" y=\"").append(fmt(T + plotH - bh))
                        .append("\" width=\"").append(fmt(bw)).append("\" height=\"").append(fmt(bh)).append("\" data-value=\"")
                        .append((long) b.value()).append("\"><title>").append(esc(b.title())).append("</title></rect>\n");
            }
            xLabel(h, i, n, cx, b.day());
        }
        h.append("</svg>\n");
    }

    /** Grid lines with round tick labels, the band edges drawn dashed when they are ticks, and the unit above the axis. */
    private static void axes(StringBuilder h, double[] ticks, double top, double plotW, double plotH, String unit) {
        h.append("<text x=\"4\" y=\"").append(FONT).append("\" font-size=\"").append(FONT).append("\">").append(esc(unit)).append("</text>\n");
        for (double v : ticks) {
            double y = T + plotH - plotH * v / top;
            h.append("<line class=\"grid\" x1=\"").append(L).append("\" x2=\"").append(fmt(L + plotW)).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\"/><text x=\"").append(L - 5).append("\" y=\"").append(fmt(y + 5))
                    .append("\" text-anchor=\"end\" font-size=\"").append(FONT).append("\">").append(fmtNum(v)).append("</text>\n");
        }
    }

    /**
     * Round ticks from 0 to at least {@code max}: a step of 1, 2, 2.5 or 5 times a power of ten, at most 6
     * intervals; with {@code integers}, no step below 1 (counts). The step is chosen so that every value in
     * {@code mustHit} (the band edges) is a tick when a round step allows it.
     */
    static double[] ticks(double max, boolean integers, int... mustHit) {
        double top = Math.max(max, integers ? 1 : 0.1);
        double chosen = Double.NaN, fallback = Double.NaN;
        for (int e = integers ? 0 : -2; e <= 9 && Double.isNaN(chosen); e++) {
            for (double m : new double[]{1, 2, 2.5, 5}) {
                double step = m * Math.pow(10, e);
                if (integers && step != Math.rint(step)) continue;
                if (Math.ceil(top / step - 1e-9) > 6) continue;
                if (Double.isNaN(fallback)) fallback = step;
                boolean hits = true;
                for (int v : mustHit) hits &= Math.abs(v / step - Math.rint(v / step)) < 1e-9;
                if (hits) { chosen = step; break; }
            }
        }
        double step = Double.isNaN(chosen) ? fallback : chosen;
        int n = (int) Math.ceil(top / step - 1e-9);
        double[] out = new double[n + 1];
        for (int i = 0; i <= n; i++) out[i] = Math.round(i * step * 1000) / 1000.0;
        return out;
    }

    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** At most six date labels under a chart: the first day and then every k-th. */
    private static void xLabel(StringBuilder h, int i, int n, double x, LocalDate day) {
        int every = Math.max(1, (int) Math.ceil(n / 6.0));
        if (i % every != 0) return;
        h.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(H - B + 20).append("\" text-anchor=\"middle\" font-size=\"")
                .append(FONT).append("\">").append(esc(DAY_LABEL.format(day))).append("</text>\n");
    }

    private static void sessions(StringBuilder h, ReportData d) {
        List<SessionSummary> all = d.sessions();
        h.append("<h2>Last sessions</h2>\n");
        if (all.isEmpty()) { h.append("<p>No sessions recorded.</p>\n"); return; }
        String[] cols = {"Start", "Mode", "Duration", "Backward", "Forward", "Alerts", "Ended"};
        h.append("<table class=\"reflow\">\n<caption>Most recent first; local time of the device.</caption>\n<thead><tr>");
        for (String c : cols) h.append("<th scope=\"col\">").append(c).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        int shown = 0;
        for (int i = all.size() - 1; i >= 0 && shown < d.sessionsShown(); i--, shown++) {
            SessionSummary s = all.get(i);
            String start = "undated";
            if (s.startUtcMillis() != null && s.offsetSeconds() != null)
                start = LocalDateTime.ofEpochSecond(Math.floorDiv(s.startUtcMillis(), 1000L), 0, ZoneOffset.ofTotalSeconds(s.offsetSeconds()))
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));
            String[] v = {start, esc(s.mode() == null ? "" : s.mode()), duration(s.durationSeconds()), String.valueOf(s.backward()),
                    String.valueOf(s.forward()), String.valueOf(s.alerts()), s.ended() ? "yes" : "in progress"};
            h.append("<tr>");
            for (int c = 0; c < cols.length; c++) h.append("<td data-label=\"").append(cols[c]).append("\">").append(v[c]).append("</td>");
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void dataTable(StringBuilder h, List<DailyTotals> days, ReportData d) {
        String[] cols = {"Day", "Band", "Backward", "Forward", "Walking min", "Good-form min", "Cadence (steps/min)", "Alerts", "Target met"};
        h.append("<h2>All days</h2>\n<table class=\"reflow\">\n<caption>Newest first. Cadence: steps per minute of continuous walking")
                .append(" (see above), – where the day had no such stretch. Alerts: count per kind; daily.csv has one column per kind.</caption>\n<thead><tr>");
        for (String c : cols) h.append("<th scope=\"col\">").append(c).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        List<DailyTotals> rows = new ArrayList<>(days);
        if (d.undated().forward() + d.undated().backward() > 0) rows.add(d.undated());
        for (int i = rows.size() - 1; i >= 0; i--) {
            DailyTotals t = rows.get(i);
            double cad = t.date() == null ? Double.NaN : d.cadence().stepsPerMinute(t.date());
            StringBuilder alerts = new StringBuilder();
            for (AlertKind k : AlertKind.values())
                if (t.alerts(k) > 0) alerts.append(alerts.length() == 0 ? "" : ", ").append(k.json()).append(' ').append(t.alerts(k));
            String[] v = {t.label(), t.date() == null ? "–" : band(d, t.backward()).words, String.valueOf(t.backward()),
                    String.valueOf(t.forward()), String.valueOf(t.walkingMinutes()), String.valueOf(t.goodFormMinutes()),
                    Double.isNaN(cad) ? "–" : String.valueOf(Math.round(cad)), alerts.length() == 0 ? "none" : alerts.toString(),
                    t.targetMet() ? "yes" : "no"};
            h.append("<tr><th scope=\"row\" data-label=\"Day\">").append(v[0]).append("</th>");
            for (int c = 1; c < cols.length; c++) h.append("<td data-label=\"").append(cols[c]).append("\">").append(v[c]).append("</td>");
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    static String label(AlertKind k) {
        String s = k.json();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String duration(long sec) {
        return sec >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", sec / 3600, sec % 3600 / 60)
                : String.format(Locale.ROOT, "%dm %02ds", sec / 60, sec % 60);
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    private static String fmtNum(double v) {
        if (v == Math.rint(v)) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
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
