package org.backstep.config;

import java.time.LocalTime;

/** Strict {@code HH:MM} handling (two-digit hours 00-23 and minutes 00-59). */
final class Times {
    private Times() {
    }

    static LocalTime parseHhMm(String s) {
        if (s.length() != 5 || s.charAt(2) != ':') return null;
        for (int i : new int[] {0, 1, 3, 4}) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return null;
        }
        int h = Integer.parseInt(s.substring(0, 2));
        int m = Integer.parseInt(s.substring(3, 5));
        if (h > 23 || m > 59) return null;
        return LocalTime.of(h, m);
    }

    static String format(LocalTime t) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }
}
