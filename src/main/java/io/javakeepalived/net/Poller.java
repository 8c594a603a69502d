package io.javakeepalived.net;

import java.util.Arrays;
import jnr.ffi.Pointer;

/**
 * {@code poll(2)} / {@code ppoll(2)} over a small, changing set of fds (VRRP sockets, the netlink
 * monitor, an {@link EventFd}). Owned by one thread: the daemon's event loop. {@link #poll(int)} fills
 * {@link #readyCount()} entries readable with {@link #readyFd(int)}; errors and hang-ups count as
 * ready so the owner's next read reports them.
 */
public final class Poller implements PollSet {
    private static final int ENTRY = 8; // struct pollfd { int fd; short events; short revents; }

    private int[] fds = new int[0];
    private NativeBuffer pollfds = new NativeBuffer(16 * ENTRY);
    private final int[] ready = new int[256];
    /** struct timespec { long tv_sec; long tv_nsec; } for ppoll, reused. */
    private final NativeBuffer timespec = new NativeBuffer(16);
    private int readyCount;

    /** Watches {@code fd} for input; adding a watched fd again does nothing. */
    public void add(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("fd " + fd);
        }
        for (int f : fds) {
            if (f == fd) {
                return;
            }
        }
        fds = Arrays.copyOf(fds, fds.length + 1);
        fds[fds.length - 1] = fd;
        if (fds.length * ENTRY > pollfds.capacity()) {
            pollfds = new NativeBuffer(fds.length * 2 * ENTRY);
        }
        if (fds.length > ready.length) {
            throw new IllegalStateException("more than " + ready.length + " fds");
        }
    }

    public void remove(int fd) {
        int[] kept = Arrays.stream(fds).filter(f -> f != fd).toArray();
        fds = kept;
    }

    /**
     * Waits up to {@code timeoutMillis} (-1 forever, 0 no wait) for input; returns the number of
     * ready fds. EINTR returns 0 (the caller re-evaluates its timers anyway).
     */
    public int poll(int timeoutMillis) throws ErrnoException {
        int n = prepare();
        return collect(Native.LIBC.poll(pollfds.ptr, n, timeoutMillis), n, "poll");
    }

    /**
     * As {@link #poll(int)}, but the timeout is in nanoseconds (-1 forever): poll(2) takes whole
     * milliseconds, so a timer 0.1 ms away either woke the loop early, to spin, or up to a
     * millisecond late; ppoll(2) sleeps on a high-resolution timer to the deadline itself.
     */
    @Override
    public int pollNanos(long timeoutNanos) throws ErrnoException {
        int n = prepare();
        Pointer ts = null;
        if (timeoutNanos >= 0) {
            timespec.buf.putLong(0, timeoutNanos / 1_000_000_000L);
            timespec.buf.putLong(8, timeoutNanos % 1_000_000_000L);
            ts = timespec.ptr;
        }
        return collect(Native.LIBC.ppoll(pollfds.ptr, n, ts, null), n, "ppoll");
    }

    private int prepare() {
        int n = fds.length;
        for (int i = 0; i < n; i++) {
            pollfds.buf.putInt(i * ENTRY, fds[i]);
            pollfds.buf.putShort(i * ENTRY + 4, Sys.POLLIN);
            pollfds.buf.putShort(i * ENTRY + 6, (short) 0);
        }
        return n;
    }

    private int collect(int rc, int n, String call) throws ErrnoException {
        readyCount = 0;
        if (rc < 0) {
            if (Native.errno() == Errno.EINTR) {
                return 0;
            }
            throw Native.error(call);
        }
        for (int i = 0; i < n && readyCount < rc; i++) {
            short rev = pollfds.buf.getShort(i * ENTRY + 6);
            if (rev != 0) {
                ready[readyCount++] = fds[i];
            }
        }
        return readyCount;
    }

    public int readyCount() {
        return readyCount;
    }

    public int readyFd(int i) {
        if (i >= readyCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return ready[i];
    }

    /** Whether {@code fd} was among the ready fds of the last {@link #poll(int)}. */
    public boolean isReady(int fd) {
        for (int i = 0; i < readyCount; i++) {
            if (ready[i] == fd) {
                return true;
            }
        }
        return false;
    }
}
