package org.backstep.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The effective configuration: every key of {@link Keys} with a validated, typed value. Immutable.
 *
 * <pre>{@code
 * Config c = Config.load(Path.of("/etc/backstep/backstep.properties"), Map.of("imu.rate_hz", "200"));
 * int hz = c.get(Keys.IMU_RATE_HZ);
 * }</pre>
 *
 * Files hold one {@code key = value} per line; lines starting with {@code #} or {@code !} are
 * comments; keys missing from the file keep their defaults. Every problem is a
 * {@link ConfigException} with a one-line message.
 */
public final class Config {
    private static final Config DEFAULTS = builder().build();

    private final Map<Key<?>, Object> values;
    private final Map<Key<?>, String> sources;

    private Config(Map<Key<?>, Object> values, Map<Key<?>, String> sources) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** Every key at its default. */
    public static Config defaults() {
        return DEFAULTS;
    }

    /** The value of {@code key}. */
    public <T> T get(Key<T> key) {
        Object v = values.get(Objects.requireNonNull(key, "key"));
        if (v == null) throw new IllegalArgumentException("not a registered key: " + key.name());
        return key.type().cast(v);
    }

    /** Where the value of {@code key} came from: {@code default}, {@code file:line} or {@code override}. */
    public String source(Key<?> key) {
        return sources.getOrDefault(key, "default");
    }

    /** Loads {@code file}; see {@link #load(Path, Map)}. */
    public static Config load(Path file) {
        return load(file, Map.of());
    }

    /**
     * Loads {@code file}, then applies {@code overrides} (key name to value text, e.g. from the
     * command line), then checks the rules between keys.
     */
    public static Config load(Path file, Map<String, String> overrides) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(null, file + ": configuration file not found");
        } catch (IOException e) {
            throw new ConfigException(null, file + ": cannot read: " + e.getMessage());
        }
        return parse(lines, file.toString(), overrides);
    }

    /** Parses properties lines named {@code source} (for messages), then applies {@code overrides}. */
    public static Config parse(List<String> lines, String source, Map<String, String> overrides) {
        Builder b = builder();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i).strip();
            if (raw.isEmpty() || raw.startsWith("#") || raw.startsWith("!")) continue;
            String where = source + ":" + (i + 1);
            int eq = raw.indexOf('=');
            if (eq <= 0) throw new ConfigException(null, where + ": expected key = value, got '" + raw + "'");
            String name = raw.substring(0, eq).strip();
            String value = raw.substring(eq + 1).strip();
            String before = seen.put(name, where);
            if (before != null) throw new ConfigException(name, where + ": " + name + " is already set at " + before);
            try {
                b.set(name, value, where);
            } catch (ConfigException e) {
                throw new ConfigException(e.key(), where + ": " + e.getMessage());
            }
        }
        for (Map.Entry<String, String> o : overrides.entrySet()) b.set(o.getKey(), o.getValue(), "override");
        return b.build();
    }

    /**
     * The effective configuration as log lines, one per key, in file order:
     * {@code imu.rate_hz = 200 (override; default 100)}; defaults are marked {@code (default)}.
     */
    public List<String> describe() {
        List<String> out = new ArrayList<>(values.size());
        for (Map.Entry<Key<?>, Object> e : values.entrySet()) {
            Key<?> k = e.getKey();
            String text = k.formatUnchecked(e.getValue());
            String shown = text.isEmpty() ? "(none)" : text;
            String src = sources.get(k);
            if (src == null) {
                out.add(k.name() + " = " + shown + " (default)");
            } else {
                String def = k.formatUnchecked(k.defaultValue());
                out.add(k.name() + " = " + shown + " (" + src + "; default " + (def.isEmpty() ? "none" : def) + ")");
            }
        }
        return out;
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        b.sources.putAll(sources);
        return b;
    }

    /** A builder starting from the defaults (handy in tests). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return String.join("\n", describe());
    }

    /** Sets keys one by one (each validated at once); {@link #build()} checks the rules between keys. */
    public static final class Builder {
        private final Map<Key<?>, Object> values = new LinkedHashMap<>();
        private final Map<Key<?>, String> sources = new HashMap<>();

        private Builder() {
            for (Key<?> k : Keys.all()) values.put(k, k.defaultValue());
        }

        /** Sets a typed value; throws {@link ConfigException} when it is not allowed. */
        public <T> Builder set(Key<T> key, T value) {
            values.put(key, key.check(value));
            sources.put(key, "set");
            return this;
        }

        /** Sets a key by name from text, as in a file; unknown names get a suggestion. */
        public Builder set(String name, String text) {
            return set(name, text, "set");
        }

        Builder set(String name, String text, String source) {
            Key<?> k = Keys.require(name.strip(), text);
            values.put(k, k.parse(text));
            sources.put(k, source);
            return this;
        }

        public Config build() {
            Config c = new Config(values, sources);
            CrossRules.check(c);
            return c;
        }
    }
}
