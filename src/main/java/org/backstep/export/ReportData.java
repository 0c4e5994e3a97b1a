package org.backstep.export;

import org.backstep.store.DailyTotals;
import org.backstep.store.Journal;
import org.backstep.store.SessionSummary;
import org.backstep.store.Totals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Everything the report shows; built from a read-only replay of the journal. */
public record ReportData(String deviceName, int target, int limit, long generatedUtcMillis, boolean clockTrusted,
                         List<DailyTotals> days, DailyTotals undated, List<SessionSummary> sessions, int sessionsShown,
                         WalkingCadence cadence) {

    static ReportData of(Totals totals, WalkingCadence cadence, ExportSettings s) {
        return new ReportData(s.deviceName(), s.target(), s.limit(), s.time().wallMillis(),
                s.time().wallTrusted() && s.time().wallMillis() >= org.backstep.store.TimeSource.TRUST_FLOOR_MILLIS,
                totals.days(), totals.undated(), totals.sessions(), s.sessionsShown(), cadence);
    }

    /** Replays the journal of {@code stateDir} without modifying it; a missing, empty or unreadable one is an error. */
    public static ReportData load(Path stateDir, ExportSettings s) {
        StateDir.segments(stateDir);
        Totals totals = new Totals(s.target());
        WalkingCadence cadence = new WalkingCadence();
        try {
            Journal.scan(Journal.dirOf(stateDir), false, rec -> {
                totals.apply(rec);
                cadence.apply(rec);
            });
        } catch (IOException e) {
            throw new ExportException("cannot read the journal in " + stateDir + ": " + e.getMessage(), e);
        }
        return of(totals, cadence, s);
    }
}
