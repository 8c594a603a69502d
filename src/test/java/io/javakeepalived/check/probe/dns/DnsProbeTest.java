package io.javakeepalived.check.probe.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.testsupport.probe.Checkers;
import io.javakeepalived.testsupport.probe.ProbeRig;
import io.javakeepalived.testsupport.probe.UdpPeer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DNS_CHECK against responders on the loopback (the namespace tests are DnsProbeIT). */
class DnsProbeTest {
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    /** Answers a query with its own header turned into a reply with {@code rcode}. */
    static List<byte[]> reply(byte[] query, int rcode) {
        byte[] r = Arrays.copyOf(query, query.length);
        r[2] = (byte) 0x81;
        r[3] = (byte) (0x80 | rcode);
        return List.of(r);
    }

    private static ProbeResult check(int port, ProbeRig rig) {
        return check(port, rig, TIMEOUT);
    }

    private static ProbeResult check(int port, ProbeRig rig, Duration timeout) {
        return rig.run(new DnsProbe(Checkers.dns("127.0.0.1", port, timeout, "SOA", "."), "[127.0.0.1]:udp:53"),
                Duration.ofSeconds(5));
    }

    @Test
    void aResponderThatAnswersPasses() throws Exception {
        try (UdpPeer dns = new UdpPeer(LO, q -> reply(q, 0)); ProbeRig rig = new ProbeRig()) {
            assertEquals(ProbeResult.Success.plain(), check(dns.port(), rig));
            byte[] q = dns.heard().get(0);
            assertArrayEquals(DnsQuery.encode((q[0] & 0xff) << 8 | (q[1] & 0xff), 6, "."), q);
            assertEquals(0, rig.openChannels());
        }
    }

    @Test
    void servfailFailsWithTheRcode() throws Exception {
        try (UdpPeer dns = new UdpPeer(LO, q -> reply(q, 2)); ProbeRig rig = new ProbeRig()) {
            assertEquals(new ProbeResult.Failure("DNS_CHECK ([127.0.0.1]:udp:53) read error occurred. (rcode = 2)"),
                    check(dns.port(), rig));
        }
    }

    @Test
    void garbageAndWrongIdsAreIgnoredUntilTheTimeout() throws Exception {
        try (UdpPeer dns = new UdpPeer(LO, q -> {
            byte[] wrongId = reply(q, 0).get(0);
            wrongId[0] ^= 0x55;
            return List.of(new byte[] {1, 2, 3}, wrongId, new byte[700], q);
        }); ProbeRig rig = new ProbeRig()) {
            long t0 = System.nanoTime();
            assertEquals(new ProbeResult.Failure("DNS_CHECK ([127.0.0.1]:udp:53) read timeout from socket"),
                    check(dns.port(), rig));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // at its 400 ms, not at the rig's 5 s limit (slack for a loaded machine)
            assertTrue(ms >= 350 && ms < 4_000, "took " + ms + " ms");
            assertEquals(0, rig.openChannels());
        }
    }

    @Test
    void aNameNoQueryCanCarryIsRefusedWhenTheProbeIsBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new DnsProbe(
                Checkers.dns("127.0.0.1", 53, TIMEOUT, "A", "x".repeat(64) + ".org"), "[127.0.0.1]:udp:53"));
    }

    @Test
    void aClosedPortFailsAtOnceOnTheIcmpError() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(0, LO)) {
            port = s.getLocalPort();
        }
        try (ProbeRig rig = new ProbeRig()) {
            long t0 = System.nanoTime();
            assertEquals(new ProbeResult.Failure(
                    "DNS_CHECK ([127.0.0.1]:udp:53) failed to read socket; errno 111 (Connection refused)"),
                    check(port, rig, Duration.ofSeconds(4))); // a long timeout: "before it" holds under load too
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 2_000, ms + " ms: before the timeout");
        }
    }
}
