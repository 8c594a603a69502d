package io.javakeepalived.check.probe.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The byte stream of one exchange on a connected non-blocking channel: the channel itself for
 * HTTP_GET, TLS through an SSLEngine for SSL_GET. No call blocks; each says whether it is done
 * and {@link #waitingFor()} says which readiness moves it on.
 */
interface Transport {

    /** Moves the TLS handshake on; true once it is complete (at once for plain HTTP). */
    boolean handshake() throws IOException;

    /** Writes what it can of {@code src}; true when all of it is on the wire. */
    boolean write(ByteBuffer src) throws IOException;

    /**
     * The next plain bytes that arrived, in read mode, to be consumed entirely before the next
     * call; empty when none are there yet, null at the end of the stream.
     */
    ByteBuffer read() throws IOException;

    /** SelectionKey.OP_READ or OP_WRITE: what the last unfinished call waits for. */
    int waitingFor();
}
