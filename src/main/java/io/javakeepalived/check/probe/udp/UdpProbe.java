package io.javakeepalived.check.probe.udp;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.check.probe.socket.ProbeSockets;
import io.javakeepalived.check.probe.socket.ChannelAttempt;
import io.javakeepalived.config.model.Checker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One UDP_CHECK attempt, keepalived's rules (check_udp.c, layer4.c udp_socket_state):
 * <ul>
 * <li>without {@code require_reply}, silence until connect_timeout passes: only an ICMP error
 *   (a connected socket sees port unreachable) or a failed send fails it;</li>
 * <li>with it, a reply must come within connect_timeout; with a {@code require_reply HEX} it must
 *   also match the pattern and min/max_reply_length (without HEX keepalived checks no length,
 *   and neither do we).</li>
 * </ul>
 * A failure's reason is keepalived's line ("UDP connection to [10.0.0.2]:udp:53 failed." or "UDP
 * check to [10.0.0.2]:udp:53 reply data mismatch."), which keepalived logs only with
 * log_all_failures while the checker is up; the engine decides.
 *
 * <p>Unlike keepalived (IP_RECVERR) a java.nio socket is told only of "hard" ICMP errors (port
 * or protocol unreachable), not of host or network unreachable: those end as silence.
 */
public final class UdpProbe implements Probe {

    private final Checker.Udp checker;
    private final String service;
    private final byte[] payload;
    private final Optional<ReplyPattern> pattern;

    private ChannelAttempt attempt;
    private DatagramChannel channel;

    /**
     * @param service the real server as keepalived's log lines name it ("[10.0.0.2]:udp:53")
     */
    public UdpProbe(Checker.Udp checker, String service) {
        this.checker = checker;
        this.service = service;
        this.payload = UdpPayload.of(checker.payloadHex());
        this.pattern = checker.requireReply()
                ? checker.replyHex().map(h -> new ReplyPattern(h, checker.minReplyLength(), checker.maxReplyLength()))
                : Optional.empty();
    }

    @Override
    public void start(ProbeIo io, Consumer<ProbeResult> done) {
        this.attempt = new ChannelAttempt(io, done);
        try {
            channel = attempt.own(ProbeSockets.connectUdp(checker.connection()));
            io.register(channel, SelectionKey.OP_READ, k -> receive());
            if (channel.write(ByteBuffer.wrap(payload)) != payload.length) {
                failed();
                return;
            }
        } catch (IOException e) {
            failed();
            return;
        }
        attempt.timer().arm(checker.connection().connectTimeout(), () -> {
            if (checker.requireReply()) {
                failed();
            } else {
                attempt.finish(ProbeResult.Success.plain());
            }
        });
    }

    @Override
    public void abort() {
        if (attempt != null) {
            attempt.abort();
        }
    }

    private void receive() {
        if (attempt.finished()) {
            return;
        }
        // One byte more than the longest acceptable reply shows an over-long one; the kernel
        // drops the rest of the datagram, so a reply never costs more than this buffer.
        ByteBuffer in = ByteBuffer.allocate(pattern.isPresent() ? checker.maxReplyLength() + 1 : 1);
        try {
            if (channel.receive(in) == null) {
                return;
            }
        } catch (IOException e) {
            failed();
            return;
        }
        in.flip();
        if (pattern.isPresent() && !pattern.get().matches(in)) {
            attempt.finish(new ProbeResult.Failure("UDP check to " + service + " reply data mismatch."));
        } else {
            attempt.finish(ProbeResult.Success.plain());
        }
    }

    private void failed() {
        attempt.finish(new ProbeResult.Failure("UDP connection to " + service + " failed."));
    }
}
