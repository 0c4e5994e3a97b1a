package org.backstep.hil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backstep.hw.buzzer.Patterns;

/**
 * The checks of the emulated-ARM hardware test (deploy/hil), on the files a run leaves behind:
 * <ul>
 *   <li>{@code pwm MODEL_LOG}: the PWM sysfs writes of a selftest play every pattern of
 *       {@link Patterns#ALL} in order, at its frequencies, each tone at 50 % duty and about as long
 *       as written; no write was refused by the kernel's rules; the PWM ends disabled;</li>
 *   <li>{@code journal STATE_DIR --expect F,B --truth F,B [--lost-s S]}: the journal's step counts
 *       match the host replay of the same walk, and the walk's truth, and the session was closed;</li>
 *   <li>{@code resumed MODEL_LOG MAX_S}: after every injected fault, the driver read FIFO data
 *       again within MAX_S seconds.</li>
 * </ul>
 * Prints one line per check; exit status 1 on a failed check, 2 on bad arguments.
 */
public final class HilCheck {
    /**
     * Scheduling slack of a tone played under qemu-user on a loaded 2-core host, ms: the emulated
     * JVM is some ten times slower, and a player thread that wakes late starts a tone late but ends
     * it on time (seen: a 200 ms tone heard for 78 ms). Frequencies and order are checked exactly.
     */
    static final int TONE_SLACK_MS = 150;
    /** The longest segment a late player thread may skip (the cadence pattern's 40 ms tones, 80 ms gaps), ms. */
    static final int SKIPPABLE_MS = 80;
    /** Segments a selftest may lose to a late player; more means the player, not the load, is wrong. */
    static final int MAX_SKIPPED = 3;
    /** Steps the emulated run may differ from the host replay: 16-bit quantisation of the samples. */
    static final int REPLAY_SLACK_STEPS = 2;
    /** Highest cadence of the simulated walks, steps/s, to bound what a fault may cost. */
    static final double MAX_CADENCE_PER_S = 2.0;

    private HilCheck() {
    }

    public static void main(String[] args) throws IOException {
        List<String> errors;
        try {
            errors = switch (args.length > 0 ? args[0] : "") {
                case "pwm" -> pwm(Files.readAllLines(Path.of(args[1])));
                case "journal" -> journal(Path.of(args[1]), option(args, "--expect"), option(args, "--truth"),
                    Double.parseDouble(option(args, "--lost-s", "0")));
                case "resumed" -> resumed(Files.readAllLines(Path.of(args[1])), Double.parseDouble(args[2]));
                default -> throw new IllegalArgumentException("usage: HilCheck pwm LOG | journal DIR --expect F,B --truth F,B [--lost-s S] | resumed LOG MAX_S");
            };
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            System.err.println("hil check: " + e.getMessage());
            System.exit(2);
            return;
        }
        errors.forEach(e -> System.out.println("    check FAILED: " + e));
        System.exit(errors.isEmpty() ? 0 : 1);
    }

    private static String option(String[] args, String name, String... dflt) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        if (dflt.length > 0) return dflt[0];
        throw new IllegalArgumentException("missing " + name);
    }

    private static final Pattern LINE = Pattern.compile("t=(-?[0-9.]+) (.*)");
    private static final Pattern PWM = Pattern.compile("pwm /pwmchip\\d+/pwm\\d+/(\\w+) (\\S+) (.+)");

    /** A tone as heard or written: frequency and length; an optional one may be missing. */
    record Tone(int hz, int ms, boolean optional, int gapAfterMs) {
        Tone(int hz, int ms) {
            this(hz, ms, false, 0);
        }
    }

    /** The tones {@link Patterns#ALL} write, one pass each; a tone going on unchanged writes nothing. */
    static List<Tone> writtenTones() {
        List<Tone> written = new ArrayList<>();
        for (org.backstep.hw.buzzer.Pattern pattern : Patterns.ALL) {
            int lastHz = 0;
            for (org.backstep.hw.buzzer.Pattern.Segment s : pattern.segments()) {
                if (s.silent()) {
                    lastHz = 0;
                    if (!written.isEmpty()) {
                        Tone prev = written.remove(written.size() - 1);
                        written.add(new Tone(prev.hz(), prev.ms(), prev.optional(), prev.gapAfterMs() + s.durationMs()));
                    }
                } else if (s.hz() == lastHz) {
                    Tone prev = written.remove(written.size() - 1);
                    written.add(new Tone(prev.hz(), prev.ms() + s.durationMs()));
                } else {
                    written.add(new Tone(s.hz(), s.durationMs()));
                    lastHz = s.hz();
                }
            }
            if (pattern.repeat()) written.add(new Tone(pattern.segments().get(0).hz(), 0, true, 0));
        }
        return written;
    }

    /** Checks a selftest's PWM writes against {@link Patterns#ALL}. */
    static List<String> pwm(List<String> log) {
        List<String> errors = new ArrayList<>();
        List<Tone> heard = new ArrayList<>();
        long period = 0, duty = 0;
        double toneStart = -1;
        int toneHz = 0, writes = 0;
        String enable = "0";
        for (String line : log) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) continue;
            double t = Double.parseDouble(m.group(1));
            Matcher p = PWM.matcher(m.group(2));
            if (!m.group(2).startsWith("pwm ")) continue;
            writes++;
            if (!p.matches()) continue;       // export and unexport
            String attr = p.group(1), value = p.group(2), result = p.group(3);
            if (!result.equals("ok")) {
                errors.add("the kernel refused " + attr + " = " + value + " (" + result + ") at t=" + m.group(1));
                continue;
            }
            boolean ends = (attr.equals("enable") && value.equals("0")) || (attr.equals("duty_cycle") && value.equals("0"));
            if (ends && toneStart >= 0) {
                heard.add(new Tone(toneHz, (int) Math.round((t - toneStart) * 1000)));
                toneStart = -1;
            }
            switch (attr) {
                case "period" -> period = Long.parseLong(value);
                case "duty_cycle" -> duty = Long.parseLong(value);
                case "enable" -> {
                    enable = value;
                    if (value.equals("1")) {
                        if (Math.abs(2 * duty - period) > 2) {
                            errors.add(String.format(Locale.ROOT, "tone at t=%s: duty %d of period %d is not 50 %%", m.group(1), duty, period));
                        }
                        toneHz = (int) Math.round(1e9 / period);
                        toneStart = t;
                    }
                }
                default -> { }
            }
        }
        if (!enable.equals("0")) errors.add("the PWM was left enabled");
        List<Tone> written = writtenTones();
        // The selftest plays a repeating pattern for one pass and then stops it: the tick that stops
        // it may come a few ms after the pattern started over, a blip of its first tone. Skip it.
        // A player thread late by more than a short segment (emulated ARM on a loaded machine) skips
        // it, as the player is built to: a short gap makes two tones of one frequency one, a short
        // tone goes unheard. Allowed for segments up to SKIPPABLE_MS, and reported.
        int i = 0, j = 0;
        List<String> missedGaps = new ArrayList<>();
        while (i < heard.size() && j < written.size()) {
            Tone h = heard.get(i), w = written.get(j);
            boolean sameHz = Math.abs(h.hz() - w.hz()) <= 1;
            if (w.optional()) {
                if (sameHz && h.ms() <= TONE_SLACK_MS) i++;          // the blip happened
                j++;
            } else if (sameHz && Math.abs(h.ms() - w.ms()) <= Math.max(TONE_SLACK_MS, w.ms() / 2)) {
                i++;
                j++;
            } else if (sameHz && j + 1 < written.size() && written.get(j + 1).hz() == w.hz()
                && w.gapAfterMs() > 0 && w.gapAfterMs() <= SKIPPABLE_MS
                && Math.abs(h.ms() - (w.ms() + w.gapAfterMs() + written.get(j + 1).ms())) <= TONE_SLACK_MS) {
                missedGaps.add("the " + w.gapAfterMs() + " ms gap after tone " + (j + 1));
                i++;
                j += 2;
            } else if (w.ms() <= SKIPPABLE_MS) {
                missedGaps.add("tone " + (j + 1) + " (" + w.hz() + " Hz, " + w.ms() + " ms)");
                j++;
            } else {
                errors.add("tone " + (j + 1) + ": heard " + h.hz() + " Hz for " + h.ms() + " ms, written " + w.hz() + " Hz for " + w.ms() + " ms");
                i++;
                j++;
            }
        }
        for (; j < written.size(); j++) {
            Tone w = written.get(j);
            if (w.optional()) continue;
            if (w.ms() <= SKIPPABLE_MS) missedGaps.add("tone " + (j + 1) + " (" + w.hz() + " Hz, " + w.ms() + " ms)");
            else errors.add("tone " + (j + 1) + " (" + w.hz() + " Hz, " + w.ms() + " ms) never heard");
        }
        if (i < heard.size()) errors.add("heard " + (heard.size() - i) + " tone(s) more than the patterns have: " + heard.subList(i, heard.size()));
        if (missedGaps.size() > MAX_SKIPPED) errors.add("the player skipped " + missedGaps.size() + " segments (at most " + MAX_SKIPPED + " allowed): " + missedGaps);
        if (!missedGaps.isEmpty()) System.out.println("    pwm: not heard (the player thread was late): " + missedGaps);
        if (errors.isEmpty()) {
            System.out.println("    pwm: " + written.stream().filter(w -> !w.optional()).count() + " tones of " + Patterns.ALL.size() + " patterns as written, "
                + writes + " sysfs writes, none refused, left disabled");
        }
        return errors;
    }

    private static final Pattern STEPS = Pattern.compile("\"type\":\"steps\".*\"f\":(\\d+),\"b\":(\\d+)");

    /** Checks the journal's step counts against the host replay and the truth. */
    static List<String> journal(Path state, String expect, String truth, double lostSeconds) throws IOException {
        int[] ref = pair(expect), tru = pair(truth);
        long f = 0, b = 0;
        boolean stopped = false;
        List<Path> files;
        try (Stream<Path> s = Files.list(state.resolve("journal"))) {
            files = s.sorted().toList();
        }
        for (Path p : files) {
            for (String line : Files.readAllLines(p)) {
                Matcher m = STEPS.matcher(line);
                if (m.find()) {
                    f += Long.parseLong(m.group(1));
                    b += Long.parseLong(m.group(2));
                }
                if (line.contains("\"type\":\"session_stop\"")) stopped = true;
            }
        }
        List<String> errors = new ArrayList<>();
        int lostSteps = (int) Math.ceil(lostSeconds * MAX_CADENCE_PER_S);
        check(errors, "forward", f, ref[0], tru[0], lostSteps);
        check(errors, "backward", b, ref[1], tru[1], lostSteps);
        if (!stopped) errors.add("no session_stop in the journal: the session was not closed on SIGTERM");
        System.out.printf(Locale.ROOT, "    journal: %d forward, %d backward (host replay %d, %d; truth %d, %d; fault allowance %d)%s%n",
            f, b, ref[0], ref[1], tru[0], tru[1], lostSteps, errors.isEmpty() ? "" : ": FAIL");
        return errors;
    }

    private static void check(List<String> errors, String what, long got, int replay, int truth, int lostSteps) {
        if (got > replay + REPLAY_SLACK_STEPS || got < replay - REPLAY_SLACK_STEPS - lostSteps) {
            errors.add(String.format(Locale.ROOT, "%s steps %d, host replay of the same walk %d (allowed -%d..+%d)",
                what, got, replay, REPLAY_SLACK_STEPS + lostSteps, REPLAY_SLACK_STEPS));
        }
        if (lostSteps == 0 && Math.abs(got - truth) > Math.max(3, 0.15 * truth)) {
            errors.add(String.format(Locale.ROOT, "%s steps %d, truth %d (allowed ±15 %%)", what, got, truth));
        }
    }

    private static int[] pair(String s) {
        String[] p = s.split(",");
        if (p.length != 2) throw new IllegalArgumentException("'" + s + "' is not F,B");
        return new int[] {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
    }

    private static final Pattern ENDS = Pattern.compile("fault (\\w+) ends");
    private static final Pattern RESUMED = Pattern.compile("data resumed ([0-9.]+) s after the last fault ended");

    /** Checks that FIFO data was read again within {@code maxSeconds} of every fault's end. */
    static List<String> resumed(List<String> log, double maxSeconds) {
        List<String> errors = new ArrayList<>();
        String pending = null;
        int faults = 0;
        StringBuilder seen = new StringBuilder();
        for (String line : log) {
            Matcher e = ENDS.matcher(line);
            if (e.find()) {
                if (pending != null) errors.add("no data after the " + pending + " fault before the next fault ended");
                pending = e.group(1);
                faults++;
                continue;
            }
            Matcher r = RESUMED.matcher(line);
            if (r.find() && pending != null) {
                double s = Double.parseDouble(r.group(1));
                seen.append(String.format(Locale.ROOT, " %s %.2f s", pending, s));
                if (s > maxSeconds) errors.add(String.format(Locale.ROOT, "data resumed %.2f s after the %s fault (allowed %.1f s)", s, pending, maxSeconds));
                pending = null;
            }
        }
        if (pending != null) errors.add("no FIFO data was read after the " + pending + " fault ended");
        if (faults == 0) errors.add("no fault was injected");
        System.out.println("    faults: " + faults + " injected; data resumed after:" + (seen.length() == 0 ? " none" : seen));
        return errors;
    }
}
