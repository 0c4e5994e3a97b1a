package org.backstep.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.backstep.event.Event;
import org.backstep.event.EventSink;
import org.backstep.gait.GaitSettings;
import org.backstep.recording.RecordingSource;

/**
 * Runs one recording through a fresh session pipeline, as fast as possible: its own calibration,
 * no persistent daily state. Used by {@code replay} and {@code eval}.
 */
public final class Replay {
    private final SessionSettings settings;

    public Replay(SessionSettings settings) {
        this.settings = settings;
    }

    /**
     * Result of one replayed recording; {@code uprightAt} is when the coach took its upright
     * reference (the last time, if retaken), NaN if never.
     */
    public record Result(List<Event> events, long forward, long backward, double durationS, double uprightAt) {
    }

    /** Keeps every event. */
    public Result run(RecordingSource rec) {
        List<Event> out = new ArrayList<>();
        return run(rec, out::add, out);
    }

    /**
     * Streams events to {@code sink}; the result's event list is {@code keep} (may be empty). A streamed
     * recording that turns out malformed part-way throws after its earlier samples went through.
     */
    public Result run(RecordingSource rec, EventSink sink, List<Event> keep) {
        Axis fwd = rec.forwardAxis() != null ? rec.forwardAxis() : settings.forwardAxis();
        GaitSettings gs = GaitSettings.builder(rec.rateHz()).forwardAxis(fwd).build();
        GoalTracker goal = new GoalTracker(settings.targetBackwardSteps(), settings.limitBackwardSteps(), 0, sink);
        double[] upright = {Double.NaN};
        PipelineListener listener = new PipelineListener() {
            @Override
            public void accept(Event e) {
                sink.accept(e);
            }

            @Override
            public void uprightReferenceTaken(double t) {
                upright[0] = t;
            }
        };
        Pipeline p = new Pipeline(gs, settings.coach(), goal, listener);
        double duration = rec.replay(p);
        p.finish();
        return new Result(keep, p.steps(Direction.FORWARD), p.steps(Direction.BACKWARD), duration, upright[0]);
    }
}
