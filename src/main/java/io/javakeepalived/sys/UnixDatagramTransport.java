package io.javakeepalived.sys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import jnr.unixsocket.UnixSocketAddress;

/**
 * Sends datagrams to an AF_UNIX SOCK_DGRAM socket such as {@code /dev/log}, from an unbound,
 * non-blocking socket with sendto(2) naming the path each time. Naming the path on every send
 * means a socket that was replaced (journald or rsyslog restarted) is reached at once; a full
 * receiver queue makes sendto fail with EAGAIN, and the datagram is dropped instead of the caller
 * waiting. On any other error the socket is reopened once and the send retried; if opening the
 * socket itself fails, no new attempt is made for a second.
 */
public final class UnixDatagramTransport implements SyslogTransport {

    private static final long REOPEN_BACKOFF_NANOS = 1_000_000_000L;

    private final UnixSocketAddress target;
    private final String targetPath;
    private final LongSupplier nanoClock;
    private final UnixDatagramSocket socket = new UnixDatagramSocket();
    private long nextOpenNanos;
    private boolean openFailedBefore;
    private String lastError;

    public UnixDatagramTransport(Path socketPath) {
        this(socketPath, System::nanoTime);
    }

    UnixDatagramTransport(Path socketPath, LongSupplier nanoClock) {
        this.targetPath = Objects.requireNonNull(socketPath, "socketPath").toString();
        this.target = new UnixSocketAddress(targetPath);
        this.nanoClock = nanoClock;
    }

    /** The socket path datagrams go to. */
    public String path() {
        return targetPath;
    }

    /** The text of the last error seen, or null. */
    public synchronized String lastError() {
        return lastError;
    }

    @Override
    public synchronized Outcome send(ByteBuffer datagram) {
        Outcome first = attempt(datagram);
        if (first != Outcome.FAILED || !socket.isOpen()) {
            return first;
        }
        // Not a full queue: the socket may be stale or the receiver restarting. Reopen, retry once.
        socket.drop();
        return attempt(datagram);
    }

    private Outcome attempt(ByteBuffer datagram) {
        if (!socket.isOpen() && !open()) {
            return Outcome.FAILED;
        }
        try {
            int n = socket.get().send(datagram.duplicate(), target);
            return n > 0 || !datagram.hasRemaining() ? Outcome.SENT : Outcome.DROPPED_FULL;
        } catch (IOException | RuntimeException e) {
            lastError = String.valueOf(e.getMessage());
            return wouldBlock(e) ? Outcome.DROPPED_FULL : Outcome.FAILED;
        }
    }

    private boolean open() {
        long now = nanoClock.getAsLong();
        if (openFailedBefore && now - nextOpenNanos < 0) {
            return false;
        }
        try {
            socket.get();
            openFailedBefore = false;
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            lastError = "cannot open AF_UNIX datagram socket: " + e;
            openFailedBefore = true;
            nextOpenNanos = now + REOPEN_BACKOFF_NANOS;
            return false;
        }
    }

    /** EAGAIN/EWOULDBLOCK or ENOBUFS, as jnr reports them (strerror text or the errno name). */
    public static boolean wouldBlock(Exception e) {
        String m = e.getMessage();
        if (m == null) {
            return false;
        }
        String l = m.toLowerCase(Locale.ROOT);
        return l.contains("temporarily unavailable") || l.contains("would block") || l.contains("eagain")
                || l.contains("ewouldblock") || l.contains("no buffer space") || l.contains("enobufs");
    }

    @Override
    public synchronized void close() {
        socket.drop();
    }
}
