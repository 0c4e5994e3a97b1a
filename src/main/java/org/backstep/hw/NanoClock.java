package org.backstep.hw;

/** A monotonic clock in nanoseconds; injected so tests control time. */
@FunctionalInterface
public interface NanoClock {

    long nanoTime();

    /** {@link System#nanoTime()}. */
    NanoClock SYSTEM = System::nanoTime;
}
