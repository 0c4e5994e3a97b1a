package org.backstep.app;

import java.util.concurrent.Callable;
import org.backstep.hw.NanoClock;
import org.backstep.hw.Sleeper;
import org.backstep.hw.buzzer.Pattern;
import org.backstep.hw.buzzer.PatternPlayer;
import org.backstep.hw.buzzer.Patterns;
import org.backstep.hw.pi4j.Pi4jHardware;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code beep PATTERN}: plays one pattern once (used by the USB export unit to say done or failed). */
@Command(name = "beep", mixinStandardHelpOptions = true, description = "Play one buzzer pattern once, e.g. export_done.")
final class BeepCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PATTERN", description = "ready, target, limit, fall, stumble, imbalance, posture, knee, cadence, export_done, export_failed")
    String name;

    @Override
    public Integer call() {
        Pattern pattern = Patterns.byName(name);
        AppConfig cfg = common.load();
        try (Pi4jHardware hw = Pi4jHardware.openBuzzer(cfg.buzzer())) {
            PatternPlayer player = new PatternPlayer(new TunedBuzzer(hw.buzzer(), cfg.toneHz()), NanoClock.SYSTEM, Sleeper.SYSTEM);
            player.play(pattern.repeat() ? pattern.once() : pattern, Patterns.PRIORITY_STATUS);
            long start = System.nanoTime();
            while (player.playing() && System.nanoTime() - start < 10_000_000_000L) {
                player.tick(System.nanoTime());
                Sleeper.SYSTEM.sleepNanos(5_000_000L);
            }
            player.close();
        }
        return 0;
    }
}
