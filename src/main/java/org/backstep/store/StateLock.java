package org.backstep.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per state directory: an exclusive lock on {@code <state>/lock}, held from {@link Store#open}
 * to {@link Store#close}. The operating system drops it when the process dies, however it dies, so a crash
 * never leaves a stale lock. The holder's pid is written into the file for the refusal message.
 */
public final class StateLock implements AutoCloseable {
    static final String FILE = "lock";

    /** Another process (or another store in this one) holds the state directory. */
    public static final class BusyException extends IOException {
        BusyException(String message) { super(message); }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or refuses at once with a {@link BusyException} naming the directory and the holder. */
    public static StateLock acquire(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Path f = stateDir.resolve(FILE);
        FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
            String holder = holder(ch);
            ch.close();
            throw new BusyException("state directory " + stateDir + " is in use by another backstep process"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + " (run, record, calibrate or demo); stop it first, e.g. systemctl stop backstep");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        return new StateLock(ch, l);
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            ch.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }
}
