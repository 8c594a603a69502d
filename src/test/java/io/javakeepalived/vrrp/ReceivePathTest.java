package io.javakeepalived.vrrp;

import static io.javakeepalived.vrrp.InstanceReceiverTest.A;
import static io.javakeepalived.vrrp.InstanceReceiverTest.B;
import static io.javakeepalived.vrrp.InstanceReceiverTest.VIP;
import static io.javakeepalived.vrrp.InstanceReceiverTest.v2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.vrrp.VridDemultiplexer.Dispatch;
import io.javakeepalived.vrrp.VridDemultiplexer.SocketKey;
import io.javakeepalived.vrrp.packet.Advert;
import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.IpFamily;
import io.javakeepalived.vrrp.packet.PacketForge;
import io.javakeepalived.vrrp.packet.VrrpCodec;
import io.javakeepalived.vrrp.packet.VrrpCounter;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The receive path under a flood: the VRID is peeked before any parsing, so adverts of other
 * groups on the segment (up to 255 addresses each) and adverts for an instance that reads
 * nothing now cost neither a parse nor an allocation; truncated datagrams end the read round.
 */
class ReceivePathTest {
    private static final SocketKey MCAST = new SocketKey(IpFamily.IPV4, "eth0", false);
    private static final int PACKETS = 200_000;

    private static byte[] advert(int vrid, int addresses) {
        List<InetAddress> vips = new ArrayList<>();
        for (int i = 0; i < addresses; i++) {
            vips.add(InstanceReceiverTest.ip("10.78." + (i / 250) + "." + (i % 250 + 1)));
        }
        return PacketForge.of(Advert.v2(vrid, 100, 1, AuthType.NONE, "", vips), A, VrrpCodec.MCAST_GROUP4).ipv4Packet();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Routes every packet in turn through the demultiplexer (and its receivers) as a socket's read rounds do. */
    private static long bytesAllocatedRouting(VridDemultiplexer d, byte[][] packets, int count) {
        for (int i = 0; i < 20_000; i++) { // warm up: the JIT's own allocations are not the receive path's
            byte[] p = packets[i % packets.length];
            d.beginRound();
            d.routeIpv4(p, 0, p.length);
        }
        long before = allocatedBytes();
        for (int i = 0; i < count; i++) {
            byte[] p = packets[i % packets.length];
            d.beginRound();
            d.routeIpv4(p, 0, p.length);
        }
        return allocatedBytes() - before;
    }

    @Test
    void aFloodOfOtherGroupsAdvertsAndOfAdvertsForAnInstanceInFaultAllocatesNothing() {
        VridDemultiplexer d = new VridDemultiplexer(MCAST);
        VrrpInstance faulted = new VrrpInstance(v2(B).build()); // still INIT: reads nothing
        d.add(new InstanceReceiver(faulted));
        byte[][] flood = {advert(52, 255), advert(53, 1), advert(faulted.settings().vrid(), 255)};
        long bytes = bytesAllocatedRouting(d, flood, PACKETS);
        assertTrue(bytes < 4096, bytes + " bytes allocated for " + PACKETS + " packets");
        assertEquals(otherGroups(20_000) + otherGroups(PACKETS), d.counters().get(VrrpCounter.UNKNOWN_VRID),
                "every advert of another group counted");
        assertEquals(0, faulted.counters().get(VrrpCounter.ADVERT_RCVD));
    }

    /** Of {@code n} packets cycling through the flood, those of the two other groups. */
    private static long otherGroups(int n) {
        return n / 3 * 2L + Math.min(n % 3, 2);
    }

    @Test
    void aPeekedVerdictIsTheParsedOne() {
        VridDemultiplexer peeking = new VridDemultiplexer(MCAST);
        VridDemultiplexer parsing = new VridDemultiplexer(MCAST);
        byte[] other = advert(52, 3);
        Dispatch.Dropped a = assertInstanceOf(Dispatch.Dropped.class, peeking.routeIpv4(other, 0, other.length));
        Dispatch.Dropped b = assertInstanceOf(Dispatch.Dropped.class,
                parsing.route(VrrpCodec.parseIpv4(other, 0, other.length)));
        assertEquals(b.logLine(), a.logLine());
        assertEquals(parsing.counters().snapshot(), peeking.counters().snapshot());
        byte[] runt = java.util.Arrays.copyOf(other, 24);
        assertEquals(((Dispatch.Dropped) parsing.route(VrrpCodec.parseIpv4(runt, 0, 24))).logLine(),
                ((Dispatch.Dropped) peeking.routeIpv4(runt, 0, 24)).logLine(), "a runt is parsed and rejected as before");
    }

    @Test
    void peekingTakesTheVridWhereTheParseDoes() {
        byte[] p = advert(77, 2);
        assertEquals(77, VrrpCodec.peekVridIpv4(p, 0, p.length));
        assertEquals(-1, VrrpCodec.peekVridIpv4(p, 0, 27), "no whole VRRP header");
        assertEquals(77, VrrpCodec.peekVridIpv6(p, 20, p.length - 20));
    }

    @Test
    void aTruncatedDatagramEndsTheReadRound() {
        VridDemultiplexer d = new VridDemultiplexer(MCAST);
        d.beginRound();
        d.truncated();
        assertTrue(d.roundOver());
    }
}
