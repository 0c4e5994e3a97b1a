package org.backstep.event;

/** Receives events from the pipeline, on the sampling thread: implementations must be quick. */
@FunctionalInterface
public interface EventSink {
    void accept(Event event);
}
