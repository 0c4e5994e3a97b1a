package org.backstep.gait;

import org.backstep.core.Axis;

/**
 * Immutable gait engine configuration. The physical constants have defaults that hold across
 * people and mountings; only the sample rate and the forward axis normally change.
 */
public final class GaitSettings {
    private final double rateHz;
    private final Axis forwardAxis;
    private final double[] forward;
    private final double bandLowHz;
    private final double bandHighHz;
    private final double minPeak;
    private final int confirmSteps;
    private final double minStepIntervalS;
    private final double maxStepIntervalS;
    private final double evidenceForgetting;

    private GaitSettings(Builder b) {
        this.rateHz = b.rateHz;
        this.forwardAxis = b.forwardAxis;
        this.forward = b.forward != null ? b.forward.clone()
                : (b.forwardAxis == null ? Axis.PLUS_X : b.forwardAxis).unitVector();
        this.bandLowHz = b.bandLowHz;
        this.bandHighHz = b.bandHighHz;
        this.minPeak = b.minPeak;
        this.confirmSteps = b.confirmSteps;
        this.minStepIntervalS = b.minStepIntervalS;
        this.maxStepIntervalS = b.maxStepIntervalS;
        this.evidenceForgetting = b.evidenceForgetting;
    }

    public static Builder builder(double rateHz) {
        return new Builder(rateHz);
    }

    public double rateHz() { return rateHz; }

    /**
     * The sensor axis nearest to the wearer's front (what the coach uses); {@code null} when unknown
     * (direction then unreliable).
     */
    public Axis forwardAxis() { return forwardAxis; }

    /** The wearer's front as a unit vector in the sensor frame: the configured axis, or a calibrated direction. */
    public double[] forward() { return forward.clone(); }

    public double bandLowHz() { return bandLowHz; }

    public double bandHighHz() { return bandHighHz; }

    /**
     * The band-passed vertical push a brisk step must reach, m/s^2. Slower steps face the lower
     * floor of their pace's pendulum ({@link PeakDetector#pendulumFloor}), down to the noise floor;
     * a weak push under this one must also look like a step (see {@code BoutTracker}).
     */
    public double minPeak() { return minPeak; }

    public int confirmSteps() { return confirmSteps; }

    public double minStepIntervalS() { return minStepIntervalS; }

    public double maxStepIntervalS() { return maxStepIntervalS; }

    public double evidenceForgetting() { return evidenceForgetting; }

    public Builder toBuilder() {
        Builder b = new Builder(rateHz);
        b.forwardAxis = forwardAxis;
        b.forward = forward.clone();
        b.bandLowHz = bandLowHz;
        b.bandHighHz = bandHighHz;
        b.minPeak = minPeak;
        b.confirmSteps = confirmSteps;
        b.minStepIntervalS = minStepIntervalS;
        b.maxStepIntervalS = maxStepIntervalS;
        b.evidenceForgetting = evidenceForgetting;
        return b;
    }

    public static final class Builder {
        private final double rateHz;
        private Axis forwardAxis = Axis.MINUS_Z;
        private double[] forward;
        private double bandLowHz = 0.5;
        private double bandHighHz = 3.0;
        private double minPeak = 0.35;
        private int confirmSteps = 3;
        private double minStepIntervalS = 0.28;
        /**
         * The physiological ceiling of a step interval: very slow walkers (walking aids, advanced
         * neurological disease) step 1 to 4 s apart (15 steps/min at the slowest).
         */
        private double maxStepIntervalS = 4.0;
        private double evidenceForgetting = 0.8;

        private Builder(double rateHz) {
            if (!(rateHz >= 20 && rateHz <= 2000)) {
                throw new IllegalArgumentException("sample rate " + rateHz + " Hz outside 20 to 2000");
            }
            this.rateHz = rateHz;
        }

        public Builder forwardAxis(Axis a) {
            this.forwardAxis = a;
            this.forward = null;
            return this;
        }

        /** A calibrated front (unit vector in the sensor frame); the nearest axis goes to {@link #forwardAxis()}. */
        public Builder forward(double[] unit) {
            if (unit == null || unit.length != 3) throw new IllegalArgumentException("forward must be a 3-vector");
            double n = Math.sqrt(unit[0] * unit[0] + unit[1] * unit[1] + unit[2] * unit[2]);
            if (!(n > 1e-6)) throw new IllegalArgumentException("forward must not be zero");
            this.forward = new double[] {unit[0] / n, unit[1] / n, unit[2] / n};
            this.forwardAxis = Axis.nearest(this.forward);
            return this;
        }

        public Builder band(double lowHz, double highHz) { this.bandLowHz = lowHz; this.bandHighHz = highHz; return this; }

        public Builder minPeak(double v) { this.minPeak = v; return this; }

        public Builder confirmSteps(int n) { this.confirmSteps = n; return this; }

        public Builder stepInterval(double minS, double maxS) { this.minStepIntervalS = minS; this.maxStepIntervalS = maxS; return this; }

        public Builder evidenceForgetting(double f) { this.evidenceForgetting = f; return this; }

        public GaitSettings build() {
            if (confirmSteps < 1 || confirmSteps > 8) throw new IllegalArgumentException("confirmSteps must be 1 to 8");
            return new GaitSettings(this);
        }
    }
}
