package org.backstep.app;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.tinylog.Logger;

/**
 * The systemd notification protocol (sd_notify(3)) over {@code $NOTIFY_SOCKET}: {@code READY=1} once the
 * sensor is configured, {@code WATCHDOG=1} from the sampling loop when samples progress (at most every
 * quarter of {@code $WATCHDOG_USEC}), {@code STOPPING=1} at shutdown. An AF_UNIX datagram socket through
 * libc by JNA (Java 17 has no Unix datagram channel), with the abstract namespace ({@code @name}).
 * Without {@code $NOTIFY_SOCKET} (not started by systemd with {@code Type=notify}) every call is a no-op.
 * A failed send is logged once and never stops the service.
 */
final class SdNotify implements AutoCloseable {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int MSG_NOSIGNAL = 0x4000;
    /** sizeof(struct sockaddr_un): sa_family_t (2 bytes) and sun_path[108] (unix(7)). */
    private static final int SOCKADDR_UN_BYTES = 110;
    private static final byte[] WATCHDOG = "WATCHDOG=1".getBytes(StandardCharsets.US_ASCII);

    /** The libc calls used, errno kept in a {@link LastErrorException}. */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrLen) throws LastErrorException;

        int bind(int fd, byte[] addr, int addrLen) throws LastErrorException;

        long recv(int fd, byte[] buf, long len, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static volatile LibC libc;

    private final byte[] address;
    private final int addressLength;
    private final long watchdogEveryNanos;
    private int fd = -1;
    private long lastWatchdog = Long.MIN_VALUE;
    private boolean failureLogged;

    private SdNotify(byte[] address, int addressLength, long watchdogEveryNanos) {
        this.address = address;
        this.addressLength = addressLength;
        this.watchdogEveryNanos = watchdogEveryNanos;
    }

    /** From {@code $NOTIFY_SOCKET} and {@code $WATCHDOG_USEC} in {@code env}; a no-op notifier without the socket. */
    static SdNotify fromEnvironment(Map<String, String> env) {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) return new SdNotify(null, 0, Long.MAX_VALUE);
        long every = Long.MAX_VALUE;
        String usec = env.get("WATCHDOG_USEC");
        if (usec != null && usec.matches("[0-9]{1,18}") && Long.parseLong(usec) > 0) every = Long.parseLong(usec) * 1000L / 4;
        byte[] addr = sockaddr(socket);
        return new SdNotify(addr, addrLength(socket), every);
    }

    static LibC libc() {
        LibC c = libc;
        if (c == null) {
            c = Native.load("c", LibC.class);
            libc = c;
        }
        return c;
    }

    /** struct sockaddr_un for {@code path}; a leading {@code @} is the abstract namespace (a NUL byte). */
    static byte[] sockaddr(String path) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length > SOCKADDR_UN_BYTES - 3) throw new IllegalArgumentException("socket path too long: " + path);
        byte[] a = new byte[SOCKADDR_UN_BYTES];
        a[0] = (byte) AF_UNIX;          // sa_family_t in host order: little-endian on the Pi and on x86
        System.arraycopy(p, 0, a, 2, p.length);
        if (p[0] == '@') a[2] = 0;
        return a;
    }

    static int addrLength(String path) {
        int n = path.getBytes(StandardCharsets.UTF_8).length;
        return path.startsWith("@") ? 2 + n : 2 + n + 1;     // abstract names count exactly, paths with their NUL
    }

    /** True when systemd listens. */
    boolean enabled() {
        return address != null;
    }

    /** True when systemd expects {@code WATCHDOG=1}. */
    boolean watchdogEnabled() {
        return enabled() && watchdogEveryNanos != Long.MAX_VALUE;
    }

    /** {@code READY=1}, with a status line for {@code systemctl status}. */
    void ready(String status) {
        send(("READY=1\nSTATUS=" + status).getBytes(StandardCharsets.UTF_8));
    }

    void stopping() {
        send("STOPPING=1".getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The sampling loop made progress at {@code nowNanos}: tells the watchdog, at most every quarter of its
     * timeout (sampling thread; nothing allocated between sends).
     */
    void watchdog(long nowNanos) {
        if (!watchdogEnabled()) return;
        if (lastWatchdog != Long.MIN_VALUE && nowNanos - lastWatchdog < watchdogEveryNanos) return;
        lastWatchdog = nowNanos;
        send(WATCHDOG);
    }

    private synchronized void send(byte[] message) {
        if (address == null) return;
        try {
            LibC c = libc();
            if (fd < 0) fd = c.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            c.sendto(fd, message, message.length, MSG_NOSIGNAL, address, addressLength);
        } catch (LastErrorException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            if (!failureLogged) {
                failureLogged = true;
                Logger.warn("systemd notification failed ({}); the watchdog may restart the service", e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (fd >= 0) {
            try {
                libc().close(fd);
            } catch (LastErrorException e) {
                // nothing left to tell systemd
            }
            fd = -1;
        }
    }
}
