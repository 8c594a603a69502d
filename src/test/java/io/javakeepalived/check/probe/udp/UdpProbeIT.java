package io.javakeepalived.check.probe.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.testsupport.probe.Checkers;
import io.javakeepalived.testsupport.probe.ProbeLabTest;
import io.javakeepalived.testsupport.probe.UdpPeer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** UDP_CHECK from one namespace against a UDP echo (and its absence) in another. */
class UdpProbeIT extends ProbeLabTest {
    private static final Duration TIMEOUT = Duration.ofMillis(800);
    private ProbeResult check(int port, boolean requireReply, Optional<String> reply) throws Exception {
        String service = "[" + lab.server.ipv4() + "]:udp:" + port;
        return lab.run(new UdpProbe(Checkers.udp(lab.server.ipv4(), port, TIMEOUT, Optional.of("68656c6c6f"),
                requireReply, reply, 0, 255), service), Duration.ofSeconds(10));
    }

    @Test
    void anEchoPassesWithAMatchingReply() throws Exception {
        try (UdpPeer echo = lab.inServer(() -> new UdpPeer(lab.serverAddress(), List::of))) {
            assertEquals(ProbeResult.Success.plain(), check(echo.port(), true, Optional.of("68656cxx")));
            assertEquals("hello", new String(echo.heard().get(0)));
            assertEquals(0, lab.rig.openChannels());
        }
    }

    @Test
    void aClosedPortFailsOnTheIcmpErrorFromTheOtherHost() throws Exception {
        int port;
        try (UdpPeer gone = lab.inServer(() -> new UdpPeer(lab.serverAddress(), List::of))) {
            port = gone.port();
        }
        assertEquals(new ProbeResult.Failure("UDP connection to [" + lab.server.ipv4() + "]:udp:" + port + " failed."),
                check(port, false, Optional.empty()));
        assertEquals(0, lab.rig.openChannels());
    }

    @Test
    void aSilentServiceIsUpUnlessAReplyIsRequired() throws Exception {
        try (UdpPeer mute = lab.inServer(() -> new UdpPeer(lab.serverAddress(), q -> List.of()))) {
            assertEquals(ProbeResult.Success.plain(), check(mute.port(), false, Optional.empty()));
            assertEquals(new ProbeResult.Failure("UDP connection to [" + lab.server.ipv4() + "]:udp:" + mute.port()
                    + " failed."), check(mute.port(), true, Optional.empty()));
            assertEquals(0, lab.rig.openChannels());
        }
    }
}
