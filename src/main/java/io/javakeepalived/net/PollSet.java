package io.javakeepalived.net;

/**
 * {@code poll(2)} over a small, changing set of fds, as an event loop uses it: {@link Poller} is
 * the real one. Owned by one thread.
 */
public interface PollSet {

    /** Watches {@code fd} for input; adding a watched fd again does nothing. */
    void add(int fd);

    /** Stops watching {@code fd}. */
    void remove(int fd);

    /** Waits up to {@code timeoutMillis} (-1: for ever) for input; returns how many fds are ready. */
    int poll(int timeoutMillis) throws ErrnoException;

    /**
     * Waits up to {@code timeoutNanos} (-1: for ever) for input; returns how many fds are ready.
     * This one by default waits whole milliseconds, rounded up (never early); {@link Poller}
     * waits to the nanosecond (ppoll), so timers are not up to a millisecond late.
     */
    default int pollNanos(long timeoutNanos) throws ErrnoException {
        if (timeoutNanos < 0) {
            return poll(-1);
        }
        long ms = timeoutNanos / 1_000_000 + (timeoutNanos % 1_000_000 == 0 ? 0 : 1);
        return poll((int) Math.min(Integer.MAX_VALUE, ms));
    }

    /** How many fds the last {@link #poll} found ready. */
    int readyCount();

    /** The {@code i}-th of them. */
    int readyFd(int i);
}
