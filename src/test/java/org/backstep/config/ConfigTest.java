package org.backstep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backstep.core.Axis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @Test
    void everyDefaultValidatesAndRoundTrips() {
        Set<String> names = new HashSet<>();
        for (Key<?> k : Keys.all()) {
            assertTrue(names.add(k.name()), "duplicate " + k.name());
            assertTrue(k.name().matches("[a-z]+\\.[a-z0-9_]+"), "key name style: " + k.name());
            assertEquals(k.defaultValue(), k.parse(k.defaultText()), k.name());
            assertEquals(k.defaultValue(), Config.defaults().get(k), k.name());
            assertEquals(k.defaultValue(), k.parse(k.formatUnchecked(k.defaultValue())), k.name() + " format/parse");
            assertEquals("default", Config.defaults().source(k));
            assertTrue(!k.doc().isBlank() && !k.allowed().isBlank(), k.name());
            assertEquals(k, Keys.byName(k.name()));
        }
        assertEquals(35, Keys.all().size());
        assertEquals(100, Config.defaults().get(Keys.IMU_RATE_HZ));
        assertEquals(Key.AUTO_ADDRESS, Config.defaults().get(Keys.IMU_ADDRESS));
        assertEquals("auto", Config.defaults().get(Keys.IMU_CHIP));
        assertEquals(Axis.MINUS_Z, Config.defaults().get(Keys.IMU_FORWARD_AXIS));
        assertEquals(15.0, Config.defaults().get(Keys.POSTURE_MAX_LEAN_DEG));
        assertEquals(true, Config.defaults().get(Keys.FALL_ENABLED));
    }

    @Test
    void overridesWinOverTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("b.properties");
        Files.write(f, List.of("imu.rate_hz = 200", "buzzer.type = gpio", "goal.target_backward_steps = 500"));
        Config c = Config.load(f, Map.of("imu.rate_hz", "50", "goal.limit_backward_steps", "500"));
        assertEquals(50, c.get(Keys.IMU_RATE_HZ));
        assertEquals("gpio", c.get(Keys.BUZZER_TYPE));
        assertEquals(500, c.get(Keys.GOAL_TARGET_BACKWARD_STEPS));
        assertEquals(500, c.get(Keys.GOAL_LIMIT_BACKWARD_STEPS));
        assertEquals("override", c.source(Keys.IMU_RATE_HZ));
        assertEquals(f + ":2", c.source(Keys.BUZZER_TYPE));
        assertEquals("default", c.source(Keys.IMU_BUS));
        // the cross-key rule sees the file and the overrides together: the file alone breaks it
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(f));
        assertEquals("goal.limit_backward_steps = 400: must be at least goal.target_backward_steps (500)", e.getMessage());
        assertThrows(ConfigException.class, () -> Config.load(f, Map.of("imu.rat", "50")));
    }

    @Test
    void describeListsEveryKeyWithItsSource() {
        Config c = Config.builder().set(Keys.IMU_RATE_HZ, 200).set("alerts.quiet_hours", "22:00-07:00").build();
        List<String> lines = c.describe();
        assertEquals(Keys.all().size(), lines.size());
        assertTrue(lines.contains("imu.rate_hz = 200 (set; default 100)"), lines.toString());
        assertTrue(lines.contains("imu.bus = 1 (default)"));
        assertTrue(lines.contains("imu.address = auto (default)"), lines.toString());
        assertTrue(lines.contains("imu.chip = auto (default)"), lines.toString());
        assertTrue(lines.contains("alerts.quiet_hours = 22:00-07:00 (set; default none)"));
        assertTrue(lines.contains("posture.dwell_s = 3 (default)"));
        assertEquals("imu.bus = 1 (default)", lines.get(0));
    }

    @Test
    void immutableAndComparable() {
        Config a = Config.defaults();
        Config b = a.toBuilder().set(Keys.CADENCE_MAX_SPM, 120).build();
        assertEquals(110, a.get(Keys.CADENCE_MAX_SPM));
        assertEquals(120, b.get(Keys.CADENCE_MAX_SPM));
        assertNotEquals(a, b);
        assertEquals(a, Config.builder().build());
        assertEquals(a.hashCode(), Config.builder().build().hashCode());
    }
}
