package org.backstep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped files agree with the schema, so they cannot drift apart. */
class ConfigFileTest {
    private static final Path FILE = Path.of("config", "backstep.properties");

    @Test
    void shippedFileHasEveryKeyExactlyOnceAtItsDefault() throws Exception {
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        for (Key<?> k : Keys.all()) {
            Pattern p = Pattern.compile("^" + Pattern.quote(k.name()) + "\\s*=.*$");
            long n = lines.stream().filter(l -> p.matcher(l).matches()).count();
            assertEquals(1, n, k.name() + " appears " + n + " times in " + FILE);
        }
        long settings = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
        assertEquals(Keys.all().size(), settings, "the file sets exactly the schema keys");
        Config c = Config.load(FILE);
        assertEquals(Config.defaults(), c);
        for (Key<?> k : Keys.all()) {
            assertTrue(c.source(k).startsWith(FILE.toString() + ":"), k.name() + " comes from " + c.source(k));
        }
    }

    @Test
    void shippedFileDocumentsEachKeyWithItsDefaultAndRange() throws Exception {
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        for (Key<?> k : Keys.all()) {
            int at = -1;
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(k.name() + " ")) at = i;
            String comment = lines.get(at - 1);
            String d = k.defaultText().isEmpty() ? "empty" : k.defaultText();
            assertTrue(comment.startsWith("#") && comment.contains("Default " + d) && comment.contains("allowed " + k.allowed()),
                    k.name() + ": comment above should give default and allowed values: " + comment);
        }
    }

    @Test
    void tinylogFileHasTheRollingWriterAndQuietsPi4j() throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("config", "tinylog.properties"))) {
            p.load(r);
        }
        assertEquals("true", p.getProperty("writingthread"));
        assertEquals("journal console", p.getProperty("writerConsole"), "syslog priorities for journald");
        assertEquals("{message}", p.getProperty("writerConsole.format"), "no timestamp: the journal stamps each line");
        assertEquals("info", p.getProperty("writerConsole.level"));
        assertEquals("rolling file", p.getProperty("writerFile"));
        assertEquals("warn", p.getProperty("writerFile.level"), "the SD card is not worn by info lines");
        assertTrue(p.getProperty("writerFile.file").startsWith("#{backstep.log.dir:/var/log/backstep}/"));
        assertTrue(p.getProperty("writerFile.policies").startsWith("size:"));
        assertTrue(Integer.parseInt(p.getProperty("writerFile.backups")) > 0);
        assertEquals("warn", p.getProperty("level@com.pi4j"));
        assertEquals("off", p.getProperty("level@com.pi4j.boardinfo"));
    }
}
