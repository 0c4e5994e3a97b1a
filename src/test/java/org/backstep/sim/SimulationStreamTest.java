package org.backstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.junit.jupiter.api.Test;

/** A streamed walk is the rendered walk, bit for bit, with its truth. */
class SimulationStreamTest {
    private static void same(Scenario sc) {
        Simulation sim = sc.run();
        SimulationStream stream = sc.stream();
        assertEquals(sim.size(), stream.size());
        assertEquals(sim.duration(), stream.duration());
        double[] want = new double[7];
        double[] got = new double[7];
        for (int i = 0; i < sim.size(); i++) {
            sim.get(i, want);
            assertTrue(stream.next(got), "sample " + i);
            for (int k = 0; k < 7; k++) {
                if (Double.doubleToRawLongBits(want[k]) != Double.doubleToRawLongBits(got[k])) {
                    assertEquals(want[k], got[k], "sample " + i + " of " + sim.size() + ", column " + k);
                }
            }
        }
        assertFalse(stream.next(got), "the stream ends with the walk");
        Truth a = sim.truth(), b = stream.truth();
        assertEquals(a.count(Direction.FORWARD), b.count(Direction.FORWARD));
        assertEquals(a.count(Direction.BACKWARD), b.count(Direction.BACKWARD));
        assertEquals(a.steps(), b.steps());
        assertEquals(a.intervals(), b.intervals());
    }

    @Test
    void theDemoWalkAtEveryRate() {
        same(Scenarios.demo(42));
        same(Scenarios.demo(7, 50, Axis.PLUS_Y));
        same(Scenarios.demo(9, 400, Axis.MINUS_X));
    }

    @Test
    void everyKindOfSegment() {
        List<Scenario> all = new ArrayList<>();
        all.add(Scenarios.dailyLife(3));
        all.add(Scenarios.sitDown(4));
        all.add(Scenarios.mixed(5));
        all.add(Scenarios.standingSway(6));
        for (FallKind k : FallKind.values()) all.add(Scenarios.fall(8, k));
        all.add(Scenario.builder(11).stand(2).walk(Direction.FORWARD, 10, 110).turn(180).walk(Direction.BACKWARD, 10, 85)
                .bendOver().kneeBendStanding().fidget(3).vibration(2).carInOut(5).sitDown().sit(2).standUp().stand(1).build());
        for (Population.Walker w : Population.draw(1, 6)) all.add(w.kneeFlexionSession(Direction.BACKWARD, 20, 30));
        for (Scenario sc : all) same(sc);
    }

    @Test
    void truthAskedEarlyIsTheWholeWalksAndEndsTheStream() {
        Scenario sc = Scenarios.mixed(5);
        SimulationStream s = sc.stream();
        double[] row = new double[7];
        for (int i = 0; i < 100; i++) assertTrue(s.next(row));
        assertEquals(sc.run().truth().steps(), s.truth().steps());
        assertFalse(s.next(row));
    }

    @Test
    void memoryIsTheLongestSegmentsNotTheWalks() {
        // ten minutes of standing and short walks: no window holds more than a segment and a chunk
        Scenario.Builder b = Scenario.builder(12).stand(5);
        for (int i = 0; i < 30; i++) b.walk(Direction.BACKWARD, 12, 85).stand(10);
        SimulationStream s = b.build().stream();
        double[] row = new double[7];
        int max = 0;
        while (s.next(row)) max = Math.max(max, s.windowLength());
        assertTrue(s.duration() > 500, "a long walk: " + s.duration());
        // a 12-step bout at 85 spm is under 9 s: 9,000 internal samples at 1 kHz, plus a chunk; the walk is 500,000
        assertTrue(max < 20_000, "largest window " + max + " internal samples");
    }

    @Test
    void boutsThatStartBetweenTwoSlowSamples() {
        // at 50 Hz an output sample is 20 internal ones apart: these walkers' bouts start between the
        // indices two samples read, where a window moved on first would have dropped the start
        List<Population.Walker> walkers = Population.draw(1, 15);
        same(walkers.get(6).scenario());
        same(walkers.get(14).scenario());
    }

    @Test
    void aLongBoutIsRenderedAStretchAtATime() {
        // the demo's middle bout: 142 backward steps, 100 s, 100,000 internal samples at 1 kHz; then a fall at its end
        Scenario sc = Scenario.builder(13).stand(2).walk(Direction.BACKWARD, 142, 85).fall(FallKind.BACKWARD).lie(3).build();
        same(sc);
        SimulationStream s = sc.stream();
        double[] row = new double[7];
        int max = 0;
        while (s.next(row)) max = Math.max(max, s.windowLength());
        // a window is a chunk of 4,096, from the bout's next index when it lags the sampler by a few
        assertTrue(max < 10_000, "largest window " + max + " internal samples");
    }
}
