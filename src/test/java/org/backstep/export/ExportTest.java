package org.backstep.export;

import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.event.GoalEvent;
import org.backstep.event.GoalKind;
import org.backstep.event.StepEvent;
import org.backstep.store.FakeTime;
import org.backstep.store.Journal;
import org.backstep.store.Recordings;
import org.backstep.store.Store;
import org.backstep.store.StoreSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ExportTest {
    @TempDir Path tmp;
    Path state, stick;
    FakeTime time;
    /** backward steps per day, as written */
    final int[] back = {150, 250, 420};
    final int[] fwd = {10, 0, 35};

    @BeforeEach
    void journal() throws IOException {
        state = tmp.resolve("state");
        stick = Files.createDirectory(tmp.resolve("stick"));
        time = FakeTime.at("2026-11-22T09:00:00Z");
        try (Store st = Store.open(state, StoreSettings.defaults(), time, Store.Mode.MANUAL, Journal.WriteHook.NONE, p -> Long.MAX_VALUE / 4)) {
            for (int day = 0; day < 3; day++) {
                st.sessionStarted("walk");
                for (int i = 0; i < back[day]; i++) { time.advance(600); st.accept(new StepEvent(0, 0, Direction.BACKWARD), time.mono); }
                for (int i = 0; i < fwd[day]; i++) { time.advance(500); st.accept(new StepEvent(0, 0, Direction.FORWARD), time.mono); }
                st.accept(new AlertEvent(0, 0, AlertKind.values()[day]), time.mono);
                st.accept(new AlertEvent(0, 0, AlertKind.IMBALANCE), time.mono);
                if (back[day] >= 200) st.accept(new GoalEvent(0, GoalKind.TARGET, 200), time.mono);
                st.sessionStopped();
                st.pump();
                time.advance(86_400_000L - 600L * back[day] - 500L * fwd[day]);
            }
        }
    }

    private ExportSettings settings() {
        return ExportSettings.builder().deviceName("belt:one/2").band(200, 400).time(time).build();
    }

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) w.filter(Files::isRegularFile)::iterator) m.put(dir.relativize(p).toString(), sha(p));
        }
        return m;
    }

    @Test
    void exportWritesANewVerifiedFolder() throws Exception {
        Map<String, String> before = snapshot(state);
        Path out = Exporter.export(state, stick, settings());
        assertEquals(before, snapshot(state), "nothing on the device changed");
        assertTrue(out.getFileName().toString().matches("backstep-belt_one_2-\\d{8}T\\d{6}Z"), out.getFileName().toString());
        assertFalse(out.getFileName().toString().contains(":"));
        try (Stream<Path> l = Files.list(stick)) {
            assertEquals(List.of(out), l.toList(), "no partial folder left behind");
        }
        for (String f : List.of("daily.csv", "events.jsonl", "report.html", "SHA256SUMS")) assertTrue(Files.isRegularFile(out.resolve(f)), f);

        List<String> csv = Files.readAllLines(out.resolve("daily.csv"));
        assertEquals("date,forward,backward,walking_minutes,good_form_minutes,alerts_fall,alerts_stumble,alerts_imbalance,"
                + "alerts_posture,alerts_knee,alerts_cadence,target_met", csv.get(0));
        assertEquals(4, csv.size());
        assertTrue(csv.get(1).startsWith("2026-11-22,10,150,"), csv.get(1));
        assertTrue(csv.get(1).endsWith(",false"));
        assertTrue(csv.get(2).startsWith("2026-11-23,0,250,"));
        assertTrue(csv.get(3).endsWith(",true"));

        long journalLines = Journal.scan(Journal.dirOf(state), false, r -> { }).validLines();
        List<String> events = Files.readAllLines(out.resolve("events.jsonl"));
        assertEquals(journalLines, events.size());
        assertFalse(events.get(0).contains("\"crc\""));

        // SHA256SUMS: in Java, and with sha256sum -c when the tool exists
        List<String> sums = Files.readAllLines(out.resolve("SHA256SUMS"));
        assertEquals(3, sums.size());
        for (String line : sums) {
            String[] parts = line.split("  ", 2);
            assertEquals(sha(out.resolve(parts[1])), parts[0], parts[1]);
        }
        if (Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "sha256sum")))) {
            Process p = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(out.toFile()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), text);
            assertTrue(text.contains("report.html: OK"), text);
        }
        Path second = Exporter.export(state, stick, settings());
        assertNotEquals(out, second, "a second export in the same second gets its own folder");
    }

    @Test
    void reportHasOneBarPerDayWithValuesInTitles() throws Exception {
        Path file = tmp.resolve("r.html");
        ReportWriter.write(state, settings(), file);
        String html = Files.readString(file);
        assertFalse(html.toLowerCase().contains("<script"));
        assertFalse(html.contains("http://") || html.contains("https://"), "self-contained");
        Matcher m = Pattern.compile("<rect class=\"bar back (ok|low|high)\"[^>]*><title>([^<]*)</title>").matcher(html);
        List<String> titles = new ArrayList<>();
        while (m.find()) titles.add(m.group(2));
        assertEquals(List.of("2026-11-22: 150 backward steps (below band)", "2026-11-23: 250 backward steps (in band)",
                "2026-11-24: 420 backward steps (above limit)"), titles);
        Matcher f = Pattern.compile("<(?:rect class=\"bar fwd\"|line class=\"miss\")[^>]*><title>([^<]*forward steps)</title>").matcher(html);
        int n = 0;
        while (f.find()) assertEquals(fwd[n] == 0 ? "no forward steps" : fwd[n] + " forward steps", f.group(1).substring(12), "day " + n++);
        assertEquals(3, n);
        assertTrue(html.contains("<title id=\"back-t\">Backward steps per day</title>"));
        assertTrue(html.contains("Imbalance: 4 alerts"));
        assertTrue(html.contains("Cadence of continuous walking"));
        assertTrue(html.contains("band 200–400"));
        assertFalse(html.contains("Files beside this report"), "a report written by `report` lists no export files");
        assertTrue(html.contains("@media print"));
        assertEquals(3, html.split("<td data-label=\"Mode\">walk</td>", -1).length - 1, "last sessions listed");
    }

    @Test
    void cadenceIsMeasuredFromStepTimesNotFromMinutesWithSteps() throws Exception {
        ReportData d = ReportData.load(state, settings());
        // day 2: 250 backward steps, one every 600 ms: 100 steps per minute of walking
        assertEquals(100.0, d.cadence().stepsPerMinute(java.time.LocalDate.parse("2026-11-23")), 0.01);
        assertTrue(d.cadence().minutesMeasured(java.time.LocalDate.parse("2026-11-23")) >= 1);
        assertTrue(Double.isNaN(d.cadence().stepsPerMinute(java.time.LocalDate.parse("2026-11-30"))), "no walking, no figure");
    }

    @Test
    void aMissedDayLeavesAVisibleGapAndTicksAreRoundWithTheBandEdges() throws Exception {
        // a fourth session two days after the third: one day without steps in between
        try (Store st = Store.open(state, StoreSettings.defaults(), time, Store.Mode.MANUAL, Journal.WriteHook.NONE, p -> Long.MAX_VALUE / 4)) {
            time.advance(86_400_000L);
            st.sessionStarted("walk");
            for (int i = 0; i < 300; i++) { time.advance(600); st.accept(new StepEvent(0, 0, Direction.BACKWARD), time.mono); }
            st.sessionStopped();
            st.pump();
        }
        String html = ReportWriter.render(ReportData.load(state, settings()));
        Matcher m = Pattern.compile("<(rect class=\"bar back \\w+\"|line class=\"miss\")[^>]*><title>([^<]*)</title>").matcher(html);
        List<String> back = new ArrayList<>();
        while (m.find()) back.add(m.group(2));
        assertEquals(List.of("2026-11-22: 150 backward steps (below band)", "2026-11-23: 250 backward steps (in band)",
                "2026-11-24: 420 backward steps (above limit)", "2026-11-25: no backward steps", "2026-11-26: 300 backward steps (in band)"),
                back.subList(0, 5));
        String backSvg = html.substring(html.indexOf("<title id=\"back-t\">"), html.indexOf("</svg>", html.indexOf("<title id=\"back-t\">")));
        Matcher t = Pattern.compile("text-anchor=\"end\" font-size=\"14\">([0-9.]+)</text>").matcher(backSvg);
        List<String> ticks = new ArrayList<>();
        while (t.find()) ticks.add(t.group(1));
        assertEquals(List.of("0", "100", "200", "300", "400", "500"), ticks);
        assertTrue(backSvg.contains(">backward steps</text>"), "the axis names its unit");
        assertTrue(html.contains("Days missed<b>1</b>"));
    }

    @Test
    void ticksAreRoundIncludeTheBandEdgesAndAreSaneWhenEmpty() {
        assertArrayEquals(new double[]{0, 100, 200, 300, 400, 500}, ReportWriter.ticks(440, true, 200, 400));
        assertArrayEquals(new double[]{0, 50, 100, 150, 200, 250}, ReportWriter.ticks(250, true, 150, 250));
        assertArrayEquals(new double[]{0, 1}, ReportWriter.ticks(0, true), "an empty count axis reads 0 and 1, not 0.0 0.0 0.0");
        assertArrayEquals(new double[]{0, 10, 20, 30, 40}, ReportWriter.ticks(35, true));
        assertArrayEquals(new double[]{0, 20, 40, 60, 80, 100, 120}, ReportWriter.ticks(117, true));
    }

    @Test
    void symlinkTargetIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), stick);
        ExportException e = assertThrows(ExportException.class, () -> Exporter.export(state, link, settings()));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        try (Stream<Path> l = Files.list(stick)) { assertEquals(0, l.count()); }
    }

    @Test
    void readOnlyTargetIsRefused() throws IOException {
        Files.setPosixFilePermissions(stick, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            ExportException e = assertThrows(ExportException.class, () -> Exporter.export(state, stick, settings()));
            assertEquals("export refused: " + stick + " is not writable", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(stick, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void missingOrFullTargetIsRefused() {
        ExportException gone = assertThrows(ExportException.class, () -> Exporter.export(state, tmp.resolve("nope"), settings()));
        assertTrue(gone.getMessage().contains("does not exist"));
        ExportSettings full = ExportSettings.builder().time(time).freeSpace(p -> 100_000).build();
        ExportException e = assertThrows(ExportException.class, () -> Exporter.export(state, stick, full));
        assertTrue(e.getMessage().matches("export refused: .* has 0\\.1 MB free, the export needs .* MB"), e.getMessage());
    }

    @Test
    void missingEmptyOrUnreadableStateIsAnErrorNotAnEmptyExport() throws IOException {
        ExportException missing = assertThrows(ExportException.class, () -> Exporter.export(tmp.resolve("no-state"), stick, settings()));
        assertEquals("state directory " + tmp.resolve("no-state") + " does not exist (give the device's with --state-dir)", missing.getMessage());
        Path empty = Files.createDirectory(tmp.resolve("empty-state"));
        ExportException none = assertThrows(ExportException.class, () -> Exporter.export(empty, stick, settings()));
        assertTrue(none.getMessage().endsWith("holds no journal: nothing has been recorded there yet"), none.getMessage());
        Files.createDirectory(empty.resolve("journal"));
        assertThrows(ExportException.class, () -> Exporter.export(empty, stick, settings()));
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        ExportException notDir = assertThrows(ExportException.class, () -> Exporter.export(file, stick, settings()));
        assertTrue(notDir.getMessage().endsWith("is not a folder"), notDir.getMessage());
        // the report refuses the same way
        assertThrows(ExportException.class, () -> ReportWriter.write(empty, settings(), tmp.resolve("r.html")));
        try (Stream<Path> l = Files.list(stick)) { assertEquals(0, l.count(), "nothing written to the stick"); }
        assertFalse(Files.exists(tmp.resolve("r.html")));
    }

    @Test
    void aPartialFolderAlreadyOnTheStickIsNotOursToDelete() throws Exception {
        // what an interrupted earlier export (same device, same second) left behind, with the old naming
        String stamp = "20261122T090000Z";
        Path old = Files.createDirectory(stick.resolve(".backstep-partial-belt-" + stamp));
        Files.writeString(old.resolve("events.jsonl"), "someone else's\n");
        FakeTime frozen = FakeTime.at("2026-11-22T09:00:00Z");
        List<Path> ours = new ArrayList<>();
        ExportSettings failing = ExportSettings.builder().deviceName("belt").time(frozen).hook((name, partial) -> {
            ours.add(partial);
            if (name.equals("daily.csv")) throw new IOException("Input/output error");
        }).build();
        assertThrows(ExportException.class, () -> Exporter.export(state, stick, failing));
        assertFalse(Files.exists(ours.get(0)), "this run's partial folder is removed");
        assertNotEquals(old, ours.get(0));
        assertEquals("someone else's\n", Files.readString(old.resolve("events.jsonl")), "the earlier folder is untouched");
        Path done = Exporter.export(state, stick, ExportSettings.builder().deviceName("belt").time(frozen).build());
        assertTrue(Files.isDirectory(done));
        assertTrue(Files.isDirectory(old));
    }

    @Test
    void targetDisappearingMidCopyLeavesNothingUnderTheFinalName() throws Exception {
        Map<String, String> before = snapshot(state);
        ExportSettings unplug = ExportSettings.builder().deviceName("belt").time(time).hook((name, partial) -> {
            if (name.equals("report.html")) { // the stick is pulled: the whole mount point is gone
                try (Stream<Path> w = Files.walk(stick)) {
                    w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }).build();
        ExportException e = assertThrows(ExportException.class, () -> Exporter.export(state, stick, unplug));
        assertTrue(e.getMessage().contains("disappeared"), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing on the device was changed"));
        assertFalse(Files.exists(stick));
        assertEquals(before, snapshot(state));

        Files.createDirectory(stick);
        ExportSettings failing = ExportSettings.builder().deviceName("belt").time(time).hook((name, partial) -> {
            if (name.equals("rename")) throw new IOException("Input/output error");
        }).build();
        ExportException e2 = assertThrows(ExportException.class, () -> Exporter.export(state, stick, failing));
        assertTrue(e2.getMessage().contains("Input/output error"));
        try (Stream<Path> l = Files.list(stick)) { assertEquals(0, l.count(), "partial folder removed"); }
        assertEquals(before, snapshot(state));
    }

    @Test
    void unsyncedClockIsMarkedInTheFolderName() {
        FakeTime t = new FakeTime(5_000, false);
        Path out = Exporter.export(state, stick, ExportSettings.builder().deviceName("b").time(t).build());
        assertTrue(out.getFileName().toString().endsWith("-unsynced"), out.toString());
    }

    @Test
    void safeNames() {
        assertEquals("a_b_c", Exporter.safeName("a:b/c"));
        assertEquals("device", Exporter.safeName("..."));
    }

    @SuppressWarnings("unused")
    private static Recordings.DiskSpace unused() { return Recordings.DiskSpace.REAL; }
}
