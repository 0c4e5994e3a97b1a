package org.backstep.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ParallelCascadeTest {

    /** Each channel gives the bits of its own Cascade, for one and two sections, three and four channels, across a reset. */
    @Test
    void everyChannelIsItsCascadeBitForBit() {
        Random rnd = new Random(7);
        for (int order = 1; order <= 2; order++) {
            for (int channels = 3; channels <= 4; channels++) {
                Cascade[] own = new Cascade[channels];
                for (int c = 0; c < channels; c++) own[c] = filter(order);
                ParallelCascade p = new ParallelCascade(filter(order), channels);
                assertEquals(order, own[0].sectionCount());
                for (int i = 0; i < 3000; i++) {
                    if (i == 2000) {
                        p.reset();
                        for (Cascade c : own) c.reset();
                    }
                    double[] x = {rnd.nextGaussian(), 9.81 + rnd.nextGaussian(), -rnd.nextDouble(), rnd.nextGaussian() * 1e-3};
                    p.filter(x[0], x[1], x[2], x[3]);
                    double[] y = {p.y0(), p.y1(), p.y2(), p.y3()};
                    for (int c = 0; c < channels; c++) {
                        assertEquals(Double.doubleToRawLongBits(own[c].filter(x[c])), Double.doubleToRawLongBits(y[c]),
                                "order " + order + ", channel " + c + " of " + channels + ", sample " + i);
                    }
                }
            }
        }
    }

    /** The gait engine's two: a first-order high-pass (one section) and a second-order band-pass (two). */
    private static Cascade filter(int sections) {
        return sections == 1 ? Butterworth.highPass(1, 0.3, 100) : Butterworth.bandPass(2, 0.5, 3, 100);
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> new ParallelCascade(Butterworth.bandPass(2, 0.5, 3, 100), 2));
        assertThrows(IllegalArgumentException.class, () -> new ParallelCascade(Butterworth.lowPass(6, 3, 100), 4));
    }
}
