package org.backstep.export;

import org.backstep.store.Journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The state directory as export and report read it: it must exist, be readable and hold a journal. A
 * missing, empty or unreadable one is an error, never an empty export that looks like success (the
 * wearer would hear export_done over a stick with nothing on it).
 */
final class StateDir {
    private StateDir() { }

    /** The journal's segments, in order; throws a one-line {@link ExportException} otherwise. */
    static List<Path> segments(Path stateDir) {
        if (!Files.exists(stateDir))
            throw new ExportException("state directory " + stateDir + " does not exist (give the device's with --state-dir)");
        if (!Files.isDirectory(stateDir))
            throw new ExportException("state directory " + stateDir + " is not a folder");
        Path journal = Journal.dirOf(stateDir);
        if (!readable(stateDir) || Files.isDirectory(journal) && !readable(journal))
            throw new ExportException("state directory " + stateDir + " cannot be read: run as user backstep or root");
        List<Path> segments;
        try {
            segments = Journal.segments(journal);
        } catch (IOException e) {
            throw new ExportException("cannot read the journal in " + stateDir + ": " + e.getMessage(), e);
        }
        if (segments.isEmpty())
            throw new ExportException("state directory " + stateDir + " holds no journal: nothing has been recorded there yet");
        for (Path p : segments)
            if (!Files.isReadable(p)) throw new ExportException("journal segment " + p + " cannot be read: run as user backstep or root");
        return segments;
    }

    private static boolean readable(Path dir) {
        return Files.isReadable(dir) && Files.isExecutable(dir);
    }
}
