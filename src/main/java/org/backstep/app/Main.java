package org.backstep.app;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code backstep} command line. */
@Command(name = "backstep", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Clip-on coach for backward walking.")
public final class Main {
    private Main() {
    }

    /** Commands that talk to people on the console log only warnings there; the service logs everything. */
    private static final java.util.Set<String> QUIET = java.util.Set.of("demo", "replay", "eval", "export", "report", "beep", "bench");

    public static void main(String[] args) {
        if (args.length > 0 && QUIET.contains(args[0]) && System.getProperty("tinylog.configuration") == null) {
            System.setProperty("tinylog.writer.level", "warn");
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns the exit status (for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err, args.length > 0 ? args[0] : null);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println(prefixed(cmd.getCommandName(), oneLine(ex)));
            err.flush();
            return exitStatus(ex);
        });
        try {
            return cl.execute(args);
        } catch (LinkageError e) {      // a native library that would not load: one line, not a trace
            String cmd = args.length > 0 ? args[0] : "backstep";
            err.println(prefixed(cmd, oneLine(e) + " (" + e.getClass().getSimpleName() + ")"));
            err.flush();
            return 1;
        }
    }

    /** The command tree (tests read its model). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The command tree, with only the subcommand {@code only} names when it names one: picocli reads
     * every command's annotations by reflection as it is added, which was a fifth of the CPU time to
     * the demo's banner. Without a known name (no argument, {@code --help}, a mistyped command) the
     * whole tree, so help and errors list every command.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String only) {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("replay", () -> new ReplayCommand(out, err));
        all.put("eval", () -> new EvalCommand(out, err));
        all.put("run", () -> new RunCommand(err));
        all.put("demo", () -> new DemoCommand(out, err));
        all.put("record", () -> new RecordCommand(out, err));
        all.put("selftest", () -> new SelftestCommand(System.out));
        all.put("beep", BeepCommand::new);
        all.put("export", () -> new ExportCommand(out));
        all.put("report", () -> new ReportCommand(out));
        all.put("bench", () -> new BenchCommand(out));
        all.put("calibrate", () -> new CalibrateCommand(out, err));
        all.put("status", () -> new StatusCommand(out));
        CommandLine cl = new CommandLine(new Main());
        if (only != null && all.containsKey(only)) {
            cl.addSubcommand(only, all.get(only).get());
        } else {
            for (Map.Entry<String, Supplier<Object>> e : all.entrySet()) cl.addSubcommand(e.getKey(), e.getValue().get());
        }
        return cl;
    }

    /** 2 for bad input (configuration, arguments, recordings), 1 for the world failing (hardware, disk, export target). */
    static int exitStatus(Exception ex) {
        return ex instanceof org.backstep.config.ConfigException || ex instanceof IllegalArgumentException
                || ex instanceof org.backstep.recording.RecordingFormatException ? 2 : 1;
    }

    /** {@code name: message}, unless the message already starts with the command's name ("export refused: ..."). */
    static String prefixed(String name, String message) {
        return message.startsWith(name + ":") || message.startsWith(name + " ") ? message : name + ": " + message;
    }

    private static String oneLine(Throwable ex) {
        String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
