package org.backstep.sim;

/** One compiled piece of a scenario: it knows when it runs and adds its motion to the timeline. */
interface Segment {
    double start();

    double end();

    void render(Timeline tl, Truth.Collector truth);
}
