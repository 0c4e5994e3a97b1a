package org.backstep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The allocation-free day of the sampling thread is the day records get, across transitions, clock jumps and zones. */
class RecordDaterTest {
    @Test
    void todayEpochDayIsTodayAcrossDstClockJumpsAndDayStart() {
        FakeTime time = FakeTime.at("2027-03-27T20:00:00Z");
        time.zone = ZoneId.of("Europe/Berlin");     // DST starts 2027-03-28 01:00 UTC
        RecordDater dater = new RecordDater(time, StoreSettings.builder().dayStartsAt(LocalTime.of(3, 0)).build());
        int checked = 0;
        for (int i = 0; i < 2 * 24 * 12; i++) {     // two days in 5-minute steps, over the transition
            assertEquals(dater.today().toEpochDay(), dater.todayEpochDay(), "at " + java.time.Instant.ofEpochMilli(time.wall));
            time.advance(5 * 60_000L);
            checked++;
        }
        time.setWall("2027-10-31T00:59:00Z");      // a clock jump to just before DST ends (02:59 local, day still the 30th)
        for (int i = 0; i < 180; i++, checked++) {
            assertEquals(dater.today().toEpochDay(), dater.todayEpochDay(), "at " + java.time.Instant.ofEpochMilli(time.wall));
            time.advance(60_000L);
        }
        time.setWall("2027-01-15T12:00:00Z");      // backwards over several transitions
        assertEquals(dater.today().toEpochDay(), dater.todayEpochDay());
        time.zone = ZoneId.of("America/New_York");  // the zone changed (day.zone reloaded, say)
        time.setWall("2027-01-16T06:30:00Z");      // 01:30 local: before 03:00, still the 15th
        assertEquals(dater.today().toEpochDay(), dater.todayEpochDay());
        assertEquals(java.time.LocalDate.of(2027, 1, 15).toEpochDay(), dater.todayEpochDay());
        time.trusted = false;
        assertEquals(RecordDater.UNTRUSTED, dater.todayEpochDay());
        assertEquals(756, checked);
    }
}
