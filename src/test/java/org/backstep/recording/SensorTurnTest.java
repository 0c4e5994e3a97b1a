package org.backstep.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.backstep.core.Axis;
import org.junit.jupiter.api.Test;

class SensorTurnTest {
    /** One sample at rest, z up, with a rotation about z (turning left). */
    private static Recording atRest(Axis forward) {
        double[] one = {0};
        return new Recording("r", Map.of("source", "test"), 100, forward, one,
                new double[] {0}, new double[] {0}, new double[] {9.81},
                new double[] {0}, new double[] {0}, new double[] {0.5});
    }

    @Test
    void aQuarterTurnAboutXPutsGravityOnYAndRelabelsTheFront() {
        Recording r = SensorTurn.parse("x:90").apply(atRest(Axis.MINUS_Z));
        assertArrayEquals(new double[] {0, 9.81, 0}, new double[] {r.ax()[0], r.ay()[0], r.az()[0]}, 1e-9,
                "the turned sensor's y axis now points up");
        assertArrayEquals(new double[] {0, 0.5, 0}, new double[] {r.gx()[0], r.gy()[0], r.gz()[0]}, 1e-9,
                "the turn rate about the vertical follows it");
        assertEquals(Axis.MINUS_Y, r.forwardAxis(), "the old -z now reads as -y");
        assertEquals("-y", r.metadata().get("forward_axis"));
        assertEquals("x:90", r.metadata().get("sensor_turn"));
        assertArrayEquals(new double[] {0, 0, 1}, SensorTurn.parse("x:90").back(new double[] {0, 1, 0}), 1e-9,
                "back maps the turned sensor's up to the old one");
    }

    @Test
    void turnsComposeAboutTheSensorsOwnAxesAndUndo() {
        Recording base = atRest(Axis.PLUS_X);
        Recording back = SensorTurn.parse("z:-40,y:25").apply(SensorTurn.parse("y:-25,z:40").apply(base));
        assertArrayEquals(new double[] {0, 0, 9.81}, new double[] {back.ax()[0], back.ay()[0], back.az()[0]}, 1e-9);
        assertArrayEquals(new double[] {0, 0, 0.5}, new double[] {back.gx()[0], back.gy()[0], back.gz()[0]}, 1e-9);
        assertEquals(Axis.PLUS_X, back.forwardAxis());
        // a 30 degree tilt keeps the label on the nearest axis; |specific force| is unchanged
        Recording tilted = SensorTurn.parse("y:30").apply(base);
        assertEquals(Axis.PLUS_X, tilted.forwardAxis());
        double n = Math.sqrt(tilted.ax()[0] * tilted.ax()[0] + tilted.ay()[0] * tilted.ay()[0] + tilted.az()[0] * tilted.az()[0]);
        assertEquals(9.81, n, 1e-9);
        assertEquals(-9.81 * Math.sin(Math.toRadians(30)), tilted.ax()[0], 1e-9, "tipped nose-down by 30 degrees about y");
    }

    @Test
    void anUnknownFrontStaysUnknown() {
        assertEquals(null, SensorTurn.parse("z:90").apply(atRest(null)).forwardAxis());
    }

    @Test
    void badSpecsGetOneLineReasons() {
        for (String bad : new String[] {"", "x", "w:10", "x:ten", "x:400", "x:10,,y:5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SensorTurn.parse(bad), bad);
            assertTrue(!e.getMessage().contains("\n") && e.getMessage().contains("sensor turn"), e.getMessage());
        }
    }
}
