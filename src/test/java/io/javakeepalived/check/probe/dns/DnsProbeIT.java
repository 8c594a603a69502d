package io.javakeepalived.check.probe.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.testsupport.probe.Checkers;
import io.javakeepalived.testsupport.probe.ProbeLabTest;
import io.javakeepalived.testsupport.probe.UdpPeer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DNS_CHECK from one namespace against a small DNS responder in another. */
class DnsProbeIT extends ProbeLabTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private ProbeResult check(UdpPeer dns, String type, String name) throws Exception {
        String service = "[" + lab.server.ipv4() + "]:udp:" + dns.port();
        return lab.run(new DnsProbe(Checkers.dns(lab.server.ipv4(), dns.port(), TIMEOUT, type, name), service),
                Duration.ofSeconds(10));
    }

    @Test
    void aResponderThatAnswersPassesAndSawOurQuestion() throws Exception {
        try (UdpPeer dns = lab.inServer(() -> new UdpPeer(lab.serverAddress(), q -> DnsProbeTest.reply(q, 0)))) {
            assertEquals(ProbeResult.Success.plain(), check(dns, "A", "www.example.org"));
            byte[] q = dns.heard().get(0);
            int id = (q[0] & 0xff) << 8 | (q[1] & 0xff);
            assertEquals(List.of(java.util.HexFormat.of().formatHex(DnsQuery.encode(id, 1, "www.example.org"))),
                    List.of(java.util.HexFormat.of().formatHex(q)));
            assertEquals(0, lab.rig.openChannels());
        }
    }

    @Test
    void garbageAndAWrongIdFailWithinTheTimeout() throws Exception {
        try (UdpPeer hostile = lab.inServer(() -> new UdpPeer(lab.serverAddress(), q -> {
            byte[] wrongId = DnsProbeTest.reply(q, 0).get(0);
            wrongId[1] ^= 1;
            return List.of("garbage".getBytes(), new byte[1400], wrongId);
        }))) {
            long t0 = System.nanoTime();
            ProbeResult r = check(hostile, "SOA", ".");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(new ProbeResult.Failure("DNS_CHECK ([" + lab.server.ipv4() + "]:udp:" + hostile.port()
                    + ") read timeout from socket"), r);
            assertTrue(ms >= 950 && ms < 3000, "took " + ms + " ms");
            assertEquals(0, lab.rig.openChannels());
        }
    }

    @Test
    void nxdomainFails() throws Exception {
        try (UdpPeer dns = lab.inServer(() -> new UdpPeer(lab.serverAddress(), q -> DnsProbeTest.reply(q, 3)))) {
            assertEquals(new ProbeResult.Failure("DNS_CHECK ([" + lab.server.ipv4() + "]:udp:" + dns.port()
                    + ") read error occurred. (rcode = 3)"), check(dns, "A", "nowhere.example"));
        }
    }
}
