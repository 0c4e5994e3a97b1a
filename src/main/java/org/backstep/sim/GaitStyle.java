package org.backstep.sim;

/**
 * How one wearer walks, beyond cadence and direction: the traits that make the next walker differ
 * from the healthy, brisk, symmetric one. Immutable; applies to every {@link Walk} it is given to.
 * The ranges and their sources are in {@link Population} and the README ("Simulated population").
 *
 * @param asymmetry   step-time ratio long/short, 1 (symmetric) to 2 (a limp: alternating short and
 *                    long steps, the short one onto the painful or weak leg)
 * @param shuffle     0 (clear steps) to 1 (shuffling): shorter steps, a flatter pelvis path, flat-foot
 *                    contacts that are soft and low in frequency
 * @param cane        walking with a cane in the hand opposite the weak leg: the cane carries part of
 *                    the body weight (smaller pelvis excursion and softer contacts on the weak
 *                    side) and strikes the ground itself before the weak leg lands
 * @param sway        lateral trunk sway and roll, times the default (0.5 to 3)
 * @param bounce      vertical pelvis excursion, times what the speed and leg length give (0.6 to 1.4)
 * @param legScale    leg length relative to the reference 1.75 m adult (body height / 1.75): step
 *                    length and pendulum excursion scale with it
 */
public record GaitStyle(double asymmetry, double shuffle, boolean cane, double sway, double bounce, double legScale) {
    /** The reference walker: symmetric, clear steps, no aid, default sway and bounce, 1.75 m tall. */
    public static final GaitStyle DEFAULT = new GaitStyle(1, 0, false, 1, 1, 1);

    public GaitStyle {
        if (!(asymmetry >= 1 && asymmetry <= 2.5)) throw new IllegalArgumentException("asymmetry must be 1..2.5, got " + asymmetry);
        if (!(shuffle >= 0 && shuffle <= 1)) throw new IllegalArgumentException("shuffle must be 0..1, got " + shuffle);
        if (!(sway >= 0.2 && sway <= 4)) throw new IllegalArgumentException("sway must be 0.2..4, got " + sway);
        if (!(bounce >= 0.3 && bounce <= 2)) throw new IllegalArgumentException("bounce must be 0.3..2, got " + bounce);
        if (!(legScale >= 0.7 && legScale <= 1.3)) throw new IllegalArgumentException("leg scale must be 0.7..1.3, got " + legScale);
    }

    /** This style with a step-time asymmetry (long/short, 1 to 2.5). */
    public GaitStyle withAsymmetry(double ratio) {
        return new GaitStyle(ratio, shuffle, cane, sway, bounce, legScale);
    }

    /** This style with a shuffle (0 to 1). */
    public GaitStyle withShuffle(double s) {
        return new GaitStyle(asymmetry, s, cane, sway, bounce, legScale);
    }

    /** This style with or without a cane. */
    public GaitStyle withCane(boolean c) {
        return new GaitStyle(asymmetry, shuffle, c, sway, bounce, legScale);
    }

    /** This style with a lateral sway factor. */
    public GaitStyle withSway(double s) {
        return new GaitStyle(asymmetry, shuffle, cane, s, bounce, legScale);
    }

    /** This style with a pelvis bounce factor. */
    public GaitStyle withBounce(double b) {
        return new GaitStyle(asymmetry, shuffle, cane, sway, b, legScale);
    }

    /** This style for a wearer of the given body height in metres (leg length scales with it). */
    public GaitStyle withHeight(double metres) {
        return new GaitStyle(asymmetry, shuffle, cane, sway, bounce, metres / REFERENCE_HEIGHT_M);
    }

    /** Body height of the reference adult the default step lengths are for, m. */
    public static final double REFERENCE_HEIGHT_M = 1.75;
}
