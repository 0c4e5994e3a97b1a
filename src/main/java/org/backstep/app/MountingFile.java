package org.backstep.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import org.backstep.gait.Mounting;

/**
 * The mounting learned by {@code calibrate}, kept as {@code mounting.properties} in the state
 * directory and replaced atomically (write, fsync, rename). When present it overrides
 * {@code imu.forward_axis}.
 */
final class MountingFile {
    static final String NAME = "mounting.properties";

    private MountingFile() {
    }

    static Path path(Path stateDir) {
        return stateDir.resolve(NAME);
    }

    /** The saved mounting, or {@code null} if there is none; a damaged file is a one-line error. */
    static Mounting read(Path stateDir) {
        Path p = path(stateDir);
        if (!Files.isRegularFile(p)) return null;
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p)) {
            props.load(r);
            double[] f = {num(props, "forward_x", p), num(props, "forward_y", p), num(props, "forward_z", p)};
            return new Mounting(f, num(props, "quality", p), (int) num(props, "steps", p));
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": " + e.getMessage(), e);
        }
    }

    static void write(Path stateDir, Mounting m, Instant when) throws IOException {
        Files.createDirectories(stateDir);
        Path p = path(stateDir);
        Path tmp = p.resolveSibling(NAME + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            w.write("# learned by backstep calibrate at " + when + "; delete this file to use imu.forward_axis again\n");
            w.write(String.format(Locale.ROOT, "forward_x=%.6f%nforward_y=%.6f%nforward_z=%.6f%n", m.forward()[0], m.forward()[1], m.forward()[2]));
            w.write("nearest_axis=" + m.nearestAxis() + "\n");
            w.write(String.format(Locale.ROOT, "quality=%.3f%nsteps=%d%n", m.quality(), m.steps()));
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(stateDir, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
    }

    private static double num(Properties props, String key, Path p) {
        String v = props.getProperty(key);
        try {
            double d = Double.parseDouble(v == null ? "" : v.trim());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(p + ": " + key + " = '" + v + "' is not a number; run calibrate again or delete the file");
    }
}
