package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.backstep.gait.Mounting;
import org.backstep.hw.NanoClock;
import org.backstep.hw.Sleeper;
import org.backstep.hw.buzzer.Pattern;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.pi4j.Pi4jHardware;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.backstep.sim.Scenario;
import org.backstep.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calibrate} end to end on the simulated chip behind Pi4J, on injected time. */
class CalibrationTest {
    @TempDir
    Path state;

    private final double[] now = {0};
    private final NanoClock clock = () -> (long) (now[0] * 1e9);
    private final Sleeper sleeper = nanos -> now[0] += nanos / 1e9;
    private final List<String> beeps = new ArrayList<>();
    private final PatternSink sink = new PatternSink() {
        @Override
        public boolean play(Pattern pattern, int priority) {
            beeps.add(pattern.name());
            return true;
        }

        @Override
        public void stop() {
        }
    };

    private Mounting calibrate(Simulation sim, StringWriter console) {
        SimulatedMpu6050 chip = new SimulatedMpu6050(new SimulationSource(sim), () -> now[0]);
        try (Pi4jHardware hw = Pi4jHardware.simulated(Mpu6050Settings.defaults(), chip, sleeper, clock)) {
            return Calibration.run(hw, 20, 60, new PrintWriter(console), sink, clock, sleeper);
        }
    }

    @Test
    void standStillThenTenForwardStepsLearnsTheFront() throws Exception {
        Simulation sim = Scenario.builder(31).rateHz(100).mounting(new org.backstep.sim.Mounting(Axis.PLUS_X, 20, 15))
                .stand(6).walk(Direction.FORWARD, 14, 105).stand(6).build().run();
        StringWriter console = new StringWriter();
        Mounting m = calibrate(sim, console);
        assertNotNull(m, console.toString());
        assertEquals(Axis.PLUS_X, m.nearestAxis());
        assertTrue(console.toString().contains("now walk forward"), console.toString());
        assertEquals(List.of("ready"), beeps, "the ready beep once the wearer stood still");

        CalibrateCommand cmd = new CalibrateCommand(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cmd.common = new CommonOptions();
        cmd.common.stateDir = state;
        try (org.backstep.store.Store store = org.backstep.store.Store.open(state, org.backstep.store.StoreSettings.defaults())) {
            assertEquals(0, cmd.save(m, store, sink));
        }
        Mounting back = MountingFile.read(state);
        assertEquals(Axis.PLUS_X, back.nearestAxis());
        assertEquals(m.forward()[0], back.forward()[0], 1e-6);
        assertTrue(Files.readString(MountingFile.path(state)).contains("nearest_axis=+x"));
    }

    @Test
    void withoutAWalkNothingIsLearnedOrSaved() throws Exception {
        Simulation sim = Scenario.builder(32).rateHz(100).mounting(Axis.MINUS_Z, 10).stand(30).build().run();
        Mounting m = calibrate(sim, new StringWriter());
        assertNull(m);
        StringWriter err = new StringWriter();
        CalibrateCommand cmd = new CalibrateCommand(new PrintWriter(new StringWriter()), new PrintWriter(err));
        cmd.common = new CommonOptions();
        cmd.common.stateDir = state;
        try (org.backstep.store.Store store = org.backstep.store.Store.open(state, org.backstep.store.StoreSettings.defaults())) {
            assertEquals(1, cmd.save(null, store, sink));
        }
        assertTrue(err.toString().startsWith("calibrate: no clear forward walk"), err.toString());
        assertNull(MountingFile.read(state));
    }

    @Test
    void aDamagedMountingFileIsAOneLineError() throws Exception {
        Files.writeString(MountingFile.path(state), "forward_x=abc\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MountingFile.read(state));
        assertTrue(e.getMessage().contains("forward_x = 'abc' is not a number"), e.getMessage());
    }
}
