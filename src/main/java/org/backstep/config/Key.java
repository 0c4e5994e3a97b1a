package org.backstep.config;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.backstep.core.Axis;

/**
 * A typed configuration key: name, type, default, what is allowed and a one-line doc. Defaults are
 * given as text and parsed like file values, so a default that does not validate fails at class
 * initialisation. Instances are created only in {@link Keys}.
 *
 * @param <T> the value type
 */
public final class Key<T> {
    private final String name;
    private final Class<T> type;
    private final String defaultText;
    private final T defaultValue;
    private final String allowed;
    private final String rule;
    private final String doc;
    private final Function<String, T> parser;
    private final Predicate<T> valid;
    private final Function<T, String> formatter;

    private Key(String name, Class<T> type, String defaultText, String allowed, String rule, String doc,
            Function<String, T> parser, Predicate<T> valid, Function<T, String> formatter) {
        this.name = name;
        this.type = type;
        this.defaultText = defaultText;
        this.allowed = allowed;
        this.rule = rule;
        this.doc = doc;
        this.parser = parser;
        this.valid = valid;
        this.formatter = formatter;
        this.defaultValue = parse(defaultText);
    }

    public String name() { return name; }

    public Class<T> type() { return type; }

    public T defaultValue() { return defaultValue; }

    /** The default as written in the properties file. */
    public String defaultText() { return defaultText; }

    /** Short form of what is allowed, for tables: {@code 50-400}, {@code pwm|gpio|none}. */
    public String allowed() { return allowed; }

    /** What the error message says is allowed: {@code must be an integer from 50 to 400}. */
    public String rule() { return rule; }

    public String doc() { return doc; }

    /** The part before the first dot: {@code imu}, {@code buzzer}, ... */
    public String section() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** Parses a value as written in a file or override; throws {@link ConfigException} when not allowed. */
    public T parse(String text) {
        String s = text == null ? "" : text.trim();
        T v;
        try {
            v = parser.apply(s);
        } catch (RuntimeException e) {
            v = null;
        }
        if (v == null || !valid.test(v)) throw new ConfigException(name, name + " = " + shown(s) + ": " + rule);
        return v;
    }

    /** Checks a typed value (from a builder); throws {@link ConfigException} when not allowed. */
    public T check(T value) {
        if (value == null || !type.isInstance(value) || !valid.test(value)) {
            throw new ConfigException(name, name + " = " + (value == null ? "(null)" : shown(String.valueOf(value))) + ": " + rule);
        }
        return value;
    }

    /** The value written the way the file would write it. */
    public String format(T value) {
        return formatter.apply(value);
    }

    String formatUnchecked(Object value) {
        return format(type.cast(value));
    }

    static String shown(String s) {
        return s.isEmpty() ? "(empty)" : s;
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- factories used by Keys ------------------------------------------------------------

    static Key<Integer> integer(String name, int def, int min, int max, String doc) {
        return new Key<>(name, Integer.class, Integer.toString(def), min + "-" + max,
                "must be an integer from " + min + " to " + max, doc,
                Key::parseInt, v -> v >= min && v <= max, String::valueOf);
    }

    /** An integer from {@code min} to {@code max}, or {@code auto} (the default), read as {@link Keys#AUTO}. */
    static Key<Integer> integerOrAuto(String name, int min, int max, String doc) {
        return new Key<>(name, Integer.class, "auto", "auto|" + min + "-" + max,
                "must be auto or an integer from " + min + " to " + max, doc,
                s -> s.equals("auto") ? Integer.valueOf(Keys.AUTO) : parseInt(s),
                v -> v == Keys.AUTO || v >= min && v <= max, v -> v == Keys.AUTO ? "auto" : String.valueOf(v));
    }

    static Key<Double> decimal(String name, String def, double min, double max, String doc) {
        return new Key<>(name, Double.class, def, plain(min) + "-" + plain(max),
                "must be a number from " + plain(min) + " to " + plain(max), doc,
                Key::parseDecimal, v -> v >= min && v <= max, Key::plain);
    }

    static Key<Boolean> bool(String name, boolean def, String doc) {
        return new Key<>(name, Boolean.class, Boolean.toString(def), "true|false",
                "must be true or false (lower case)", doc,
                s -> s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : null, v -> true, String::valueOf);
    }

    static Key<String> choice(String name, String def, String doc, String... values) {
        List<String> list = List.of(values);
        return new Key<>(name, String.class, def, String.join("|", list),
                "must be one of " + String.join(", ", list), doc,
                s -> s, list::contains, s -> s);
    }

    static Key<Integer> intChoice(String name, int def, String doc, int... values) {
        String list = Arrays.stream(values).mapToObj(String::valueOf).collect(Collectors.joining(", "));
        return new Key<>(name, Integer.class, Integer.toString(def),
                Arrays.stream(values).mapToObj(String::valueOf).collect(Collectors.joining("|")),
                "must be one of " + list, doc,
                Key::parseInt, v -> Arrays.stream(values).anyMatch(x -> x == v), String::valueOf);
    }

    /** An I2C address: hex ({@code 0x68}) or decimal ({@code 104}), one of {@code values}. */
    static Key<Integer> i2cAddress(String name, int def, String doc, int... values) {
        String hex = Arrays.stream(values).mapToObj(Key::hex).collect(Collectors.joining(" or "));
        return new Key<>(name, Integer.class, hex(def),
                Arrays.stream(values).mapToObj(Key::hex).collect(Collectors.joining("|")),
                "must be " + hex + ", written in hex (0x68) or decimal (104)", doc,
                Key::parseAddress, v -> Arrays.stream(values).anyMatch(x -> x == v), Key::hex);
    }

    /** {@link #AUTO_ADDRESS} for {@code auto}. */
    public static final int AUTO_ADDRESS = -1;

    /** An I2C address as {@link #i2cAddress}, or {@code auto} ({@link #AUTO_ADDRESS}). */
    static Key<Integer> i2cAddressOrAuto(String name, String doc, int... values) {
        String hex = Arrays.stream(values).mapToObj(Key::hex).collect(Collectors.joining(", "));
        return new Key<>(name, Integer.class, "auto",
                "auto|" + Arrays.stream(values).mapToObj(Key::hex).collect(Collectors.joining("|")),
                "must be auto or one of " + hex + ", written in hex (0x68) or decimal (104)", doc,
                s -> s.equals("auto") ? Integer.valueOf(AUTO_ADDRESS) : parseAddress(s),
                v -> v == AUTO_ADDRESS || Arrays.stream(values).anyMatch(x -> x == v),
                v -> v == AUTO_ADDRESS ? "auto" : hex(v));
    }

    static Key<Axis> axis(String name, String def, String doc) {
        return new Key<>(name, Axis.class, def, "+x|-x|+y|-y|+z|-z", "must be one of +x, -x, +y, -y, +z, -z", doc,
                s -> s.length() == 2 ? Axis.parse(s) : null, v -> true, Axis::label);
    }

    static Key<LocalTime> time(String name, String def, String doc) {
        return new Key<>(name, LocalTime.class, def, "HH:MM", "must be a time HH:MM from 00:00 to 23:59", doc,
                Times::parseHhMm, v -> true, Times::format);
    }

    static Key<QuietHours> quietHours(String name, String doc) {
        return new Key<>(name, QuietHours.class, "", "HH:MM-HH:MM or empty",
                "must be HH:MM-HH:MM with different start and end (may wrap midnight, e.g. 22:00-07:00), or empty for none",
                doc, QuietHours::parse, v -> true, QuietHours::toString);
    }

    /** A time zone id; {@code system} means the system default zone. */
    static Key<ZoneId> zone(String name, String doc) {
        return new Key<>(name, ZoneId.class, "system", "system or a zone id",
                "must be system or a time zone id such as Europe/Berlin or UTC", doc,
                Key::parseZone, v -> true, ZoneId::getId);
    }

    static Key<String> pattern(String name, String def, String regex, String doc) {
        Pattern p = Pattern.compile(regex);
        return new Key<>(name, String.class, def, regex, "must match " + regex, doc,
                s -> s, v -> p.matcher(v).matches(), s -> s);
    }

    // ---- parsing helpers -------------------------------------------------------------------

    private static Integer parseInt(String s) {
        if (!s.matches("[+-]?[0-9]{1,9}")) return null;
        return Integer.valueOf(s);
    }

    private static Double parseDecimal(String s) {
        if (!s.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)")) return null;
        return Double.valueOf(s);
    }

    private static Integer parseAddress(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        if (t.startsWith("0x")) {
            return t.matches("0x[0-9a-f]{1,4}") ? Integer.valueOf(t.substring(2), 16) : null;
        }
        return parseInt(s);
    }

    private static ZoneId parseZone(String s) {
        if (s.equals("system")) return ZoneId.systemDefault();
        if (s.isEmpty()) return null;
        try {
            return ZoneId.of(s);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String hex(int v) {
        return String.format(Locale.ROOT, "0x%02x", v);
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key<?> k && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }
}
