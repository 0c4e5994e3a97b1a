package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import org.backstep.coach.CoachSettings;
import org.backstep.config.ConfigException;
import org.backstep.event.AlertKind;
import org.backstep.hw.pi4j.BuzzerSettings;
import org.backstep.pipeline.SessionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one mapping from configuration keys to each module's settings. */
class AppConfigTest {
    @TempDir
    Path dir;

    private AppConfig load(String text) throws IOException {
        Path f = dir.resolve("backstep.properties");
        Files.writeString(f, text);
        return AppConfig.load(f);
    }

    @Test
    void coachGoalAndMountingComeFromTheirKeys() throws IOException {
        AppConfig c = load("""
                posture.max_lean_deg = 20
                posture.dwell_s = 5
                alerts.max_per_10min = 4
                knee.enabled = false
                alerts.quiet_hours = 22:00-07:00
                goal.target_backward_steps = 150
                goal.limit_backward_steps = 300
                imu.forward_axis = +y
                """);
        LocalTime[] now = {LocalTime.of(23, 30)};
        CoachSettings s = c.coach(false, () -> now[0]);
        assertEquals(20, s.maxLeanDeg());
        assertEquals(5, s.dwellS());
        assertEquals(4, s.maxPer10Min());
        assertFalse(s.enabled(AlertKind.KNEE));
        assertTrue(s.enabled(AlertKind.FALL));
        assertTrue(s.quiet().isQuiet(0), "23:30 lies in 22:00-07:00");
        now[0] = LocalTime.NOON;
        assertFalse(s.quiet().isQuiet(0));
        SessionSettings r = c.replaySession(true);
        assertFalse(r.coach().quiet().isQuiet(0), "replay has no wall clock: never quiet");
        assertTrue(r.coach().postureTrace());
        assertEquals(150, r.targetBackwardSteps());
        assertEquals(300, r.limitBackwardSteps());
        assertEquals(org.backstep.core.Axis.PLUS_Y, r.forwardAxis());
    }

    @Test
    void buzzerAndImuSettings() throws IOException {
        AppConfig c = load("buzzer.type = gpio\nbuzzer.kind = active\nbuzzer.gpio = 23\nimu.rate_hz = 200\nimu.address = 0x69\n");
        BuzzerSettings b = c.buzzer();
        assertEquals(BuzzerSettings.Kind.GPIO, b.kind());
        assertTrue(b.active());
        assertEquals(23, b.bcmPin());
        assertEquals(200, c.imu().rateHz());
        assertEquals(0x69, c.imu().address());
        assertEquals(BuzzerSettings.Kind.NONE, load("buzzer.type = none\n").buzzer().kind());
    }

    @Test
    void aMissingExplicitFileAndABadValueAreOneLineErrors() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.load(dir.resolve("nope.properties")));
        assertTrue(e.getMessage().endsWith("nope.properties: no such configuration file"), e.getMessage());
        ConfigException bad = assertThrows(ConfigException.class, () -> load("posture.max_lean_deg = steep\n"));
        assertTrue(bad.getMessage().contains("posture.max_lean_deg = steep"), bad.getMessage());
        assertEquals(-1, bad.getMessage().indexOf('\n'));
    }
}
