package org.backstep.export;

import org.backstep.store.DailyTotals;
import org.backstep.store.SessionSummary;
import org.backstep.store.Totals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Everything the report shows; built from a read-only replay of the journal. */
public record ReportData(String deviceName, int target, int limit, long generatedUtcMillis, boolean clockTrusted,
                         List<DailyTotals> days, DailyTotals undated, List<SessionSummary> sessions, int sessionsShown) {

    public static ReportData of(Totals totals, ExportSettings s) {
        return new ReportData(s.deviceName(), s.target(), s.limit(), s.time().wallMillis(),
                s.time().wallTrusted() && s.time().wallMillis() >= org.backstep.store.TimeSource.TRUST_FLOOR_MILLIS,
                totals.days(), totals.undated(), totals.sessions(), s.sessionsShown());
    }

    /** Replays the journal of {@code stateDir} without modifying it; a missing, empty or unreadable one is an error. */
    public static ReportData load(Path stateDir, ExportSettings s) {
        StateDir.segments(stateDir);
        try {
            return of(Totals.replay(stateDir, s.target()), s);
        } catch (IOException e) {
            throw new ExportException("cannot read the journal in " + stateDir + ": " + e.getMessage(), e);
        }
    }
}
