package org.backstep.gait;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backstep.core.Axis;
import org.backstep.event.StepEvent;
import org.junit.jupiter.api.Test;

/**
 * Walking in a tight curve. The centripetal acceleration tilts the tracked vertical toward the
 * centre of the turn, and the turn rate then leaks into the trunk rotation measured about the
 * horizontal axes; the engine must not take that for a bending trunk and hold back the walk.
 */
class GaitEngineTurnTest {
    private static final double G = 9.80665;
    private static final double RATE = 100;

    /**
     * Body frame = sensor frame: +x forward, +y left, +z up. The pelvis bobs once per step; the
     * first steps are uneven (the rhythm path cannot confirm them), then the rhythm settles at
     * 0.55 s. The walker turns left at {@code turnRadS} at 1.2 m/s the whole time.
     */
    private static GaitEngineSimTest.Run walkInACurve(double turnRadS) {
        double[] periods = new double[30];
        for (int k = 0; k < periods.length; k++) periods[k] = k < 6 ? (k % 2 == 0 ? 0.38 : 0.8) : 0.55;
        GaitEngineSimTest.Run run = new GaitEngineSimTest.Run();
        GaitEngine g = new GaitEngine(GaitSettings.builder(RATE).forwardAxis(Axis.PLUS_X).build(), run);
        int cycle = 0;
        double cycleStart = 2;
        double end = 20;
        for (int i = 0; i < end * RATE; i++) {
            double t = i / RATE;
            double bob = 0, walking = 0;
            if (t >= 2) {
                while (cycle < periods.length && t - cycleStart >= periods[cycle]) cycleStart += periods[cycle++];
                if (cycle < periods.length) {
                    walking = 1;
                    bob = 2 * Math.sin(2 * Math.PI * (t - cycleStart) / periods[cycle]);
                }
            }
            g.sample(t, 0, walking * 1.2 * turnRadS, G + bob, 0, 0, walking * turnRadS);
        }
        g.finish(end);
        return run;
    }

    @Test
    void aWalkInATightCurveIsCountedAsItGoes() {
        // 2 rad/s at 1.2 m/s: a circle of 0.6 m radius, the tracked vertical leans about 14 degrees
        for (double turn : new double[] {0, 2.0}) {
            GaitEngineSimTest.Run run = walkInACurve(turn);
            assertTrue(run.steps.size() >= 26, turn + " rad/s: " + run.steps.size() + " steps of 30");
            for (StepEvent s : run.steps) {
                if (s.t() > 6) assertTrue(s.at() - s.t() < 1.5, turn + " rad/s: step at " + s.t() + " reported at " + s.at());
            }
        }
    }
}
