package org.backstep.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.backstep.sim.Interval.Kind;
import org.backstep.sim.Scenario.Spec;

/** Turns a script into timed segments, tracking posture so impossible scripts fail early. */
final class ScenarioCompiler {
    enum Posture { UPRIGHT, SITTING, LYING }

    record Result(List<Segment> segments, double end) {
    }

    private ScenarioCompiler() {
    }

    /** Throws {@link IllegalStateException} naming the first segment that does not fit the posture. */
    static void check(List<Spec> specs) {
        Posture p = Posture.UPRIGHT;
        for (int i = 0; i < specs.size(); i++) {
            p = next(p, specs.get(i), i);
        }
    }

    private static Posture next(Posture p, Spec s, int index) {
        Posture need;
        Posture after;
        switch (s.type()) {
            case SIT, STAND_UP, CAR_OUT -> need = Posture.SITTING;
            case LIE, GET_UP -> need = Posture.LYING;
            case VIBRATION, FIDGET -> need = p;
            default -> need = Posture.UPRIGHT;
        }
        switch (s.type()) {
            case SIT_DOWN, SIT, CAR_IN -> after = Posture.SITTING;
            case FALL, LIE -> after = Posture.LYING;
            case VIBRATION, FIDGET -> after = p;
            default -> after = Posture.UPRIGHT;
        }
        if (need != p) {
            throw new IllegalStateException("segment " + (index + 1) + " (" + s.type().name().toLowerCase()
                    + ") needs posture " + need.name().toLowerCase() + " but the wearer is " + p.name().toLowerCase());
        }
        return after;
    }

    static Result compile(List<Spec> specs, long seed) {
        Random rng = new Random(seed);
        List<Segment> out = new ArrayList<>();
        double t = 0;
        double zOff = 0;
        double pitchOff = 0;
        double rollOff = 0;
        GaitBout lastBout = null;
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            if (s.type() == Spec.Type.WALK) {
                List<Walk> walks = new ArrayList<>();
                while (i < specs.size() && specs.get(i).type() == Spec.Type.WALK) walks.add(specs.get(i++).walk());
                i--;
                lastBout = new GaitBout(t, walks, rng);
                out.add(lastBout);
                t = lastBout.end();
                continue;
            }
            Segment seg;
            switch (s.type()) {
                case STAND -> seg = sway(new Motion(t, s.value()), rng, 1).label(Kind.STAND);
                case SIT -> seg = sway(new Motion(t, s.value()), rng, 0.4).label(Kind.SIT);
                case LIE -> seg = new Motion(t, s.value()).label(Kind.LYING);
                case TURN -> seg = turn(t, s.value());
                case SIT_DOWN -> seg = new Motion(t, 2.6)
                        .keys(Timeline.PITCH, 0, 0, 0.8, 28, 1.7, 12, 2.6, -6)
                        .keys(Motion.AP, 0, 0, 0.7, 0.03, 1.8, -0.2, 2.6, -0.24)
                        .keys(Timeline.Z, 0, 0, 0.6, -0.02, 1.9, -0.42, 2.6, -0.45)
                        .label(Kind.SIT_DOWN);
                case STAND_UP -> seg = new Motion(t, 2.4)
                        .keys(Timeline.PITCH, 0, 0, 0.7, 34, 1.5, 20, 2.4, 6)
                        .keys(Motion.AP, 0, 0, 0.7, 0.06, 1.7, 0.22, 2.4, 0.24)
                        .keys(Timeline.Z, 0, 0, 0.6, 0, 1.7, 0.40, 2.4, 0.45)
                        .label(Kind.STAND_UP);
                case BEND -> seg = new Motion(t, 4.0)
                        .keys(Timeline.PITCH, 0, 0, 1.4, 60, 2.4, 62, 3.8, 0, 4.0, 0)
                        .keys(Motion.AP, 0, 0, 1.4, -0.12, 2.4, -0.12, 3.8, 0, 4.0, 0)
                        .keys(Timeline.Z, 0, 0, 1.4, -0.06, 2.4, -0.06, 3.8, 0, 4.0, 0)
                        .label(Kind.BEND, 0, 4.0, 1.9);
                case SQUAT -> seg = new Motion(t, 3.6)
                        .keys(Timeline.Z, 0, 0, 1.2, -0.3, 2.2, -0.3, 3.4, 0, 3.6, 0)
                        .keys(Motion.AP, 0, 0, 1.2, -0.08, 2.2, -0.08, 3.4, 0, 3.6, 0)
                        .keys(Timeline.PITCH, 0, 0, 1.2, 15, 2.2, 15, 3.4, 0, 3.6, 0)
                        .label(Kind.SQUAT, 0, 3.6, 1.7);
                case CAR_IN -> seg = new Motion(t, 5.0)
                        .keys(Timeline.YAW, 0, 0, 1.5, 60, 4.0, 90, 5.0, 90)
                        .keys(Timeline.PITCH, 0, 0, 1.5, 10, 2.8, 35, 4.0, 10, 5.0, -5)
                        .keys(Timeline.ROLL, 0, 0, 2.8, -10, 5.0, 0)
                        .keys(Timeline.Z, 0, 0, 1.5, -0.02, 3.5, -0.5, 5.0, -0.55)
                        .keys(Motion.AP, 0, 0, 1.5, 0, 3.5, -0.3, 5.0, -0.35)
                        .label(Kind.CAR_IN);
                case CAR_OUT -> seg = new Motion(t, 4.5)
                        .keys(Timeline.YAW, 0, 0, 1.5, -30, 3.5, -90, 4.5, -90)
                        .keys(Timeline.PITCH, 0, 0, 1.5, 35, 3.0, 25, 4.5, 5)
                        .keys(Timeline.ROLL, 0, 0, 1.5, 10, 4.5, 0)
                        .keys(Timeline.Z, 0, 0, 1.0, 0.05, 3.2, 0.5, 4.5, 0.55)
                        .keys(Motion.LAT, 0, 0, 1.5, -0.2, 4.5, -0.35)
                        .label(Kind.CAR_OUT);
                case FIDGET -> seg = fidget(t, s.value(), rng);
                case VIBRATION -> seg = vibration(t, s.value(), rng);
                case FALL -> {
                    double start = lastBout != null && lastBout.end() == t ? t - 0.8 * lastBout.lastStepDuration() : t;
                    FallMotion f = new FallMotion(start, s.fall());
                    pitchOff += f.finalPitch();
                    rollOff += f.finalRoll();
                    zOff += FallMotion.finalDrop();
                    seg = f;
                }
                case GET_UP -> {
                    seg = new Motion(t, 3.5)
                            .keys(Timeline.PITCH, 0, 0, 1.5, Math.toDegrees(-pitchOff) * 0.3, 3.5, Math.toDegrees(-pitchOff))
                            .keys(Timeline.ROLL, 0, 0, 1.5, Math.toDegrees(-rollOff) * 0.5, 3.5, Math.toDegrees(-rollOff))
                            .keys(Timeline.Z, 0, 0, 1.5, -zOff * 0.3, 3.5, -zOff)
                            .label(Kind.GET_UP);
                    pitchOff = 0;
                    rollOff = 0;
                    zOff = 0;
                }
                default -> throw new IllegalStateException("unhandled " + s.type());
            }
            out.add(seg);
            t = Math.max(t, seg.end());
            lastBout = null;
        }
        return new Result(out, t);
    }

    /** Postural sway: a few mm and 0.3-0.6 deg from three sinusoids per channel at 0.2-1 Hz. */
    private static Motion sway(Motion m, Random rng, double scale) {
        double[] amp = {0.004, 0.003, 0.0005, Math.toRadians(0.3), Math.toRadians(0.6), Math.toRadians(0.4)};
        for (int c = 0; c < 6; c++) {
            for (int k = 0; k < 3; k++) {
                m.oscillator(c, scale * amp[c] / 2, 0.2 + 0.8 * rng.nextDouble(), 2 * Math.PI * rng.nextDouble());
            }
        }
        return m;
    }

    private static Motion turn(double t, double deg) {
        double len = Math.max(1.2, Math.abs(deg) / 90);
        // small steps in place bob the pelvis by a few millimetres
        return new Motion(t, len).keys(Timeline.YAW, 0, 0, len, deg)
                .oscillator(Timeline.Z, 0.003, 1.8, 0).oscRamp(0.4).label(Kind.TURN);
    }

    private static Motion fidget(double t, double seconds, Random rng) {
        Motion m = new Motion(t, seconds);
        double[] amp = {0.02, 0.02, 0.01, 8, 4, 3};
        int keys = Math.max(2, (int) (seconds / 0.6));
        for (int c = 0; c < 6; c++) {
            double[] tv = new double[2 * (keys + 1)];
            for (int k = 0; k <= keys; k++) {
                tv[2 * k] = seconds * k / keys;
                tv[2 * k + 1] = k == 0 || k == keys ? 0 : amp[c] * (2 * rng.nextDouble() - 1);
            }
            m.keys(c, tv);
        }
        return m.label(Kind.FIDGET);
    }

    /** Broadband 5-30 Hz: 40 sinusoids per axis; RMS about 0.7 m/s^2 vertical, 0.35 horizontal. */
    private static Motion vibration(double t, double seconds, Random rng) {
        Motion m = new Motion(t, seconds).oscRamp(0.5);
        int comps = 40;
        double[] rms = {0.35, 0.35, 0.7, 0.01, 0.03, 0.03}; // m/s^2 for positions, rad/s for angles
        for (int c = 0; c < 6; c++) {
            double each = rms[c] / Math.sqrt(comps / 2.0);
            for (int k = 0; k < comps; k++) {
                double hz = 5 + 25 * rng.nextDouble();
                double w = 2 * Math.PI * hz;
                double amp = c < 3 ? each / (w * w) : each / w;
                m.oscillator(c, amp, hz, 2 * Math.PI * rng.nextDouble());
            }
        }
        return m.label(Kind.VEHICLE);
    }
}
