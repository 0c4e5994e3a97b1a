package org.backstep.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** One Newton step from a close guess gives the reciprocal root within 4e-9; a far guess gets the exact root. */
class NormsTest {
    @Test
    void aCloseGuessIsRefinedAndAFarOneReplaced() {
        Random r = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            double s = Math.exp(6 * r.nextDouble() - 3);
            double exact = 1 / Math.sqrt(s);
            double near = exact * (1 + 4.9e-5 * (2 * r.nextDouble() - 1));
            assertEquals(exact, Norms.invSqrtNear(s, near), 4e-9 * exact, "near guess for " + s);
            double far = exact * (1 + 0.01 + r.nextDouble());
            assertEquals(exact, Norms.invSqrtNear(s, far), 0.0, "far guess for " + s);
        }
        // a unit vector nudged by a step of rotation: squared norm 1 + 1e-5, guess 1
        assertEquals(1 / Math.sqrt(1 + 1e-5), Norms.invSqrtNear(1 + 1e-5, 1), 1e-10);
    }
}
