package org.backstep.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backstep.export.ExportSettings;
import org.backstep.export.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code export DIR}: a new folder with daily.csv, events.jsonl, report.html and SHA256SUMS. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write DIR/backstep-<device>-<UTC stamp>/ with daily.csv, events.jsonl, report.html and SHA256SUMS. Nothing on the device is deleted.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "DIR", description = "Where to write, e.g. a mounted USB stick.")
    Path dir;

    private final PrintWriter out;

    ExportCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        AppConfig cfg = common.load();
        Path folder = Exporter.export(common.stateDir, dir, ExportSettings.from(cfg.store()));
        out.println("exported to " + folder);
        out.flush();
        return 0;
    }
}
