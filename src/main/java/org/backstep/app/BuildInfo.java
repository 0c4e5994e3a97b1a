package org.backstep.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version and git commit the jar was built from, as Maven's resource filtering wrote them into
 * {@code version.properties}. A build outside git reads commit "unknown".
 */
final class BuildInfo implements IVersionProvider {
    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"backstep " + describe()};
    }

    /** e.g. {@code 0.1.0 (commit 1a2b3c4d5e)}, {@code 0.1.0 (commit 1a2b3c4d5e, modified)}. */
    static String describe() {
        Properties p = load();
        String version = p.getProperty("version", "unknown");
        String commit = p.getProperty("commit", "");
        if (commit.isEmpty() || commit.startsWith("${")) commit = "unknown";
        boolean dirty = "true".equals(p.getProperty("dirty"));
        return version + " (commit " + commit + (dirty ? ", modified" : "") + ")";
    }

    static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar: build with Maven");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
