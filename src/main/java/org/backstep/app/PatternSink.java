package org.backstep.app;

import org.backstep.hw.buzzer.Pattern;
import org.backstep.hw.buzzer.PatternPlayer;

/** Where buzzer patterns go: the real pattern player, or the console in the demo. */
interface PatternSink {
    /** Plays {@code pattern} unless something more urgent is playing; returns whether it plays. */
    boolean play(Pattern pattern, int priority);

    /** Stops what is playing (the fall alarm once the wearer is up). */
    void stop();

    static PatternSink of(PatternPlayer player) {
        return new PatternSink() {
            @Override
            public boolean play(Pattern pattern, int priority) {
                return player.play(pattern, priority);
            }

            @Override
            public void stop() {
                player.stop();
            }
        };
    }
}
