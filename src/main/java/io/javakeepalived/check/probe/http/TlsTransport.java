package io.javakeepalived.check.probe.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * SSL_GET: TLS through an {@link SSLEngine} over the non-blocking channel. Buffers are the
 * session's record sizes (about 17 KiB each, three of them, for the life of one exchange).
 *
 * <p>The engine's delegated tasks (certificate parsing, key agreement) run inline: they are short
 * and CPU-bound, and a second thread would cost more than they do.
 */
final class TlsTransport implements Transport {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final SocketChannel channel;
    private final SSLEngine engine;
    // all three in write mode between calls
    private final ByteBuffer netIn;
    private final ByteBuffer netOut;
    private final ByteBuffer appIn;
    private boolean begun;
    private boolean inboundDone;
    private int waitingFor = SelectionKey.OP_WRITE;

    TlsTransport(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        SSLSession session = engine.getSession();
        this.netIn = ByteBuffer.allocate(session.getPacketBufferSize());
        this.netOut = ByteBuffer.allocate(session.getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(session.getApplicationBufferSize());
    }

    @Override
    public boolean handshake() throws IOException {
        if (!begun) {
            engine.beginHandshake();
            begun = true;
        }
        while (flush()) {
            switch (engine.getHandshakeStatus()) {
                case NOT_HANDSHAKING, FINISHED -> {
                    return true;
                }
                case NEED_TASK -> runTasks();
                case NEED_WRAP -> {
                    if (engine.wrap(NOTHING, netOut).getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("TLS closed during the handshake");
                    }
                }
                default -> { // NEED_UNWRAP
                    SSLEngineResult.Status s = unwrap();
                    if (s == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("TLS closed by the server during the handshake");
                    }
                    if (s == SSLEngineResult.Status.BUFFER_UNDERFLOW && !fill()) {
                        return false;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public boolean write(ByteBuffer src) throws IOException {
        while (flush()) {
            if (!src.hasRemaining()) {
                return true;
            }
            if (engine.wrap(src, netOut).getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("TLS closed before the request was sent");
            }
        }
        return false;
    }

    @Override
    public ByteBuffer read() throws IOException {
        appIn.clear(); // the caller consumed the last batch
        waitingFor = SelectionKey.OP_READ;
        while (appIn.position() == 0 && !inboundDone) {
            SSLEngineResult.Status s = unwrap();
            if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                runTasks();
            }
            if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                engine.wrap(NOTHING, netOut); // a TLS 1.3 key update answer; best effort
                flush();
            }
            if (s == SSLEngineResult.Status.CLOSED) {
                inboundDone = true;
            } else if (s == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                try {
                    if (!fill()) {
                        return appIn.flip(); // empty: wait for the network
                    }
                } catch (EOFException e) {
                    // closed without close_notify: keepalived's SSL_read takes it as the end too
                    inboundDone = true;
                }
            }
        }
        if (appIn.position() == 0) {
            return null;
        }
        return appIn.flip();
    }

    @Override
    public int waitingFor() {
        return waitingFor;
    }

    private SSLEngineResult.Status unwrap() throws SSLException {
        netIn.flip();
        try {
            SSLEngineResult r = engine.unwrap(netIn, appIn);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                throw new SSLException("TLS record larger than the session's application buffer");
            }
            if (r.getStatus() == SSLEngineResult.Status.OK && r.bytesConsumed() == 0 && r.bytesProduced() == 0
                    && r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
                return SSLEngineResult.Status.BUFFER_UNDERFLOW;
            }
            return r.getStatus();
        } finally {
            netIn.compact();
        }
    }

    /** Reads from the channel into netIn: false when nothing is there yet. */
    private boolean fill() throws IOException {
        if (!netIn.hasRemaining()) {
            throw new SSLException("TLS record larger than the session's packet buffer");
        }
        int n = channel.read(netIn);
        if (n < 0) {
            throw new EOFException("connection closed by the server");
        }
        waitingFor = SelectionKey.OP_READ;
        return n > 0;
    }

    /** Writes out pending records: false while some are left (then it waits to write). */
    private boolean flush() throws IOException {
        netOut.flip();
        try {
            if (netOut.hasRemaining()) {
                channel.write(netOut);
            }
            if (netOut.hasRemaining()) {
                waitingFor = SelectionKey.OP_WRITE;
                return false;
            }
            return true;
        } finally {
            netOut.compact();
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
