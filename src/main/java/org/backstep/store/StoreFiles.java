package org.backstep.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The few file operations the journal, the snapshot and the state lock need, and nothing else: the small
 * file layer of our own that a test replaces to stall an fsync or to cut the power (in the style of SQLite's
 * crash-test VFS). {@link #REAL} is the machine's file system. Data written is durable only after
 * {@link Handle#sync()}; a new, renamed or deleted name only after {@link #syncDir}.
 */
public interface StoreFiles {

    /** An open file. Writes append; {@link #sync()} is fsync. */
    interface Handle extends Closeable {
        long size() throws IOException;

        void append(byte[] bytes) throws IOException;

        void sync() throws IOException;

        void truncate(long size) throws IOException;
    }

    void createDirectories(Path dir) throws IOException;

    /** The regular files in {@code dir}, in no order; empty if it does not exist. */
    List<Path> list(Path dir) throws IOException;

    boolean exists(Path p);

    byte[] read(Path p) throws IOException;

    /** Opens for appending, creating it if missing. */
    Handle append(Path p) throws IOException;

    /** Opens empty, creating or truncating it. */
    Handle create(Path p) throws IOException;

    /** Opens and locks exclusively, creating it if missing; null if anyone (this process included) holds it. */
    Handle tryLock(Path p) throws IOException;

    /** Atomically replaces {@code to} by {@code from}. */
    void replace(Path from, Path to) throws IOException;

    void deleteIfExists(Path p) throws IOException;

    /** Makes the names in {@code dir} durable; best effort (some file systems refuse it). */
    void syncDir(Path dir);

    StoreFiles REAL = new StoreFiles() {
        @Override
        public void createDirectories(Path dir) throws IOException {
            Files.createDirectories(dir);
        }

        @Override
        public List<Path> list(Path dir) throws IOException {
            List<Path> out = new ArrayList<>();
            if (!Files.isDirectory(dir)) return out;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) if (Files.isRegularFile(p)) out.add(p);
            }
            return out;
        }

        @Override
        public boolean exists(Path p) {
            return Files.exists(p);
        }

        @Override
        public byte[] read(Path p) throws IOException {
            return Files.readAllBytes(p);
        }

        @Override
        public Handle append(Path p) throws IOException {
            return new ChannelHandle(FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND), null);
        }

        @Override
        public Handle create(Path p) throws IOException {
            return new ChannelHandle(FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), null);
        }

        @Override
        public Handle tryLock(Path p) throws IOException {
            FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) { // held by this very JVM
                l = null;
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            if (l == null) {
                ch.close();
                return null;
            }
            return new ChannelHandle(ch, l);
        }

        @Override
        public void replace(Path from, Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void deleteIfExists(Path p) throws IOException {
            Files.deleteIfExists(p);
        }

        @Override
        public void syncDir(Path dir) {
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            } catch (IOException e) {
                // some file systems (FAT, some platforms) refuse directory fsync; the rename is still atomic
            }
        }
    };

    /** A {@link FileChannel} as a {@link Handle}; {@code lock}, if any, is released on close. */
    final class ChannelHandle implements Handle {
        private final FileChannel channel;
        private final FileLock lock;

        ChannelHandle(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public void append(byte[] bytes) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            channel.position(channel.size());
            while (buf.hasRemaining()) channel.write(buf);
        }

        @Override
        public void sync() throws IOException {
            channel.force(false);
        }

        @Override
        public void truncate(long size) throws IOException {
            channel.truncate(size);
        }

        @Override
        public void close() throws IOException {
            try {
                if (lock != null && lock.isValid()) lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
