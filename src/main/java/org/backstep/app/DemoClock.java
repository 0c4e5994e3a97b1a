package org.backstep.app;

import java.util.function.DoubleSupplier;

/**
 * The simulated chip's clock in the demo: real time while the hardware and the journal open (the
 * driver's reset waits need it), then {@code speed} times faster once sampling starts, so the FIFO
 * does not overflow before anyone reads it.
 */
final class DemoClock implements DoubleSupplier {
    private final long start = System.nanoTime();
    private final double speed;
    private volatile long fastFrom = Long.MAX_VALUE;

    DemoClock(double speed) {
        this.speed = speed;
    }

    /** From now on time runs {@code speed} times faster. */
    void accelerate() {
        fastFrom = System.nanoTime();
    }

    @Override
    public double getAsDouble() {
        long now = System.nanoTime();
        long f = fastFrom;
        if (now <= f) return (now - start) * 1e-9;
        return (f - start) * 1e-9 + (now - f) * 1e-9 * speed;
    }
}
