package org.backstep.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --state-dir}, shared by the commands that use them. */
final class CommonOptions {
    static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/backstep");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: /etc/backstep/backstep.properties, then config/backstep.properties, then built-in defaults).")
    Path config;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Journal, daily totals and recordings (default: ${DEFAULT-VALUE}).",
            defaultValue = "/var/lib/backstep")
    Path stateDir;

    AppConfig load() {
        return AppConfig.load(config);
    }
}
