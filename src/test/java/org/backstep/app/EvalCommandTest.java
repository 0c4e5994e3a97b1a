package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.backstep.event.Direction;
import org.backstep.recording.RecordingWriter;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Simulation;
import org.backstep.sim.TrueStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} on a small dataset laid out like ../shared/data, made from the simulator. */
class EvalCommandTest {
    @TempDir
    Path dir;

    private void write(String name, String subject, Simulation sim, String activity, String direction, boolean truth, String source)
            throws IOException {
        Files.createDirectories(dir.resolve("recordings"));
        Files.createDirectories(dir.resolve("truth"));
        try (RecordingWriter w = RecordingWriter.create(dir.resolve("recordings").resolve(name + ".csv.gz"), sim.rateHz(),
                sim.forwardAxis(), Map.of("source", "simulator"))) {
            sim.play(w);
        }
        int n = 0;
        if (truth) {
            StringBuilder sb = new StringBuilder("t,direction\n");
            for (TrueStep s : sim.truth().steps()) {
                sb.append(String.format(Locale.ROOT, "%.3f,%s%n", s.time(), s.direction().json()));
                n++;
            }
            Files.writeString(dir.resolve("truth").resolve(name + ".steps.csv"), sb.toString());
            Files.writeString(dir.resolve("truth").resolve(name + ".windows.csv"),
                    String.format(Locale.ROOT, "from_s,to_s%n0,%.3f%n", sim.duration()));
        }
        Files.writeString(dir.resolve("manifest.csv"), String.format(Locale.ROOT, "%s,%s,%s,%s,%.0f,%.2f,%s,,\"%s\",test%n",
                name, subject, activity, direction, sim.rateHz(), sim.duration(), truth ? Integer.toString(n) : "", source), java.nio.file.StandardOpenOption.APPEND);
    }

    @BeforeEach
    void dataset() throws IOException {
        Files.writeString(dir.resolve("manifest.csv"), "recording,subject,activity,direction,rate_hz,duration_s,truth_steps,expect,source,license\n");
        write("sim-bwd", "ann", Scenarios.backwardWalk(1).run(), "walk", "backward", true, "backward walk");
        write("sim-fwd", "bob", Scenarios.forwardWalk(2).run(), "walk", "forward", true, "forward walk");
        write("sim-sit", "bob", Scenarios.sitDown(3).run(), "adl", "none", false, "sit down and get up");
    }

    private int eval(StringWriter out, StringWriter err, String... extra) {
        String[] args = new String[2 + extra.length];
        args[0] = "eval";
        args[1] = dir.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsTheTableAndTheFigures() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, eval(out, err), err.toString());
        String t = out.toString();
        assertTrue(t.contains("walk/backward"), t);
        assertTrue(t.contains("walk/forward"), t);
        assertTrue(t.contains("phantom steps 0.00 per minute (1 non-walking ADL recordings"), t);
        assertTrue(t.contains("walk_backward_direction_pct"), t);
    }

    @Test
    void guardsAreFloorsOrCeilingsAndAMissExitsThree() throws IOException {
        Path ok = dir.resolve("ok.properties");
        Files.writeString(ok, "walk_backward_direction_pct = 99\nphantom_steps_per_min = 0.5\nwalk_f1 = 0.9\n");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, eval(out, err, "--floors", ok.toString()), err.toString());

        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "walk_f1 = 1.01\nlatency_p50_s = 0.01\nno_such_figure = 1\nmixed_direction_pct = 99\n");
        out = new StringWriter();
        err = new StringWriter();
        assertEquals(EvalCommand.MISSED_GUARD, eval(out, err, "--floors", bad.toString()));
        String e = err.toString();
        assertTrue(e.contains("walk_f1 = ") && e.contains("below its floor 1.010"), e);
        assertTrue(e.contains("latency_p50_s = ") && e.contains("above its ceiling 0.010"), e);
        assertTrue(e.contains("no_such_figure: no such figure"), e);
        assertTrue(e.contains("mixed_direction_pct: not measured"), e);
    }

    @Test
    void jsonCarriesTheSameFigures() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, eval(out, err, "--json"));
        String j = out.toString().trim();
        assertTrue(j.startsWith("{\"recordings\":3,\"groups\":{"), j);
        assertTrue(j.contains("\"walk_backward_direction_pct\":100"), j);
        assertTrue(j.contains("{\"recording\":\"sim-bwd\",\"group\":\"walk/backward\","), j);
    }

    private static double figure(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":([-0-9.eE]+)").matcher(json);
        if (!m.find()) throw new AssertionError(name + " not in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aTurnedSensorStillCountsAndTellsTheDirections() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, eval(out, err, "--turn-sensor", "x:15,y:-25,z:35", "--json"), err.toString());
        String j = out.toString();
        // the front ends up tens of degrees off the labelled axis: the first steps may go wrong, not the walk
        assertTrue(figure(j, "walk_forward_direction_pct") >= 90, j);
        assertTrue(figure(j, "walk_backward_direction_pct") >= 90, j);
        assertTrue(figure(j, "walk_forward_count_error_pct") <= 5 && figure(j, "walk_backward_count_error_pct") <= 5, j);
        out = new StringWriter();
        assertEquals(0, eval(out, err, "--turn-sensor", "x:15,y:-25,z:35"), err.toString());
        assertTrue(out.toString().startsWith("(sensor turned x:15,y:-25,z:35)"), out.toString());
        out = new StringWriter();
        err = new StringWriter();
        assertEquals(2, eval(out, err, "--turn-sensor", "q:5"));
        assertTrue(err.toString().contains("sensor turn 'q:5'"), err.toString());
    }

    @Test
    void resampledTo50HzItStillCountsAndTellsTheDirections() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, eval(out, err, "--resample", "50", "--json"), err.toString());
        String j = out.toString();
        assertTrue(figure(j, "walk_forward_direction_pct") >= 95 && figure(j, "walk_backward_direction_pct") >= 95, j);
        assertTrue(figure(j, "walk_forward_count_error_pct") <= 5 && figure(j, "walk_backward_count_error_pct") <= 5, j);
        assertEquals(0, figure(j, "phantom_steps_per_min"), 1e-9, j);
        out = new StringWriter();
        err = new StringWriter();
        assertEquals(2, eval(out, err, "--resample", "10"));
        assertTrue(err.toString().contains("must be 50 to 400 Hz"), err.toString());
    }

    @Test
    void listsEveryRecordingWithTruthOnRequest() throws IOException {
        // the window stops at 10 s: true steps after it cannot be matched and are counted apart
        Files.writeString(dir.resolve("truth").resolve("sim-fwd.windows.csv"), "from_s,to_s\n0,10\n");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, eval(out, err, "--recordings"), err.toString());
        String t = out.toString();
        String fwd = t.lines().filter(l -> l.startsWith("sim-fwd ")).findFirst().orElseThrow(() -> new AssertionError(t));
        String[] f = fwd.trim().split("\\s+");
        int truth = Integer.parseInt(f[2]), unreachable = Integer.parseInt(f[3]), found = Integer.parseInt(f[4]);
        assertTrue(unreachable > 0 && unreachable < truth, fwd);
        assertTrue(found <= truth - unreachable + 1, "only steps inside the window are scored: " + fwd);
        assertTrue(t.lines().anyMatch(l -> l.startsWith("sim-bwd ")), t);
        assertTrue(t.lines().noneMatch(l -> l.startsWith("sim-sit ")), "no truth, no line: " + t);
    }

    @Test
    void reportsEverySubjectAndTheWorst() throws IOException {
        // bob's window stops at 10 s: his later steps are unreachable, so his count error is the worse
        Files.writeString(dir.resolve("truth").resolve("sim-fwd.windows.csv"), "from_s,to_s\n0,10\n");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, eval(out, err), err.toString());
        String t = out.toString();
        String ann = t.lines().filter(l -> l.startsWith("ann ")).findFirst().orElseThrow(() -> new AssertionError(t));
        String bob = t.lines().filter(l -> l.startsWith("bob ")).findFirst().orElseThrow(() -> new AssertionError(t));
        assertEquals("1", ann.trim().split("\\s+")[1], "bob's sitting recording has no step truth: " + bob);
        double annErr = Double.parseDouble(ann.trim().split("\\s+")[5]), bobErr = Double.parseDouble(bob.trim().split("\\s+")[5]);
        assertTrue(bobErr > annErr, t);
        assertTrue(t.contains("worst subject: count error bob "), t);

        out = new StringWriter();
        assertEquals(0, eval(out, err, "--json"), err.toString());
        String j = out.toString();
        assertEquals(bobErr, figure(j, "worst_subject_count_error_pct"), 0.01, j);
        assertTrue(j.contains("\"per_subject\":{\"ann\":{\"recordings\":1,"), j);

        Path guard = dir.resolve("subject.properties");
        Files.writeString(guard, String.format(Locale.ROOT, "worst_subject_count_error_pct = %.3f%n", (annErr + bobErr) / 2));
        err = new StringWriter();
        assertEquals(EvalCommand.MISSED_GUARD, eval(new StringWriter(), err, "--floors", guard.toString()));
        assertTrue(err.toString().contains("worst_subject_count_error_pct = ") && err.toString().contains("above its ceiling"), err.toString());
    }

    @Test
    void scoresASeededPopulationTheSameWayTwice() {
        StringWriter a = new StringWriter(), b = new StringWriter(), err = new StringWriter();
        assertEquals(0, Main.execute(new String[] {"eval", "--population", "2", "--seed", "5", "--json"}, new PrintWriter(a),
                new PrintWriter(err)), err.toString());
        assertEquals(0, Main.execute(new String[] {"eval", "--population", "2", "--seed", "5", "--json"}, new PrintWriter(b),
                new PrintWriter(err)), err.toString());
        assertEquals(a.toString(), b.toString());
        assertTrue(a.toString().startsWith("{\"seed\":5,\"walkers\":2,\"groups\":{\"walk/forward\":"), a.toString());
        err = new StringWriter();
        assertEquals(2, eval(new StringWriter(), err, "--population", "2"));
        assertTrue(err.toString().contains("either DIR or --population"), err.toString());
        err = new StringWriter();
        assertEquals(2, Main.execute(new String[] {"eval", "--population", "0"}, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().contains("at least 1"), err.toString());
    }
}
