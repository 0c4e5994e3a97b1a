package org.backstep.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.backstep.core.Axis;
import org.backstep.event.Direction;
import org.backstep.hw.mpu6050.Mpu6050Settings;

/**
 * A seeded population of simulated wearers, each drawn from documented ranges, each walking a
 * session of bouts of varied length, forward and backward, with curves, turns and pauses. The same
 * seed gives the same walkers, sample for sample.
 *
 * <p>Ranges and where they come from (the README's "Simulated population" lists the same):
 * <ul>
 * <li><b>Cadence</b> 40 to 130 steps/min, uniform: healthy older adults walk at about 100 to 115
 * (Hollman et al. 2011, Gait Posture 34:111), people with Parkinson's disease keep their cadence
 * and shorten their steps (Morris et al. 1994, JNNP 57:1532; Hass et al. 2012, PLoS One
 * 7:e42337), frail and aided walkers go down to 0.2 to 0.4 m/s (Studenski et al. 2011, JAMA
 * 305:50), i.e. 40 to 70 steps/min. {@value #VERY_SLOW_SHARE} of walkers are slower still, 15 to
 * 40 steps/min (steps 1.5 to 4 s apart: walking aids, advanced neurological disease).</li>
 * <li><b>Backward</b> cadence is 75 to 100 % of the walker's forward cadence, steps 40 to 60 %
 * shorter (Laufer 2005, J Gerontol A 60:627, backward walking in young and older adults: slower,
 * shorter steps, longer double support); backward walking is modelled by {@link GaitBout}'s own
 * parameters, not time-reversed.</li>
 * <li><b>Step-time asymmetry</b> up to 1:2 (long/short step time): hemiparetic gait reaches swing
 * and step-time ratios of 1.5 to over 2 (Patterson et al. 2008, Arch Phys Med Rehabil 89:304); a quarter
 * of the walkers limp (1.2 to 2.0), the rest are near symmetric (1.0 to 1.08).</li>
 * <li><b>Step-to-step variability</b> 1 to 15 % (relative SD of step time): stride-time CV is 1 to
 * 3 % in healthy adults and 4 to 10 % and more in Parkinson's disease, fallers and dementia
 * (Hausdorff 2005, J NeuroEng Rehabil 2:19); drawn skewed toward the healthy end.</li>
 * <li><b>Cane</b> for {@value #CANE_SHARE} of walkers: a cane carries 10 to 25 % of body weight
 * (unloads the weak leg) and strikes the ground during its swing; cane users walk at 40 to 90
 * steps/min.</li>
 * <li><b>Shuffling</b> for {@value #SHUFFLE_SHARE} of walkers (0.3 to 1): steps 0.2 to 0.4 m,
 * flat-foot contacts (Parkinsonian gait, Morris 1994).</li>
 * <li><b>Trunk sway</b> 0.7 to 1.3 times the default lateral motion (pelvis about 4 cm side to side
 * and 4 degrees of roll each way), 1.3 to 2.5 times for the {@value #UNSTEADY_SHARE} who are
 * unsteady: fallers and people with ataxia or a Trendelenburg gait sway about twice as much side to
 * side (Menz, Lord and Fitzpatrick 2003, Gait Posture 18:35); <b>stoop</b> 5 to 30 degrees
 * for a third of the walkers (kyphotic older adults), else 0 to 5; <b>body height</b> 1.50 to
 * 1.95 m (adult 5th to 95th percentile), legs and steps scale with it; <b>pelvis bounce</b> 0.6 to
 * 1.4 times what speed and leg length give (vertical COM excursion of 2 to 5 cm across people).</li>
 * <li><b>Mounting</b>: any of the six forward axes the device accepts, tilted up to 40 degrees
 * either way about the wearer's left axis, and turned up to 45 degrees about the vertical (with
 * the forward axis the nearest one, that is any yaw round the belt); the device is told the
 * nominal forward axis, as a wearer reading the case would set it.</li>
 * <li><b>Sensor noise</b> 1 to 4 times the MPU-6050's datasheet density (product specification
 * PS-MPU-6000A-00 rev 3.4: accelerometer 400 µg/√Hz, section 6.2; gyroscope 0.005 °/s/√Hz,
 * section 6.1) over the bandwidth of the low-pass filter the driver picks for the rate
 * ({@link Mpu6050Settings}); quantized at the driver's ±4 g and ±500 °/s.</li>
 * <li><b>Rate</b> 50, 100, 200 or 400 Hz.</li>
 * <li><b>Session</b>: stand 3 to 6 s, then {@value #MIN_BOUTS} to {@value #MAX_BOUTS} bouts, each
 * forward or backward, short (3 to 10 steps, the everyday kind), medium (10 to 30) or long (30 to
 * 60), made of one to three walks that bend by up to 180 degrees (backward: 90); between bouts a
 * pause of 1.5 to 8 s, sometimes after a turn in place.</li>
 * </ul>
 */
public final class Population {
    /** Share of walkers slower than the cadence range, 15 to 40 steps/min. */
    public static final double VERY_SLOW_SHARE = 0.08;
    public static final double CANE_SHARE = 0.2;
    /** Share of walkers with a large side-to-side sway (1.3 to 2.5 times the default). */
    public static final double UNSTEADY_SHARE = 0.2;
    public static final double SHUFFLE_SHARE = 0.2;
    public static final double LIMP_SHARE = 0.25;
    static final int MIN_BOUTS = 3;
    /** Mixed into a walker's seed for its knee-flexion session, so it is not its everyday session. */
    private static final long KNEE_SESSION_SEED = 0x4B4E4545L;
    static final int MAX_BOUTS = 5;
    /** MPU-6050 accelerometer noise density, g/√Hz (PS-MPU-6000A-00 §6.2). */
    static final double ACCEL_NOISE_DENSITY_G = 400e-6;
    /** MPU-6050 gyroscope rate noise density, °/s/√Hz (PS-MPU-6000A-00 §6.1). */
    static final double GYRO_NOISE_DENSITY_DPS = 0.005;
    /** Residual gyro bias after the session's own zeroing, rad/s (as {@link SensorModel#DEFAULT}). */
    static final double GYRO_BIAS = 0.005;
    /** The driver's full-scale ranges (Mpu6050Settings defaults). */
    static final double ACCEL_RANGE_G = 4;
    static final double GYRO_RANGE_DPS = 500;
    private static final double[] RATES = {50, 100, 200, 400};
    private static final Axis[] FORWARD_AXES = Axis.values();

    /** One scripted bout: consecutive walks in one direction, flowing into each other. */
    public record Bout(Direction direction, int steps, double spm, double turnDeg, int walks) {
    }

    /**
     * One simulated wearer and the session it walks.
     *
     * @param cadenceSpm forward cadence; backward bouts walk at {@code backwardCadenceSpm}
     * @param variability relative SD of step time
     * @param stoopDeg  forward trunk lean while walking
     * @param noiseFactor sensor noise in multiples of the datasheet density
     */
    public record Walker(int id, long seed, double cadenceSpm, double backwardCadenceSpm, GaitStyle style,
                         double variability, double stoopDeg, double heightM, Mounting mounting, double noiseFactor,
                         double rateHz, List<Bout> bouts, Scenario scenario) {
        public boolean limping() {
            return style.asymmetry() >= 1.2;
        }

        /**
         * This walker walking with straight knees, then bent ones, for bent-knee alerts judged
         * against the walker's own straight-knee gait: stand 5 s, {@code steps} steps in
         * {@code direction} at the walker's cadence for it, stand 4 s, the same walk with
         * {@code flexionDeg} of knee flexion ({@link Walk#kneeFlexion(double)}; its truth is a
         * {@link Interval.Kind#KNEE_BENT} interval over that walk), stand 3 s. Same mounting,
         * sensor, rate and style as the walker's session.
         */
        public Scenario kneeFlexionSession(Direction direction, double flexionDeg, int steps) {
            return kneeFlexionScript(direction, flexionDeg, steps).stand(3).build();
        }

        /**
         * {@link #kneeFlexionSession} without its final stand: the builder, for a longer script
         * (more straight-knee walking, several flexions) in the walker's own gait.
         */
        public Scenario.Builder kneeFlexionScript(Direction direction, double flexionDeg, int steps) {
            Walk straight = walk(direction, steps);
            return Scenario.builder(seed ^ KNEE_SESSION_SEED).rateHz(rateHz).mounting(mounting)
                    .sensor(sensorFor(rateHz, noiseFactor)).stand(5).walk(straight).stand(4)
                    .walk(straight.kneeFlexion(flexionDeg));
        }

        /** A straight-knee walk of this walker: its cadence for the direction, variability, style and stoop. */
        public Walk walk(Direction direction, int steps) {
            double spm = direction == Direction.FORWARD ? cadenceSpm : backwardCadenceSpm;
            return Walk.of(direction, steps, spm).irregularity(variability).style(style).lean(stoopDeg);
        }

        /** Sways side to side clearly more than the default (the unsteady share). */
        public boolean swaying() {
            return style.sway() >= 1.3;
        }

        public boolean shuffling() {
            return style.shuffle() >= 0.3;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "walker %d: %.0f/%.0f spm, asym %.2f, var %.0f%%, %s%sshuffle %.1f, sway %.1f, stoop %.0f deg, %.2f m, "
                            + "forward %s tilt %.0f yaw %.0f deg, noise x%.1f, %.0f Hz",
                    id, cadenceSpm, backwardCadenceSpm, style.asymmetry(), 100 * variability, style.cane() ? "cane, " : "",
                    limping() ? "limp, " : "", style.shuffle(), style.sway(), stoopDeg, heightM, mounting.forward(),
                    mounting.tiltDeg(), mounting.yawDeg(), noiseFactor, rateHz);
        }
    }

    private Population() {
    }

    /** The first {@code n} walkers of population {@code seed}. */
    public static List<Walker> draw(long seed, int n) {
        if (n < 1) throw new IllegalArgumentException("population size must be at least 1, got " + n);
        List<Walker> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(walker(seed, i));
        return out;
    }

    /** Walker {@code id} of population {@code seed}; independent of how many are drawn. */
    public static Walker walker(long seed, int id) {
        // mixed (SplitMix64), so that neighbouring walkers' first draws are independent: java.util.Random's
        // first outputs for seeds that differ by a constant step are correlated
        long ws = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id).nextLong();
        Random r = new Random(ws);
        boolean cane = r.nextDouble() < CANE_SHARE;
        boolean shuffles = r.nextDouble() < SHUFFLE_SHARE;
        boolean limps = r.nextDouble() < LIMP_SHARE;
        boolean verySlow = r.nextDouble() < VERY_SLOW_SHARE;
        boolean unsteady = r.nextDouble() < UNSTEADY_SHARE;
        double cadence = verySlow ? uniform(r, Walk.MIN_SPM, 40) : cane ? uniform(r, 40, 90) : uniform(r, 40, 130);
        double backward = Math.max(Walk.MIN_SPM, cadence * uniform(r, 0.75, 1.0));
        double u = r.nextDouble();
        double variability = 0.01 + 0.14 * u * u;
        double height = uniform(r, 1.50, 1.95);
        GaitStyle style = new GaitStyle(limps ? uniform(r, 1.2, 2.0) : uniform(r, 1.0, 1.08),
                shuffles ? uniform(r, 0.3, 1.0) : uniform(r, 0, 0.15), cane,
                unsteady ? uniform(r, 1.3, 2.5) : uniform(r, 0.7, 1.3), uniform(r, 0.6, 1.4),
                height / GaitStyle.REFERENCE_HEIGHT_M);
        double stoop = r.nextDouble() < 1 / 3.0 ? uniform(r, 5, 30) : uniform(r, 0, 5);
        Mounting mounting = new Mounting(FORWARD_AXES[r.nextInt(FORWARD_AXES.length)], uniform(r, -40, 40), uniform(r, -45, 45));
        double noise = uniform(r, 1, 4);
        double rate = RATES[r.nextInt(RATES.length)];

        Scenario.Builder b = Scenario.builder(ws).rateHz(rate).mounting(mounting).sensor(sensorFor(rate, noise))
                .stand(uniform(r, 3, 6));
        List<Bout> bouts = new ArrayList<>();
        int nb = MIN_BOUTS + r.nextInt(MAX_BOUTS - MIN_BOUTS + 1);
        for (int k = 0; k < nb; k++) {
            if (k > 0) {
                if (r.nextDouble() < 0.3) b.turn((r.nextBoolean() ? 1 : -1) * uniform(r, 90, 180));
                b.stand(uniform(r, 1.5, 8));
            }
            Direction dir = r.nextBoolean() ? Direction.FORWARD : Direction.BACKWARD;
            double spm = (dir == Direction.FORWARD ? cadence : backward) * uniform(r, 0.95, 1.05);
            spm = Math.max(Walk.MIN_SPM, spm);
            double kind = r.nextDouble();
            int steps = kind < 0.3 ? 3 + r.nextInt(8) : kind < 0.8 ? 10 + r.nextInt(21) : 30 + r.nextInt(31);
            // keep a very slow walker's bout under a minute
            steps = Math.max(3, Math.min(steps, (int) (spm)));
            int walks = steps < 6 ? 1 : 1 + r.nextInt(3);
            double maxTurn = dir == Direction.FORWARD ? 180 : 90;
            double turnTotal = 0;
            int left = steps;
            for (int w = 0; w < walks; w++) {
                int s = w == walks - 1 ? left : Math.max(1, left / (walks - w) + r.nextInt(3) - 1);
                s = Math.min(s, left - (walks - 1 - w));
                left -= s;
                double turn = r.nextDouble() < 0.5 ? 0 : (r.nextBoolean() ? 1 : -1) * uniform(r, 30, maxTurn);
                turnTotal += Math.abs(turn);
                Walk walk = Walk.of(dir, s, spm).irregularity(variability).style(style).lean(stoop);
                if (turn != 0) walk = walk.turn(turn);
                b.walk(walk);
            }
            bouts.add(new Bout(dir, steps, spm, turnTotal, walks));
        }
        b.stand(uniform(r, 2, 4));
        return new Walker(id, ws, cadence, backward, style, variability, stoop, height, mounting, noise, rate,
                List.copyOf(bouts), b.build());
    }

    /** Datasheet noise times {@code factor} over the DLPF bandwidth the driver picks at {@code rateHz}. */
    public static SensorModel sensorFor(double rateHz, double factor) {
        Mpu6050Settings s = Mpu6050Settings.builder().rateHz((int) rateHz).build();
        double accel = factor * ACCEL_NOISE_DENSITY_G * Kinematics.G * Math.sqrt(s.dlpfAccelBandwidthHz());
        double gyro = factor * Math.toRadians(GYRO_NOISE_DENSITY_DPS) * Math.sqrt(s.dlpfGyroBandwidthHz());
        return new SensorModel(accel, gyro, GYRO_BIAS, 0, 0).quantized(ACCEL_RANGE_G, GYRO_RANGE_DPS);
    }

    private static double uniform(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }
}
