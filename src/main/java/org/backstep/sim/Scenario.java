package org.backstep.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.backstep.core.Axis;
import org.backstep.event.Direction;

/**
 * A scripted, seeded scenario. Immutable; {@link #run()} is deterministic: the same scenario gives
 * bit-identical samples and truth on every run.
 *
 * <pre>{@code
 * Simulation sim = Scenario.builder(42).rateHz(100).mounting(Axis.MINUS_Z, 10)
 *         .stand(5).walk(Direction.BACKWARD, 30, 90).turn(180).sitDown().sit(5).standUp().stand(3)
 *         .build().run();
 * }</pre>
 */
public final class Scenario {
    /** Upright pelvis height in metres (world z). */
    static final double PELVIS_HEIGHT = 0.95;

    private final long seed;
    private final double rateHz;
    private final Mounting mounting;
    private final SensorModel sensor;
    private final List<Spec> specs;

    private Scenario(Builder b) {
        this.seed = b.seed;
        this.rateHz = b.rateHz;
        this.mounting = b.mounting;
        this.sensor = b.sensor;
        this.specs = List.copyOf(b.specs);
    }

    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    public long seed() { return seed; }

    public double rateHz() { return rateHz; }

    public Mounting mounting() { return mounting; }

    public SensorModel sensor() { return sensor; }

    List<Spec> specs() { return specs; }

    /** Synthesizes the samples and truth. */
    public Simulation run() {
        ScenarioCompiler.Result compiled = ScenarioCompiler.compile(specs, seed);
        return Kinematics.sample(this, compiled);
    }

    /** The same samples as {@link #run()}, rendered as they are read. */
    public SimulationStream stream() {
        return new SimulationStream(this);
    }

    /** A script item. */
    record Spec(Type type, double value, Walk walk, FallKind fall) {
        enum Type { STAND, WALK, TURN, SIT_DOWN, SIT, STAND_UP, BEND, SQUAT, FALL, LIE, GET_UP, FIDGET, VIBRATION, CAR_IN, CAR_OUT }

        static Spec of(Type type, double value) {
            return new Spec(type, value, null, null);
        }
    }

    /** Builds a scenario fluently; segments run in the order they are added. */
    public static final class Builder {
        private final long seed;
        private double rateHz = 100;
        private Mounting mounting = new Mounting(Axis.MINUS_Z, 0, 0);
        private SensorModel sensor = SensorModel.DEFAULT;
        private final List<Spec> specs = new ArrayList<>();

        private Builder(long seed) {
            this.seed = seed;
        }

        /** Output rate, 50..400 Hz (default 100). */
        public Builder rateHz(double hz) {
            if (!(hz >= 50 && hz <= 400)) throw new IllegalArgumentException("rate must be 50..400 Hz, got " + hz);
            this.rateHz = hz;
            return this;
        }

        /** Sensor forward axis and tilt about the wearer's left axis (see {@link Mounting}); default -z, 0 deg. */
        public Builder mounting(Axis forward, double tiltDeg) {
            this.mounting = new Mounting(forward, tiltDeg, mounting.yawDeg());
            return this;
        }

        public Builder mounting(Mounting m) {
            this.mounting = Objects.requireNonNull(m);
            return this;
        }

        /** Small yaw offset of the sensor, degrees. */
        public Builder mountingYaw(double deg) {
            this.mounting = new Mounting(mounting.forward(), mounting.tiltDeg(), deg);
            return this;
        }

        public Builder sensor(SensorModel s) {
            this.sensor = Objects.requireNonNull(s);
            return this;
        }

        /** No noise, no bias, no quantization: the exact kinematics. */
        public Builder ideal() {
            return sensor(SensorModel.IDEAL);
        }

        private Builder add(Spec s) {
            specs.add(s);
            return this;
        }

        private static double positive(double seconds) {
            if (!(seconds > 0 && seconds <= 36_000)) throw new IllegalArgumentException("duration must be 0..36000 s, got " + seconds);
            return seconds;
        }

        /** Standing still with postural sway. */
        public Builder stand(double seconds) {
            return add(Spec.of(Spec.Type.STAND, positive(seconds)));
        }

        public Builder walk(Direction direction, int steps, double spm) {
            return walk(Walk.of(direction, steps, spm));
        }

        /** A walk; consecutive walks flow into each other without stopping. */
        public Builder walk(Walk w) {
            return add(new Spec(Spec.Type.WALK, 0, Objects.requireNonNull(w), null));
        }

        /** Turns in place by {@code deg} (positive = to the left). */
        public Builder turn(double deg) {
            if (!(Math.abs(deg) > 0 && Math.abs(deg) <= 720)) throw new IllegalArgumentException("turn must be 0..720 deg, got " + deg);
            return add(Spec.of(Spec.Type.TURN, deg));
        }

        public Builder sitDown() {
            return add(Spec.of(Spec.Type.SIT_DOWN, 0));
        }

        public Builder sit(double seconds) {
            return add(Spec.of(Spec.Type.SIT, positive(seconds)));
        }

        public Builder standUp() {
            return add(Spec.of(Spec.Type.STAND_UP, 0));
        }

        /** Hip flexion down and back with straight knees, a short hold, and back up (about 4 s). */
        public Builder bendOver() {
            return add(Spec.of(Spec.Type.BEND, 0));
        }

        /** Squat-like knee bend with the trunk fairly upright, and back up (about 3.6 s). */
        public Builder kneeBendStanding() {
            return add(Spec.of(Spec.Type.SQUAT, 0));
        }

        /** A fall; right after a walk it starts during the last step (a fall from walking). Ends lying. */
        public Builder fall(FallKind kind) {
            return add(new Spec(Spec.Type.FALL, 0, null, Objects.requireNonNull(kind)));
        }

        /** Lying still (after a fall). */
        public Builder lie(double seconds) {
            return add(Spec.of(Spec.Type.LIE, positive(seconds)));
        }

        /** Getting up from lying to standing (3.5 s). */
        public Builder getUp() {
            return add(Spec.of(Spec.Type.GET_UP, 0));
        }

        /** Small random movements of the pelvis (a few cm, a few degrees). */
        public Builder fidget(double seconds) {
            return add(Spec.of(Spec.Type.FIDGET, positive(seconds)));
        }

        /** Vehicle vibration, broadband 5-30 Hz, about 0.7 m/s^2 RMS vertical. */
        public Builder vibration(double seconds) {
            return add(Spec.of(Spec.Type.VIBRATION, positive(seconds)));
        }

        /** Getting into a car seat: turn, duck, sit (5 s); ends sitting. */
        public Builder carIn() {
            return add(Spec.of(Spec.Type.CAR_IN, 0));
        }

        /** Getting out of a car seat (4.5 s); ends standing. */
        public Builder carOut() {
            return add(Spec.of(Spec.Type.CAR_OUT, 0));
        }

        /** Gets in, drives with vibration for {@code driveSeconds}, gets out. */
        public Builder carInOut(double driveSeconds) {
            return carIn().vibration(driveSeconds).carOut();
        }

        public Scenario build() {
            if (specs.isEmpty()) throw new IllegalStateException("scenario has no segments");
            ScenarioCompiler.check(specs);
            return new Scenario(this);
        }
    }
}
