package io.javakeepalived.check.probe.smtp;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.check.probe.socket.ProbeSockets;
import io.javakeepalived.check.probe.socket.ChannelAttempt;
import io.javakeepalived.config.model.Checker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One SMTP_CHECK attempt against one host: connect, expect 220, HELO, expect 250, QUIT, read any
 * reply, close. Every step (the connect, each reply, each write) has its own connect_timeout, as
 * keepalived's; unlike keepalived's, a reply's deadline is not pushed back by a server that
 * trickles a byte at a time.
 *
 * <p>A failure's reason is keepalived's whole log line ("SMTP_CHECK Read timeout from server
 * [10.0.0.2]:25"); keepalived logs it only when the checker is up and its retries are spent (or
 * log_all_failures), which is the engine's knowledge, so the probe leaves the logging to it.
 */
public final class SmtpProbe implements Probe {

    private enum Step { CONNECT, BANNER, HELO, HELO_REPLY, QUIT, QUIT_REPLY }

    private final Checker.Connection connection;
    private final String heloName;
    private final String server;
    private final Duration timeout;

    private ProbeIo io;
    private ChannelAttempt attempt;
    private SocketChannel channel;
    private SelectionKey key;
    private Step step;
    private SmtpReply reply;
    private final ByteBuffer in = ByteBuffer.allocate(SmtpReply.MAX_LINE);
    private ByteBuffer out;

    public SmtpProbe(Checker.Smtp checker) {
        this.connection = checker.connection();
        this.heloName = checker.heloName();
        this.server = ProbeSockets.pair(connection);
        this.timeout = connection.connectTimeout();
    }

    @Override
    public void start(ProbeIo io, Consumer<ProbeResult> done) {
        this.io = io;
        this.attempt = new ChannelAttempt(io, done);
        step = Step.CONNECT;
        try {
            channel = attempt.own(ProbeSockets.startTcp(connection));
            key = io.register(channel, SelectionKey.OP_CONNECT, k -> ready());
        } catch (IOException e) {
            fail("Network unreachable for server " + server);
            return;
        }
        attempt.timer().arm(timeout, () -> fail("Connection timeout to server " + server));
    }

    @Override
    public void abort() {
        if (attempt != null) {
            attempt.abort();
        }
    }

    private void ready() {
        if (attempt.finished()) {
            return;
        }
        try {
            switch (step) {
                case CONNECT -> connected();
                case BANNER, HELO_REPLY, QUIT_REPLY -> read();
                case HELO, QUIT -> write();
            }
        } catch (IOException e) {
            fail(switch (step) {
                case CONNECT -> "Error connecting to server " + server;
                case HELO, QUIT -> "Write failure to server " + server;
                default -> "Read failure from server " + server;
            });
        }
    }

    private void connected() throws IOException {
        if (!channel.finishConnect()) {
            return;
        }
        expectReply(Step.BANNER);
    }

    private void expectReply(Step next) {
        step = next;
        reply = new SmtpReply();
        in.clear();
        key.interestOps(SelectionKey.OP_READ);
        attempt.timer().arm(timeout, () -> fail("Read timeout from server " + server));
    }

    private void read() throws IOException {
        int n = channel.read(in);
        if (n < 0) {
            fail("Read failure from server " + server);
            return;
        }
        in.flip();
        boolean complete = reply.feed(in);
        in.clear();
        if (!complete) {
            return;
        }
        if (reply.overflowed()) {
            io.log("SMTP_CHECK Buffer overflow reading from server " + server + ".");
        }
        switch (step) {
            case BANNER -> expectCode(220, "Bad greeting banner from server ", "HELO " + heloName, Step.HELO);
            case HELO_REPLY -> expectCode(250, "Bad HELO response from server ", "QUIT", Step.QUIT);
            default -> succeed();
        }
    }

    private void expectCode(int wanted, String badReply, String command, Step next) throws IOException {
        if (reply.code() != wanted) {
            fail(badReply + server);
            return;
        }
        step = next;
        out = ByteBuffer.wrap((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        attempt.timer().arm(timeout, () -> fail("Write timeout to server " + server));
        write();
    }

    private void write() throws IOException {
        channel.write(out);
        if (out.hasRemaining()) {
            key.interestOps(SelectionKey.OP_WRITE);
            return;
        }
        expectReply(step == Step.HELO ? Step.HELO_REPLY : Step.QUIT_REPLY);
    }

    private void succeed() {
        attempt.finish(ProbeResult.Success.plain());
    }

    private void fail(String what) {
        attempt.finish(new ProbeResult.Failure("SMTP_CHECK " + what));
    }
}
