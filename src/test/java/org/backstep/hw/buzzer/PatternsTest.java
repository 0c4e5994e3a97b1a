package org.backstep.hw.buzzer;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backstep.event.AlertKind;
import org.backstep.event.GoalKind;
import org.junit.jupiter.api.Test;

class PatternsTest {

    @Test
    void everyPatternIsDistinctOnAnActiveBuzzer() {
        Map<List<Integer>, String> seen = new HashMap<>();
        for (Pattern p : Patterns.ALL) {
            String other = seen.put(p.activeSignature(), p.name());
            assertNull(other, p.name() + " has the same on/off rhythm as " + other);
        }
        assertEquals(13, Patterns.ALL.size());
    }

    @Test
    void onlyTheFallAlarmRepeatsAndTheOthersAreShort() {
        for (Pattern p : Patterns.ALL) {
            assertEquals(p == Patterns.FALL, p.repeat(), p.name());
            assertTrue(p.totalMs() <= 2000, p + " is too long");
        }
    }

    @Test
    void signatures() {
        assertEquals(List.of(80), Patterns.READY.activeSignature());
        assertEquals(List.of(800, 200), Patterns.FALL.activeSignature(), "warble merges into one on-run; the gap counts when repeating");
        assertEquals(List.of(60, 60, 60), Patterns.STUMBLE.activeSignature());
        assertEquals(List.of(40, 80, 40, 80, 40, 80, 40), Patterns.CADENCE.activeSignature());
        assertEquals(List.of(100), Pattern.builder("x").pause(50).tone(100, 500).pause(30).build().activeSignature());
    }

    @Test
    void targetRisesAndLimitIsLow() {
        List<Pattern.Segment> t = Patterns.TARGET.segments();
        assertTrue(t.get(0).hz() < t.get(2).hz() && t.get(2).hz() < t.get(4).hz());
        for (Pattern.Segment s : Patterns.LIMIT.segments()) assertTrue(s.hz() == 0 || s.hz() < 500);
    }

    @Test
    void lookups() {
        for (AlertKind k : AlertKind.values()) {
            assertEquals(k.json(), Patterns.forAlert(k).name());
            assertTrue(Patterns.priorityOf(k) > Patterns.PRIORITY_FAULT);
        }
        assertTrue(Patterns.priorityOf(AlertKind.FALL) > Patterns.priorityOf(AlertKind.STUMBLE));
        assertSame(Patterns.TARGET, Patterns.forGoal(GoalKind.TARGET));
        assertSame(Patterns.LIMIT, Patterns.forGoal(GoalKind.LIMIT));
        assertSame(Patterns.EXPORT_FAILED, Patterns.byName(" Export_Failed "));
        assertSame(Patterns.SENSOR_FAULT, Patterns.byName("sensor_fault"));
        assertTrue(Patterns.PRIORITY_FAULT > Patterns.PRIORITY_GOAL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Patterns.byName("siren"));
        assertTrue(e.getMessage().startsWith("'siren' is not a buzzer pattern; allowed: ready, target,"), e.getMessage());
    }

    @Test
    void badSegmentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Pattern.builder("x").tone(0, 1000));
        assertThrows(IllegalArgumentException.class, () -> Pattern.builder("x").tone(10, 50));
        assertThrows(IllegalArgumentException.class, () -> Pattern.builder("x").build());
        assertThrows(UnsupportedOperationException.class, () -> Patterns.READY.segments().add(new Pattern.Segment(1, 0)));
    }
}
