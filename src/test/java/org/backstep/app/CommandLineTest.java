package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.util.Map;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** The command line itself: version from the build, help a person can read, errors with one prefix. */
class CommandLineTest {
    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(status), out.toString(), err.toString()};
    }

    @Test
    void versionComesFromTheBuildNotFromAConstant() {
        String[] r = run("--version");
        assertEquals("0", r[0]);
        // resource filtering replaced both placeholders: a version like 0.1.0 and a 10-digit commit (or "unknown" outside git)
        assertTrue(r[1].trim().matches("backstep \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{10}|unknown)(, modified)?\\)"), r[1]);
    }

    @Test
    void everyOptionAndPositionalHasAPersonsLabelAndPositionalsSayWhatTheyAre() {
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (CommandLine sub : cl.getSubcommands().values()) {
            for (ArgSpec a : sub.getCommandSpec().args()) {
                if (a.typeInfo().isBoolean()) continue;
                String label = a.paramLabel();
                assertTrue(label.matches("[A-Z][A-Z_]*"), sub.getCommandName() + ": label " + label + " is a field name, not a label");
            }
            sub.getCommandSpec().positionalParameters().forEach(p -> assertTrue(p.description().length > 0
                    && !p.description()[0].isBlank(), sub.getCommandName() + ": positional " + p.paramLabel() + " has no description"));
        }
    }

    @Test
    void aNamedCommandAloneIsTheSameCommandAsInTheWholeTree() {
        PrintWriter w = new PrintWriter(new StringWriter());
        CommandLine whole = Main.commandLine(w, w);
        for (Map.Entry<String, CommandLine> e : whole.getSubcommands().entrySet()) {
            // the tree's key is the command's own @Command name, and the command alone reads the same
            assertEquals(e.getKey(), e.getValue().getCommandSpec().name());
            CommandLine alone = Main.commandLine(w, w, e.getKey());
            assertEquals(java.util.Set.of(e.getKey()), alone.getSubcommands().keySet());
            assertEquals(e.getValue().getUsageMessage(), alone.getSubcommands().get(e.getKey()).getUsageMessage());
        }
        assertEquals(whole.getSubcommands().keySet(), Main.commandLine(w, w, "--help").getSubcommands().keySet());
        assertEquals(whole.getSubcommands().keySet(), Main.commandLine(w, w, "demoo").getSubcommands().keySet());
        String[] typo = run("demoo");
        assertEquals("2", typo[0]);
        assertTrue(typo[2].contains("demo"), "a mistyped command is told the commands: " + typo[2]);
    }

    @Test
    void errorsCarryTheCommandNameOnce() throws Exception {
        String[] report = run("report", "--state-dir", tmp.toString(), tmp.resolve("no-folder").resolve("r.html").toString());
        assertEquals("1", report[0]);
        assertTrue(report[2].startsWith("report: ") && !report[2].startsWith("report: report"), report[2]);
        Path stick = Files.createDirectory(tmp.resolve("stick"));
        Files.setPosixFilePermissions(stick, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        String[] export = run("export", "--state-dir", tmp.resolve("state").toString(), stick.toString());
        assertEquals("1", export[0]);
        assertEquals(1, export[2].strip().lines().count(), export[2]);
        assertTrue(export[2].startsWith("export") && !export[2].startsWith("export: export"), export[2]);
    }

    @Test
    void exportWithoutAStateDirectoryFailsWithStatusOne() {
        String[] r = run("export", "--state-dir", tmp.resolve("missing").toString(), tmp.toString());
        assertEquals("1", r[0]);
        assertEquals("export: state directory " + tmp.resolve("missing") + " does not exist (give the device's with --state-dir)", r[2].strip());
        assertEquals("", r[1]);
    }

    @Test
    void progressIsABarOnATerminalAndTenPlainLinesOtherwise() {
        StringWriter log = new StringWriter();
        ProgressBar plain = new ProgressBar(new PrintWriter(log), false, "eval", "recordings");
        for (int i = 1; i <= 283; i++) plain.done(i, 283, "rec" + i);
        java.util.List<String> lines = log.toString().lines().toList();
        assertEquals(10, lines.size(), log.toString());
        assertEquals("eval: 29 of 283 recordings (10%)", lines.get(0));
        assertEquals("eval: 283 of 283 recordings (100%)", lines.get(9));

        StringWriter tty = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(tty), true, "eval", "recordings");
        bar.done(1, 4, "a");
        assertTrue(tty.toString().startsWith("\r[#######.......................] 1/4 recordings a"), tty.toString());
        for (int i = 2; i <= 4; i++) bar.done(i, 4, "b");
        assertTrue(tty.toString().endsWith("\r"), "the bar is wiped at the end, leaving the terminal clean");
        assertFalse(tty.toString().contains("\n"), "a bar never adds lines");
    }
}
