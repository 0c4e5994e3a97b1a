package org.backstep.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backstep.eval.Dataset;
import org.backstep.eval.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code eval DIR}: replays a dataset and prints the accuracy table. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Replay every recording in DIR (laid out like ../shared/data) and print the accuracy table.")
final class EvalCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR")
    Path dir;

    private final PrintWriter out;
    private final PrintWriter err;

    EvalCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Evaluator ev = Evaluator.run(Dataset.open(dir));
        out.print(ev.table());
        out.flush();
        return 0;
    }
}
