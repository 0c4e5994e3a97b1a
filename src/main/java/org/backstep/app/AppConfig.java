package org.backstep.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.backstep.coach.CoachSettings;
import org.backstep.coach.QuietHours;
import org.backstep.config.Config;
import org.backstep.config.ConfigException;
import org.backstep.config.ImuBudget;
import org.backstep.config.Keys;
import org.backstep.core.Axis;
import org.backstep.event.AlertKind;
import org.backstep.hw.ImuChip;
import org.backstep.hw.ImuSelection;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.pi4j.BuzzerSettings;
import org.backstep.pipeline.SessionSettings;
import org.backstep.store.StoreSettings;

/**
 * The one place that reads the configuration and maps its keys to each module's settings. A file
 * given with {@code --config} must exist; otherwise {@code /etc/backstep/backstep.properties}, then
 * {@code config/backstep.properties}, then the defaults.
 */
final class AppConfig {
    static final Path SYSTEM_FILE = Path.of("/etc/backstep/backstep.properties");
    static final Path LOCAL_FILE = Path.of("config/backstep.properties");

    private final Config config;
    private final String source;

    private AppConfig(Config config, String source) {
        this.config = config;
        this.source = source;
    }

    static AppConfig load(Path explicit) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) throw new ConfigException(null, explicit + ": no such configuration file");
            return new AppConfig(Config.load(explicit), explicit.toString());
        }
        for (Path p : new Path[] {SYSTEM_FILE, LOCAL_FILE}) {
            if (Files.isRegularFile(p)) return new AppConfig(Config.load(p), p.toString());
        }
        return new AppConfig(Config.defaults(), "built-in defaults");
    }

    static AppConfig of(Config config) {
        return new AppConfig(config, "given");
    }

    Config config() {
        return config;
    }

    /** Where the configuration came from. */
    String source() {
        return source;
    }

    Axis forwardAxis() {
        return config.get(Keys.IMU_FORWARD_AXIS);
    }

    int rateHz() {
        return config.get(Keys.IMU_RATE_HZ);
    }

    /** The FIFO poll period, ms ({@code imu.poll_ms}, {@code auto} resolved). */
    int pollMs() {
        return ImuBudget.pollMs(config);
    }

    ZoneId zone() {
        return config.get(Keys.DAY_ZONE);
    }

    /** The coach's settings; quiet hours are judged on {@code localTime}. */
    CoachSettings coach(boolean postureTrace, Supplier<LocalTime> localTime) {
        CoachSettings.Builder b = CoachSettings.builder()
                .maxLeanDeg(config.get(Keys.POSTURE_MAX_LEAN_DEG))
                .dwellS(config.get(Keys.POSTURE_DWELL_S))
                .fallAlarmS(config.get(Keys.FALL_ALARM_S))
                .cadenceMaxSpm(config.get(Keys.CADENCE_MAX_SPM))
                .cooldownS(config.get(Keys.ALERTS_COOLDOWN_S))
                .maxPer10Min(config.get(Keys.ALERTS_MAX_PER_10MIN))
                .enabled(AlertKind.POSTURE, config.get(Keys.POSTURE_ENABLED))
                .enabled(AlertKind.KNEE, config.get(Keys.KNEE_ENABLED))
                .enabled(AlertKind.IMBALANCE, config.get(Keys.IMBALANCE_ENABLED))
                .enabled(AlertKind.STUMBLE, config.get(Keys.STUMBLE_ENABLED))
                .enabled(AlertKind.FALL, config.get(Keys.FALL_ENABLED))
                .enabled(AlertKind.CADENCE, config.get(Keys.CADENCE_ENABLED))
                .postureTrace(postureTrace);
        org.backstep.config.QuietHours window = config.get(Keys.ALERTS_QUIET_HOURS);
        if (!window.isNone() && localTime != null) b.quiet(QuietHours.within(window::contains, localTime));
        return b.build();
    }

    /** A session's settings. Replay has no wall clock, so quiet hours never apply there. */
    SessionSettings session(boolean postureTrace, Supplier<LocalTime> localTime) {
        return SessionSettings.builder()
                .forwardAxis(forwardAxis())
                .goal(config.get(Keys.GOAL_TARGET_BACKWARD_STEPS), config.get(Keys.GOAL_LIMIT_BACKWARD_STEPS))
                .coach(coach(postureTrace, localTime))
                .build();
    }

    SessionSettings replaySession(boolean postureTrace) {
        return session(postureTrace, null);
    }

    /**
     * The settings every supported IMU shares (bus, rate, filter, ranges). The address in them is
     * the configured one when it is an MPU's; {@link #imuSelection()} says what to look for.
     */
    Mpu6050Settings imu() {
        int address = config.get(Keys.IMU_ADDRESS);
        Mpu6050Settings.Builder b = Mpu6050Settings.builder();
        if (ImuChip.Family.at(address) == ImuChip.Family.INVENSENSE) b.address(address);
        return b
                .bus(config.get(Keys.IMU_BUS))
                .rateHz(config.get(Keys.IMU_RATE_HZ))
                .dlpf(config.get(Keys.IMU_DLPF))
                .accelRangeG(config.get(Keys.IMU_ACCEL_RANGE_G))
                .gyroRangeDps(config.get(Keys.IMU_GYRO_RANGE_DPS))
                .build();
    }

    /** The configured chip and address ({@code auto}: found by probing). */
    ImuSelection imuSelection() {
        String chip = config.get(Keys.IMU_CHIP);
        return new ImuSelection(chip.equals("auto") ? null : ImuChip.ofKey(chip), config.get(Keys.IMU_ADDRESS));
    }

    BuzzerSettings buzzer() {
        String type = config.get(Keys.BUZZER_TYPE);
        if (type.equals("none")) return BuzzerSettings.none();
        return BuzzerSettings.builder()
                .kind(type)
                .active(config.get(Keys.BUZZER_KIND).equals("active"))
                .bcmPin(config.get(Keys.BUZZER_GPIO))
                .pwmChip(config.get(Keys.BUZZER_PWM_CHIP))
                .pwmChannel(config.get(Keys.BUZZER_PWM_CHANNEL))
                .build();
    }

    /** The passive buzzer's loudest tone; patterns are pitched relative to it. */
    int toneHz() {
        return config.get(Keys.BUZZER_TONE_HZ);
    }

    StoreSettings store() {
        return StoreSettings.builder()
                .dayStartsAt(config.get(Keys.DAY_STARTS_AT))
                .zone(config.get(Keys.DAY_ZONE))
                .recordingMaxMb(config.get(Keys.RECORD_MAX_MB))
                .minFreeMb(config.get(Keys.RECORD_MIN_FREE_MB))
                .deviceName(config.get(Keys.DEVICE_NAME))
                .goals(config.get(Keys.GOAL_TARGET_BACKWARD_STEPS), config.get(Keys.GOAL_LIMIT_BACKWARD_STEPS))
                .build();
    }
}
