package org.backstep.config;

/**
 * A configuration problem, with a one-line message naming the key, the value and what is allowed,
 * e.g. {@code imu.rate_hz = 1000: must be an integer from 50 to 400}.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The key the problem is about, or {@code null} for problems with the file itself. */
    public String key() {
        return key;
    }
}
