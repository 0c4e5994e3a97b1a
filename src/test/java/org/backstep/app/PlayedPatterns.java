package org.backstep.app;

import java.util.List;
import org.backstep.hw.buzzer.Pattern;

/** A buzzer for tests: writes the name of every pattern played, and "stop", into a list. */
final class PlayedPatterns implements PatternSink {
    private final List<String> played;

    PlayedPatterns(List<String> played) {
        this.played = played;
    }

    @Override
    public boolean play(Pattern pattern, int priority) {
        played.add(pattern.name());
        return true;
    }

    @Override
    public void stop() {
        played.add("stop");
    }
}
