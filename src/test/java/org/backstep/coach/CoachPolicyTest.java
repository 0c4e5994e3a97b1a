package org.backstep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.junit.jupiter.api.Test;

/** The alert policy alone: switches, quiet hours, cooldown, cap, priorities, the fall alarm. */
class CoachPolicyTest {
    private final List<AlertEvent> out = new ArrayList<>();

    private AlertPolicy policy(CoachSettings s) {
        return new AlertPolicy(s, out::add);
    }

    private static void offer(AlertPolicy p, AlertKind k, double at) {
        p.offer(k, at, at);
        p.flush();
    }

    @Test
    void cooldownPerKind() {
        AlertPolicy p = policy(CoachSettings.builder().cooldownS(60).build());
        offer(p, AlertKind.POSTURE, 0);
        offer(p, AlertKind.POSTURE, 30);
        offer(p, AlertKind.KNEE, 31);
        offer(p, AlertKind.POSTURE, 61);
        assertEquals(List.of(AlertKind.POSTURE, AlertKind.KNEE, AlertKind.POSTURE), kinds());
    }

    @Test
    void capPerTenMinutesButNeverForFalls() {
        AlertPolicy p = policy(CoachSettings.builder().cooldownS(0).maxPer10Min(3).build());
        for (int i = 0; i < 6; i++) offer(p, AlertKind.CADENCE, i * 10);
        offer(p, AlertKind.FALL, 70);
        offer(p, AlertKind.CADENCE, 599);
        offer(p, AlertKind.CADENCE, 601);
        assertEquals(List.of(AlertKind.CADENCE, AlertKind.CADENCE, AlertKind.CADENCE, AlertKind.FALL, AlertKind.CADENCE),
                kinds());
        assertEquals(601, out.get(4).at(), 1e-9);
    }

    @Test
    void quietHoursSilenceAllButFalls() {
        QuietHours q = t -> t >= 100 && t < 200;
        AlertPolicy p = policy(CoachSettings.builder().quiet(q).cooldownS(0).build());
        offer(p, AlertKind.POSTURE, 150);
        offer(p, AlertKind.FALL, 160);
        offer(p, AlertKind.POSTURE, 250);
        assertEquals(List.of(AlertKind.FALL, AlertKind.POSTURE), kinds());
    }

    @Test
    void dailyQuietHoursAskTheInjectedClock() {
        java.time.LocalTime[] now = {java.time.LocalTime.of(23, 0)};
        org.backstep.config.QuietHours window = org.backstep.config.QuietHours.of(
                java.time.LocalTime.of(22, 0), java.time.LocalTime.of(7, 0));
        QuietHours q = QuietHours.within(window::contains, () -> now[0]);
        assertEquals(true, q.isQuiet(0));
        now[0] = java.time.LocalTime.of(6, 59);
        assertEquals(true, q.isQuiet(0));
        now[0] = java.time.LocalTime.of(7, 0);
        assertEquals(false, q.isQuiet(0));
        now[0] = java.time.LocalTime.of(12, 0);
        assertEquals(false, q.isQuiet(0));
    }

    @Test
    void samplePriorityDeliversTheMostUrgentFirstAndDropsTheRest() {
        AlertPolicy p = policy(CoachSettings.builder().cooldownS(0).build());
        p.offer(AlertKind.CADENCE, 10, 10);
        p.offer(AlertKind.STUMBLE, 10, 10);
        p.offer(AlertKind.POSTURE, 10, 10);
        p.flush();
        assertEquals(List.of(AlertKind.STUMBLE), kinds());
        offer(p, AlertKind.POSTURE, 14);
        offer(p, AlertKind.POSTURE, 16);
        assertEquals(List.of(AlertKind.STUMBLE, AlertKind.POSTURE), kinds());
    }

    @Test
    void perKindSwitch() {
        AlertPolicy p = policy(CoachSettings.builder().enabled(AlertKind.KNEE, false).cooldownS(0).build());
        offer(p, AlertKind.KNEE, 1);
        offer(p, AlertKind.POSTURE, 10);
        assertEquals(List.of(AlertKind.POSTURE), kinds());
        assertEquals(1, p.detected()[AlertKind.KNEE.ordinal()]);
        assertEquals(0, p.delivered()[AlertKind.KNEE.ordinal()]);
    }

    @Test
    void nothingButFallsWhileTheAlarmPlays() {
        AlertPolicy p = policy(CoachSettings.builder().cooldownS(0).build());
        offer(p, AlertKind.FALL, 1);
        p.setAlarmActive(true);
        offer(p, AlertKind.POSTURE, 20);
        p.setAlarmActive(false);
        offer(p, AlertKind.POSTURE, 40);
        assertEquals(List.of(AlertKind.FALL, AlertKind.POSTURE), kinds());
    }

    @Test
    void settingsValidate() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CoachSettings.builder().maxLeanDeg(0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CoachSettings.builder().maxPer10Min(-1));
        CoachSettings d = CoachSettings.defaults();
        assertEquals(15, d.maxLeanDeg());
        assertEquals(3, d.dwellS());
        assertEquals(110, d.cadenceMaxSpm());
        assertEquals(60, d.cooldownS());
        assertEquals(6, d.maxPer10Min());
        assertEquals(d.toString(), d.toBuilder().build().toString());
    }

    private List<AlertKind> kinds() {
        List<AlertKind> k = new ArrayList<>();
        for (AlertEvent a : out) k.add(a.kind());
        return k;
    }
}
