package org.backstep.app;

import java.nio.file.Path;
import org.backstep.pipeline.SessionSettings;

/**
 * The application's view of the configuration: loads the file and maps keys to each module's
 * settings. (Temporary minimal form until the configuration schema lands.)
 */
final class AppConfig {
    private AppConfig() {
    }

    static AppConfig load(Path file) {
        return new AppConfig();
    }

    SessionSettings sessionSettings(boolean postureTrace) {
        return SessionSettings.builder()
                .coach(org.backstep.coach.CoachSettings.builder().postureTrace(postureTrace).build()).build();
    }
}
