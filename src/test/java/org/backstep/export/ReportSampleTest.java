package org.backstep.export;

import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.event.GoalEvent;
import org.backstep.event.GoalKind;
import org.backstep.event.StepEvent;
import org.backstep.store.FakeTime;
import org.backstep.store.Journal;
import org.backstep.store.Store;
import org.backstep.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes target/report-sample/report.html: six weeks of a wearer's journal with missed days, every band
 * class, alerts and sessions, as .ci/report-browser-check.sh opens it in headless Chromium at phone and
 * desktop widths. The HTML checks here are what can be checked without a browser.
 */
class ReportSampleTest {
    @TempDir
    Path tmp;

    @Test
    void sampleReportForTheBrowserCheck() throws Exception {
        Path state = tmp.resolve("state");
        FakeTime time = FakeTime.at("2026-10-12T08:00:00Z");
        Random rnd = new Random(7);
        try (Store st = Store.open(state, StoreSettings.defaults(), time, Store.Mode.MANUAL, Journal.WriteHook.NONE, p -> Long.MAX_VALUE / 4)) {
            for (int day = 0; day < 42; day++) {
                long used = 0;
                boolean missed = day % 9 == 4 || day == 20 || day == 21;
                if (!missed) {
                    st.sessionStarted("walk");
                    int back = 120 + rnd.nextInt(360);
                    long interval = 520 + rnd.nextInt(160); // 88 to 115 steps per minute
                    for (int i = 0; i < back; i++) {
                        time.advance(interval);
                        used += interval;
                        st.accept(new StepEvent(0, 0, Direction.BACKWARD), time.mono);
                        if (i == back / 2 && rnd.nextInt(3) == 0) st.accept(new AlertEvent(0, 0, AlertKind.values()[rnd.nextInt(AlertKind.values().length)]), time.mono);
                    }
                    for (int i = 0; i < rnd.nextInt(80); i++) {
                        time.advance(500);
                        used += 500;
                        st.accept(new StepEvent(0, 0, Direction.FORWARD), time.mono);
                    }
                    if (back >= 200) st.accept(new GoalEvent(0, GoalKind.TARGET, 200), time.mono);
                    st.sessionStopped();
                    st.pump();
                }
                time.advance(86_400_000L - used);
            }
        }
        Path out = Path.of("target", "report-sample", "report.html");
        Files.createDirectories(out.getParent());
        ReportWriter.write(state, ExportSettings.builder().deviceName("belt-pi").band(200, 400).time(time).build(), out);
        String html = Files.readString(out);
        assertTrue(html.contains("<line class=\"miss\""), "missed days are marked");
        assertTrue(html.contains("class=\"bar back low\"") && html.contains("class=\"bar back ok\"") && html.contains("class=\"bar back high\""));
        assertTrue(html.contains("<table class=\"reflow\">"));
        // every walked day has a cadence, including those recorded before the clock was trusted and dated later
        ReportData d = ReportData.load(state, ExportSettings.builder().band(200, 400).time(time).build());
        for (var t : d.days()) {
            double c = d.cadence().stepsPerMinute(t.date());
            assertTrue(c >= 88 && c <= 116, t.date() + ": " + c);
        }
    }
}
