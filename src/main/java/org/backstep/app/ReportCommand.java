package org.backstep.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backstep.export.ExportSettings;
import org.backstep.export.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code report FILE}: the export's self-contained HTML report, written anywhere. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write the HTML report (one self-contained file) to FILE.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "Where to write the report, e.g. report.html (replaced if it exists).")
    Path file;

    private final PrintWriter out;

    ReportCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        AppConfig cfg = common.load();
        out.println("report written to " + ReportWriter.write(common.stateDir, ExportSettings.from(cfg.store()), file));
        out.flush();
        return 0;
    }
}
