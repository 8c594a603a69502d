package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.probe.ProbeLab;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared ICMP echo port between namespaces: replies, silence, both socket kinds, many at once. */
class IcmpEchoIT {
    private ProbeLab probeLab;
    private NetnsLab lab;
    private NetnsLab.Node a;
    private NetnsLab.Node b;

    @BeforeEach
    void setUp() throws Exception {
        probeLab = new ProbeLab();
        lab = probeLab.lab;
        a = probeLab.checker;
        b = probeLab.server;
    }

    @AfterEach
    void tearDown() throws Exception {
        probeLab.close();
    }

    private static EchoOutcome ping(IcmpEcho port, EchoRequest r) throws Exception {
        CompletableFuture<EchoOutcome> f = new CompletableFuture<>();
        port.send(r, f::complete);
        return f.get(10, TimeUnit.SECONDS);
    }

    private static EchoRequest to(String address, long ms) throws Exception {
        return EchoRequest.to(InetAddress.getByName(address), Duration.ofMillis(ms));
    }

    private IcmpEchoPort openIn(NetnsLab.Node node) throws Exception {
        return lab.call(node, IcmpEchoPort::open);
    }

    @Test
    void aHostThatIsUpAnswersOverIpv4AndIpv6() throws Exception {
        try (IcmpEchoPort port = openIn(a)) {
            assertInstanceOf(EchoOutcome.Reply.class, ping(port, to(b.ipv4(), 2000)));
            assertInstanceOf(EchoOutcome.Reply.class, ping(port, to(b.ipv6(), 2000)));
        }
    }

    @Test
    void rootWithoutPingGroupGetsRawSocketsAndAPingGroupGetsPingSockets() throws Exception {
        lab.exec(a.ns(), "sysctl", "-q", "-w", "net.ipv4.ping_group_range=1 0").requireSuccess("sysctl");
        try (IcmpEchoPort port = openIn(a)) {
            assertFalse(port.unprivileged());
            assertInstanceOf(EchoOutcome.Reply.class, ping(port, to(b.ipv4(), 2000)));
        }
        lab.exec(a.ns(), "sysctl", "-q", "-w", "net.ipv4.ping_group_range=0 2147483647").requireSuccess("sysctl");
        try (IcmpEchoPort port = openIn(a)) {
            assertTrue(port.unprivileged());
            assertInstanceOf(EchoOutcome.Reply.class, ping(port, to(b.ipv4(), 2000)));
            assertInstanceOf(EchoOutcome.Reply.class, ping(port, to(b.ipv6(), 2000)));
            // a ping socket takes the source and interface per request too
            EchoRequest fromV6 = new EchoRequest(InetAddress.getByName(b.ipv6()),
                    Optional.of(InetAddress.getByName(a.ipv6())), Optional.of("eth0"), Duration.ofSeconds(2));
            assertInstanceOf(EchoOutcome.Reply.class, lab.call(a, () -> ping(port, fromV6)));
        }
    }

    @Test
    void nobodyThereTimesOutAfterTheRequestsTimeout() throws Exception {
        try (IcmpEchoPort port = openIn(a)) {
            long t0 = System.nanoTime();
            assertInstanceOf(EchoOutcome.TimedOut.class, ping(port, to("10.213.0.99", 400)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 390 && ms < 1500, "took " + ms + " ms");
        }
    }

    @Test
    void aNamespaceThatGoesAwayStopsAnswering() throws Exception {
        try (IcmpEchoPort port = openIn(a)) {
            assertInstanceOf(EchoOutcome.Reply.class, ping(port, to(b.ipv4(), 2000)));
            probeLab.serverGoesAway();
            assertInstanceOf(EchoOutcome.TimedOut.class, ping(port, to(b.ipv4(), 500)));
        }
    }

    @Test
    void sourceAndInterfaceAreHonouredAndABadOneFailsTheSend() throws Exception {
        lab.ip(a.ns(), "addr", "add", "10.213.0.201/24", "dev", "eth0");
        NetnsLab.Capture cap = lab.tcpdump(b.ns(), "eth0", "icmp");
        try (IcmpEchoPort port = openIn(a)) {
            InetAddress target = InetAddress.getByName(b.ipv4());
            EchoRequest fromSecond = new EchoRequest(target, Optional.of(InetAddress.getByName("10.213.0.201")),
                    Optional.of("eth0"), Duration.ofSeconds(2));
            assertInstanceOf(EchoOutcome.Reply.class, lab.call(a, () -> ping(port, fromSecond)));
            EchoRequest noSuchInterface = new EchoRequest(target, Optional.empty(), Optional.of("nosuch0"),
                    Duration.ofSeconds(2));
            assertInstanceOf(EchoOutcome.SendFailed.class, lab.call(a, () -> ping(port, noSuchInterface)));
        }
        String seen = cap.stopAndDecode();
        assertTrue(seen.contains("10.213.0.201 > " + b.ipv4() + ": ICMP echo request"), seen);
    }

    @Test
    void manyRequestsAtOnceShareOneThreadAndAllGetTheirReply() throws Exception {
        // more replies than the default receive buffer holds (256): they arrive while the
        // thread is still sending, before it reads
        int burst = 1000;
        try (IcmpEchoPort port = openIn(a)) {
            List<CompletableFuture<EchoOutcome>> all = new ArrayList<>();
            EchoRequest r = to(b.ipv4(), 3000);
            for (int i = 0; i < burst; i++) {
                CompletableFuture<EchoOutcome> f = new CompletableFuture<>();
                port.send(r, f::complete);
                all.add(f);
            }
            for (CompletableFuture<EchoOutcome> f : all) {
                assertInstanceOf(EchoOutcome.Reply.class, f.get(10, TimeUnit.SECONDS));
            }
            long echoThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("icmp-echo")).count();
            assertEquals(1, echoThreads);
        }
    }
}
