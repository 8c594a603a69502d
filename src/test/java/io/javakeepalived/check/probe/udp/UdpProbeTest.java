package io.javakeepalived.check.probe.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.testsupport.probe.Checkers;
import io.javakeepalived.testsupport.probe.ProbeRig;
import io.javakeepalived.testsupport.probe.UdpPeer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** UDP_CHECK against peers on the loopback (the namespace tests are UdpProbeIT). */
class UdpProbeTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final String SERVICE = "[127.0.0.1]:udp:9";
    private static final ProbeResult FAILED = new ProbeResult.Failure("UDP connection to " + SERVICE + " failed.");

    private static ProbeResult check(int port, boolean requireReply, Optional<String> reply, int max) {
        return check(port, TIMEOUT, requireReply, reply, max);
    }

    private static ProbeResult check(int port, Duration timeout, boolean requireReply, Optional<String> reply, int max) {
        try (ProbeRig rig = new ProbeRig()) {
            ProbeResult r = rig.run(new UdpProbe(Checkers.udp("127.0.0.1", port, timeout, Optional.of("c0ffee"),
                    requireReply, reply, 0, max), SERVICE), Duration.ofSeconds(5));
            assertEquals(0, rig.openChannels());
            return r;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int closedPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, LO)) {
            return s.getLocalPort();
        }
    }

    @Test
    void anEchoPassesAndGetsThePayload() {
        try (UdpPeer echo = new UdpPeer(LO, List::of)) {
            assertEquals(ProbeResult.Success.plain(), check(echo.port(), true, Optional.of("c0ffee"), 255));
            assertArrayEquals(HexFormat.of().parseHex("c0ffee"), echo.heard().get(0));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aReplyThatDoesNotMatchFails() throws Exception {
        try (UdpPeer echo = new UdpPeer(LO, List::of)) {
            assertEquals(new ProbeResult.Failure("UDP check to " + SERVICE + " reply data mismatch."),
                    check(echo.port(), true, Optional.of("c0ffef"), 255));
        }
    }

    @Test
    void aReplyLongerThanMaxReplyLengthFails() throws Exception {
        try (UdpPeer big = new UdpPeer(LO, q -> List.of(new byte[9000]))) {
            assertEquals(new ProbeResult.Failure("UDP check to " + SERVICE + " reply data mismatch."),
                    check(big.port(), true, Optional.of("00"), 255));
        }
    }

    @Test
    void silenceIsSuccessUnlessAReplyIsRequired() throws Exception {
        try (UdpPeer mute = new UdpPeer(LO, q -> List.of())) {
            assertEquals(ProbeResult.Success.plain(), check(mute.port(), false, Optional.empty(), 255));
            long t0 = System.nanoTime();
            assertEquals(FAILED, check(mute.port(), true, Optional.empty(), 255));
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 250, "waited for connect_timeout");
        }
    }

    @Test
    void aClosedPortFailsOnTheIcmpPortUnreachable() throws Exception {
        int port = closedPort();
        long t0 = System.nanoTime();
        // a long connect_timeout, so that "before it" holds on a loaded machine too
        assertEquals(FAILED, check(port, Duration.ofSeconds(4), false, Optional.empty(), 255));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 2_000, ms + " ms: before connect_timeout");
    }

    @Test
    void anyReplyWillDoWhenNoPatternIsGiven() throws Exception {
        try (UdpPeer other = new UdpPeer(LO, q -> List.of(new byte[] {1}))) {
            assertEquals(ProbeResult.Success.plain(), check(other.port(), true, Optional.empty(), 255));
        }
    }
}
