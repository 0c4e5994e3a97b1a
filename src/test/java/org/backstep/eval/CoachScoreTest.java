package org.backstep.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.PostureEvent;
import org.junit.jupiter.api.Test;

class CoachScoreTest {
    private static Dataset.Entry entry(String rec, String activity, double dur) {
        return new Dataset.Entry(rec, "s", activity, "none", 100, dur, 0, "", "");
    }

    private static List<AlertEvent> alerts(AlertKind... kinds) {
        List<AlertEvent> out = new ArrayList<>();
        for (AlertKind k : kinds) out.add(new AlertEvent(1, 2, k));
        return out;
    }

    @Test
    void figuresFromAlerts() {
        CoachScore s = new CoachScore();
        s.add(entry("sisfall-F01-SA01-r1", "fall", 15), alerts(AlertKind.FALL), List.of(), List.of());
        s.add(entry("sisfall-F02-SA01-r1", "fall", 15), alerts(AlertKind.STUMBLE), List.of(), List.of());
        s.add(entry("sisfall-D18-SA01-r1", "stumble", 12), alerts(AlertKind.STUMBLE), List.of(), List.of());
        s.add(entry("sisfall-D18-SA01-r2", "stumble", 12), alerts(AlertKind.FALL), List.of(), List.of());
        s.add(entry("sisfall-D15-SA01-r1", "adl", 12), alerts(AlertKind.KNEE), List.of(), List.of());
        s.add(entry("sisfall-D16-SA01-r1", "adl", 12), alerts(AlertKind.KNEE, AlertKind.POSTURE), List.of(), List.of());
        s.add(entry("ipol-s01-t1-fwd", "walk", 300), alerts(AlertKind.IMBALANCE), List.of(), List.of());
        s.add(entry("mobgap-x", "walk_daily", 300), alerts(), List.of(), List.of());
        Map<String, Double> f = s.figures();
        assertEquals(0.5, f.get("fall_sensitivity"), 1e-9);
        assertEquals(1.0 / 6, f.get("fall_false_alarm_rate"), 1e-9);
        assertEquals(0.5, f.get("stumble_detection_rate"), 1e-9);
        assertEquals(0.5, f.get("fall_on_stumble_rate"), 1e-9);
        assertEquals(1.0, f.get("imbalance_per_10min_healthy"), 1e-9);
        assertEquals(1.0, f.get("d15_knee_rate"), 1e-9);
        assertEquals(1.0, f.get("d16_posture_rate"), 1e-9);
        assertEquals(1.0, f.get("d16_knee_rate"), 1e-9);
        assertTrue(Double.isNaN(f.get("posture_pitch_rms_deg")));
        assertTrue(s.table().contains("fall_sensitivity"));
        assertEquals(List.of("sisfall-F02-SA01-r1"), s.json().get("missed_falls"));

    }

    /** Euler angles {roll, pitch, yaw} (Xsens ZYX) of a sensor-to-world rotation. */
    private static double[] euler(double[][] r) {
        return new double[] {Math.toDegrees(Math.atan2(r[2][1], r[2][2])), Math.toDegrees(-Math.asin(r[2][0])),
                Math.toDegrees(Math.atan2(r[1][0], r[0][0]))};
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }

    /**
     * Reference rows for a trunk pitching forward by {@code pitch(t)} (world x forward, z up) while
     * facing {@code yawDeg}, with the sensor axes given as world vectors in the upright pose.
     */
    private static List<double[]> rows(double[][] mount, double yawDeg, java.util.function.DoubleUnaryOperator pitch) {
        List<double[]> out = new ArrayList<>();
        double y = Math.toRadians(yawDeg);
        double[][] rz = {{Math.cos(y), -Math.sin(y), 0}, {Math.sin(y), Math.cos(y), 0}, {0, 0, 1}};
        for (int i = 0; i <= 200; i++) {
            double t = i * 0.1;
            double p = Math.toRadians(pitch.applyAsDouble(t));
            double[][] ry = {{Math.cos(p), 0, Math.sin(p)}, {0, 1, 0}, {-Math.sin(p), 0, Math.cos(p)}};
            double[] e = euler(mul(mul(rz, ry), mount));
            out.add(new double[] {t, e[0], e[1], e[2]});
        }
        return out;
    }

    @Test
    void referencePitchIsTheWearersLeanWhateverTheMounting() {
        java.util.function.DoubleUnaryOperator lean = t -> t < 5 ? 3 : 3 + 30 * Math.sin(0.3 * (t - 5));
        // columns: the sensor x, y, z axes in world coordinates; the device's forward is -z in both
        double[][] upright = {{0, 0, -1}, {0, 1, 0}, {1, 0, 0}};
        double[][] upsideDown = {{0, 0, -1}, {0, -1, 0}, {-1, 0, 0}};
        double[] fwd = {0, 0, -1};
        for (double[][] mount : List.of(upright, upsideDown)) {
            for (double yaw : new double[] {0, 95, -170}) {
                List<double[]> ref = ReferenceInclination.pitch(rows(mount, yaw, lean), 4.0, fwd);
                assertEquals(161, ref.size());
                for (double[] r : ref) assertEquals(lean.applyAsDouble(r[0]) - 3, r[1], 1e-6, "at " + r[0]);
            }
        }
        // gravity at rest, as the accelerometer reads it (up), agrees with the reference's upright
        double[] g = {Math.cos(Math.toRadians(3)), 0, Math.sin(Math.toRadians(3))};
        assertEquals(1.0, ReferenceInclination.agreement(rows(upright, 20, lean), 4.0, g), 1e-6);
        assertTrue(ReferenceInclination.agreement(rows(upsideDown, 20, lean), 4.0, g) < -0.99);
    }

    @Test
    void pitchRmsKeepsOffsetsFromTheSharedUpright() {
        List<double[]> ref = new ArrayList<>();
        List<PostureEvent> trace = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            double t = i * 0.1;
            ref.add(new double[] {t, 5 * Math.sin(t)});
            trace.add(new PostureEvent(t, 5 * Math.sin(t) + (i % 2 == 0 ? 1 : -1), 0));
        }
        assertEquals(1.0, CoachScore.pitchRms(ref, trace), 1e-9);
        List<PostureEvent> offset = new ArrayList<>();
        for (PostureEvent p : trace) offset.add(new PostureEvent(p.t(), p.pitchDeg() + 2, 0));
        // a wrong upright is an error now, not a mean to remove
        assertEquals(Math.sqrt((51 * 9 + 50 * 1) / 101.0), CoachScore.pitchRms(ref, offset), 1e-9);
        CoachScore s = new CoachScore();
        s.add(entry("semi", "walk_impaired", 10), List.of(), trace, ref);
        assertEquals(1.0, s.figures().get("posture_pitch_rms_deg"), 1e-9);
    }
}
