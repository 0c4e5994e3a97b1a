package org.backstep.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.PostureEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoachScoreTest {
    @TempDir
    Path dir;

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
        s.add(entry("sisfall-F01-SA01-r1", "fall", 15), alerts(AlertKind.FALL), List.of(), null);
        s.add(entry("sisfall-F02-SA01-r1", "fall", 15), alerts(AlertKind.STUMBLE), List.of(), null);
        s.add(entry("sisfall-D18-SA01-r1", "stumble", 12), alerts(AlertKind.STUMBLE), List.of(), null);
        s.add(entry("sisfall-D18-SA01-r2", "stumble", 12), alerts(AlertKind.FALL), List.of(), null);
        s.add(entry("sisfall-D15-SA01-r1", "adl", 12), alerts(AlertKind.KNEE), List.of(), null);
        s.add(entry("sisfall-D16-SA01-r1", "adl", 12), alerts(AlertKind.KNEE, AlertKind.POSTURE), List.of(), null);
        s.add(entry("ipol-s01-t1-fwd", "walk", 300), alerts(AlertKind.IMBALANCE), List.of(), null);
        s.add(entry("mobgap-x", "walk_daily", 300), alerts(), List.of(), null);
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

    @Test
    void pitchRmsComparesChangesAgainstTheXsensReference() throws Exception {
        Files.writeString(dir.resolve("manifest.csv"),
                "recording,subject,activity,direction,rate_hz,duration_s,truth_steps,expect,source\n"
                        + "semi,s,walk_impaired,forward,100,10,0,,x\n");
        Files.createDirectories(dir.resolve("truth"));
        StringBuilder x = new StringBuilder("t,roll_deg,pitch_deg,yaw_deg\n");
        List<PostureEvent> trace = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            double t = i * 0.1;
            double pitch = 5 * Math.sin(t);
            x.append(String.format(java.util.Locale.ROOT, "%.2f,1,%.4f,90%n", t, -50 + pitch));
            trace.add(new PostureEvent(t, 3 + 5 * Math.sin(t) + (i % 2 == 0 ? 1 : -1), 0));
        }
        Files.writeString(dir.resolve("truth/semi.xsens_orientation.csv"), x.toString());
        Dataset ds = Dataset.open(dir);
        double rms = CoachScore.pitchRms(ds.xsensOrientation(ds.entries().get(0)), trace);
        assertEquals(1.0, rms, 0.1);
        CoachScore s = new CoachScore();
        s.add(ds.entries().get(0), List.of(), trace, ds);
        assertEquals(rms, s.figures().get("posture_pitch_rms_deg"), 1e-9);
    }
}
