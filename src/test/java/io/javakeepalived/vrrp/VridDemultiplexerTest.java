package io.javakeepalived.vrrp;

import io.javakeepalived.vrrp.VridDemultiplexer.Dispatch;
import io.javakeepalived.vrrp.VridDemultiplexer.SocketKey;
import io.javakeepalived.vrrp.packet.Advert;
import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.IpFamily;
import io.javakeepalived.vrrp.packet.PacketForge;
import io.javakeepalived.vrrp.packet.ParseResult;
import io.javakeepalived.vrrp.packet.RejectReason;
import io.javakeepalived.vrrp.packet.UnicastPeer;
import io.javakeepalived.vrrp.packet.VrrpCodec;
import io.javakeepalived.vrrp.packet.VrrpCounter;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static io.javakeepalived.vrrp.InstanceReceiverTest.A;
import static io.javakeepalived.vrrp.InstanceReceiverTest.B;
import static io.javakeepalived.vrrp.InstanceReceiverTest.VIP;
import static io.javakeepalived.vrrp.InstanceReceiverTest.ip;
import static io.javakeepalived.vrrp.InstanceReceiverTest.v2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keepalived's read dispatcher: VRID table, socket counters, INIT/FAULT, shared unicast VRIDs, rounds. */
class VridDemultiplexerTest {

    static final SocketKey MCAST = new SocketKey(IpFamily.IPV4, "eth0", false);

    static ParseResult packet(int vrid, InetAddress from, InetAddress to) {
        byte[] p = PacketForge.of(Advert.v2(vrid, 100, 1, AuthType.NONE, "", List.of(VIP)), from, to).ipv4Packet();
        return VrrpCodec.parseIpv4(p, 0, p.length);
    }

    static InstanceReceiver started(InstanceSettings s) {
        VrrpInstance i = new VrrpInstance(s);
        i.handle(new Event.Startup(), 0);
        return new InstanceReceiver(i);
    }

    @Test
    void routesByVridAndCountsTheRestPerSocket() {
        VridDemultiplexer d = new VridDemultiplexer(MCAST);
        InstanceReceiver b = started(v2(B).priority(90).build());
        d.add(b);
        Dispatch ok = d.route(packet(77, A, VrrpCodec.MCAST_GROUP4));
        Dispatch.Deliver del = assertInstanceOf(Dispatch.Deliver.class, ok);
        assertSame(b.instance(), del.instance());
        assertEquals(new Event.AdvertReceived(A, 100, 100), del.event());

        Dispatch.Dropped unknown = assertInstanceOf(Dispatch.Dropped.class, d.route(packet(52, A, VrrpCodec.MCAST_GROUP4)));
        assertEquals("Unknown VRID(52) received on interface(eth0). ignoring...", unknown.logLine());
        assertFalse(unknown.logged(false));
        assertTrue(unknown.logged(true));
        assertSame(unknown, d.route(packet(52, A, VrrpCodec.MCAST_GROUP4)), "cached per VRID");

        byte[] runt = PacketForge.of(Advert.v2(77, 100, 1, AuthType.NONE, "", List.of(VIP)), A, VrrpCodec.MCAST_GROUP4)
                .truncate(16).ipv4Packet();
        Dispatch.Dropped r = assertInstanceOf(Dispatch.Dropped.class, d.route(VrrpCodec.parseIpv4(runt, 0, runt.length)));
        assertEquals("IPv4 VRRP packet too short - 24 bytes", r.logLine());
        assertTrue(r.logged(false));

        assertEquals(2, d.counters().get(VrrpCounter.UNKNOWN_VRID));
        assertEquals(1, d.counters().get(VrrpCounter.RUNT));
        assertEquals(0, b.instance().counters().get(VrrpCounter.ADVERT_RCVD),
                "the instance counts what it is handed; routing hands nothing");
        del.instance().handle(del.event(), 1);
        assertEquals(1, b.instance().counters().get(VrrpCounter.ADVERT_RCVD));
    }

    @Test
    void instancesInInitOrFaultReadNothing() {
        VridDemultiplexer d = new VridDemultiplexer(MCAST);
        VrrpInstance i = new VrrpInstance(v2(B).build());
        InstanceReceiver rx = new InstanceReceiver(i);
        d.add(rx);
        assertInstanceOf(Dispatch.Ignored.class, d.route(packet(77, A, VrrpCodec.MCAST_GROUP4)), "INIT");
        i.handle(new Event.Startup(), 0);
        assertInstanceOf(Dispatch.Deliver.class, d.route(packet(77, A, VrrpCodec.MCAST_GROUP4)));
        i.handle(new Event.FaultRaised("script"), 1);
        assertInstanceOf(Dispatch.Ignored.class, d.route(packet(77, A, VrrpCodec.MCAST_GROUP4)), "FAULT");
        assertEquals(0, d.counters().get(VrrpCounter.UNKNOWN_VRID));
    }

    @Test
    void unicastInstancesSharingAVridAreToldApartByPeer() {
        InetAddress c = ip("10.77.0.3");
        InetAddress me = ip("10.77.0.9");
        SocketKey uc = new SocketKey(IpFamily.IPV4, "eth0", true);
        VridDemultiplexer d = new VridDemultiplexer(uc);
        InstanceReceiver toA = started(InstanceSettings.builder("VI_A", 77).primaryAddress(me).vips(List.of(Vip.of(VIP, "eth0")))
                .wire(WireSettings.builder().interfaceName("eth0").unicastPeers(List.of(UnicastPeer.of(A))).build())
                .build());
        InstanceReceiver toC = started(InstanceSettings.builder("VI_C", 77).primaryAddress(me).vips(List.of(Vip.of(VIP, "eth0")))
                .wire(WireSettings.builder().interfaceName("eth0").unicastPeers(List.of(UnicastPeer.of(c))).build())
                .build());
        d.add(toA);
        d.add(toC);
        assertSame(toC, ((Dispatch.Deliver) d.route(packet(77, c, me))).receiver());
        assertSame(toA, ((Dispatch.Deliver) d.route(packet(77, A, me))).receiver());
        Dispatch.Dropped stranger = (Dispatch.Dropped) d.route(packet(77, B, me));
        assertEquals("Unknown VRID(77) received on interface(eth0) from 10.77.0.2. ignoring...", stranger.logLine());
        assertEquals(1, d.counters().get(VrrpCounter.UNKNOWN_VRID));

        InstanceReceiver alsoA = started(InstanceSettings.builder("VI_A2", 77).primaryAddress(me).vips(List.of(Vip.of(VIP, "eth0")))
                .wire(WireSettings.builder().interfaceName("eth0").unicastPeers(List.of(UnicastPeer.of(A))).build())
                .build());
        assertThrows(IllegalArgumentException.class, () -> d.add(alsoA), "same VRID and peer");
        assertTrue(d.remove(toC));
        assertFalse(d.remove(toC));
        assertSame(toA, ((Dispatch.Deliver) d.route(packet(77, B, me))).receiver(),
                "a lone unicast instance gets every packet of its VRID; check_unicast_src decides");
    }

    @Test
    void aSocketTakesOnlyItsInstancesAndOneMulticastInstancePerVrid() {
        VridDemultiplexer d = new VridDemultiplexer(MCAST);
        d.add(started(v2(B).build()));
        assertThrows(IllegalArgumentException.class, () -> d.add(started(v2(A).build())));
        InstanceReceiver eth1 = started(v2(B).wire(WireSettings.builder().interfaceName("eth1").build()).build());
        assertThrows(IllegalArgumentException.class, () -> d.add(eth1));
        assertEquals(new SocketKey(IpFamily.IPV4, "eth1", false), eth1.socket());
    }

    @Test
    void aReadRoundEndsAfterTheSecondPacketOfAVridOrARunt() {
        VridDemultiplexer d = new VridDemultiplexer(MCAST);
        d.add(started(v2(B).priority(90).build()));
        d.beginRound();
        d.route(packet(77, A, VrrpCodec.MCAST_GROUP4));
        d.route(packet(52, A, VrrpCodec.MCAST_GROUP4));
        assertFalse(d.roundOver());
        assertInstanceOf(Dispatch.Deliver.class, d.route(packet(77, A, VrrpCodec.MCAST_GROUP4)),
                "the packet that ends the round is still handled");
        assertTrue(d.roundOver());
        d.beginRound();
        assertFalse(d.roundOver());
        d.route(VrrpCodec.parseIpv4(new byte[10], 0, 10));
        assertTrue(d.roundOver());
    }

    @Test
    void ipv6PayloadsAreRoutedWithTheirMeta() {
        InetAddress fe1 = ip("fe80::1");
        SocketKey v6 = new SocketKey(IpFamily.IPV6, "eth0", false);
        VridDemultiplexer d = new VridDemultiplexer(v6);
        InstanceReceiver rx = started(InstanceSettings.builder("VI_6", 66).version(3).primaryAddress(ip("fe80::2"))
                .vips(List.of(Vip.of(ip("fd66::100"), "eth0"))).wire(WireSettings.builder().interfaceName("eth0").build()).build());
        d.add(rx);
        byte[] p = PacketForge.of(Advert.v3(66, 100, 100, List.of(ip("fd66::100"))), fe1, VrrpCodec.MCAST_GROUP6)
                .vrrpBytes();
        assertEquals(new Event.AdvertReceived(fe1, 100, 100),
                ((Dispatch.Deliver) d.routeIpv6(fe1, VrrpCodec.MCAST_GROUP6, 255, p, 0, p.length)).event());
        Dispatch.Deliver hl = (Dispatch.Deliver) d.routeIpv6(fe1, VrrpCodec.MCAST_GROUP6, 1, p, 0, p.length);
        assertEquals(RejectReason.TTL, ((Event.AdvertRejected) hl.event()).kind());
    }

    @Test
    void rejectionsReachTheInstanceWithTheirReason() {
        VridDemultiplexer d = new VridDemultiplexer(MCAST);
        InstanceReceiver b = started(v2(B).priority(90).build());
        d.add(b);
        byte[] ttl64 = PacketForge.of(Advert.v2(77, 200, 1, AuthType.NONE, "", List.of(VIP)), A,
                VrrpCodec.MCAST_GROUP4).ttl(64).ipv4Packet();
        Dispatch.Deliver del = (Dispatch.Deliver) d.routeIpv4(ttl64, 0, ttl64.length);
        assertEquals(new Event.AdvertRejected(A, "invalid TTL/HL. Received 64 and expect 255", RejectReason.TTL),
                del.event());
        del.instance().handle(del.event(), 1);
        assertEquals(1, del.instance().counters().get(VrrpCounter.IP_TTL_ERR));
    }
}
