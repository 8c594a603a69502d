package io.javakeepalived.sys;

import java.nio.ByteBuffer;

/** Where the syslog appender hands its datagrams. Implementations never block for long. */
public interface SyslogTransport extends AutoCloseable {

    /** What became of one datagram. */
    enum Outcome {
        /** Handed to the kernel. */
        SENT,
        /** The receiver's queue is full (EAGAIN): dropped rather than waiting. */
        DROPPED_FULL,
        /** No receiver (socket missing, refused) or another error: dropped. */
        FAILED
    }

    /** Sends {@code datagram} (position..limit); never throws. */
    Outcome send(ByteBuffer datagram);

    @Override
    void close();
}
