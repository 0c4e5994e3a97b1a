package org.backstep.hw;

/** Test time: a clock that only moves when a test (or a sleeper call) moves it. */
public final class FakeTime implements NanoClock, Sleeper {
    private volatile long nanos;

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void sleepNanos(long n) {
        if (n > 0) nanos += n;
    }

    public void advanceSeconds(double s) {
        nanos += Math.round(s * 1e9);
    }

    public double seconds() {
        return nanos / 1e9;
    }
}
