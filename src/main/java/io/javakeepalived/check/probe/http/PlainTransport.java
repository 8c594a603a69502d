package io.javakeepalived.check.probe.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * HTTP_GET: the channel as it is, read through one small buffer shared by every exchange of the
 * thread (at 1,000 checks a second, a buffer each was 4 MB of garbage a second). Sharing is safe
 * because {@link Transport#read()}'s bytes are consumed entirely before the exchange returns to
 * its loop, and a loop thread runs one exchange at a time. One per thread rather than one for
 * all, because probes may run on more than one loop (tests run several at once).
 */
final class PlainTransport implements Transport {
    /** keepalived reads 4 KiB at a time too; nothing more of the body is ever kept. */
    private static final int READ_SIZE = 4096;

    private final SocketChannel channel;
    private static final ThreadLocal<ByteBuffer> SHARED = ThreadLocal.withInitial(() -> ByteBuffer.allocate(READ_SIZE));
    private int waitingFor = SelectionKey.OP_WRITE;

    PlainTransport(SocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public boolean handshake() {
        return true;
    }

    @Override
    public boolean write(ByteBuffer src) throws IOException {
        channel.write(src);
        waitingFor = SelectionKey.OP_WRITE;
        return !src.hasRemaining();
    }

    @Override
    public ByteBuffer read() throws IOException {
        ByteBuffer in = SHARED.get();
        in.clear();
        int n = channel.read(in);
        waitingFor = SelectionKey.OP_READ;
        return n < 0 ? null : in.flip();
    }

    @Override
    public int waitingFor() {
        return waitingFor;
    }
}
