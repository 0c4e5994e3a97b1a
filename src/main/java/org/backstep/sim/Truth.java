package org.backstep.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.backstep.event.Direction;

/** Ground truth of a simulation: step contacts and labelled intervals, both sorted by time. */
public final class Truth {
    private final List<TrueStep> steps;
    private final List<Interval> intervals;

    Truth(List<TrueStep> steps, List<Interval> intervals) {
        List<TrueStep> s = new ArrayList<>(steps);
        s.sort(Comparator.comparingDouble(TrueStep::time));
        List<Interval> i = new ArrayList<>(intervals);
        i.sort(Comparator.comparingDouble(Interval::start).thenComparing(Interval::kind));
        this.steps = List.copyOf(s);
        this.intervals = List.copyOf(i);
    }

    /** All step contacts, by time. */
    public List<TrueStep> steps() {
        return steps;
    }

    /** Steps in one direction. */
    public List<TrueStep> steps(Direction d) {
        return steps.stream().filter(s -> s.direction() == d).toList();
    }

    public int count(Direction d) {
        int n = 0;
        for (TrueStep s : steps) if (s.direction() == d) n++;
        return n;
    }

    /** All intervals, by start time. */
    public List<Interval> intervals() {
        return intervals;
    }

    /** Intervals of one kind, by start time. */
    public List<Interval> intervals(Interval.Kind kind) {
        return intervals.stream().filter(i -> i.kind() == kind).toList();
    }

    /** Kinds whose interval contains {@code t}. */
    public List<Interval.Kind> kindsAt(double t) {
        return intervals.stream().filter(i -> i.contains(t)).map(Interval::kind).distinct().toList();
    }

    /** Collects truth while segments render. */
    static final class Collector {
        final List<TrueStep> steps = new ArrayList<>();
        final List<Interval> intervals = new ArrayList<>();

        void step(double t, Direction d) {
            steps.add(new TrueStep(t, d));
        }

        void interval(Interval.Kind k, double start, double end) {
            intervals.add(Interval.of(k, start, end));
        }

        void interval(Interval i) {
            intervals.add(i);
        }

        Truth build() {
            return new Truth(steps, intervals);
        }
    }
}
