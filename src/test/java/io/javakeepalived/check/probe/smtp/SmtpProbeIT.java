package io.javakeepalived.check.probe.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.testsupport.probe.Checkers;
import io.javakeepalived.testsupport.probe.ProbeLabTest;
import io.javakeepalived.testsupport.probe.TcpPeer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SMTP_CHECK from one namespace against SMTP banner servers in another. */
class SmtpProbeIT extends ProbeLabTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private ProbeResult check(TcpPeer server) throws Exception {
        return lab.run(new SmtpProbe(Checkers.smtp(lab.server.ipv4(), server.port(), TIMEOUT)), Duration.ofSeconds(10));
    }

    @Test
    void aMailServerPassesAndHearsHeloAndQuit() throws Exception {
        try (TcpPeer mail = lab.inServer(() -> new TcpPeer(lab.serverAddress(), (c, peer) -> {
            TcpPeer.send(c, "220 mx.example.org ESMTP\r\n");
            peer.readLine(c);
            TcpPeer.send(c, "250 mx.example.org\r\n");
            peer.readLine(c);
            TcpPeer.send(c, "221 2.0.0 Bye\r\n");
        }))) {
            assertEquals(ProbeResult.Success.plain(), check(mail));
            assertEquals(List.of("HELO smtpchecker.keepalived.org", "QUIT"), mail.heard());
            assertEquals(0, lab.rig.openChannels());
        }
    }

    @Test
    void aServerThatNeverSendsItsBannerFailsWithinConnectTimeout() throws Exception {
        try (TcpPeer mute = lab.inServer(() -> new TcpPeer(lab.serverAddress(), (c, peer) -> TcpPeer.silence(c)))) {
            long t0 = System.nanoTime();
            ProbeResult r = check(mute);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(new ProbeResult.Failure("SMTP_CHECK Read timeout from server [" + lab.server.ipv4() + "]:"
                    + mute.port()), r);
            assertTrue(ms >= 950 && ms < 3000, "took " + ms + " ms");
            assertEquals(0, lab.rig.openChannels());
        }
    }

    @Test
    void aServerThatTricklesItsBannerStillTimesOutOnTime() throws Exception {
        try (TcpPeer slow = lab.inServer(() -> new TcpPeer(lab.serverAddress(), (c, peer) -> {
            for (int i = 0; i < 100; i++) {
                TcpPeer.send(c, "2");
                sleep(100);
            }
        }))) {
            long t0 = System.nanoTime();
            ProbeResult r = check(slow);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(new ProbeResult.Failure("SMTP_CHECK Read timeout from server [" + lab.server.ipv4() + "]:"
                    + slow.port()), r);
            // a deadline pushed back by every byte would last the 10 s the banner trickles
            assertTrue(ms < 5_000, "a byte every 100 ms did not push the deadline back: " + ms + " ms");
            assertEquals(0, lab.rig.openChannels());
        }
    }

    @Test
    void aHostThatIsGoneTimesOutConnecting() throws Exception {
        ProbeResult r = lab.run(new SmtpProbe(Checkers.smtp("10.213.0.99", 25, TIMEOUT)), Duration.ofSeconds(10));
        assertEquals(new ProbeResult.Failure("SMTP_CHECK Connection timeout to server [10.213.0.99]:25"), r);
        assertEquals(0, lab.rig.openChannels());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
