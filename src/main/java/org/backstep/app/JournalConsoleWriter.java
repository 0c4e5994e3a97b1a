package org.backstep.app;

import java.io.PrintStream;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import org.tinylog.Level;
import org.tinylog.core.LogEntry;
import org.tinylog.core.LogEntryValue;
import org.tinylog.writers.AbstractFormatPatternWriter;

/**
 * tinylog's console, as journald wants it ({@code writer = journal console}). Under systemd (which sets
 * {@code JOURNAL_STREAM} when stdout and stderr go to the journal) every line starts with its syslog
 * priority, {@code <3>} error, {@code <4>} warning, {@code <6>} info, {@code <7>} debug and trace, so
 * {@code journalctl -p warning -u backstep} filters, and carries no timestamp of its own (the journal
 * stamps each line). The lines of a stack trace each carry the priority too. On a terminal the same
 * entry reads {@code WARN: message}. Warnings and errors go to stderr, the rest to stdout.
 */
public final class JournalConsoleWriter extends AbstractFormatPatternWriter {
    private final boolean journal;

    /** Called by tinylog with the writer's properties ({@code format}, default {@code {message}}). */
    public JournalConsoleWriter(Map<String, String> properties) {
        this(properties, System.getenv("JOURNAL_STREAM") != null);
    }

    JournalConsoleWriter(Map<String, String> properties, boolean journal) {
        super(withDefaultFormat(properties));
        this.journal = journal;
    }

    private static Map<String, String> withDefaultFormat(Map<String, String> p) {
        if (p.containsKey("format")) return p;
        Map<String, String> copy = new java.util.HashMap<>(p);
        copy.put("format", "{message}");
        return copy;
    }

    @Override
    public Collection<LogEntryValue> getRequiredLogEntryValues() {
        EnumSet<LogEntryValue> values = EnumSet.copyOf(super.getRequiredLogEntryValues());
        values.add(LogEntryValue.LEVEL);
        return values;
    }

    @Override
    public void write(LogEntry entry) {
        Level level = entry.getLevel();
        PrintStream out = level.ordinal() >= Level.WARN.ordinal() ? System.err : System.out;
        out.print(lines(level, render(entry)));
    }

    /** The rendered entry with each line prefixed: {@code <N>} in the journal, {@code LEVEL: } on the first line otherwise. */
    String lines(Level level, String rendered) {
        String text = rendered.endsWith("\n") ? rendered : rendered + System.lineSeparator();
        if (!journal) return level + ": " + text;
        String prefix = "<" + priority(level) + ">";
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (String line : text.split("\\R")) sb.append(prefix).append(line).append('\n');
        return sb.toString();
    }

    /** syslog(3) priorities, as sd-daemon(3) reads them from a line's start. */
    static int priority(Level level) {
        return switch (level) {
            case ERROR -> 3;
            case WARN -> 4;
            case INFO -> 6;
            case DEBUG, TRACE -> 7;
            case OFF -> 6;
        };
    }

    @Override
    public void flush() {
        System.out.flush();
        System.err.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
