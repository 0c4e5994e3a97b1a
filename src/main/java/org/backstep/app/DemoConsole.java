package org.backstep.app;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.event.Event;
import org.backstep.event.GoalEvent;
import org.backstep.event.GoalKind;
import org.backstep.event.StepEvent;
import org.backstep.event.StepRevision;
import org.backstep.hw.buzzer.Pattern;
import org.backstep.pipeline.PipelineListener;

/**
 * What the demo shows: the buzzer as console lines with stream timestamps (a pattern is stamped
 * with the event that set it off), bouts, goals, alerts and a progress line every few seconds of
 * stream time. Also counts what happened for the summary.
 *
 * <p>The lines are formatted and printed on a demo-only thread of its own ({@value #THREAD}), in order: the
 * listeners run on the sampling thread, and the unit has no console (formatting a line there cost the
 * sampling thread more than its bus transactions).
 */
final class DemoConsole implements PipelineListener, PatternSink {
    static final String THREAD = "backstep-print";
    private static final double PROGRESS_EVERY_S = 10;

    private final PrintWriter out;
    private double lastT;
    private final int target;
    final Map<AlertKind, Integer> alerts = new EnumMap<>(AlertKind.class);
    final Map<String, Integer> patternsPlayed = new java.util.TreeMap<>();
    int forward, backward;
    double targetAt = Double.NaN;
    private double nextProgress = PROGRESS_EVERY_S;

    private final ExecutorService printer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD);
        t.setDaemon(true);
        return t;
    });

    DemoConsole(PrintWriter out, int target) {
        this.out = out;
        this.target = target;
    }

    /** Prints {@code text} stamped {@code t} on the printer thread; {@code text} is made there, from values fixed now. */
    private void line(double t, Supplier<String> text) {
        lastT = t;
        printer.execute(() -> {
            out.printf(Locale.ROOT, "[%6.1f s] %s%n", t, text.get());
            out.flush();
        });
    }

    /** Prints what is still queued; call once the listeners are silent (the device closed), before the summary. */
    void drain() throws InterruptedException {
        printer.shutdown();
        printer.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void accept(Event e) {
        lastT = e.at();
        if (e instanceof StepEvent s) {
            if (s.direction() == Direction.FORWARD) forward++;
            else backward++;
            if (s.at() >= nextProgress) {
                nextProgress = Math.floor(s.at() / PROGRESS_EVERY_S) * PROGRESS_EVERY_S + PROGRESS_EVERY_S;
                int f = forward, b = backward;
                line(s.at(), () -> String.format(Locale.ROOT, "steps: %d forward, %d backward (target %d)", f, b, target));
            }
        } else if (e instanceof StepRevision r) {
            int moved = r.backwardDelta();
            backward += moved;
            forward -= moved;
            line(r.at(), () -> String.format(Locale.ROOT, "direction clear: %d step(s) since %.1f s are %s", r.steps(), r.from(), r.direction().json()));
        } else if (e instanceof AlertEvent a) {
            alerts.merge(a.kind(), 1, Integer::sum);
            line(a.at(), () -> "ALERT " + a.kind().json());
        } else if (e instanceof GoalEvent g) {
            if (g.kind() == GoalKind.TARGET) targetAt = g.at();
            line(g.at(), () -> "GOAL " + g.kind().json() + " reached: " + g.backwardSteps() + " backward steps today");
        }
    }

    @Override
    public synchronized void walking(boolean walking, double t) {
        line(t, walking ? () -> "walking (bout confirmed, first contact)" : () -> "stopped (last contact)");
    }

    @Override
    public synchronized void uprightReferenceTaken(double t) {
        line(t, () -> "upright reference taken");
    }

    @Override
    public synchronized boolean play(Pattern pattern, int priority) {
        patternsPlayed.merge(pattern.name(), 1, Integer::sum);
        line(lastT, () -> "BUZZ " + pattern);
        return true;
    }

    @Override
    public synchronized void stop() {
        line(lastT, () -> "BUZZ off");
    }
}
