package org.backstep.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamTimeTest {
    @Test
    void samplesAreStampedOnTheRateGridAndSkippedTimeStaysWithRealTime() {
        StreamTime t = new StreamTime(100);
        assertEquals(0.0, t.seconds());
        t.advance();
        t.advance();
        assertEquals(0.02, t.seconds(), 1e-12);
        assertEquals(35, t.skip(345_000_000L), "0.345 s at 100 Hz, rounded");
        assertEquals(0.37, t.seconds(), 1e-12);
        assertEquals(0, t.skip(-5_000_000L), "a clock that went back skips nothing");
        assertEquals(35, t.lost());
    }
}
