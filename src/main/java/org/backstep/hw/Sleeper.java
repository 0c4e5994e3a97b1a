package org.backstep.hw;

/** Waits; injected so tests advance a fake clock instead of sleeping on the wall clock. */
@FunctionalInterface
public interface Sleeper {

    /** Waits for about {@code nanos} nanoseconds. Returns early (with the interrupt flag set) if interrupted. */
    void sleepNanos(long nanos);

    /** Sleeps on the wall clock. */
    Sleeper SYSTEM = nanos -> {
        if (nanos <= 0) return;
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };
}
