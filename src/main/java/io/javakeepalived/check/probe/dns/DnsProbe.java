package io.javakeepalived.check.probe.dns;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.check.probe.socket.ProbeSockets;
import io.javakeepalived.check.probe.socket.ChannelAttempt;
import io.javakeepalived.config.model.Checker;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One DNS_CHECK attempt: a fresh connected UDP socket, one query with a random id, then the
 * first matching reply or connect_timeout, whichever comes first (ignored datagrams do not
 * extend it). A failure's reason is keepalived's whole line, "DNS_CHECK ([10.0.0.2]:udp:53) read
 * timeout from socket"; keepalived logs it when its retries are spent (adding " after N
 * retries") or with log_all_failures, which the engine decides.
 */
public final class DnsProbe implements Probe {

    private static final int MAX_BURST = 32;

    private final Checker.Dns checker;
    private final String service;
    /** The query with id 0; each attempt writes its own id into a copy. */
    private final byte[] template;

    private ChannelAttempt attempt;
    private DatagramChannel channel;
    private int id;
    private final ByteBuffer in = ByteBuffer.allocate(DnsQuery.MAX);

    /**
     * @param service the real server as keepalived's log lines name it ("[10.0.0.2]:udp:53")
     * @throws IllegalArgumentException for a type or name no query can carry (a label over 63
     *                                  bytes, a name over 255): a configuration error, found here
     *                                  once rather than at every attempt
     */
    public DnsProbe(Checker.Dns checker, String service) {
        this.checker = checker;
        this.service = service;
        this.template = DnsQuery.encode(0, DnsQuery.typeCode(checker.type()), checker.name());
    }

    @Override
    public void start(ProbeIo io, Consumer<ProbeResult> done) {
        this.attempt = new ChannelAttempt(io, done);
        id = ThreadLocalRandom.current().nextInt(0x10000);
        byte[] query = template.clone();
        query[0] = (byte) (id >> 8);
        query[1] = (byte) id;
        Checker.Connection c = checker.connection();
        try {
            channel = attempt.own(ProbeSockets.connectUdp(c));
        } catch (IOException e) {
            fail("network unreachable for " + ProbeSockets.pair(c));
            return;
        }
        try {
            io.register(channel, SelectionKey.OP_READ, k -> receive());
            if (channel.write(ByteBuffer.wrap(query)) != query.length) {
                fail("failed to write all of the datagram.");
                return;
            }
        } catch (IOException e) {
            fail("failed to write socket.");
            return;
        }
        attempt.timer().arm(c.connectTimeout(), () -> fail("read timeout from socket"));
    }

    @Override
    public void abort() {
        if (attempt != null) {
            attempt.abort();
        }
    }

    private void receive() {
        // Bounded: one datagram per read into a 768-byte buffer, at most a burst of them per
        // wake-up (a flood cannot hold the engine's thread), and the attempt's one deadline
        // bounds how long garbage can keep coming.
        for (int burst = 0; burst < MAX_BURST && !attempt.finished(); burst++) {
            in.clear();
            try {
                if (channel.read(in) == 0 && in.position() == 0) {
                    return;
                }
            } catch (PortUnreachableException e) {
                fail("failed to read socket; errno 111 (Connection refused)");
                return;
            } catch (IOException e) {
                fail("failed to read socket; " + e.getMessage());
                return;
            }
            in.flip();
            int rcode = DnsReply.rcode(id, in);
            if (rcode == 0) {
                attempt.finish(ProbeResult.Success.plain());
            } else if (rcode != DnsReply.IGNORE) {
                fail("read error occurred. (rcode = " + rcode + ")");
            }
        }
    }

    private void fail(String what) {
        attempt.finish(new ProbeResult.Failure("DNS_CHECK (" + service + ") " + what));
    }
}
