package org.backstep.signal;

/**
 * Exponential smoother {@code y += alpha (x - y)} with {@code alpha} from a time constant and the
 * sample rate (exact for a sampled first-order lag: {@code alpha = 1 - exp(-1 / (tau fs))}).
 */
public final class OnePole implements Filter {
    private final double alpha;
    private double y;

    public OnePole(double timeConstantS, double sampleRateHz) {
        if (!(timeConstantS > 0) || !(sampleRateHz > 0)) {
            throw new IllegalArgumentException("time constant and sample rate must be positive");
        }
        this.alpha = 1 - Math.exp(-1 / (timeConstantS * sampleRateHz));
    }

    @Override
    public double filter(double x) {
        y += alpha * (x - y);
        return y;
    }

    /** The current output, without a new input. */
    public double value() {
        return y;
    }

    @Override
    public void reset() {
        y = 0;
    }

    @Override
    public void resetTo(double x) {
        y = x;
    }
}
