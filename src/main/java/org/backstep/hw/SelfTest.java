package org.backstep.hw;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.backstep.core.ImuSink;
import org.backstep.hw.buzzer.Pattern;
import org.backstep.hw.buzzer.PatternPlayer;
import org.backstep.hw.buzzer.Patterns;

/**
 * Checks the unit: the IMU answers, one second of data at rest is plausible (|a| near g, gyro small,
 * rate as configured, nothing lost), and every buzzer pattern plays. Prints one line per check and a
 * final {@code RESULT: PASS} or {@code RESULT: FAIL} line. The unit must lie still during the test.
 */
public final class SelfTest {
    /** Accepted |a| band at rest, m/s^2 (g ± 8 %, covering uncalibrated offsets). */
    static final double G_MIN = 9.0, G_MAX = 10.6;
    /** Accepted mean |ω| at rest, rad/s: the MPU-6050 zero-rate offset may be ±20 °/s uncalibrated (PS §6.1). */
    static final double GYRO_MAX = 0.45;
    /** Accepted standard deviation of |a| while still, m/s^2. */
    static final double STILL_SD_MAX = 0.5;
    /** Accepted rate error. */
    static final double RATE_TOLERANCE = 0.10;

    /** One check: name, pass/fail, and a one-line detail. */
    public record Check(String name, boolean passed, String detail) {
    }

    /** All checks; passed if every one passed. */
    public record Result(List<Check> checks) {
        public boolean passed() {
            return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
        }
    }

    private final NanoClock clock;
    private final Sleeper sleeper;
    private final double seconds;

    /** @param seconds how long to collect data (1 s normally) */
    public SelfTest(NanoClock clock, Sleeper sleeper, double seconds) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.seconds = seconds;
    }

    /** One second on the wall clock. */
    public SelfTest() {
        this(NanoClock.SYSTEM, Sleeper.SYSTEM, 1.0);
    }

    /**
     * Opens the hardware with {@code opener} (reporting a failure to open as a failed check), runs the
     * checks and closes the hardware.
     */
    public Result run(Supplier<? extends Hardware> opener, PrintStream out) {
        out.println("backstep self test");
        Hardware hw;
        try {
            hw = opener.get();
        } catch (RuntimeException | LinkageError e) {
            String part = e instanceof DeviceException d && d.device() != null ? d.device() : "hardware";
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            Check c = new Check(part, false, msg);
            print(out, c);
            Result r = new Result(List.of(c));
            out.println("RESULT: FAIL");
            return r;
        }
        try {
            return checks(hw, out);
        } finally {
            hw.close();
        }
    }

    /** Runs the checks on open hardware (not closed here). */
    public Result run(Hardware hw, PrintStream out) {
        out.println("backstep self test");
        return checks(hw, out);
    }

    private Result checks(Hardware hw, PrintStream out) {
        List<Check> checks = new ArrayList<>();
        add(checks, out, new Check("imu", true, hw.describe()));
        checkImu(hw.imu(), checks, out);
        add(checks, out, checkBuzzer(hw.buzzer()));
        Result r = new Result(List.copyOf(checks));
        out.println("RESULT: " + (r.passed() ? "PASS" : "FAIL"));
        return r;
    }

    private static void add(List<Check> checks, PrintStream out, Check c) {
        checks.add(c);
        print(out, c);
    }

    private static void print(PrintStream out, Check c) {
        out.printf(Locale.ROOT, "  %s  %-9s %s%n", c.passed() ? "PASS" : "FAIL", c.name(), c.detail());
    }

    /** Accumulates |a| and |ω| statistics. */
    private static final class Stats implements ImuSink {
        long n;
        double sumA, sumA2, sumW;

        @Override
        public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
            double a = Math.sqrt(ax * ax + ay * ay + az * az);
            n++;
            sumA += a;
            sumA2 += a * a;
            sumW += Math.sqrt(gx * gx + gy * gy + gz * gz);
        }
    }

    private void checkImu(Imu imu, List<Check> checks, PrintStream out) {
        Stats s = new Stats();
        long lostBefore;
        long start;
        long end;
        try {
            // Start from an empty FIFO. What overflowed while the unit was being opened (a slow JVM
            // start) is not a fault of the chip: losses count from here.
            imu.drain((t, ax, ay, az, gx, gy, gz) -> { });
            lostBefore = imu.lostSamples();
            start = clock.nanoTime();
            long stop = start + (long) (seconds * 1e9);
            while (clock.nanoTime() < stop) {
                sleeper.sleepNanos(10_000_000L);
                imu.drain(s);
            }
            end = clock.nanoTime();
        } catch (DeviceException e) {
            add(checks, out, new Check("data", false, e.getMessage()));
            return;
        }
        double elapsed = (end - start) * 1e-9;
        double rate = s.n / elapsed;
        double expected = imu.sampleRateHz();
        long lost = imu.lostSamples() - lostBefore;
        boolean rateOk = Math.abs(rate - expected) <= RATE_TOLERANCE * expected && lost == 0;
        add(checks, out, new Check("rate", rateOk, String.format(Locale.ROOT,
            "%.1f Hz measured over %.2f s, %.1f Hz configured (±%.0f %%), %d lost", rate, elapsed, expected,
            RATE_TOLERANCE * 100, lost)));
        if (s.n == 0) {
            add(checks, out, new Check("data", false, "no samples in " + elapsed + " s"));
            return;
        }
        double meanA = s.sumA / s.n;
        double sdA = Math.sqrt(Math.max(0, s.sumA2 / s.n - meanA * meanA));
        double meanW = s.sumW / s.n;
        add(checks, out, new Check("gravity", meanA >= G_MIN && meanA <= G_MAX, String.format(Locale.ROOT,
            "|a| = %.2f m/s^2 (expected %.1f..%.1f at rest)", meanA, G_MIN, G_MAX)));
        add(checks, out, new Check("gyro", meanW <= GYRO_MAX, String.format(Locale.ROOT,
            "|w| = %.3f rad/s = %.1f deg/s (expected < %.2f rad/s at rest)", meanW, Math.toDegrees(meanW), GYRO_MAX)));
        add(checks, out, new Check("still", sdA <= STILL_SD_MAX, String.format(Locale.ROOT,
            "sd |a| = %.3f m/s^2 (expected < %.1f; keep the unit still)", sdA, STILL_SD_MAX)));
    }

    /** Counts buzzer failures while delegating. */
    private static final class Counting implements Buzzer {
        final Buzzer inner;
        int errors;
        String lastError;

        Counting(Buzzer inner) {
            this.inner = inner;
        }

        @Override
        public void tone(int hz) {
            try {
                inner.tone(hz);
            } catch (DeviceException e) {
                errors++;
                lastError = e.getMessage();
                throw e;
            }
        }

        @Override
        public void off() {
            try {
                inner.off();
            } catch (DeviceException e) {
                errors++;
                lastError = e.getMessage();
                throw e;
            }
        }

        @Override
        public void close() {
        }
    }

    private Check checkBuzzer(Buzzer buzzer) {
        Counting counting = new Counting(buzzer);
        PatternPlayer player = new PatternPlayer(counting, clock, sleeper);
        StringBuilder names = new StringBuilder();
        for (Pattern p : Patterns.ALL) {
            player.play(p, 0);
            long end = clock.nanoTime() + p.totalMs() * 1_000_000L;
            while (player.playing() && clock.nanoTime() < end) {
                sleeper.sleepNanos(5_000_000L);
                player.tick(clock.nanoTime());
            }
            player.stop();                              // ends the repeating alarm after one pass
            sleeper.sleepNanos(400_000_000L);           // a gap so patterns can be told apart
            names.append(' ').append(p.name());
        }
        String kind = buzzer instanceof SilentBuzzer ? " (no buzzer configured: silent)" : buzzer.active() ? " (active buzzer: rhythm only)" : "";
        if (counting.errors > 0) {
            return new Check("buzzer", false, counting.errors + " buzzer error(s), last: " + counting.lastError);
        }
        return new Check("buzzer", true, Patterns.ALL.size() + " patterns played" + kind + ":" + names);
    }
}
