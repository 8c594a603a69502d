package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.HeartbeatPath;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceReceiver;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.WireSettings;
import io.javakeepalived.vrrp.packet.AdvertTemplate;
import io.javakeepalived.vrrp.packet.ReceivedPacket;
import io.javakeepalived.vrrp.packet.RejectReason;
import io.javakeepalived.vrrp.packet.VrrpCodec;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What one instance makes of packets on its heartbeat path, and what it sends there. */
class HeartbeatPathMemberTest {

    private static final InetAddress OWN = ip("10.88.0.1");
    private static final InetAddress PEER = ip("10.88.0.2");

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static InstanceSettings settings(int version, String authPass) {
        WireSettings.Builder w = WireSettings.builder().interfaceName("eth0");
        if (authPass != null) {
            w.authPass(authPass);
        }
        return InstanceSettings.builder("VI_1", 51).version(version).primaryAddress(ip("10.77.0.1")).priority(90)
                .vips(List.of(Vip.of(ip("10.77.0.100"), "eth0"))).wire(w.build()).build();
    }

    /** A BACKUP instance reading its heartbeat path eth1 (10.88.0.1) from peer 10.88.0.2. */
    private static HeartbeatPathMember member(InstanceSettings s) {
        VrrpInstance vi = new VrrpInstance(s);
        vi.handle(new Event.Startup(), 0);
        assertEquals(VrrpState.BACKUP, vi.state());
        return new HeartbeatPathMember(new InstanceReceiver(vi), new HeartbeatPath("eth1", List.of(PEER), null),
                OWN);
    }

    /** What the peer's instance (same settings, priority 100) sends us on the path, as the socket reads it. */
    private static ReceivedPacket fromPeer(InstanceSettings s, InetAddress source, int ttl) {
        AdvertTemplate t = AdvertTemplate.builder(s.advert(), source, OWN).ttl(ttl).build();
        byte[] buf = new byte[512];
        int n = t.writeIpv4Packet(100, 7, buf, 0);
        return (ReceivedPacket) VrrpCodec.parseIpv4(buf, 0, n);
    }

    @Test
    void anAdvertFromThePeerIsTheInstancesEventMarkedWithThePath() {
        for (int version : new int[] {2, 3}) {
            InstanceSettings s = settings(version, version == 2 ? "secret" : null);
            HeartbeatPathMember m = member(s);
            var o = assertInstanceOf(HeartbeatPathMember.Outcome.ForInstance.class, m.receive(fromPeer(s, PEER, 255)));
            Event.AdvertReceived a = assertInstanceOf(Event.AdvertReceived.class, o.event(), "v" + version);
            assertEquals(PEER, a.source());
            assertEquals(100, a.priority());
            assertEquals(new Event.HeartbeatPath("eth1", OWN), a.path());
        }
    }

    @Test
    void notFromAPeerOrNotTtl255IsDroppedOnThePath() {
        InstanceSettings s = settings(3, null);
        HeartbeatPathMember m = member(s);
        var d = assertInstanceOf(HeartbeatPathMember.Outcome.Dropped.class, m.receive(fromPeer(s, ip("10.88.0.3"), 255)));
        assertEquals("VRRP packet on heartbeat path eth1 from 10.88.0.3, not a peer of the path - ignoring", d.reason());
        d = assertInstanceOf(HeartbeatPathMember.Outcome.Dropped.class, m.receive(fromPeer(s, PEER, 254)));
        assertEquals("VRRP packet on heartbeat path eth1 from 10.88.0.2 with TTL/HL 254, expected 255 - ignoring",
                d.reason());
    }

    @Test
    void theSameValidationAsOnTheVrrpPath() {
        HeartbeatPathMember m = member(settings(2, "secret"));
        var o = assertInstanceOf(HeartbeatPathMember.Outcome.ForInstance.class,
                m.receive(fromPeer(settings(2, "wrong"), PEER, 255)));
        Event.AdvertRejected r = assertInstanceOf(Event.AdvertRejected.class, o.event());
        assertEquals(RejectReason.AUTH_FAILURE, r.kind());
        assertEquals("received an invalid passwd! (heartbeat path eth1)", r.reason());

        o = assertInstanceOf(HeartbeatPathMember.Outcome.ForInstance.class,
                member(settings(3, null)).receive(fromPeer(settings(2, null), PEER, 255)));
        assertEquals(RejectReason.VERSION, assertInstanceOf(Event.AdvertRejected.class, o.event()).kind());
    }

    @Test
    void itSendsTheInstancesAdvertToEachPeerFromOurPathAddressWithTtl255() {
        InstanceSettings s = settings(3, null);
        HeartbeatPathMember m = member(s);
        List<AdvertTemplate> t = m.templates();
        assertEquals(1, t.size());
        byte[] path = new byte[512];
        int n = t.get(0).writeIpv4Packet(90, 1, path, 0);
        ReceivedPacket p = (ReceivedPacket) VrrpCodec.parseIpv4(path, 0, n);
        assertEquals(OWN, p.source());
        assertEquals(PEER, p.destination());
        assertEquals(255, p.ttl());
        // the VRRP message is the instance's own, except the v3 checksum over the path's addresses
        byte[] main = new byte[512];
        int k = s.advertTemplates(false).get(0).writeVrrp(90, main, 0);
        assertEquals(k, n - 20);
        for (int i = 0; i < k; i++) {
            if (i != 6 && i != 7) {
                assertEquals(main[i], path[20 + i], "byte " + i);
            }
        }
        assertTrue(m.templates() == t, "built once per settings");
    }
}
