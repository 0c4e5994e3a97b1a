package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tinylog.Level;

/** Console lines as journald reads them: a syslog priority on every line, no timestamp. */
class JournalConsoleWriterTest {

    @Test
    void underSystemdEveryLineCarriesItsPriority() {
        JournalConsoleWriter w = new JournalConsoleWriter(Map.of(), true);
        assertEquals("<4>disk full: recording stopped\n", w.lines(Level.WARN, "disk full: recording stopped"));
        assertEquals("<3>journal cannot be written\n<3>java.io.IOException: No space left on device\n<3>\tat x.y(Z.java:1)\n",
                w.lines(Level.ERROR, "journal cannot be written\njava.io.IOException: No space left on device\n\tat x.y(Z.java:1)\n"));
        assertEquals("<6>started\n", w.lines(Level.INFO, "started"));
        assertEquals("<7>fifo 12 bytes\n", w.lines(Level.DEBUG, "fifo 12 bytes"));
    }

    @Test
    void onATerminalTheLevelIsAWord() {
        JournalConsoleWriter w = new JournalConsoleWriter(Map.of(), false);
        assertEquals("WARN: disk full" + System.lineSeparator(), w.lines(Level.WARN, "disk full"));
    }

    @Test
    void prioritiesAreSyslogs() {
        assertEquals(3, JournalConsoleWriter.priority(Level.ERROR));
        assertEquals(4, JournalConsoleWriter.priority(Level.WARN));
        assertEquals(6, JournalConsoleWriter.priority(Level.INFO));
        assertEquals(7, JournalConsoleWriter.priority(Level.TRACE));
    }
}
