package org.backstep.signal;

/** A causal single-input filter: configured once, then one sample at a time, never allocating. */
public interface Filter {
    /** Filters one sample and returns the output. */
    double filter(double x);

    /** Clears the state as if the input had been zero forever. */
    void reset();

    /** Sets the state as if the input had been {@code x} forever (no start-up transient for a step input). */
    void resetTo(double x);
}
