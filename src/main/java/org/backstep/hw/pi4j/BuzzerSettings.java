package org.backstep.hw.pi4j;

import java.util.Locale;

/**
 * Immutable buzzer wiring, built with {@link #builder()}.
 *
 * <ul>
 *   <li>{@code NONE}: no buzzer (a silent stand-in is used).</li>
 *   <li>{@code PWM}: hardware PWM through {@code /sys/class/pwm/pwmchip<chip>/pwm<channel>} (Pi4J
 *       linuxfs-pwm; the address is the PWM CHANNEL, not the BCM pin). Passive buzzers get the tone
 *       at 50 % duty, active ones 100 % duty.</li>
 *   <li>{@code GPIO}: an active buzzer switched by a BCM pin through libgpiod (Pi4J gpiod-digital-output).</li>
 * </ul>
 */
public final class BuzzerSettings {
    /** How the buzzer is driven. */
    public enum Kind { NONE, PWM, GPIO }

    private final Kind kind;
    private final boolean active;
    private final int pwmChip;
    private final int pwmChannel;
    private final int bcmPin;
    private final boolean activeLow;

    private BuzzerSettings(Builder b) {
        this.kind = b.kind;
        this.active = b.kind == Kind.GPIO || b.active;
        this.pwmChip = b.pwmChip;
        this.pwmChannel = b.pwmChannel;
        this.bcmPin = b.bcmPin;
        this.activeLow = b.activeLow;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static BuzzerSettings none() {
        return builder().kind(Kind.NONE).build();
    }

    public Kind kind() { return kind; }

    /** True for an active (self-oscillating, on/off only) buzzer. Always true for GPIO. */
    public boolean active() { return active; }

    public int pwmChip() { return pwmChip; }

    public int pwmChannel() { return pwmChannel; }

    public int bcmPin() { return bcmPin; }

    /** GPIO only: the buzzer module sounds when the pin is LOW (common "low level trigger" boards). */
    public boolean activeLow() { return activeLow; }

    @Override
    public String toString() {
        switch (kind) {
            case PWM:
                return String.format(Locale.ROOT, "%s buzzer on pwmchip%d channel %d", active ? "active" : "passive", pwmChip, pwmChannel);
            case GPIO:
                return String.format(Locale.ROOT, "active buzzer on BCM %d%s", bcmPin, activeLow ? " (active low)" : "");
            default:
                return "no buzzer";
        }
    }

    public static final class Builder {
        private Kind kind = Kind.PWM;
        private boolean active;
        private int pwmChip;
        private int pwmChannel;
        private int bcmPin = 17;
        private boolean activeLow;

        private Builder() {
        }

        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        /** Parses none, pwm or gpio. */
        public Builder kind(String text) {
            try {
                return kind(Kind.valueOf(text.trim().toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("buzzer '" + text + "' is not a buzzer kind; allowed: none, pwm, gpio");
            }
        }

        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /** N of /sys/class/pwm/pwmchipN (default 0). */
        public Builder pwmChip(int chip) {
            if (chip < 0) throw new IllegalArgumentException("pwm chip " + chip + " is negative");
            this.pwmChip = chip;
            return this;
        }

        /** PWM channel 0 or 1 (default 0: GPIO18 or GPIO12 with dtoverlay=pwm). */
        public Builder pwmChannel(int channel) {
            if (channel < 0 || channel > 3) throw new IllegalArgumentException("pwm channel " + channel + " is out of range; allowed: 0..3");
            this.pwmChannel = channel;
            return this;
        }

        /** BCM GPIO number for a GPIO buzzer (default 17, header pin 11). */
        public Builder bcmPin(int pin) {
            if (pin < 2 || pin > 27) throw new IllegalArgumentException("BCM pin " + pin + " is out of range; allowed: 2..27");
            this.bcmPin = pin;
            return this;
        }

        public Builder activeLow(boolean activeLow) {
            this.activeLow = activeLow;
            return this;
        }

        public BuzzerSettings build() {
            return new BuzzerSettings(this);
        }
    }
}
