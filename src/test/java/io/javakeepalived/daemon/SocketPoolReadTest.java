package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.ReceivedPacketInfo;
import io.javakeepalived.net.VrrpSocket;
import io.javakeepalived.net.VrrpSocketOptions;
import io.javakeepalived.testsupport.CapturedLogger;
import io.javakeepalived.testsupport.fakenet.DelegatingNetwork;
import io.javakeepalived.testsupport.fakenet.DelegatingVrrpSocket;
import io.javakeepalived.testsupport.fakenet.FakeNetwork;
import io.javakeepalived.testsupport.fakenet.FakeRtnetlink;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.WireSettings;
import io.javakeepalived.vrrp.packet.Advert;
import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.PacketForge;
import io.javakeepalived.vrrp.packet.VrrpCodec;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What the loop reads from a VRRP socket, through a socket double that hands out queued
 * datagrams: a stream of truncated datagrams ends the read round (the timers get their turn),
 * and a flood of lower-priority adverts at a master logs a few lines, not one per packet.
 */
class SocketPoolReadTest {
    private static final LinkInfo ETH0 = new LinkInfo(2, "eth0", LinkInfo.IFF_UP | LinkInfo.IFF_BROADCAST
            | LinkInfo.IFF_MULTICAST | LinkInfo.IFF_RUNNING | LinkInfo.IFF_LOWER_UP, LinkInfo.OPER_UP, true,
            new byte[] {2, 0, 0, 0, 0, 2}, 1500, null, 0, 0);
    private static final InetAddress SELF = ip("10.0.0.1");
    private static final InetAddress PEER = ip("10.0.0.2");
    private static final InetAddress VIP = ip("10.0.0.100");

    private final long now = 1_000_000_000L;
    private final FakeRtnetlink kernel = new FakeRtnetlink(List.of(ETH0));
    private final Map<String, LinkInfo> links = new HashMap<>(Map.of("eth0", ETH0));
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private final CapturedLogger lines = new CapturedLogger("test.read");
    private boolean truncatedForEver;
    private int reads;
    private QueueSocket socket;

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private SocketPool masterOnEth0() {
        org.slf4j.Logger logger = lines.logger();
        InstanceSettings s = InstanceSettings.builder("VI_1", 51).priority(255).advertIntervalCs(100)
                .initialState(VrrpState.MASTER).vips(List.of(Vip.of(VIP, "eth0")))
                .wire(WireSettings.builder().interfaceName("eth0").build()).build();
        InstancePlan p = InstancePlan.of(s).withPrimaryAddress(SELF);
        InstanceTable table = new InstanceTable(VrrpPlan.of(List.of(p)));
        DetailLog detail = new DetailLog(logger, false);
        RejectedPacketLog rejects = new RejectedPacketLog(logger, () -> now);
        DelegatingNetwork network = new DelegatingNetwork(new FakeNetwork(kernel, d -> { })) {
            @Override
            public VrrpSocket openVrrpSocket(VrrpSocketOptions options) throws ErrnoException {
                socket = new QueueSocket(super.openVrrpSocket(options));
                return socket;
            }
        };
        ActionExecutor executor = new ActionExecutor(table, new VipInstaller(kernel, links, logger),
                new VirtualRoutes(new RoutingRequests(kernel, logger)), new Announcers(links, network, logger), () -> now, NotifySink.NONE, rejects, detail,
                Clock.systemUTC());
        SocketPool sockets = new SocketPool(network, network.newPollSet(), table, executor, rejects, detail, () -> now);
        InstanceEntry e = table.add(p, Clock.systemUTC().instant());
        table.makeTimers();
        sockets.attach(e);
        executor.deliver(e, new Event.Startup(), now);
        assertEquals(VrrpState.MASTER, e.instance.state());
        return sockets;
    }

    @Test
    void aStreamOfTruncatedDatagramsEndsTheReadRound() throws Exception {
        SocketPool sockets = masterOnEth0();
        truncatedForEver = true;
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> sockets.readable(socket.fd()),
                "the loop never got back to its timers");
        assertEquals(1, reads, "one truncated datagram ends the round");
    }

    @Test
    void aFloodOfLowerPriorityAdvertsAtAMasterLogsAFewLinesAMinute() throws Exception {
        SocketPool sockets = masterOnEth0();
        byte[] lower = PacketForge.of(Advert.v2(51, 100, 1, AuthType.NONE, "", List.of(VIP)), PEER,
                VrrpCodec.MCAST_GROUP4).ipv4Packet();
        for (int i = 0; i < 1000; i++) {
            queue.add(lower);
        }
        while (!queue.isEmpty()) {
            sockets.readable(socket.fd());
        }
        long said = lines.messages().stream().filter(l -> l.contains("Received advert from")).count();
        assertTrue(said >= 1 && said <= 5, said + " lines for 1000 adverts");
    }

    /** A VRRP socket over a fake one, whose reads hand out the test's queue. */
    private final class QueueSocket extends DelegatingVrrpSocket {
        QueueSocket(VrrpSocket sending) {
            super(sending);
        }

        @Override
        public ReceivedPacketInfo receive(ByteBuffer into) {
            reads++;
            if (truncatedForEver) {
                return new Info(into.capacity(), true, 70_000);
            }
            byte[] p = queue.poll();
            if (p == null) {
                return null;
            }
            into.clear();
            into.put(p);
            return new Info(p.length, false, p.length);
        }
    }

    /** An IPv4 multicast datagram from the peer, as the kernel describes it. */
    private record Info(int length, boolean truncated, int receivedLength) implements ReceivedPacketInfo {
        public boolean isIpv6() {
            return false;
        }

        public int ttl() {
            return 255;
        }

        public int interfaceIndex() {
            return 0;
        }

        public int ipHeaderLength() {
            return 20;
        }

        public int ipTotalLength() {
            return length;
        }

        public InetAddress source() {
            return PEER;
        }

        public InetAddress destination() {
            return VrrpCodec.MCAST_GROUP4;
        }

        public boolean isMulticastDestination() {
            return true;
        }
    }
}
