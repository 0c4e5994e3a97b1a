package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.backstep.config.Config;
import org.backstep.config.Keys;
import org.backstep.event.Direction;
import org.backstep.hw.DeviceException;
import org.backstep.hw.NanoClock;
import org.backstep.hw.Sleeper;
import org.backstep.hw.mpu6050.Mpu6050Settings;
import org.backstep.hw.pi4j.Pi4jHardware;
import org.backstep.hw.sim.SampleSource;
import org.backstep.hw.sim.SimulatedMpu6050;
import org.backstep.sim.Scenarios;
import org.backstep.sim.Simulation;
import org.backstep.store.Store;
import org.backstep.store.TimeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live loop of {@code run} end to end on the simulated chip behind Pi4J, on injected time:
 * steps reach the journal, the buzzer plays each milestone once, and a restart neither loses the
 * day's count nor announces a milestone again.
 */
class DeviceTest {
    @TempDir
    Path state;

    private final double[] now = {0};
    private final NanoClock clock = () -> (long) (now[0] * 1e9);
    private final Sleeper sleeper = nanos -> now[0] += nanos / 1e9;
    private final List<String> played = new ArrayList<>();
    private final PatternSink sink = new PlayedPatterns(played);

    private final AppConfig cfg = AppConfig.of(Config.builder()
            .set(Keys.GOAL_TARGET_BACKWARD_STEPS, 30).set(Keys.GOAL_LIMIT_BACKWARD_STEPS, 50).build());

    /** One session: the walk through chip, driver, loop, pipeline and journal; returns the backward steps. */
    private long session(Simulation sim) throws Exception {
        now[0] = 0;
        SimulatedMpu6050 chip = new SimulatedMpu6050(new SimulationSource(sim), () -> now[0]);
        try (Pi4jHardware hw = Pi4jHardware.simulated(Mpu6050Settings.defaults(), chip, sleeper, clock);
             Store store = Store.open(state, cfg.store(), TimeSource.host(ZoneOffset.UTC))) {
            Device d = Device.create(cfg, null, hw, store, sink, null, clock, 20, () -> LocalTime.NOON);
            for (int i = 0; i < 100_000 && !chip.exhausted(); i++) {
                d.loop().pollOnce();
                now[0] += 0.02;
            }
            d.loop().pollOnce();
            d.close();
            assertEquals(0, d.loop().imuErrors());
            return d.steps(Direction.BACKWARD);
        }
    }

    private int backwardToday() throws Exception {
        try (Store store = Store.open(state, cfg.store(), TimeSource.host(ZoneOffset.UTC))) {
            return store.backwardStepsToday();
        }
    }

    @Test
    void milestonesOnceAndCountsSurviveARestart() throws Exception {
        long first = session(Scenarios.base(41).stand(6).walk(Direction.BACKWARD, 60, 85).stand(4).build().run());
        assertTrue(Math.abs(first - 60) <= 2, "backward steps " + first);
        assertEquals(1, played.stream().filter("target"::equals).count(), played.toString());
        assertEquals(1, played.stream().filter("limit"::equals).count(), played.toString());
        assertTrue(played.contains("ready"), "the upright reference was confirmed: " + played);
        assertEquals(first, backwardToday(), "every step reached the journal");

        played.clear();
        long second = session(Scenarios.base(42).stand(6).walk(Direction.BACKWARD, 20, 85).stand(4).build().run());
        assertTrue(second >= 18, "backward steps " + second);
        assertEquals(0, played.stream().filter(p -> p.equals("target") || p.equals("limit")).count(),
                "after a restart the day's milestones are not announced again: " + played);
        assertEquals(first + second, backwardToday(), "the day's count continues across the restart");
    }

    @Test
    void aChipResetMidWalkIsHeardOnceJournalledAsAGapAndCountingResumes() throws Exception {
        Simulation sim = Scenarios.base(43).stand(6).walk(Direction.BACKWARD, 40, 85).stand(4).build().run();
        now[0] = 0;
        SimulatedMpu6050 chip = new SimulatedMpu6050(new SimulationSource(sim), () -> now[0]);
        long backward;
        try (Pi4jHardware hw = Pi4jHardware.simulated(Mpu6050Settings.defaults(), chip, sleeper, clock);
             Store store = Store.open(state, cfg.store(), TimeSource.host(ZoneOffset.UTC))) {
            Device d = Device.create(cfg, null, hw, store, sink, null, clock, 20, () -> LocalTime.NOON);
            boolean reset = false;
            for (int i = 0; i < 100_000 && !chip.exhausted(); i++) {
                if (!reset && now[0] >= 20) {
                    chip.powerOnReset();           // a brown-out in the middle of the backward walk
                    reset = true;
                }
                now[0] += d.loop().pollOnce() / 1e9;
            }
            d.close();
            assertEquals(1, d.loop().episodes());
            backward = d.steps(Direction.BACKWARD);
        }
        assertEquals(1, played.stream().filter("sensor_fault"::equals).count(), played.toString());
        assertTrue(backward >= 36 && backward <= 41, "counting resumed after the reset: " + backward);
        List<String> gaps = sensorGaps();
        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).contains("\"cause\":\"reset\""), gaps.get(0));
        long gapMs = Long.parseLong(gaps.get(0).replaceAll(".*\"gap_ms\":(\\d+).*", "$1"));
        assertTrue(gapMs > 40 && gapMs < 400, "the gap's length: " + gapMs + " ms");
    }

    /**
     * A loose wire for seconds: stream time continues from where it was, so the engine sees the walk
     * before the outage spliced onto whatever follows it. The steps taken during the outage are lost
     * (nothing measured them); the splice must add none, whether the walk goes on or has ended.
     */
    @Test
    void aLongOutageLosesTheStepsTakenDuringItAndTheSpliceAddsNone() throws Exception {
        double[][] outages = {{15, 21}, {15, 30}, {33, 45}};   // mid-walk; most of the walk; its end and the standing after it
        for (double[] o : outages) {
            Simulation sim = Scenarios.base(43).stand(6).walk(Direction.BACKWARD, 40, 85).stand(20).build().run();
            now[0] = 0;
            SimulatedMpu6050 chip = new SimulatedMpu6050(new SimulationSource(sim), () -> now[0]);
            long backward, forward;
            try (Pi4jHardware hw = Pi4jHardware.simulated(Mpu6050Settings.defaults(), chip, sleeper, clock);
                 Store store = Store.open(state, cfg.store(), TimeSource.host(ZoneOffset.UTC))) {
                Device d = Device.create(cfg, null, hw, store, sink, null, clock, 20, () -> LocalTime.NOON);
                boolean out = false, back = false;
                for (int i = 0; i < 100_000 && !chip.exhausted(); i++) {
                    if (!out && now[0] >= o[0]) {
                        chip.unplug();
                        out = true;
                    }
                    if (!back && now[0] >= o[1]) {
                        chip.replug();
                        back = true;
                    }
                    now[0] += d.loop().pollOnce() / 1e9;
                }
                d.close();
                backward = d.steps(Direction.BACKWARD);
                forward = d.steps(Direction.FORWARD);
            }
            // the steps whose contact fell in the outage, or so close after it that the FIFO had not restarted
            long lost = sim.truth().steps().stream().filter(s -> s.time() >= o[0] && s.time() < o[1] + 0.5).count();
            long expected = sim.truth().steps().size() - lost;
            String what = "outage " + o[0] + " to " + o[1] + " s: " + backward + " backward, " + expected + " expected";
            assertTrue(backward <= expected + 1 && backward >= expected - 2, what);
            assertEquals(0, forward, what);
        }
    }

    private List<String> sensorGaps() throws java.io.IOException {
        try (Stream<Path> files = Files.walk(state.resolve("journal"))) {
            return files.filter(Files::isRegularFile).sorted().flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(l -> l.contains("\"sensor_gap\"")).collect(Collectors.toList());
        }
    }

    @Test
    void aSessionEndingWhileTheChipIsUnpluggedJournalsTheGapSoFar() throws Exception {
        Simulation sim = Scenarios.base(44).stand(6).walk(Direction.BACKWARD, 20, 85).stand(4).build().run();
        double closedAfter;
        now[0] = 0;
        SimulatedMpu6050 chip = new SimulatedMpu6050(new SimulationSource(sim), () -> now[0]);
        try (Pi4jHardware hw = Pi4jHardware.simulated(Mpu6050Settings.defaults(), chip, sleeper, clock);
             Store store = Store.open(state, cfg.store(), TimeSource.host(ZoneOffset.UTC))) {
            Device d = Device.create(cfg, null, hw, store, sink, null, clock, 20, () -> LocalTime.NOON);
            while (now[0] < 10) now[0] += d.loop().pollOnce() / 1e9;
            chip.unplug();
            while (now[0] < 25) now[0] += d.loop().pollOnce() / 1e9;
            closedAfter = now[0] - 10;
            d.close();
        }
        assertEquals(1, played.stream().filter("sensor_fault"::equals).count(), "heard once in 15 s of retries: " + played);
        List<String> gaps = sensorGaps();
        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).contains("\"cause\":\"bus\"") && gaps.get(0).contains("\"ongoing\":true"), gaps.get(0));
        long gapMs = Long.parseLong(gaps.get(0).replaceAll(".*\"gap_ms\":(\\d+).*", "$1"));
        assertTrue(closedAfter > 15, "retried for " + closedAfter + " s");
        assertEquals(closedAfter * 1000, gapMs, 100, "from the last sample to the session's end");
    }

    @Test
    void aChipUnpluggedAtStartIsAwaitedHeardOnceAndCountedFromWhenItAnswers() throws Exception {
        Simulation sim = Scenarios.base(45).stand(12).walk(Direction.BACKWARD, 20, 85).stand(4).build().run();
        now[0] = 0;
        SimulatedMpu6050 chip = new SimulatedMpu6050(new SimulationSource(sim), () -> now[0]);
        chip.unplug();                              // off the bus when the service starts
        List<Double> tries = new ArrayList<>();
        long backward;
        double answeredAt;
        try (Pi4jHardware hw = Pi4jHardware.simulated(Mpu6050Settings.defaults(), chip, sleeper, clock, true);
             Store store = Store.open(state, cfg.store(), TimeSource.host(ZoneOffset.UTC))) {
            assertTrue(hw.imu().missing().startsWith("no IMU answering on i2c bus 1 at 0x68"), hw.imu().missing());
            assertTrue(hw.describe().startsWith("waiting for the IMU"), hw.describe());
            Device d = Device.create(cfg, null, hw, store, sink, null, clock, 20, () -> LocalTime.NOON);
            while (now[0] < 6) {
                long errors = d.loop().imuErrors();
                now[0] += d.loop().pollOnce() / 1e9;
                if (d.loop().imuErrors() > errors) tries.add(now[0]);
            }
            assertEquals("absent", d.loop().faultCause());
            chip.replug();
            answeredAt = now[0];
            for (int i = 0; i < 100_000 && !chip.exhausted(); i++) now[0] += d.loop().pollOnce() / 1e9;
            d.close();
            assertEquals(null, hw.imu().missing(), "the chip was found");
            assertEquals(1, d.loop().episodes());
            assertEquals(1, d.loop().reinitializations(), "opened once, when it answered");
            backward = d.steps(Direction.BACKWARD);
            double samplesExpected = (now[0] - answeredAt) * 100;
            assertEquals(samplesExpected, d.loop().samples(), 120, "counted from when the chip answered");
        }
        assertTrue(tries.size() >= 6, "retried while absent: " + tries);
        for (int i = 1; i < tries.size(); i++) {
            assertTrue(tries.get(i) - tries.get(i - 1) <= 2.0 + 1e-9, "tries at most 2 s apart: " + tries);
        }
        assertEquals(1, played.stream().filter("sensor_fault"::equals).count(), "heard once: " + played);
        assertTrue(backward >= 18 && backward <= 21, "the walk after the chip answered is counted: " + backward);
        List<String> gaps = sensorGaps();
        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).contains("\"cause\":\"absent\"") && !gaps.get(0).contains("\"ongoing\":true"), gaps.get(0));
        long gapMs = Long.parseLong(gaps.get(0).replaceAll(".*\"gap_ms\":(\\d+).*", "$1"));
        assertTrue(gapMs >= 6000 && gapMs < 7300, "from the start to the chip's first samples: " + gapMs + " ms");
    }

    @Test
    void aWrongChipAtStartStillFailsWithOneLineWhenTheImuIsAwaited() {
        SimulatedMpu6050 chip = new SimulatedMpu6050(SampleSource.atRest(), () -> now[0]);
        chip.answerWhoAmI(0x70);                   // an MPU-6500 where imu.chip says MPU-6050
        DeviceException e = assertThrows(DeviceException.class,
                () -> Pi4jHardware.simulated(Mpu6050Settings.defaults(), chip, sleeper, clock, true));
        assertTrue(e.getMessage().startsWith("no MPU-6050 on i2c bus 1 address 0x68: WHO_AM_I read 0x70"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertEquals("imu", e.device());
    }
}
