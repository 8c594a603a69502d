package io.javakeepalived.check.probe.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.testsupport.probe.Checkers;
import io.javakeepalived.testsupport.probe.ProbeRig;
import io.javakeepalived.testsupport.probe.TcpPeer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SMTP_CHECK against servers on the loopback (the namespace tests are SmtpProbeIT). */
class SmtpProbeTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    private static ProbeResult check(int port, ProbeRig rig) {
        return rig.run(new SmtpProbe(Checkers.smtp("127.0.0.1", port, TIMEOUT)), Duration.ofSeconds(5));
    }

    private static TcpPeer mailServer(String banner, String heloReply) throws Exception {
        return new TcpPeer(LO, (c, peer) -> {
            TcpPeer.send(c, banner);
            peer.readLine(c);
            TcpPeer.send(c, heloReply);
            peer.readLine(c);
            TcpPeer.send(c, "221 bye\r\n");
        });
    }

    @Test
    void aMailServerThatGreetsAndAcceptsHeloPasses() throws Exception {
        try (TcpPeer server = mailServer("220-mx.example.org ESMTP\r\n220 ready\r\n", "250 mx.example.org\r\n");
             ProbeRig rig = new ProbeRig()) {
            assertEquals(ProbeResult.Success.plain(), check(server.port(), rig));
            assertEquals(List.of("HELO smtpchecker.keepalived.org", "QUIT"), server.heard());
            assertEquals(0, rig.openChannels());
        }
    }

    @Test
    void aGreetingOtherThan220Fails() throws Exception {
        try (TcpPeer server = mailServer("554 go away\r\n", "250 x\r\n"); ProbeRig rig = new ProbeRig()) {
            assertEquals(new ProbeResult.Failure("SMTP_CHECK Bad greeting banner from server [127.0.0.1]:"
                    + server.port()), check(server.port(), rig));
            assertEquals(0, rig.openChannels());
        }
    }

    @Test
    void aHeloRefusedFails() throws Exception {
        try (TcpPeer server = mailServer("220 ok\r\n", "501 who?\r\n"); ProbeRig rig = new ProbeRig()) {
            assertEquals(new ProbeResult.Failure("SMTP_CHECK Bad HELO response from server [127.0.0.1]:"
                    + server.port()), check(server.port(), rig));
        }
    }

    @Test
    void aServerThatNeverGreetsTimesOutAfterConnectTimeout() throws Exception {
        try (TcpPeer server = new TcpPeer(LO, (c, peer) -> TcpPeer.silence(c)); ProbeRig rig = new ProbeRig()) {
            long t0 = System.nanoTime();
            ProbeResult r = check(server.port(), rig);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(new ProbeResult.Failure("SMTP_CHECK Read timeout from server [127.0.0.1]:" + server.port()), r);
            // at its 500 ms connect_timeout, not at the rig's 5 s limit (slack for a loaded machine)
            assertTrue(ms >= 450 && ms < 4_000, "took " + ms + " ms");
            assertEquals(0, rig.openChannels());
        }
    }

    @Test
    void aServerThatHangsUpIsAReadFailure() throws Exception {
        try (TcpPeer server = new TcpPeer(LO, (c, peer) -> c.close()); ProbeRig rig = new ProbeRig()) {
            assertEquals(new ProbeResult.Failure("SMTP_CHECK Read failure from server [127.0.0.1]:" + server.port()),
                    check(server.port(), rig));
        }
    }

    @Test
    void nobodyListeningIsAConnectError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LO)) {
            port = s.getLocalPort();
        }
        try (ProbeRig rig = new ProbeRig()) {
            assertEquals(new ProbeResult.Failure("SMTP_CHECK Error connecting to server [127.0.0.1]:" + port),
                    check(port, rig));
            assertEquals(0, rig.openChannels());
        }
    }

    @Test
    void anEndlessBannerLineCostsOneLineOfMemoryAndFails() throws Exception {
        try (TcpPeer server = new TcpPeer(LO, (c, peer) -> {
            TcpPeer.send(c, "220 " + "x".repeat(100_000));
            TcpPeer.silence(c);
        }); ProbeRig rig = new ProbeRig()) {
            assertEquals(new ProbeResult.Failure("SMTP_CHECK Bad greeting banner from server [127.0.0.1]:"
                    + server.port()), check(server.port(), rig));
            assertEquals(List.of("SMTP_CHECK Buffer overflow reading from server [127.0.0.1]:" + server.port() + "."),
                    rig.logged());
        }
    }

    @Test
    void anAbortedProbeClosesItsSocketAndNeverReports() throws Exception {
        try (TcpPeer server = new TcpPeer(LO, (c, peer) -> TcpPeer.silence(c)); ProbeRig rig = new ProbeRig()) {
            SmtpProbe probe = new SmtpProbe(Checkers.smtp("127.0.0.1", server.port(), TIMEOUT));
            probe.start(rig, r -> {
                throw new AssertionError("reported after abort: " + r);
            });
            rig.idle(Duration.ofMillis(50));
            probe.abort();
            rig.idle(TIMEOUT.plusMillis(200));
            assertEquals(0, rig.openChannels());
        }
    }
}
