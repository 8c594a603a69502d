package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.model.ConfigMapping;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.LinuxNetwork;
import io.javakeepalived.net.NativeNetwork;
import io.javakeepalived.net.ReceivedPacketInfo;
import io.javakeepalived.net.VrrpSocket;
import io.javakeepalived.net.VrrpSocketOptions;
import io.javakeepalived.testsupport.CapturedLogger;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.fakenet.DelegatingNetwork;
import io.javakeepalived.testsupport.fakenet.DelegatingVrrpSocket;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A VRRP socket whose every read throws (a bug, or an error the kernel reports for ever): the
 * master's adverts go on, the loop stops vouching to the watchdog, the stack trace is not logged
 * every turn, and after some failing turns the loop ends with status 1 (the daemon exits and
 * systemd restarts it).
 */
class LoopFaultsIT {
    @AutoClose
    private final NetnsLab lab = NetnsLab.create();

    LoopFaultsIT() throws IOException {
    }

    private static String instance(int vrid) {
        return "vrrp_instance VI_" + vrid + " {\n    state MASTER\n    interface eth0\n    virtual_router_id " + vrid
                + "\n    priority 255\n    advert_int 1\n    virtual_ipaddress {\n        10.213.0." + vrid + "/24\n    }\n}\n";
    }

    @Test
    void aSocketThatAlwaysThrowsNeitherStopsAdvertsNorFoolsTheWatchdog() throws Exception {
        Node a = lab.addNode("a");
        Node b = lab.addNode("b");
        FaultyNetwork faulty = new FaultyNetwork(new LinuxNetwork());
        CapturedLogger lines = new CapturedLogger("it.faults.a");
        VrrpLoop la = start(a, instance(51), faulty, lines);
        VrrpLoop lb = start(b, instance(52), new LinuxNetwork(), new CapturedLogger("it.faults.b"));
        NetnsLab.await("a sends adverts", 5_000, () -> faulty.sent.get() >= 2, () -> lines.messages().toString());

        faulty.failing = true; // b's adverts now make a's socket readable, and every read throws
        NetnsLab.await("a read fails", 5_000, () -> faulty.failedReads.get() >= 2, () -> lines.messages().toString());
        long frozen = la.lastTurnNanos();
        int sentBefore = faulty.sent.get();
        NetnsLab.sleep(3_500); // three or four adverts, of which two are asked for: room for a late timer
        assertTrue(faulty.sent.get() - sentBefore >= 2, "adverts go on while a socket throws");
        assertEquals(frozen, la.lastTurnNanos(), "a failing loop is no proof of life to the watchdog");

        NetnsLab.await("a gives up", 15_000, () -> exits[0].get() != -1, () -> lines.messages().toString());
        assertEquals(1, exits[0].get());
        long traces = lines.events().stream().filter(e -> e.getThrowableProxy() != null).count();
        assertTrue(traces <= 3, "stack traces: " + traces);
        assertTrue(lines.events().stream().anyMatch(e -> e.getFormattedMessage().equals("VRRP loop: "
                + TurnFailures.GIVE_UP_AFTER + " turns in a row failed - stopping, exit status 1")));
        lb.stop();
    }

    private final AtomicInteger[] exits = {new AtomicInteger(-1), new AtomicInteger(-1)};
    private int started;

    private VrrpLoop start(Node n, String config, NativeNetwork network, CapturedLogger log)
            throws Exception {
        VrrpPlan plan = ConfigMapping.plan(ConfigFixture.model(ConfigFixture.load0(config)));
        VrrpLoop loop = new VrrpLoop(plan, LoopOptions.defaults().withLog(log.logger()), network);
        AtomicInteger exit = exits[started++];
        lab.call(n, () -> {
            Thread t = new Thread(() -> exit.set(loop.run()), "vrrp-" + n.name());
            t.setDaemon(true);
            t.start();
            return null;
        });
        return loop;
    }

    /** The real native layer, with VRRP sockets that count sends and, once failing, throw on every read. */
    static final class FaultyNetwork extends DelegatingNetwork {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failedReads = new AtomicInteger();
        volatile boolean failing;

        FaultyNetwork(NativeNetwork real) {
            super(real);
        }

        @Override
        public VrrpSocket openVrrpSocket(VrrpSocketOptions options) throws ErrnoException {
            return new DelegatingVrrpSocket(super.openVrrpSocket(options)) {
                @Override
                public void send(ByteBuffer vrrp, InetAddress source, InetAddress destination, int ttl)
                        throws IOException {
                    sent.incrementAndGet();
                    super.send(vrrp, source, destination, ttl);
                }

                @Override
                public void sendIpv4Datagram(ByteBuffer datagram) throws IOException {
                    sent.incrementAndGet();
                    super.sendIpv4Datagram(datagram);
                }

                @Override
                public ReceivedPacketInfo receive(ByteBuffer into) throws IOException {
                    if (failing) {
                        failedReads.incrementAndGet();
                        NetnsLab.sleep(100); // the datagram stays queued: poll says readable again at once
                        throw new IllegalStateException("read failure for the test");
                    }
                    return super.receive(into);
                }
            };
        }
    }
}
