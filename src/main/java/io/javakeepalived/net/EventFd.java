package io.javakeepalived.net;


/**
 * A non-blocking {@code eventfd(2)}: a pollable fd other threads can {@link #signal()} to wake a
 * {@link Poller}. The reader calls {@link #drain()} when the fd is readable.
 */
public final class EventFd implements WakeUpFd {
    private final int fd;
    private final NativeBuffer sig = new NativeBuffer(8);
    private final NativeBuffer rd = new NativeBuffer(8);
    private volatile boolean closed;

    public EventFd() throws ErrnoException {
        this.fd = Native.check(Native.LIBC.eventfd(0, Sys.EFD_NONBLOCK | Sys.EFD_CLOEXEC), "eventfd");
        sig.buf.putLong(0, 1L);
    }

    public int fd() {
        return fd;
    }

    /** Adds one to the counter; safe from any thread. */
    public synchronized void signal() throws ErrnoException {
        if (closed) {
            return;
        }
        long n = Native.retryingEintr(() -> Native.LIBC.write(fd, sig.ptr, 8));
        if (n < 0 && Native.errno() != Errno.EAGAIN) {
            throw Native.error("write(eventfd)");
        }
    }

    /** Reads and resets the counter; returns it (0 if nothing was signalled). Single reader only. */
    public long drain() throws ErrnoException {
        long n = Native.retryingEintr(() -> Native.LIBC.read(fd, rd.ptr, 8));
        if (n < 0) {
            if (Native.errno() == Errno.EAGAIN) {
                return 0;
            }
            throw Native.error("read(eventfd)");
        }
        return rd.buf.getLong(0);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Native.close(fd);
        }
    }
}
