package org.backstep.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.backstep.recording.RecordingWriter;

/**
 * Writes a ready-made scenario to a recording file (format v1, gzipped if the name ends in
 * {@code .gz}) with its truth summarised in the metadata.
 *
 * <pre>java -cp backstep.jar org.backstep.sim.WriteRecording demo 42 demo.csv.gz</pre>
 *
 * Scenarios: demo, forward, backward, mixed, slow, sway, sit, daily, fall-forward, fall-backward,
 * fall-left, fall-right.
 */
public final class WriteRecording {
    private WriteRecording() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: WriteRecording <scenario> <seed> <file.csv[.gz]>");
            System.exit(2);
        }
        Scenario sc = named(args[0], Long.parseLong(args[1]));
        Simulation sim = sc.run();
        write(sim, Path.of(args[2]), args[0]);
        System.out.printf(Locale.ROOT, "%s: %d samples, %.1f s, %d forward and %d backward steps%n", args[2], sim.size(),
                sim.duration(), sim.truth().count(org.backstep.event.Direction.FORWARD),
                sim.truth().count(org.backstep.event.Direction.BACKWARD));
    }

    /** A ready-made scenario by name; throws {@link IllegalArgumentException} listing the names. */
    public static Scenario named(String name, long seed) {
        return switch (name) {
            case "demo" -> Scenarios.demo(seed);
            case "forward" -> Scenarios.forwardWalk(seed);
            case "backward" -> Scenarios.backwardWalk(seed);
            case "mixed" -> Scenarios.mixed(seed);
            case "slow" -> Scenarios.slowWalk(seed);
            case "sway" -> Scenarios.standingSway(seed);
            case "sit" -> Scenarios.sitDown(seed);
            case "daily" -> Scenarios.dailyLife(seed);
            case "fall-forward" -> Scenarios.fall(seed, FallKind.FORWARD);
            case "fall-backward" -> Scenarios.fall(seed, FallKind.BACKWARD);
            case "fall-left" -> Scenarios.fall(seed, FallKind.LEFT);
            case "fall-right" -> Scenarios.fall(seed, FallKind.RIGHT);
            default -> throw new IllegalArgumentException("unknown scenario '" + name
                    + "'; known: demo forward backward mixed slow sway sit daily fall-forward fall-backward fall-left fall-right");
        };
    }

    /** Writes {@code sim} to {@code file}; metadata carry the source, seed, mounting and step counts. */
    public static void write(Simulation sim, Path file, String label) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("source", "simulator " + label);
        meta.put("seed", Long.toString(sim.scenario().seed()));
        meta.put("mounting", sim.mounting().toString());
        meta.put("true_forward_steps", Integer.toString(sim.truth().count(org.backstep.event.Direction.FORWARD)));
        meta.put("true_backward_steps", Integer.toString(sim.truth().count(org.backstep.event.Direction.BACKWARD)));
        try (RecordingWriter w = RecordingWriter.create(file, sim.rateHz(), sim.forwardAxis(), meta)) {
            sim.play(w);
        }
    }
}
