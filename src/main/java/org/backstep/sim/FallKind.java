package org.backstep.sim;

/** The direction a simulated fall goes, relative to where the wearer faces. */
public enum FallKind {
    /** Falls on the face: ends prone, pitched +90 deg. */
    FORWARD,
    /** Falls on the back: ends supine, pitched -90 deg. */
    BACKWARD,
    /** Falls to the wearer's left side: ends rolled -90 deg. */
    LEFT,
    /** Falls to the wearer's right side: ends rolled +90 deg. */
    RIGHT
}
