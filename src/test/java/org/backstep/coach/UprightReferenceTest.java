package org.backstep.coach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backstep.coach.UprightReference.State;
import org.junit.jupiter.api.Test;

/** The upright frame: its states, and up, forward and left built from a tilted up vector. */
class UprightReferenceTest {
    private static final double EPS = 1e-12;

    @Test
    void statesTellWhatAFrameMayBeUsedFor() {
        assertFalse(State.NONE.framed());
        assertTrue(State.BLIND.framed());
        assertFalse(State.BLIND.judged());
        assertTrue(State.PROVISIONAL.judged());
        assertTrue(State.TAKEN.judged());
        UprightReference r = new UprightReference(null);
        assertEquals(State.NONE, r.state());
        r.take(new double[] {1, 0, 0}, State.BLIND);
        assertEquals(State.BLIND, r.state());
        r.take(new double[] {1, 0, 0}, State.TAKEN);
        assertEquals(State.TAKEN, r.state());
    }

    /** A configured forward axis tilted 20 degrees with the mount is made horizontal; left completes a right-handed frame. */
    @Test
    void configuredForwardIsMadeHorizontal() {
        double a = Math.toRadians(20);
        double[] up = {Math.cos(a), 0, Math.sin(a)};
        UprightReference r = new UprightReference(new double[] {0, 0, -1});
        r.take(up, State.TAKEN);
        assertEquals(0, UprightReference.dot(r.f0, r.u0), EPS);
        assertEquals(1, UprightReference.dot(r.f0, r.f0), EPS);
        assertArrayEquals(new double[] {Math.sin(a), 0, -Math.cos(a)}, r.f0, EPS);
        // left = up x forward
        assertArrayEquals(new double[] {0, 1, 0}, r.l0, EPS);
    }

    /** Without a configured axis the most horizontal sensor axis stands in; a forward learned from walking survives a new reference. */
    @Test
    void aLearnedForwardSurvivesRetakingTheReference() {
        UprightReference r = new UprightReference(null);
        r.take(new double[] {1, 0, 0}, State.PROVISIONAL);
        assertArrayEquals(new double[] {0, 1, 0}, r.f0, EPS);
        assertFalse(r.axisLearned());
        r.learnForward(Math.PI / 2); // a quarter turn towards left (up x forward = +z): forward was +y, now +z
        assertTrue(r.axisLearned());
        assertArrayEquals(new double[] {0, 0, 1}, r.f0, EPS);
        r.take(new double[] {Math.cos(0.1), 0, Math.sin(0.1)}, State.TAKEN);
        assertEquals(0, UprightReference.dot(r.f0, r.u0), EPS);
        assertTrue(r.f0[2] > 0.99, "forward kept: " + java.util.Arrays.toString(r.f0));
    }
}
