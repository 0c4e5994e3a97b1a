package org.backstep.hw.buzzer;

import java.util.List;
import java.util.Locale;
import org.backstep.event.AlertKind;
import org.backstep.event.GoalKind;

/**
 * The standard backstep patterns. Each is distinct by RHYTHM (not only pitch), so an active buzzer
 * that can only switch on and off still tells them apart. "•" short, "—" long:
 *
 * <pre>
 * ready          •                 80 ms                          after the upright reference
 * target         • • •  rising     100/70/100/70/100 ms C6 E6 G6  daily target reached
 * limit          —— ——  low        600/300/600 ms 440 Hz          enough for today
 * fall           ▬▬▬▬ _ repeating  800 on / 200 off, warbling      until stopped
 * stumble        ••     fast       60/60/60 ms
 * imbalance      — •               350/120/80 ms
 * posture        •  •  •  slow     200/200/200/200/200 ms
 * knee           • —               80/120/350 ms
 * cadence        ••••   ticks      40/80 x4
 * export_done    ——                400 ms
 * export_failed  ——— ——— ———  low  500/150 x3, falling
 * sensor_fault   • • ——     low    150/100/150/100/600 ms         the IMU stopped delivering (once per episode)
 * storage_fault  —— • •     low    600/150/150/150/150 ms         the journal cannot be written (once per episode)
 * </pre>
 */
public final class Patterns {
    private Patterns() {
    }

    public static final Pattern READY = Pattern.builder("ready").tone(80, 2000).build();
    public static final Pattern TARGET = Pattern.builder("target")
        .tone(100, 1047).pause(70).tone(100, 1319).pause(70).tone(100, 1568).build();
    public static final Pattern LIMIT = Pattern.builder("limit").tone(600, 440).pause(300).tone(600, 440).build();
    public static final Pattern FALL = Pattern.builder("fall")
        .tone(200, 3000).tone(200, 2400).tone(200, 3000).tone(200, 2400).pause(200).repeat(true).build();
    public static final Pattern STUMBLE = Pattern.builder("stumble").tone(60, 2500).pause(60).tone(60, 2500).build();
    public static final Pattern IMBALANCE = Pattern.builder("imbalance").tone(350, 1800).pause(120).tone(80, 1800).build();
    public static final Pattern POSTURE = Pattern.builder("posture")
        .tone(200, 1000).pause(200).tone(200, 1000).pause(200).tone(200, 1000).build();
    public static final Pattern KNEE = Pattern.builder("knee").tone(80, 1500).pause(120).tone(350, 1500).build();
    public static final Pattern CADENCE = Pattern.builder("cadence")
        .tone(40, 2200).pause(80).tone(40, 2200).pause(80).tone(40, 2200).pause(80).tone(40, 2200).build();
    public static final Pattern EXPORT_DONE = Pattern.builder("export_done").tone(400, 1600).build();
    public static final Pattern EXPORT_FAILED = Pattern.builder("export_failed")
        .tone(500, 700).pause(150).tone(500, 600).pause(150).tone(500, 500).build();

    /** The IMU stopped delivering samples (reset, stuck, unplugged): two short and one long, low. */
    public static final Pattern SENSOR_FAULT = Pattern.builder("sensor_fault")
        .tone(150, 600).pause(100).tone(150, 600).pause(100).tone(600, 500).build();

    /** The journal cannot be written (disk full, failing card): one long and two short, low. */
    public static final Pattern STORAGE_FAULT = Pattern.builder("storage_fault")
        .tone(600, 500).pause(150).tone(150, 600).pause(150).tone(150, 600).build();

    /** Every standard pattern, in the order a self test plays them. */
    public static final List<Pattern> ALL = List.of(READY, TARGET, LIMIT, FALL, STUMBLE, IMBALANCE, POSTURE, KNEE,
        CADENCE, EXPORT_DONE, EXPORT_FAILED, SENSOR_FAULT, STORAGE_FAULT);

    /** Priorities for {@link PatternPlayer#play(Pattern, int)}: alerts by urgency, then goals, then status. */
    public static final int PRIORITY_STATUS = 10;
    public static final int PRIORITY_READY = 20;
    public static final int PRIORITY_GOAL = 30;
    /** A device fault the wearer should hear once: above goals, below every alert. */
    public static final int PRIORITY_FAULT = 40;

    public static Pattern forAlert(AlertKind kind) {
        switch (kind) {
            case FALL: return FALL;
            case STUMBLE: return STUMBLE;
            case IMBALANCE: return IMBALANCE;
            case POSTURE: return POSTURE;
            case KNEE: return KNEE;
            default: return CADENCE;
        }
    }

    /** FALL 100, STUMBLE 90, ... CADENCE 50: all above goals and status. */
    public static int priorityOf(AlertKind kind) {
        return 100 - 10 * kind.ordinal();
    }

    public static Pattern forGoal(GoalKind kind) {
        return kind == GoalKind.TARGET ? TARGET : LIMIT;
    }

    /** By name as written in configuration ({@code ready}, {@code fall}, {@code export_done}...). */
    public static Pattern byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Pattern p : ALL) {
            if (p.name().equals(n)) return p;
        }
        StringBuilder allowed = new StringBuilder();
        for (Pattern p : ALL) allowed.append(allowed.length() == 0 ? "" : ", ").append(p.name());
        throw new IllegalArgumentException("'" + name + "' is not a buzzer pattern; allowed: " + allowed);
    }
}
