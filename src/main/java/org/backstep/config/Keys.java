package org.backstep.config;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backstep.core.Axis;

/**
 * Every configuration key, in file order. Adding a key is one line here (plus its entry in
 * {@code config/backstep.properties}, which a test keeps in step).
 */
public final class Keys {
    private static final List<Key<?>> REGISTRY = new ArrayList<>();

    // imu: the MPU-6050 on I2C
    public static final Key<Integer> IMU_BUS = add(Key.integer("imu.bus", 1, 0, 20, "I2C bus number (/dev/i2c-N)"));
    public static final Key<String> IMU_CHIP = add(Key.choice("imu.chip", "auto", "which IMU is wired; auto finds it by its WHO_AM_I register at the known addresses", "auto", "mpu6050", "mpu6500", "mpu9250", "lsm6dsox", "lsm6ds3trc"));
    public static final Key<Integer> IMU_ADDRESS = add(Key.i2cAddressOrAuto("imu.address", "I2C address of the IMU; auto tries 0x68, 0x69 (MPU, AD0 low/high), then 0x6a, 0x6b (LSM, SA0 low/high)", 0x68, 0x69, 0x6a, 0x6b));
    public static final Key<Integer> IMU_RATE_HZ = add(Key.integer("imu.rate_hz", 100, 50, 400, "sample rate in Hz"));
    public static final Key<String> IMU_DLPF = add(Key.choice("imu.dlpf", "auto", "digital low-pass filter bandwidth in Hz, or auto to derive it from the rate", "auto", "5", "10", "21", "44", "94", "184", "260"));
    public static final Key<Integer> IMU_ACCEL_RANGE_G = add(Key.intChoice("imu.accel_range_g", 4, "accelerometer full scale in g", 2, 4, 8, 16));
    public static final Key<Integer> IMU_GYRO_RANGE_DPS = add(Key.intChoice("imu.gyro_range_dps", 500, "gyro full scale in deg/s", 250, 500, 1000, 2000));
    public static final Key<Axis> IMU_FORWARD_AXIS = add(Key.axis("imu.forward_axis", "-z", "sensor axis pointing to the wearer's front (-z: board upright at the back, +x up)"));
    /** The value of an integer key written {@code auto}: derived (see {@link ImuBudget#pollMs}). */
    public static final int AUTO = Integer.MIN_VALUE;
    public static final Key<Integer> IMU_POLL_MS = add(Key.integerOrAuto("imu.poll_ms", ImuBudget.MIN_POLL_MS, ImuBudget.MAX_POLL_MS,
            "how often the FIFO is read, ms, or auto to derive it from the rate, the FIFO and the step-latency budget"));

    // buzzer
    public static final Key<String> BUZZER_TYPE = add(Key.choice("buzzer.type", "pwm", "how the buzzer is driven (none: silent)", "pwm", "gpio", "none"));
    public static final Key<String> BUZZER_KIND = add(Key.choice("buzzer.kind", "passive", "passive buzzers need a tone, active ones only power", "passive", "active"));
    public static final Key<Integer> BUZZER_GPIO = add(Key.integer("buzzer.gpio", 18, 0, 27, "BCM pin for buzzer.type = gpio"));
    public static final Key<Integer> BUZZER_PWM_CHIP = add(Key.integer("buzzer.pwm_chip", 0, 0, 7, "/sys/class/pwm/pwmchipN for buzzer.type = pwm"));
    public static final Key<Integer> BUZZER_PWM_CHANNEL = add(Key.integer("buzzer.pwm_channel", 0, 0, 3, "PWM channel for buzzer.type = pwm"));
    public static final Key<Integer> BUZZER_TONE_HZ = add(Key.integer("buzzer.tone_hz", 2700, 200, 8000, "tone for a passive buzzer, Hz"));

    // goal
    public static final Key<Integer> GOAL_TARGET_BACKWARD_STEPS = add(Key.integer("goal.target_backward_steps", 200, 1, 100_000, "backward steps a day to reach the goal"));
    public static final Key<Integer> GOAL_LIMIT_BACKWARD_STEPS = add(Key.integer("goal.limit_backward_steps", 400, 1, 100_000, "backward steps a day not to exceed (>= target)"));

    // detectors
    public static final Key<Boolean> POSTURE_ENABLED = add(Key.bool("posture.enabled", true, "warn about forward lean while walking backward"));
    public static final Key<Double> POSTURE_MAX_LEAN_DEG = add(Key.decimal("posture.max_lean_deg", "15", 5, 60, "forward lean beyond the upright reference that counts as leaning, deg"));
    public static final Key<Double> POSTURE_DWELL_S = add(Key.decimal("posture.dwell_s", "3", 0.5, 60, "how long the lean must last before a warning, s"));
    public static final Key<Boolean> KNEE_ENABLED = add(Key.bool("knee.enabled", true, "warn about walking with bent knees"));
    public static final Key<Boolean> IMBALANCE_ENABLED = add(Key.bool("imbalance.enabled", true, "warn about side-to-side imbalance"));
    public static final Key<Boolean> STUMBLE_ENABLED = add(Key.bool("stumble.enabled", true, "notice stumbles"));
    public static final Key<Boolean> FALL_ENABLED = add(Key.bool("fall.enabled", true, "notice falls"));
    public static final Key<Integer> FALL_ALARM_S = add(Key.integer("fall.alarm_s", 60, 5, 600, "longest the fall alarm plays when the wearer does not get up and move, s"));
    public static final Key<Boolean> CADENCE_ENABLED = add(Key.bool("cadence.enabled", true, "warn about hurrying"));
    public static final Key<Integer> CADENCE_MAX_SPM = add(Key.integer("cadence.max_spm", 110, 40, 200, "backward cadence above which to warn, steps/min"));

    // alerts
    public static final Key<Integer> ALERTS_COOLDOWN_S = add(Key.integer("alerts.cooldown_s", 60, 0, 3600, "minimum time between two alerts of the same kind, s"));
    public static final Key<Integer> ALERTS_MAX_PER_10MIN = add(Key.integer("alerts.max_per_10min", 6, 1, 60, "at most this many alerts in any 10 minutes"));
    public static final Key<QuietHours> ALERTS_QUIET_HOURS = add(Key.quietHours("alerts.quiet_hours", "daily window without alert buzzing, may wrap midnight (22:00-07:00)"));

    // day
    public static final Key<LocalTime> DAY_STARTS_AT = add(Key.time("day.starts_at", "00:00", "when the daily step count resets"));
    public static final Key<ZoneId> DAY_ZONE = add(Key.zone("day.zone", "time zone for the day boundary and quiet hours"));

    // record
    public static final Key<Integer> RECORD_MAX_MB = add(Key.integer("record.max_mb", 512, 1, 100_000, "recordings may use at most this much disk, MB"));
    public static final Key<Integer> RECORD_MIN_FREE_MB = add(Key.integer("record.min_free_mb", 200, 0, 100_000, "stop recording when less than this is free, MB"));

    // device
    public static final Key<String> DEVICE_NAME = add(Key.pattern("device.name", "backstep", "[A-Za-z0-9_-]{1,32}", "name used in file names and logs"));

    private static final List<Key<?>> ALL = Collections.unmodifiableList(REGISTRY);
    private static final Map<String, Key<?>> BY_NAME = index();

    private Keys() {
    }

    private static <T> Key<T> add(Key<T> key) {
        REGISTRY.add(key);
        return key;
    }

    private static Map<String, Key<?>> index() {
        Map<String, Key<?>> m = new LinkedHashMap<>();
        for (Key<?> k : REGISTRY) {
            if (m.put(k.name(), k) != null) throw new IllegalStateException("duplicate key " + k.name());
        }
        return Collections.unmodifiableMap(m);
    }

    /** All keys in file order. */
    public static List<Key<?>> all() {
        return ALL;
    }

    /** The key named {@code name}, or null. */
    public static Key<?> byName(String name) {
        return BY_NAME.get(name);
    }

    /** The key named {@code name}; else a {@link ConfigException} suggesting the nearest name. */
    static Key<?> require(String name, String value) {
        Key<?> k = BY_NAME.get(name);
        if (k != null) return k;
        String near = nearest(name);
        throw new ConfigException(name, name + " = " + Key.shown(value == null ? "" : value.trim()) + ": unknown key"
                + (near == null ? "" : "; did you mean " + near + "?"));
    }

    /**
     * The key the user probably meant: one that starts with {@code name} (a missing unit suffix,
     * {@code imu.rate} for {@code imu.rate_hz}), else the closest by edit distance if it is close
     * enough to be a typo; null when nothing is plausible.
     */
    static String nearest(String name) {
        String best = null;
        for (String k : BY_NAME.keySet()) {
            if (name.contains(".") && k.startsWith(name) && (best == null || k.length() < best.length())) best = k;
        }
        if (best != null) return best;
        int bestD = Integer.MAX_VALUE;
        for (String k : BY_NAME.keySet()) {
            int d = distance(name, k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best != null && bestD <= Math.max(3, best.length() / 3) ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
