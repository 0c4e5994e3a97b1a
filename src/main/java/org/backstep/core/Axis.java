package org.backstep.core;

import java.util.Locale;

/** A signed sensor axis, as written in configuration and recordings: {@code +x -x +y -y +z -z}. */
public enum Axis {
    PLUS_X("+x", 0, 1), MINUS_X("-x", 0, -1),
    PLUS_Y("+y", 1, 1), MINUS_Y("-y", 1, -1),
    PLUS_Z("+z", 2, 1), MINUS_Z("-z", 2, -1);

    private final String label;
    private final int index;
    private final int sign;

    Axis(String label, int index, int sign) {
        this.label = label;
        this.index = index;
        this.sign = sign;
    }

    /** 0 for x, 1 for y, 2 for z. */
    public int index() { return index; }

    /** +1 or -1. */
    public int sign() { return sign; }

    /** The unit vector of this axis in the sensor frame. */
    public double[] unitVector() {
        double[] v = new double[3];
        v[index] = sign;
        return v;
    }

    public String label() { return label; }

    @Override
    public String toString() { return label; }

    /**
     * Parses {@code +x -x +y -y +z -z} (a bare {@code x} means {@code +x}).
     *
     * @throws IllegalArgumentException with a one-line message naming the allowed values
     */
    /** The signed axis nearest to {@code v} (any length). */
    public static Axis nearest(double[] v) {
        int best = 0;
        for (int i = 1; i < 3; i++) if (Math.abs(v[i]) > Math.abs(v[best])) best = i;
        for (Axis a : values()) {
            if (a.index == best && a.sign == (v[best] >= 0 ? 1 : -1)) return a;
        }
        throw new AssertionError();
    }

    public static Axis parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.length() == 1) s = "+" + s;
        for (Axis a : values()) {
            if (a.label.equals(s)) return a;
        }
        throw new IllegalArgumentException("'" + text + "' is not an axis; allowed: +x -x +y -y +z -z");
    }
}
