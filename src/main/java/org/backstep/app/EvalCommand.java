package org.backstep.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.backstep.core.Json;
import org.backstep.eval.Dataset;
import org.backstep.eval.Evaluator;
import org.backstep.eval.KneeWalkEval;
import org.backstep.eval.PopulationEval;
import org.backstep.recording.Resampler;
import org.backstep.recording.SensorTurn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eval DIR}: replays a dataset and prints the accuracy table. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Replay every recording in DIR (laid out like ../shared/data) and print the accuracy table.",
                "With --population N instead of DIR: simulate N walkers of a seeded population and score them by the same rules."})
final class EvalCommand implements Callable<Integer> {
    /** Exit status when a figure misses its guard. */
    static final int MISSED_GUARD = 3;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "A folder with manifest.csv, recordings/ and truth/.")
    Path dir;

    @Option(names = "--population", paramLabel = "N",
            description = "Score N simulated walkers (at least 200 for the issue's figures) instead of a dataset.")
    Integer population;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the simulated population (default ${DEFAULT-VALUE}); the same seed gives the same walkers.")
    long seed;

    @Option(names = "--json", description = "Print the figures (and every recording's score) as JSON instead of the table.")
    boolean json;

    @Option(names = "--recordings", description = "Also list every recording with step truth: true, unreachable, found, matched.")
    boolean perRecording;

    @Option(names = "--turn-sensor", paramLabel = "SPEC",
            description = "Replay as if the device were clipped on turned, e.g. x:15,y:-25,z:35 (degrees about the sensor's own axes, in order); the forward axis becomes the nearest one.")
    String turnSensor;

    @Option(names = "--resample", paramLabel = "HZ",
            description = "Replay as if recorded at HZ (50 to 400): a causal anti-alias low-pass when going down, then linear interpolation.")
    Double resampleHz;

    @Option(names = "--floors", paramLabel = "FILE",
            description = "Properties file of figure=guard; exit " + MISSED_GUARD + " if a figure is worse than its guard.")
    Path floors;

    private final PrintWriter out;
    private final PrintWriter err;

    EvalCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        Map<String, Double> guards = floors == null ? Map.of() : readGuards(floors);
        if (population != null) return population(guards);
        if (dir == null) throw new IllegalArgumentException("eval: give a dataset folder DIR or --population N");
        SensorTurn turn = turnSensor == null ? null : SensorTurn.parse(turnSensor);
        Resampler resample = resampleHz == null ? null : Resampler.to(resampleHz);
        long t0 = System.nanoTime();
        Evaluator ev = Evaluator.run(Dataset.open(dir), turn, resample, new ProgressBar(err, ProgressBar.onTerminal(), "eval", "recordings"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (json) {
            out.println(Json.write(ev.json()));
        } else {
            if (turn != null) out.println("(" + turn + ")");
            if (resample != null) out.println("(" + resample + ")");
            out.print(ev.table());
            if (perRecording) out.print("\n" + ev.recordingsTable());
            out.printf("(%.1f s)%n", seconds);
        }
        out.flush();
        return report(ev.missedGuards(guards));
    }

    private int population(Map<String, Double> guards) {
        if (dir != null) throw new IllegalArgumentException("eval: give either DIR or --population, not both");
        if (turnSensor != null || resampleHz != null || perRecording) {
            throw new IllegalArgumentException("eval --population: --turn-sensor, --resample and --recordings apply to a dataset; "
                    + "the population already varies mounting and rate");
        }
        long t0 = System.nanoTime();
        PopulationEval ev = PopulationEval.run(seed, population);
        KneeWalkEval knees = KneeWalkEval.run(seed, Math.min(population, KneeWalkEval.MAX_WALKERS));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>(ev.json());
            j.put("knee_walking", knees.figures());
            out.println(Json.write(j));
        } else {
            out.print(ev.table());
            out.print(knees.table());
            out.printf("(%.1f s)%n", seconds);
        }
        out.flush();
        return report(KneeWalkEval.missedGuards(ev, knees, guards));
    }

    private int report(List<String> missed) {
        for (String m : missed) err.println("eval: " + m);
        err.flush();
        return missed.isEmpty() ? 0 : MISSED_GUARD;
    }

    private static Map<String, Double> readGuards(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames().stream().sorted().toList()) {
            try {
                out.put(k, Double.parseDouble(p.getProperty(k).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": " + k + " = '" + p.getProperty(k) + "' is not a number");
            }
        }
        return out;
    }
}
