package org.backstep.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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

    private final StoreFiles.Handle handle;

    private StateLock(StoreFiles.Handle handle) {
        this.handle = handle;
    }

    /** Takes the lock or refuses at once with a {@link BusyException} naming the directory and the holder. */
    public static StateLock acquire(Path stateDir) throws IOException {
        return acquire(StoreFiles.REAL, stateDir);
    }

    static StateLock acquire(StoreFiles files, Path stateDir) throws IOException {
        files.createDirectories(stateDir);
        Path f = stateDir.resolve(FILE);
        StoreFiles.Handle h = files.tryLock(f);
        if (h == null) {
            String holder;
            try {
                holder = new String(files.read(f), StandardCharsets.US_ASCII).trim();
            } catch (IOException e) {
                holder = "";
            }
            throw new BusyException("state directory " + stateDir + " is in use by another backstep process"
                    + (holder.matches("[0-9]{1,10}") ? " (pid " + holder + ")" : "")
                    + " (run, record, calibrate or demo); stop it first, e.g. systemctl stop backstep");
        }
        try {
            h.truncate(0);
            h.append((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            h.close();
            throw e;
        }
        return new StateLock(h);
    }

    @Override
    public void close() throws IOException {
        handle.close();
    }
}
