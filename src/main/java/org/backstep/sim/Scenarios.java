package org.backstep.sim;

import org.backstep.core.Axis;
import org.backstep.event.Direction;

/** Ready-made scripts, 100 Hz, forward axis -z with a 10 deg tilt, default sensor noise. */
public final class Scenarios {
    /** Default mounting tilt of the ready-made scripts, degrees. */
    public static final double TILT_DEG = 10;

    private Scenarios() {
    }

    /** A builder with the defaults of this class, for variations of the scripts. */
    public static Scenario.Builder base(long seed) {
        return Scenario.builder(seed).rateHz(100).mounting(Axis.MINUS_Z, TILT_DEG);
    }

    /**
     * The demo (about 200 s): stand 6 s, 20 forward steps at 105 spm, a pause, then 230 backward
     * steps at 85 spm: 60 plain, 12 leaning forward 20 deg (about 8.5 s), 30 plain, 15 with bent
     * knees, 25 with a stumble at the 10th, a 5 s pause, 88 more; ends standing 5 s.
     */
    public static Scenario demo(long seed) {
        return demo(seed, 100, Axis.MINUS_Z);
    }

    /** The demo at another sample rate and mounting (forward axis, with the default tilt). */
    public static Scenario demo(long seed, double rateHz, Axis forward) {
        return Scenario.builder(seed).rateHz(rateHz).mounting(forward, TILT_DEG).stand(6)
                .walk(Direction.FORWARD, 20, 105)
                .stand(4)
                .walk(Direction.BACKWARD, 60, 85)
                .walk(Walk.of(Direction.BACKWARD, 12, 85).lean(20))
                .walk(Direction.BACKWARD, 30, 85)
                .walk(Walk.of(Direction.BACKWARD, 15, 85).kneeBend(0.7))
                .walk(Walk.of(Direction.BACKWARD, 25, 85).stumbleAt(10))
                .stand(5)
                .walk(Direction.BACKWARD, 88, 85)
                .stand(5)
                .build();
    }

    /**
     * Bent knees against the same walker's straight knees: stand 5 s, 30 steps in
     * {@code direction} (forward 105 spm, backward 85), stand 4 s, 30 more with
     * {@code flexionDeg} of knee flexion ({@link Walk#kneeFlexion(double)}), stand 3 s. For a
     * population walker see {@link Population.Walker#kneeFlexionSession}.
     */
    public static Scenario kneeFlexion(long seed, Direction direction, double flexionDeg) {
        Walk straight = Walk.of(direction, 30, direction == Direction.FORWARD ? 105 : 85);
        return base(seed).stand(5).walk(straight).stand(4).walk(straight.kneeFlexion(flexionDeg)).stand(3).build();
    }

    /** Stand 5 s, 40 forward steps at 110 spm, stand 3 s. */
    public static Scenario forwardWalk(long seed) {
        return base(seed).stand(5).walk(Direction.FORWARD, 40, 110).stand(3).build();
    }

    /** Stand 5 s, 40 backward steps at 85 spm, stand 3 s. */
    public static Scenario backwardWalk(long seed) {
        return base(seed).stand(5).walk(Direction.BACKWARD, 40, 85).stand(3).build();
    }

    /** Stand 5 s, 20 forward at 105 spm, stand 4 s, 30 backward at 85 spm, stand 3 s. */
    public static Scenario mixed(long seed) {
        return base(seed).stand(5).walk(Direction.FORWARD, 20, 105).stand(4)
                .walk(Direction.BACKWARD, 30, 85).stand(3).build();
    }

    /** Slow backward walking: stand 5 s, 30 steps at 60 spm, stand 3 s. */
    public static Scenario slowWalk(long seed) {
        return slowWalk(seed, Direction.BACKWARD);
    }

    /** Slow walking in a given direction: stand 5 s, 30 steps at 60 spm, stand 3 s. */
    public static Scenario slowWalk(long seed, Direction direction) {
        return base(seed).stand(5).walk(direction, 30, 60).stand(3).build();
    }

    /** Standing with postural sway for 60 s. */
    public static Scenario standingSway(long seed) {
        return base(seed).stand(60).build();
    }

    /** Stand 5 s, sit down, sit 10 s, stand up, stand 3 s. */
    public static Scenario sitDown(long seed) {
        return base(seed).stand(5).sitDown().sit(10).standUp().stand(3).build();
    }

    /** Stand 5 s, 12 backward steps at 85 spm, a fall from walking, lie still 10 s. */
    public static Scenario fall(long seed, FallKind kind) {
        return base(seed).stand(5).walk(Direction.BACKWARD, 12, 85).fall(kind).lie(10).build();
    }

    /** Stand 5 s, a fall from standing, lie still 10 s. */
    public static Scenario fallFromStanding(long seed, FallKind kind) {
        return base(seed).stand(5).fall(kind).lie(10).build();
    }

    /** Everyday non-walking activity: stand, bend over, squat, fidget, turn, sit, car ride. */
    public static Scenario dailyLife(long seed) {
        return base(seed).stand(5).bendOver().stand(2).kneeBendStanding().stand(2).fidget(6).turn(90).stand(2)
                .sitDown().sit(5).standUp().stand(2).carInOut(20).stand(3).build();
    }
}
