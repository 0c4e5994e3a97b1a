package org.backstep.signal;

/**
 * Sections applied one after another. Every filter of the signal path has one or two sections
 * (a Butterworth low-pass or high-pass of order 1 or 2, a band-pass of order 2): those two are
 * held in fields and computed in {@link #filter} itself, with {@link Biquad}'s arithmetic in
 * {@link Biquad}'s order (the same bits), so a sample costs one call, not one a section and a
 * loop (a quarter of the pipeline's time under the unit's C1-only JIT, which inlines nothing
 * that size). Sections from the third on run as {@link Biquad}s.
 */
public final class Cascade implements Filter {
    /** The second section of a one-section cascade: never run, it only fills the fields. */
    private static final Biquad NONE = new Biquad(0, 0, 0, 0, 0);
    private final Biquad[] sections;
    private final int count;
    // first section
    private final double b0, b1, b2, a1, a2;
    private double s1, s2;
    // second section (zero coefficients when there is none)
    private final double c0, c1, c2, d1, d2;
    private double t1, t2;
    // third section on
    private final Biquad[] tail;

    public Cascade(Biquad... sections) {
        if (sections.length == 0) throw new IllegalArgumentException("a cascade needs at least one section");
        this.sections = sections.clone();
        this.count = sections.length;
        Biquad f = sections[0];
        b0 = f.b0;
        b1 = f.b1;
        b2 = f.b2;
        a1 = f.a1;
        a2 = f.a2;
        Biquad g = count > 1 ? sections[1] : NONE;
        c0 = g.b0;
        c1 = g.b1;
        c2 = g.b2;
        d1 = g.a1;
        d2 = g.a2;
        tail = count > 2 ? java.util.Arrays.copyOfRange(this.sections, 2, count) : null;
    }

    @Override
    public double filter(double x) {
        double y = b0 * x + s1;
        s1 = b1 * x - a1 * y + s2;
        s2 = b2 * x - a2 * y;
        if (count == 1) return y;
        double z = c0 * y + t1;
        t1 = c1 * y - d1 * z + t2;
        t2 = c2 * y - d2 * z;
        if (tail == null) return z;
        for (Biquad s : tail) z = s.filter(z);
        return z;
    }

    @Override
    public void reset() {
        s1 = s2 = t1 = t2 = 0;
        if (tail != null) for (Biquad s : tail) s.reset();
    }

    @Override
    public void resetTo(double x) {
        // as Biquad.resetTo, section by section, each fed the previous one's steady output
        double v = x;
        double y = sections[0].dcGain() * v;
        s2 = b2 * v - a2 * y;
        s1 = b1 * v - a1 * y + s2;
        if (count == 1) return;
        v *= sections[0].dcGain();
        y = sections[1].dcGain() * v;
        t2 = c2 * v - d2 * y;
        t1 = c1 * v - d1 * y + t2;
        if (tail == null) return;
        v *= sections[1].dcGain();
        for (Biquad s : tail) {
            s.resetTo(v);
            v *= s.dcGain();
        }
    }

    public int sectionCount() {
        return count;
    }

    /** The sections as scipy {@code sos} rows. */
    public double[][] sos() {
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) out[i] = sections[i].sos();
        return out;
    }
}
