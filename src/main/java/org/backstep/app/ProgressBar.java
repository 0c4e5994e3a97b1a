package org.backstep.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.backstep.eval.Evaluator;

/**
 * Progress of a long command on stderr: on a terminal a bar redrawn in place, otherwise (a log, CI, a
 * pipe) a plain line at every tenth of the way, so a log gets ten lines and not one per item.
 */
final class ProgressBar implements Evaluator.Progress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final String command, what;
    private int lastTenth = 0;

    /** {@code command} prefixes the plain lines; {@code what} names the items, e.g. "recordings". */
    ProgressBar(PrintWriter err, boolean terminal, String command, String what) {
        this.err = err;
        this.terminal = terminal;
        this.command = command;
        this.what = what;
    }

    /** A terminal: the JVM has a console (stdin and stdout are a terminal) and TERM is not "dumb". */
    static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public void done(int count, int total, String item) {
        if (total <= 0) return;
        if (terminal) {
            int filled = (int) ((long) WIDTH * count / total);
            String name = item.length() > 28 ? item.substring(0, 27) + "…" : item;
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d %s %-28s", "#".repeat(filled), ".".repeat(WIDTH - filled), count, total, what, name);
            if (count == total) err.print("\r" + " ".repeat(WIDTH + 50) + "\r");
        } else {
            int tenth = (int) (10L * count / total);
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            err.printf(Locale.ROOT, "%s: %d of %d %s (%d%%)%n", command, count, total, what, 100L * count / total);
        }
        err.flush();
    }
}
