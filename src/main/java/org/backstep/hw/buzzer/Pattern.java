package org.backstep.hw.buzzer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An immutable buzzer pattern: named segments of tone or silence, optionally repeating (alarms repeat
 * until stopped). Build with {@link #builder(String)}.
 */
public final class Pattern {

    /** One segment: {@code hz} for {@code durationMs}; {@code hz == 0} is silence. */
    public record Segment(int durationMs, int hz) {
        public Segment {
            if (durationMs <= 0) throw new IllegalArgumentException("segment duration " + durationMs + " ms must be positive");
            if (hz != 0 && (hz < 100 || hz > 10_000)) {
                throw new IllegalArgumentException("segment tone " + hz + " Hz is out of range; allowed: 0 (silence) or 100..10000");
            }
        }

        public boolean silent() {
            return hz == 0;
        }
    }

    private final String name;
    private final List<Segment> segments;
    private final boolean repeat;
    private final long totalMs;

    private Pattern(String name, List<Segment> segments, boolean repeat) {
        if (segments.isEmpty()) throw new IllegalArgumentException("pattern '" + name + "' has no segments");
        this.name = name;
        this.segments = Collections.unmodifiableList(new ArrayList<>(segments));
        this.repeat = repeat;
        long t = 0;
        for (Segment s : segments) t += s.durationMs();
        this.totalMs = t;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() { return name; }

    public List<Segment> segments() { return segments; }

    public boolean repeat() { return repeat; }

    /** Length of one pass, ms. */
    public long totalMs() { return totalMs; }

    /**
     * What an active (on/off only) buzzer plays: alternating on and off durations in ms, starting with
     * on, adjacent tones merged. Two patterns with different signatures are told apart without pitch.
     */
    public List<Integer> activeSignature() {
        List<Integer> runs = new ArrayList<>();
        boolean lastOn = false;
        for (Segment seg : segments) {
            boolean on = !seg.silent();
            if (runs.isEmpty()) {
                if (!on) continue;                       // leading silence is not rhythm
                runs.add(seg.durationMs());
            } else if (on == lastOn) {
                runs.set(runs.size() - 1, runs.get(runs.size() - 1) + seg.durationMs());
            } else {
                runs.add(seg.durationMs());
            }
            lastOn = on;
        }
        if (!lastOn && !repeat && !runs.isEmpty()) runs.remove(runs.size() - 1); // trailing silence
        return runs;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name).append(repeat ? " (repeats):" : ":");
        for (Segment s : segments) {
            b.append(' ').append(s.silent() ? String.format(Locale.ROOT, "%dms-", s.durationMs())
                : String.format(Locale.ROOT, "%dms@%dHz", s.durationMs(), s.hz()));
        }
        return b.toString();
    }

    /** The same segments played once (an alarm without its repetition), e.g. for a self test. */
    public Pattern once() {
        return repeat ? new Pattern(name, segments, false) : this;
    }

    public static final class Builder {
        private final String name;
        private final List<Segment> segments = new ArrayList<>();
        private boolean repeat;

        private Builder(String name) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a pattern needs a name");
            this.name = name;
        }

        public Builder tone(int durationMs, int hz) {
            segments.add(new Segment(durationMs, hz));
            return this;
        }

        public Builder pause(int durationMs) {
            segments.add(new Segment(durationMs, 0));
            return this;
        }

        public Builder repeat(boolean repeat) {
            this.repeat = repeat;
            return this;
        }

        public Pattern build() {
            return new Pattern(name, segments, repeat);
        }
    }
}
