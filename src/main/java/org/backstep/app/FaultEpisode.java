package org.backstep.app;

import org.backstep.hw.buzzer.Pattern;
import org.backstep.hw.buzzer.Patterns;
import org.tinylog.Logger;

/**
 * A lasting fault the wearer hears once per episode: its pattern plays when the fault begins, not while it
 * lasts; once it has cleared, the next one is a new episode. Called on the sampling thread.
 */
final class FaultEpisode {
    private final String name;
    private final Pattern pattern;
    private final PatternSink sink;
    private boolean active;
    private int episodes;

    FaultEpisode(String name, Pattern pattern, PatternSink sink) {
        this.name = name;
        this.pattern = pattern;
        this.sink = sink;
    }

    /** The fault's state now: {@code problem} says what is wrong, or null when all is well. */
    void update(String problem) {
        if (problem != null && !active) {
            active = true;
            episodes++;
            Logger.warn("{} fault: {}", name, problem);
            sink.play(pattern, Patterns.PRIORITY_FAULT);
        } else if (problem == null && active) {
            active = false;
            Logger.info("{} fault over", name);
        }
    }

    int episodes() {
        return episodes;
    }
}
