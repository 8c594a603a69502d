package io.javakeepalived.sys;

import java.io.IOException;
import jnr.unixsocket.UnixDatagramChannel;

/**
 * The one unbound, non-blocking AF_UNIX datagram socket of a sending transport ({@code /dev/log},
 * {@code $NOTIFY_SOCKET}): opened on first use, dropped after an error so that the next use
 * opens a fresh one. The transports decide when to reopen and retry; this only holds the socket.
 * Non-blocking, because a receiver with a full queue must make sendto(2) fail with EAGAIN
 * rather than stall the caller. Not thread-safe: callers hold their own lock.
 */
final class UnixDatagramSocket {
    private UnixDatagramChannel channel;

    /** The open socket, opening it first if there is none. */
    UnixDatagramChannel get() throws IOException {
        if (channel == null) {
            UnixDatagramChannel ch = UnixDatagramChannel.open();
            ch.configureBlocking(false);
            channel = ch;
        }
        return channel;
    }

    boolean isOpen() {
        return channel != null;
    }

    /** Closes and forgets the socket; the next {@link #get()} opens a new one. */
    void drop() {
        UnixDatagramChannel ch = channel;
        channel = null;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing more to do with a socket being dropped
            }
        }
    }
}
