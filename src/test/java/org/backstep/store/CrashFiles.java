package org.backstep.store;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * An in-memory file layer that can lose power, in the style of SQLite's crash-test VFS. Every file keeps what
 * the disk surely holds (its content at the last sync) apart from what the page cache shows; every directory
 * keeps its durable names (as of the last directory sync) apart from the current ones. {@link #cut} returns
 * the disk after a power cut: each unsynced name change independently happened or not (so unsynced writes
 * are reordered across files), and each file's unsynced bytes are dropped, kept, or torn per 512-byte sector
 * (old bytes, new bytes or garbage) with a length anywhere between the old and the new one.
 *
 * <p>Assumptions (stated, not tested): bytes a write did not change survive (SQLite's "powersafe
 * overwrite"), and directories, once created, survive. A fuse can cut the power in the middle of any
 * mutating operation: it throws {@link PowerCut} before the operation takes effect.
 */
final class CrashFiles implements StoreFiles {
    /** Thrown by the operation during which the power went; an Error, so nothing in the store catches it. */
    static final class PowerCut extends Error {
        PowerCut() { super("power cut", null, false, false); }
    }

    private static final int SECTOR = 512;

    private static final class Inode {
        byte[] durable = new byte[0];
        byte[] current = new byte[0];
    }

    private final Map<Path, Inode> names = new HashMap<>();
    private final Map<Path, Inode> durableNames = new HashMap<>();
    private final Set<Path> dirs = new HashSet<>();
    private final Set<Path> locked = new HashSet<>();
    private long fuse = Long.MAX_VALUE;
    long operations;

    /** The power goes during the {@code n}-th mutating operation from now (1 = the next one). */
    void fuse(long n) { fuse = n; }

    private void tick() {
        operations++;
        if (--fuse <= 0) {
            fuse = Long.MAX_VALUE;
            throw new PowerCut();
        }
    }

    private Inode inode(Path p) throws IOException {
        Inode i = names.get(p);
        if (i == null) throw new NoSuchFileException(p.toString());
        return i;
    }

    @Override public synchronized void createDirectories(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) dirs.add(d);
    }

    @Override public synchronized List<Path> list(Path dir) {
        return names.keySet().stream().filter(p -> dir.equals(p.getParent())).toList();
    }

    @Override public synchronized boolean exists(Path p) { return names.containsKey(p) || dirs.contains(p); }

    @Override public synchronized byte[] read(Path p) throws IOException { return inode(p).current.clone(); }

    private Handle handle(Path p, Inode i, boolean lock) {
        return new Handle() {
            boolean closed;

            @Override public long size() { synchronized (CrashFiles.this) { return i.current.length; } }

            @Override public void append(byte[] bytes) {
                synchronized (CrashFiles.this) {
                    check();
                    tick();
                    byte[] c = Arrays.copyOf(i.current, i.current.length + bytes.length);
                    System.arraycopy(bytes, 0, c, i.current.length, bytes.length);
                    i.current = c;
                }
            }

            @Override public void sync() {
                synchronized (CrashFiles.this) {
                    check();
                    tick();
                    i.durable = i.current.clone();
                }
            }

            @Override public void truncate(long size) {
                synchronized (CrashFiles.this) {
                    check();
                    tick();
                    if (size < i.current.length) i.current = Arrays.copyOf(i.current, (int) size);
                }
            }

            @Override public void close() {
                synchronized (CrashFiles.this) {
                    closed = true;
                    if (lock) locked.remove(p);
                }
            }

            private void check() {
                if (closed) throw new IllegalStateException("closed handle on " + p);
            }
        };
    }

    private Inode openOrCreate(Path p) {
        if (!dirs.contains(p.getParent())) throw new IllegalStateException("no directory " + p.getParent());
        return names.computeIfAbsent(p, x -> new Inode());
    }

    @Override public synchronized Handle append(Path p) {
        if (!names.containsKey(p)) tick();
        return handle(p, openOrCreate(p), false);
    }

    @Override public synchronized Handle create(Path p) {
        tick();
        Inode i = openOrCreate(p);
        i.current = new byte[0];
        return handle(p, i, false);
    }

    @Override public synchronized Handle tryLock(Path p) {
        if (locked.contains(p)) return null;
        locked.add(p);
        return handle(p, openOrCreate(p), true);
    }

    @Override public synchronized void replace(Path from, Path to) throws IOException {
        Inode i = inode(from);
        tick();
        names.remove(from);
        names.put(to, i);
    }

    @Override public synchronized void deleteIfExists(Path p) {
        if (!names.containsKey(p)) return;
        tick();
        names.remove(p);
    }

    @Override public synchronized void syncDir(Path dir) {
        tick();
        durableNames.keySet().removeIf(p -> dir.equals(p.getParent()));
        names.forEach((p, i) -> { if (dir.equals(p.getParent())) durableNames.put(p, i); });
    }

    /** The disk after a power cut now: a new file layer (no process, so no locks) holding what survived. */
    synchronized CrashFiles cut(Random rnd) {
        CrashFiles after = new CrashFiles();
        after.dirs.addAll(dirs);
        Map<Inode, byte[]> torn = new HashMap<>();
        Set<Path> all = new TreeSet<>(names.keySet());
        all.addAll(durableNames.keySet());
        for (Path p : all) {
            Inode d = durableNames.get(p), c = names.get(p);
            Inode survivor = d == c ? d : rnd.nextBoolean() ? d : c;
            if (survivor == null) continue;
            Inode copy = new Inode();
            copy.durable = copy.current = torn.computeIfAbsent(survivor, i -> tear(i, rnd));
            after.names.put(p, copy);
            after.durableNames.put(p, copy);
        }
        return after;
    }

    private static byte[] tear(Inode i, Random rnd) {
        byte[] d = i.durable, c = i.current;
        if (Arrays.equals(d, c)) return d.clone();
        switch (rnd.nextInt(4)) {
            case 0: return d.clone(); // nothing unsynced reached the disk
            case 1: return c.clone(); // all of it did
            default: break;
        }
        int lo = Math.min(d.length, c.length), hi = Math.max(d.length, c.length);
        int len = lo + rnd.nextInt(hi - lo + 1);
        byte[] out = new byte[len];
        for (int s = 0; s < len; s += SECTOR) {
            int pick = rnd.nextInt(3); // this sector: old, new, or garbage
            for (int k = s; k < Math.min(len, s + SECTOR); k++) {
                boolean inD = k < d.length, inC = k < c.length;
                if (inD && inC && d[k] == c[k]) out[k] = d[k]; // unchanged bytes survive
                else if (pick == 0 && inD) out[k] = d[k];
                else if (pick == 1 && inC) out[k] = c[k];
                else out[k] = (byte) rnd.nextInt(256);
            }
        }
        return out;
    }
}
