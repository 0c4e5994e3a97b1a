package org.backstep.signal;

/** Sections applied one after another. */
public final class Cascade implements Filter {
    private final Biquad[] sections;

    public Cascade(Biquad... sections) {
        if (sections.length == 0) throw new IllegalArgumentException("a cascade needs at least one section");
        this.sections = sections.clone();
    }

    @Override
    public double filter(double x) {
        double y = x;
        for (Biquad s : sections) y = s.filter(y);
        return y;
    }

    @Override
    public void reset() {
        for (Biquad s : sections) s.reset();
    }

    @Override
    public void resetTo(double x) {
        double v = x;
        for (Biquad s : sections) {
            s.resetTo(v);
            v *= s.dcGain();
        }
    }

    public int sectionCount() {
        return sections.length;
    }

    /** The sections as scipy {@code sos} rows. */
    public double[][] sos() {
        double[][] out = new double[sections.length][];
        for (int i = 0; i < sections.length; i++) out[i] = sections[i].sos();
        return out;
    }
}
