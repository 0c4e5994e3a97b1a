package org.backstep.coach;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.backstep.event.AlertKind;

/**
 * Immutable coach configuration. Defaults follow the issue: lean 15 degrees for 3 s, cadence 110
 * steps/min, cooldown 60 s per kind, at most 6 alerts per ten minutes (falls never capped), no
 * quiet hours, every kind enabled, no posture trace.
 */
public final class CoachSettings {
    private final double maxLeanDeg;
    private final double dwellS;
    private final double fallAlarmS;
    private final double cadenceMaxSpm;
    private final double cooldownS;
    private final int maxPer10Min;
    private final double uprightStillS;
    private final Set<AlertKind> enabled;
    private final QuietHours quiet;
    private final boolean postureTrace;

    private CoachSettings(Builder b) {
        this.maxLeanDeg = b.maxLeanDeg;
        this.dwellS = b.dwellS;
        this.fallAlarmS = b.fallAlarmS;
        this.cadenceMaxSpm = b.cadenceMaxSpm;
        this.cooldownS = b.cooldownS;
        this.maxPer10Min = b.maxPer10Min;
        this.uprightStillS = b.uprightStillS;
        this.enabled = b.enabled.isEmpty() ? EnumSet.noneOf(AlertKind.class) : EnumSet.copyOf(b.enabled);
        this.quiet = b.quiet;
        this.postureTrace = b.postureTrace;
    }

    public static CoachSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxLeanDeg = maxLeanDeg;
        b.dwellS = dwellS;
        b.fallAlarmS = fallAlarmS;
        b.cadenceMaxSpm = cadenceMaxSpm;
        b.cooldownS = cooldownS;
        b.maxPer10Min = maxPer10Min;
        b.uprightStillS = uprightStillS;
        b.enabled = enabled.isEmpty() ? EnumSet.noneOf(AlertKind.class) : EnumSet.copyOf(enabled);
        b.quiet = quiet;
        b.postureTrace = postureTrace;
        return b;
    }

    /** {@code posture.max_lean_deg}: forward lean that counts as a posture lapse. */
    public double maxLeanDeg() { return maxLeanDeg; }

    /** {@code posture.dwell_s}: how long the lean must last while walking. */
    public double dwellS() { return dwellS; }

    /** {@code fall.alarm_s}: longest the fall alarm plays when the wearer does not get up. */
    public double fallAlarmS() { return fallAlarmS; }

    /** {@code cadence.max_spm}: backward steps per minute above which the pace is too fast. */
    public double cadenceMaxSpm() { return cadenceMaxSpm; }

    /** {@code alerts.cooldown_s}: least time between two alerts of one kind (falls exempt). */
    public double cooldownS() { return cooldownS; }

    /** {@code alerts.max_per_10min}: cap on non-fall alerts in any ten minutes. */
    public int maxPer10Min() { return maxPer10Min; }

    /** How long the wearer must stand still for the upright reference. */
    public double uprightStillS() { return uprightStillS; }

    /** {@code <kind>.enabled}. */
    public boolean enabled(AlertKind kind) { return enabled.contains(kind); }

    /** {@code alerts.quiet_hours} as a predicate; falls ignore it. */
    public QuietHours quiet() { return quiet; }

    /** {@code --posture-trace}: emit pitch and roll at 10 Hz. */
    public boolean postureTrace() { return postureTrace; }

    @Override
    public String toString() {
        return "CoachSettings[maxLeanDeg=" + maxLeanDeg + ", dwellS=" + dwellS + ", fallAlarmS=" + fallAlarmS
                + ", cadenceMaxSpm=" + cadenceMaxSpm + ", cooldownS=" + cooldownS + ", maxPer10Min=" + maxPer10Min
                + ", enabled=" + enabled + ", postureTrace=" + postureTrace + "]";
    }

    public static final class Builder {
        private double maxLeanDeg = 15;
        private double dwellS = 3;
        private double fallAlarmS = 60;
        private double cadenceMaxSpm = 110;
        private double cooldownS = 60;
        private int maxPer10Min = 6;
        private double uprightStillS = 2;
        private EnumSet<AlertKind> enabled = EnumSet.allOf(AlertKind.class);
        private QuietHours quiet = QuietHours.NEVER;
        private boolean postureTrace;

        private Builder() {
        }

        public Builder maxLeanDeg(double v) { maxLeanDeg = positive("posture.max_lean_deg", v); return this; }

        public Builder dwellS(double v) { dwellS = nonNegative("posture.dwell_s", v); return this; }

        public Builder fallAlarmS(double v) { fallAlarmS = positive("fall.alarm_s", v); return this; }

        public Builder cadenceMaxSpm(double v) { cadenceMaxSpm = positive("cadence.max_spm", v); return this; }

        public Builder cooldownS(double v) { cooldownS = nonNegative("alerts.cooldown_s", v); return this; }

        public Builder maxPer10Min(int v) {
            if (v < 0) throw new IllegalArgumentException("alerts.max_per_10min must be 0 or more, got " + v);
            maxPer10Min = v;
            return this;
        }

        public Builder uprightStillS(double v) { uprightStillS = positive("upright still time", v); return this; }

        public Builder enabled(AlertKind kind, boolean on) {
            if (on) enabled.add(kind); else enabled.remove(kind);
            return this;
        }

        public Builder quiet(QuietHours q) { quiet = Objects.requireNonNull(q); return this; }

        public Builder postureTrace(boolean on) { postureTrace = on; return this; }

        public CoachSettings build() {
            return new CoachSettings(this);
        }

        private static double positive(String key, double v) {
            if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(key + " must be positive, got " + v);
            return v;
        }

        private static double nonNegative(String key, double v) {
            if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(key + " must be 0 or more, got " + v);
            return v;
        }
    }
}
