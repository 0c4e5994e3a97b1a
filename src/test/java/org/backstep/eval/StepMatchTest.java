package org.backstep.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backstep.event.Direction;
import org.backstep.event.StepEvent;
import org.junit.jupiter.api.Test;

class StepMatchTest {
    private static StepEvent det(double t, Direction d) {
        return new StepEvent(t, t + 0.3, d);
    }

    private static Dataset.TrueStep tru(double t, Direction d) {
        return new Dataset.TrueStep(t, d);
    }

    @Test
    void matchesNearestFirstWithinTolerance() {
        // 1.00 and 1.25 both lie near true 1.10; the nearer (1.00, 0.10 away) takes it, 1.25 is left over
        List<StepEvent> d = List.of(det(1.00, Direction.FORWARD), det(1.25, Direction.FORWARD), det(2.31, Direction.BACKWARD));
        List<Dataset.TrueStep> t = List.of(tru(1.10, Direction.FORWARD), tru(2.00, Direction.FORWARD));
        StepMatch m = StepMatch.score(d, t, List.of(), 0, 10);
        assertEquals(3, m.detected);
        assertEquals(1, m.matched, "2.31 is 0.31 s from 2.00: outside the 0.30 s tolerance");
        assertEquals(1, m.directionCorrect);
        assertArrayEquals(new double[] {0.20}, m.latencies, 1e-9, "report time minus true contact");
    }

    @Test
    void onlyStepsInsideWindowsCountAndUntimedTruthStillCounts() {
        List<StepEvent> d = List.of(det(0.5, Direction.FORWARD), det(5.0, Direction.FORWARD), det(5.6, Direction.BACKWARD));
        List<Dataset.TrueStep> t = List.of(tru(5.05, Direction.FORWARD), tru(Double.NaN, Direction.FORWARD), tru(5.62, Direction.FORWARD));
        StepMatch m = StepMatch.score(d, t, List.of(new Dataset.Window(4, 6)), 0, 10);
        assertEquals(2, m.detected, "0.5 lies outside the annotated window");
        assertEquals(3, m.truth, "a step without a time still counts");
        assertEquals(2, StepMatch.timed(t));
        assertEquals(2, m.matched);
        assertEquals(1, m.directionCorrect);
        assertEquals(1, m.detectedForward);
        assertEquals(1, m.detectedBackward);
        assertEquals(0, m.unreachable);
    }

    @Test
    void trueStepsOutsideTheWindowsOrTheRecordingAreCountedApart() {
        List<StepEvent> d = List.of(det(5.0, Direction.FORWARD), det(7.0, Direction.FORWARD));
        List<Dataset.TrueStep> t = List.of(tru(5.0, Direction.FORWARD), tru(7.0, Direction.FORWARD),
                tru(8.5, Direction.FORWARD), tru(Double.NaN, Direction.FORWARD));
        StepMatch inWindow = StepMatch.score(d, t, List.of(new Dataset.Window(4, 6)), 0, 10);
        assertEquals(1, inWindow.detected, "the detection at 7.0 is outside the window");
        assertEquals(4, inWindow.truth, "every true step counts, as the rules say");
        assertEquals(2, inWindow.unreachable, "7.0 and 8.5 lie outside the window");
        StepMatch shortRecording = StepMatch.score(d, t, List.of(), 0, 8);
        assertEquals(1, shortRecording.unreachable, "8.5 lies after the recording's end");
        assertEquals(2, shortRecording.matched);
    }

    /**
     * A walk whose truth skips its U-turn (as IPOL's does): steps 0.5 s apart, then 1.6 s without
     * one. The gap's inside leaves the windows, less the tolerance at each end; a truth without such
     * a gap keeps its windows.
     */
    @Test
    void theTruthsUnannotatedStretchesLeaveTheWindows() {
        List<Dataset.TrueStep> t = new java.util.ArrayList<>();
        for (double x = 1.0; x <= 3.0 + 1e-9; x += 0.5) t.add(tru(x, Direction.FORWARD));
        for (double x = 4.6; x <= 6.6 + 1e-9; x += 0.5) t.add(tru(x, Direction.FORWARD));
        List<Dataset.Window> w = StepMatch.annotatedOnly(t, List.of(new Dataset.Window(0.5, 7)));
        assertEquals(2, w.size());
        assertEquals(0.5, w.get(0).from(), 1e-9);
        assertEquals(3.3, w.get(0).to(), 1e-9);
        assertEquals(4.3, w.get(1).from(), 1e-9);
        assertEquals(7, w.get(1).to(), 1e-9);
        // two turning steps the truth does not have count only by the rules
        List<StepEvent> d = new java.util.ArrayList<>();
        for (Dataset.TrueStep s : t) d.add(det(s.t(), Direction.FORWARD));
        d.add(det(3.6, Direction.FORWARD));
        d.add(det(4.1, Direction.FORWARD));
        assertEquals(12, StepMatch.score(d, t, List.of(new Dataset.Window(0.5, 7)), 0, 10).detected);
        assertEquals(10, StepMatch.score(d, t, w, 0, 10).detected);
        List<Dataset.TrueStep> even = t.subList(0, 5);
        assertEquals(List.of(new Dataset.Window(0.5, 7)), StepMatch.annotatedOnly(even, List.of(new Dataset.Window(0.5, 7))));
    }
}
