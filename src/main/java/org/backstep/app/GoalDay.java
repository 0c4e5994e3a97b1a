package org.backstep.app;

import org.backstep.pipeline.GoalTracker;
import org.backstep.store.DailyTotals;
import org.backstep.store.Store;
import org.tinylog.Logger;

/**
 * Keeps the daily goal on the journal's day. Whenever that day changes (start, midnight, a clock jump either
 * way, a clock that becomes trusted), the goal tracker resumes from what the journal holds for the new day:
 * its backward steps and the milestones announced on it. So a milestone is announced at most once a day,
 * whatever the restarts. Without a trusted clock the day is the journal's newest day continued (see
 * {@code Totals.chain()}). Called on the sampling thread.
 */
final class GoalDay {
    private final Store store;
    private final GoalTracker goal;
    private boolean started;
    private long key;

    GoalDay(Store store, GoalTracker goal) {
        this.store = store;
        this.goal = goal;
    }

    /**
     * Resumes the tracker if the goal's day changed; true if it did. Allocates nothing while the day stays
     * the same (it runs once a second on the sampling thread): the journal's totals are read only on a change.
     */
    boolean check() {
        if (started && store.goalDayKey() == key) return false;
        DailyTotals g = store.goalDay();
        long k = Store.goalDayKey(g);
        if (started && k == key) return false;
        if (started) {
            Logger.info("goal day is now {}: {} backward steps{}{}", g.date() != null ? g.date() : "the last day (no clock)",
                    g.backward(), g.targetAnnounced() ? ", target announced" : "", g.limitAnnounced() ? ", limit announced" : "");
        }
        started = true;
        key = k;
        goal.resume(g.backward(), g.targetAnnounced(), g.limitAnnounced());
        return true;
    }
}
