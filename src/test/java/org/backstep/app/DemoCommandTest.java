package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 14 and issue 13: the demo keeps its state in {@code --state-dir}, gives the same counts
 * at any speed (the chip runs on the demo's clock), and journals on that clock, so a session lasts as
 * long as the walk. The demo paces itself on the wall clock (at 200x, about a second a run).
 */
class DemoCommandTest {
    @TempDir
    Path state;
    @TempDir
    Path configDir;

    private String run(String speed) throws IOException {
        // The demo dates its journal from the host's clock: a day boundary half a day away keeps both
        // runs on one day whenever the test runs (at 23:59 the first run once straddled midnight).
        LocalTime dayStart = LocalTime.now(ZoneOffset.UTC).plusHours(12).withSecond(0).withNano(0);
        Path config = configDir.resolve("backstep.properties");
        Files.writeString(config, "day.zone = UTC\nday.starts_at = " + dayStart + "\n");
        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        int rc = Main.execute(new String[] {"demo", "--speed", speed, "--state-dir", state.toString(), "--config", config.toString()},
                new PrintWriter(so), new PrintWriter(se));
        if (rc == 1) {
            assertTrue(se.toString().startsWith("demo: could not keep up with --speed"), se.toString());   // a loaded machine may say so
        } else {
            assertEquals(0, rc, so + "\n" + se);
        }
        return so.toString();
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " in\n" + out));
    }

    @Test
    void sameCountsAtAnySpeedStateKeptAndSessionsAsLongAsTheWalk() throws IOException {
        String fast = run("200");
        String slower = run("100");
        assertEquals(line(fast, "steps:"), line(slower, "steps:"), "the counts do not depend on the pace");
        assertTrue(line(fast, "samples read").contains("lost in the FIFO 0"), fast);
        Matcher m = Pattern.compile("journal: today (\\d+) backward").matcher(line(slower, "journal:"));
        assertTrue(m.find());
        Matcher first = Pattern.compile("journal: today (\\d+) backward").matcher(line(fast, "journal:"));
        assertTrue(first.find());
        assertEquals(2 * Integer.parseInt(first.group(1)), Integer.parseInt(m.group(1)), "the second demo added to the first one's day");

        List<String> journal;
        try (Stream<Path> files = Files.walk(state.resolve("journal"))) {
            journal = files.filter(Files::isRegularFile).sorted().flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.toList());
        }
        List<Long> starts = utc(journal, "session_start");
        List<Long> stops = utc(journal, "session_stop");
        assertEquals(2, starts.size(), String.join("\n", journal));
        double walk = Double.parseDouble(fast.replaceAll("(?s).*demo finished: (\\d+) s of walking.*", "$1"));
        for (int i = 0; i < 2; i++) {
            double session = (stops.get(i) - starts.get(i)) / 1000.0;
            assertEquals(walk, session, 3, "session " + i + " lasts as long as the walk, not the accelerated run");
        }
    }

    private static List<Long> utc(List<String> journal, String kind) {
        Pattern p = Pattern.compile("\"utc\":(\\d+)");
        return journal.stream().filter(l -> l.contains("\"" + kind + "\"")).map(l -> {
            Matcher m = p.matcher(l);
            assertTrue(m.find(), l);
            return Long.parseLong(m.group(1));
        }).collect(Collectors.toList());
    }
}
