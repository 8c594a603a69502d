package io.javakeepalived.check.probe.http;

import io.javakeepalived.check.probe.ProbeIo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * One url of one attempt on a connection of its own, as keepalived does it: connect, TLS
 * handshake (SSL_GET), send the GET, read the answer to the end of the stream, judge it.
 *
 * <p>Time: connecting and the handshake together get connect_timeout (keepalived's SSL_connect
 * keeps the connect's deadline); writing the request gets connect_timeout; then every read must
 * come within connect_timeout of the previous one, and the whole exchange ends by
 * {@link HttpCheck#EXCHANGE_TIMEOUTS} × connect_timeout, so a server that trickles bytes costs a
 * bounded time. One timer is armed at a time and moved lazily, not on every read.
 */
final class Exchange {
    /** Bytes taken in one readiness callback, so one fast server cannot hold the engine's thread. */
    private static final int READ_BUDGET = 64 * 1024;

    private enum Phase { CONNECTING, HANDSHAKING, SENDING, AWAITING, HEAD, BODY, OVER }

    private final HttpCheck check;
    private final UrlCheck url;
    private final ProbeIo io;
    private final Consumer<UrlVerdict> finished;
    private final long timeout;
    private final long hardDeadline;
    private final ResponseHead head = new ResponseHead();
    private ResponseBody body;
    private Phase phase = Phase.CONNECTING;
    private SocketChannel channel;
    private SelectionKey key;
    private Transport transport;
    private ByteBuffer request;
    private long deadline;
    private ProbeIo.Timer timer;

    Exchange(HttpCheck check, UrlCheck url, ProbeIo io, Consumer<UrlVerdict> finished) {
        this.check = check;
        this.url = url;
        this.io = io;
        this.finished = finished;
        this.timeout = check.connectTimeoutNanos();
        long now = io.nanoTime();
        this.hardDeadline = now + HttpCheck.EXCHANGE_TIMEOUTS * timeout;
        this.deadline = now + timeout;
    }

    void start() {
        InetSocketAddress target = check.target();
        try {
            channel = SocketChannel.open(check.targetIsIpv6() ? StandardProtocolFamily.INET6
                    : StandardProtocolFamily.INET);
            channel.configureBlocking(false);
            check.bind(channel);
        } catch (IOException e) {
            fail(HttpFailure.CONNECTION_FAILED, "cannot bind: " + message(e));
            return;
        }
        timer = io.after(timeout, this::timerFired);
        try {
            boolean connected = channel.connect(target);
            key = io.register(channel, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, k -> advance());
        } catch (ConnectException | NoRouteToHostException e) {
            fail(HttpFailure.NETWORK_UNREACHABLE, message(e)); // refused before any packet left, as keepalived's connect_fail
            return;
        } catch (IOException e) {
            fail(unreachable(e) ? HttpFailure.NETWORK_UNREACHABLE : HttpFailure.CONNECTION_FAILED, message(e));
            return;
        }
        advance();
    }

    /** Closes everything without a verdict (the attempt was aborted). */
    void abort() {
        phase = Phase.OVER;
        close();
    }

    private void advance() {
        try {
            int budget = READ_BUDGET;
            while (phase != Phase.OVER) {
                switch (phase) {
                    case CONNECTING -> {
                        if (!channel.finishConnect()) {
                            key.interestOps(SelectionKey.OP_CONNECT);
                            return;
                        }
                        transport = check.transport(channel, url);
                        phase = Phase.HANDSHAKING;
                    }
                    case HANDSHAKING -> {
                        if (!transport.handshake()) {
                            key.interestOps(transport.waitingFor());
                            return;
                        }
                        request = ByteBuffer.wrap(url.request());
                        phase = Phase.SENDING;
                        deadline = Math.min(io.nanoTime() + timeout, hardDeadline);
                    }
                    case SENDING -> {
                        if (!transport.write(request)) {
                            key.interestOps(transport.waitingFor());
                            return;
                        }
                        phase = Phase.AWAITING;
                        key.interestOps(SelectionKey.OP_READ);
                        deadline = Math.min(io.nanoTime() + timeout, hardDeadline);
                    }
                    default -> {
                        if (budget <= 0) {
                            // more later, after the others' turn; bytes may wait in the
                            // transport's buffer with no readiness left to wake us
                            io.handBack(this::advance);
                            return;
                        }
                        ByteBuffer in = transport.read();
                        if (in == null) {
                            endOfStream();
                            return;
                        }
                        if (!in.hasRemaining()) {
                            key.interestOps(transport.waitingFor());
                            return;
                        }
                        budget -= in.remaining();
                        deadline = Math.min(io.nanoTime() + timeout, hardDeadline);
                        take(in);
                    }
                }
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    private void take(ByteBuffer in) {
        if (phase == Phase.AWAITING) {
            phase = Phase.HEAD;
        }
        if (phase == Phase.HEAD) {
            ResponseHead.State s = head.feed(in);
            if (s == ResponseHead.State.TOO_LARGE) {
                fail(HttpFailure.NO_DATA, "response head over its limits");
                return;
            }
            if (s != ResponseHead.State.COMPLETE) {
                return;
            }
            if (url.refuses(head.statusCode())) {
                // the verdict cannot change: no need to read a body nobody will look at
                finish(UrlCheck.statusFailure(head.statusCode()));
                return;
            }
            body = url.newBody(head.contentLength());
            phase = Phase.BODY;
        }
        body.feed(in);
    }

    private void endOfStream() {
        if (phase != Phase.BODY) {
            fail(HttpFailure.NO_DATA, "no response");
        } else {
            url.lengthMismatch(head.contentLength(), body.received()).ifPresent(io::log);
            finish(url.judge(head.statusCode(), body));
        }
    }

    private void failed(IOException e) {
        HttpFailure f = switch (phase) {
            case CONNECTING -> message(e).contains("timed out") ? HttpFailure.TIMEOUT_CONNECTING
                    : HttpFailure.CONNECTION_FAILED;
            case HANDSHAKING -> HttpFailure.TLS_HANDSHAKE;
            case SENDING -> HttpFailure.CANNOT_SEND;
            default -> e instanceof SSLException || check.tls() ? HttpFailure.SSL_READ_ERROR : HttpFailure.READ_ERROR;
        };
        fail(f, message(e));
    }

    private void timerFired() {
        timer = null;
        if (phase == Phase.OVER) {
            return;
        }
        long now = io.nanoTime();
        if (now - deadline < 0) {
            timer = io.after(deadline - now, this::timerFired);
            return;
        }
        HttpFailure f = switch (phase) {
            case CONNECTING, HANDSHAKING -> HttpFailure.TIMEOUT_CONNECTING;
            case SENDING -> HttpFailure.TIMEOUT_WEB_WRITE;
            case AWAITING -> HttpFailure.TIMEOUT_WEB_READ;
            default -> check.tls() ? HttpFailure.TIMEOUT_SSL_READ : HttpFailure.TIMEOUT_HTTP_READ;
        };
        fail(f, "timeout");
    }

    private void fail(HttpFailure failure, String reason) {
        finish(new UrlVerdict.Fail(failure, reason));
    }

    private void finish(UrlVerdict verdict) {
        if (phase == Phase.OVER) {
            return;
        }
        phase = Phase.OVER;
        close();
        finished.accept(verdict);
    }

    private void close() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (channel != null) {
            try {
                channel.close(); // also cancels the key
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }

    private static boolean unreachable(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e instanceof SocketException && (m.contains("unreachable") || m.contains("network is down"));
    }

    private static String message(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.toLowerCase(Locale.ROOT);
    }
}
