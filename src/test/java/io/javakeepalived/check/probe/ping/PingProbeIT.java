package io.javakeepalived.check.probe.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.net.IcmpEchoPort;
import io.javakeepalived.testsupport.probe.Checkers;
import io.javakeepalived.testsupport.probe.ProbeLabTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PING_CHECK from one namespace to a real server that is up, then gone. */
class PingProbeIT extends ProbeLabTest {
    private static final Duration TIMEOUT = Duration.ofMillis(700);
    private IcmpEchoPort port;

    @BeforeEach
    void openPort() throws Exception {
        port = lab.lab.call(lab.checker, IcmpEchoPort::open);
    }

    @AfterEach
    void closePort() {
        port.close();
    }

    private ProbeResult check(String address) throws Exception {
        String service = "[" + address + "]:tcp:80";
        return lab.run(new PingProbe(Checkers.ping(address, TIMEOUT), service, port), Duration.ofSeconds(10));
    }

    @Test
    void aServerThatIsUpPassesOverIpv4AndIpv6() throws Exception {
        assertEquals(ProbeResult.Success.plain(), check(lab.server.ipv4()));
        assertEquals(ProbeResult.Success.plain(), check(lab.server.ipv6()));
    }

    @Test
    void aServerWhoseNamespaceIsDeletedTimesOut() throws Exception {
        assertEquals(ProbeResult.Success.plain(), check(lab.server.ipv4()));
        lab.serverGoesAway();
        long t0 = System.nanoTime();
        assertEquals(new ProbeResult.Failure("ICMP connection to address [" + lab.server.ipv4() + "]:tcp:80 timeout."),
                check(lab.server.ipv4()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 650 && ms < 2500, "took " + ms + " ms");
    }
}
