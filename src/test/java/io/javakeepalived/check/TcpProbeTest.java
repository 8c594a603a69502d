package io.javakeepalived.check;

import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.check.probe.tcp.TcpProbe;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.testsupport.probe.ProbeRig;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** TCP_CHECK against listeners on the loopback. */
class TcpProbeTest {

    private static final String RS = "[127.0.0.1]:tcp:80";

    private static Checker.Connection to(int port, Duration timeout) throws Exception {
        return new Checker.Connection(InetAddress.getLoopbackAddress(), port, Optional.empty(), 0, Optional.empty(),
                timeout, 0);
    }

    @Test
    void aListeningPortPassesAndNothingStaysOpen() throws Exception {
        try (ProbeRig rig = new ProbeRig(); ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProbeResult r = rig.run(new TcpProbe(to(server.getLocalPort(), Duration.ofSeconds(2)), RS), Duration.ofSeconds(5));
            assertEquals(ProbeResult.Success.plain(), r);
            assertEquals(0, rig.openChannels());
        }
    }

    @Test
    void aClosedPortFailsAsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (ProbeRig rig = new ProbeRig()) {
            ProbeResult r = rig.run(new TcpProbe(to(port, Duration.ofSeconds(2)), RS), Duration.ofSeconds(5));
            assertEquals("TCP connection to " + RS + " failed.", ((ProbeResult.Failure) r).reason());
            assertEquals(0, rig.openChannels());
        }
    }

    @Test
    void anUnansweredConnectTimesOutAtConnectTimeoutWithOneSocketAndNoLateCallback() throws Exception {
        // TEST-NET-1 is never routed an answer: the SYN goes nowhere (or the route is refused at once)
        Checker.Connection c = new Checker.Connection(InetAddress.getByName("192.0.2.1"), 80, Optional.empty(), 0,
                Optional.empty(), Duration.ofMillis(300), 0);
        try (ProbeRig rig = new ProbeRig()) {
            long t0 = System.nanoTime();
            ProbeResult r = rig.run(new TcpProbe(c, RS), Duration.ofSeconds(5));
            assertInstanceOf(ProbeResult.Failure.class, r);
            if (((ProbeResult.Failure) r).reason().equals("TCP connection to " + RS + " timeout.")) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                // at its 300 ms, not at keepalived's 5 s default (slack for a loaded machine)
                assertEquals(true, ms >= 290 && ms < 4_000, "timed out after " + ms + " ms");
            }
            assertEquals(0, rig.openChannels());
            rig.idle(Duration.ofMillis(200));
        }
    }

    @Test
    void bindtoIsTheSourceAddress() throws Exception {
        try (ProbeRig rig = new ProbeRig(); ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            Checker.Connection c = new Checker.Connection(InetAddress.getByName("127.0.0.1"), server.getLocalPort(),
                    Optional.of(InetAddress.getByName("127.0.0.2")), 0, Optional.empty(), Duration.ofSeconds(2), 0);
            java.util.concurrent.atomic.AtomicReference<String> source = new java.util.concurrent.atomic.AtomicReference<>();
            Thread accept = new Thread(() -> {
                try (var s = server.accept()) {
                    source.set(s.getInetAddress().getHostAddress());
                } catch (Exception e) {
                    source.set(e.toString());
                }
            });
            accept.start();
            assertEquals(ProbeResult.Success.plain(), rig.run(new TcpProbe(c, RS), Duration.ofSeconds(5)));
            accept.join(3000);
            assertEquals("127.0.0.2", source.get());
        }
    }
}
