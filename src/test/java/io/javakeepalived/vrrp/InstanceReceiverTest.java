package io.javakeepalived.vrrp;

import io.javakeepalived.vrrp.packet.AdvertTemplate;
import io.javakeepalived.vrrp.packet.AdvertValidator;
import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.PacketForge;
import io.javakeepalived.vrrp.packet.ReceivePolicy.OldUnicastChecksum;
import io.javakeepalived.vrrp.packet.ReceivedPacket;
import io.javakeepalived.vrrp.packet.RejectReason;
import io.javakeepalived.vrrp.packet.UnicastPeer;
import io.javakeepalived.vrrp.packet.Verdict;
import io.javakeepalived.vrrp.packet.VrrpCodec;
import io.javakeepalived.vrrp.packet.VrrpCounter;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wire side of an instance: one description for receive policy and send templates. */
class InstanceReceiverTest {

    static final long S = 1_000_000_000L;
    static final InetAddress A = ip("10.77.0.1");
    static final InetAddress B = ip("10.77.0.2");
    static final InetAddress VIP = ip("10.77.0.100");

    static InstanceSettings.Builder v2(InetAddress src) {
        return InstanceSettings.builder("VI_1", 77).primaryAddress(src).vips(List.of(Vip.of(VIP, "eth0")))
                .wire(WireSettings.builder().interfaceName("eth0").build());
    }

    /** What B receives when A sends with its first template at this priority. */
    static ReceivedPacket sent(InstanceSettings sender, int priority) {
        AdvertTemplate t = sender.advertTemplates().get(0);
        byte[] buf = new byte[t.ipv4PacketLength()];
        t.writeIpv4Packet(priority, 1, buf, 0);
        return (ReceivedPacket) VrrpCodec.parseIpv4(buf, 0, buf.length);
    }

    @Test
    void whatWeSendIsWhatWeAccept() {
        List<InstanceSettings> all = List.of(
                v2(A).build(),
                v2(A).wire(WireSettings.builder().authPass("s3cret").build()).build(),
                v2(A).version(3).advertIntervalCs(35).build(),
                v2(A).version(3).wire(WireSettings.builder().v3ChecksumAsV2(true).build()).build(),
                v2(A).version(3).wire(WireSettings.builder().unicastPeers(List.of(UnicastPeer.of(B)))
                        .unicastTtl(64).build()).build());
        for (InstanceSettings s : all) {
            for (AdvertTemplate t : s.advertTemplates()) {
                byte[] buf = new byte[t.ipv4PacketLength()];
                t.writeIpv4Packet(100, 7, buf, 0);
                Verdict v = AdvertValidator.validate(VrrpCodec.parseIpv4(buf, 0, buf.length), s.receivePolicy());
                assertInstanceOf(Verdict.Accepted.class, v, s + " -> " + v);
            }
        }
        InstanceSettings v6 = InstanceSettings.builder("VI_6", 66).version(3).primaryAddress(ip("fe80::1"))
                .vips(List.of(Vip.of(ip("fd66::100"), "eth0"))).build();
        AdvertTemplate t = v6.advertTemplates().get(0);
        assertEquals(VrrpCodec.MCAST_GROUP6, t.destination());
        byte[] buf = new byte[t.vrrpLength()];
        t.writeVrrp(100, buf, 0);
        assertInstanceOf(Verdict.Accepted.class, AdvertValidator.validate(
                VrrpCodec.parseIpv6(t.source(), t.destination(), 255, buf, 0, buf.length), v6.receivePolicy()));
    }

    @Test
    void unicastSendsOneTemplatePerPeerWithTheUnicastTtl() {
        InetAddress c = ip("10.77.0.3");
        InstanceSettings s = v2(A).wire(WireSettings.builder()
                .unicastPeers(List.of(UnicastPeer.of(B), UnicastPeer.of(c))).unicastTtl(10).build()).build();
        List<AdvertTemplate> ts = s.advertTemplates();
        assertEquals(List.of(B, c), ts.stream().map(AdvertTemplate::destination).toList());
        byte[] buf = new byte[ts.get(0).ipv4PacketLength()];
        ts.get(0).writeIpv4Packet(100, 1, buf, 0);
        assertEquals(10, buf[8]);
        assertTrue(s.receivePolicy().unicast());
    }

    @Test
    void descriptionsTheWireCannotCarryAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> v2(A).version(3)
                .wire(WireSettings.builder().authPass("x").build()).build());
        assertThrows(IllegalArgumentException.class, () -> InstanceSettings.builder("VI_6", 77)
                .family(java.net.StandardProtocolFamily.INET6).primaryAddress(ip("fe80::1"))
                .wire(WireSettings.builder().ahPass("x").build()).build());
        assertThrows(IllegalArgumentException.class, () -> v2(A)
                .wire(WireSettings.builder().unicastPeers(List.of(UnicastPeer.of(ip("fe80::2")))).build()).build());
        assertThrows(IllegalArgumentException.class, () -> new WireSettings("", AuthType.SIMPLE_PASSWORD,
                "123456789", false, List.of(), 255, false, false, false, OldUnicastChecksum.DETECT,
                VrrpCodec.MCAST_GROUP4, VrrpCodec.MCAST_GROUP6));
        assertEquals("12345678", WireSettings.builder().authPass("123456789").build().password());
    }

    @Test
    void aPasswordMismatchBecomesAnAuthFailureTheInstanceCountsAndLogs() {
        VrrpInstance b = new VrrpInstance(v2(B).priority(90)
                .wire(WireSettings.builder().authPass("other").build()).build());
        InstanceReceiver rx = new InstanceReceiver(b);
        b.handle(new Event.Startup(), 0);
        Event e = rx.receive(sent(v2(A).wire(WireSettings.builder().authPass("s3cret").build()).build(), 100));
        assertEquals(new Event.AdvertRejected(A, "received an invalid passwd!", RejectReason.AUTH_FAILURE), e);
        long deadline = b.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        List<Action> out = b.handle(e, S);
        assertEquals(List.of(new Action.Log(LogLevel.INFO, "(VI_1) received an invalid passwd!")), out);
        assertEquals(deadline, b.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow(), "no timer moves");
        assertEquals(1, b.counters().get(VrrpCounter.AUTH_FAILURE));
        assertEquals(1, b.counters().get(VrrpCounter.ADVERT_REJECTED));
        assertEquals(0, b.counters().get(VrrpCounter.ADVERT_RCVD));
    }

    /** What B receives when A sends with its first template at this priority and AH sequence number. */
    static ReceivedPacket sentWithAh(InstanceSettings sender, int priority, long sequence) {
        AdvertTemplate t = sender.advertTemplates().get(0);
        byte[] buf = new byte[t.ipv4PacketLength()];
        t.writeIpv4Packet(priority, 1, sequence, buf, 0);
        return (ReceivedPacket) VrrpCodec.parseIpv4(buf, 0, buf.length);
    }

    /** The receiver of a started instance (BACKUP) with these settings. */
    static InstanceReceiver started(InstanceSettings s) {
        VrrpInstance i = new VrrpInstance(s);
        InstanceReceiver rx = new InstanceReceiver(i);
        i.handle(new Event.Startup(), 0);
        return rx;
    }

    static InstanceSettings ah(InetAddress src, int priority, String pass) {
        return v2(src).priority(priority).wire(WireSettings.builder().interfaceName("eth0").ahPass(pass).build()).build();
    }

    @Test
    void ahAdvertsRaiseTheOneSequenceCounterAndReplaysAreAuthFailures() {
        InstanceReceiver rx = started(ah(B, 90, "s3cret"));
        VrrpInstance b = rx.instance();
        assertEquals(new VridDemultiplexer.SocketKey(io.javakeepalived.vrrp.packet.IpFamily.IPV4, "eth0", false, true),
                rx.socket());
        Event e = rx.receive(sentWithAh(ah(A, 100, "s3cret"), 100, 41));
        assertEquals(new Event.AdvertReceived(A, 100, 100, false, 41), e);
        b.handle(e, S);
        assertEquals(41, b.ahSequence().value());
        assertEquals(42, b.ahSequence().nextForSending(), "we continue the sequence we heard");

        Event replay = rx.receive(sentWithAh(ah(A, 100, "s3cret"), 100, 42));
        assertEquals(new Event.AdvertRejected(A, "IPSEC-AH : sequence number 42 already processed. Packet dropped."
                + " Local(42)", RejectReason.AH_REPLAY), replay);
        List<Action> out = b.handle(replay, 2 * S);
        assertEquals(List.of(new Action.Log(LogLevel.INFO,
                "(VI_1) IPSEC-AH : sequence number 42 already processed. Packet dropped. Local(42)")), out);
        assertEquals(1, b.counters().get(VrrpCounter.AUTH_FAILURE));
    }

    @Test
    void aFlippedAhByteIsCountedAndChangesNothing() {
        InstanceReceiver rx = started(ah(B, 90, "s3cret"));
        VrrpInstance b = rx.instance();
        long deadline = b.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        AdvertTemplate t = ah(A, 100, "s3cret").advertTemplates().get(0);
        byte[] buf = new byte[t.ipv4PacketLength()];
        t.writeIpv4Packet(100, 1, 5, buf, 0);
        buf[buf.length - 1] ^= 1; // the last VIP byte: inside the ICV, after every earlier check
        Event e = rx.receive((ReceivedPacket) VrrpCodec.parseIpv4(buf, 0, buf.length));
        assertEquals(RejectReason.AH_ICV, ((Event.AdvertRejected) e).kind());
        assertEquals(List.of(new Action.Log(LogLevel.INFO, "(VI_1) IPSEC-AH : invalid IPSEC HMAC-MD5 value."
                + " Due to fields mutation or bad password !")), b.handle(e, S));
        assertEquals(VrrpState.BACKUP, b.state());
        assertEquals(deadline, b.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow(), "no timer moves");
        assertEquals(0, b.ahSequence().value(), "the sequence counter does not move");
        assertEquals(1, b.counters().get(VrrpCounter.AUTH_FAILURE));
        assertEquals(0, b.counters().get(VrrpCounter.ADVERT_RCVD));
        // the wrong password: the same
        Event wrong = rx.receive(sentWithAh(ah(A, 100, "other"), 100, 6));
        assertEquals(RejectReason.AH_ICV, ((Event.AdvertRejected) wrong).kind());
        b.handle(wrong, S);
        assertEquals(2, b.counters().get(VrrpCounter.AUTH_FAILURE));
        assertEquals(0, b.ahSequence().value());
    }

    @Test
    void aPacketRejectedAfterTheAhCheckStillRaisesTheCounterAsInKeepalived() {
        InstanceReceiver rx = started(ah(B, 90, "s3cret"));
        VrrpInstance b = rx.instance();
        InstanceSettings otherInterval = v2(A).priority(100).advertIntervalCs(200)
                .wire(WireSettings.builder().ahPass("s3cret").build()).build();
        Event e = rx.receive(sentWithAh(otherInterval, 100, 9));
        assertEquals(RejectReason.ADVERT_INTERVAL, ((Event.AdvertRejected) e).kind());
        assertEquals(9, b.ahSequence().value());
    }

    @Test
    void aMasterHearingALowerPriorityAhAdvertSyncsAboveIt() {
        InstanceReceiver rx = started(ah(B, 150, "s3cret"));
        VrrpInstance b = rx.instance();
        b.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), b.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
        assertEquals(VrrpState.MASTER, b.state());
        List<Action> out = b.handle(rx.receive(sentWithAh(ah(A, 100, "s3cret"), 100, 20)), 5 * S);
        assertTrue(out.contains(new Action.Log(LogLevel.INFO, "(VI_1) IPSEC-AH : Syncing seq_num - Increment seq")),
                out::toString);
        assertEquals(22, b.ahSequence().nextForSending(), "keepalived: received + 1, then + 1 for the advert");
    }

    @Test
    void aValidAdvertBecomesAdvertReceivedWithTheSecondsAsCentiseconds() {
        VrrpInstance b = new VrrpInstance(v2(B).priority(90).build());
        InstanceReceiver rx = new InstanceReceiver(b);
        assertEquals(new Event.AdvertReceived(A, 100, 100), rx.receive(sent(v2(A).build(), 100)));
        assertEquals(new Event.AdvertReceived(A, 0, 100), rx.receive(sent(v2(A).build(), 0)));
    }

    @Test
    void lastMasterAddressFollowsTheInstanceAndIsNullInMaster() {
        InstanceSettings s = v2(B).priority(90).wire(WireSettings.builder().skipCheckAdvAddr(true).build()).build();
        VrrpInstance b = new VrrpInstance(s);
        InstanceReceiver rx = new InstanceReceiver(b);
        b.handle(new Event.Startup(), 0);
        assertNull(rx.policy().lastMasterAddress());
        b.handle(rx.receive(sent(v2(A).build(), 100)), S);
        assertEquals(A, rx.policy().lastMasterAddress());
        // skip_check_adv_addr: the last master's adverts skip the address checks, others do not
        InstanceSettings otherVips = v2(A).vips(List.of(Vip.of(ip("10.77.0.200"), "eth0"))).build();
        assertInstanceOf(Event.AdvertReceived.class, rx.receive(sent(otherVips, 100)));
        InstanceSettings fromC = v2(ip("10.77.0.3")).vips(List.of(Vip.of(ip("10.77.0.200"), "eth0"))).build();
        assertEquals(RejectReason.ADDRESS_LIST, ((Event.AdvertRejected) rx.receive(sent(fromC, 100))).kind());
        // a lower priority discarded by a BACKUP is remembered too (keepalived's master_saddr)
        InstanceSettings lowC = v2(ip("10.77.0.3")).build();
        b.handle(rx.receive(sent(lowC, 50)), 2 * S);
        assertEquals(ip("10.77.0.3"), rx.policy().lastMasterAddress());
        // MASTER always checks addresses
        b.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), b.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
        assertEquals(VrrpState.MASTER, b.state());
        assertNull(rx.policy().lastMasterAddress());
        assertEquals(RejectReason.ADDRESS_LIST, ((Event.AdvertRejected) rx.receive(sent(otherVips, 100))).kind());
    }

    @Test
    void anOldUnicastChecksumSwitchesReceiveAndSendOnce() {
        InetAddress group = VrrpCodec.MCAST_GROUP4;
        InstanceSettings s = v2(B).version(3)
                .wire(WireSettings.builder().unicastPeers(List.of(UnicastPeer.of(A))).build()).build();
        VrrpInstance b = new VrrpInstance(s);
        InstanceReceiver rx = new InstanceReceiver(b);
        b.handle(new Event.Startup(), 0);
        assertFalse(rx.usesOldUnicastChecksum());
        byte[] before = bytes(rx.sendTemplates().get(0));

        var old = io.javakeepalived.vrrp.packet.Advert.v3(77, 100, 100, List.of(VIP));
        byte[] fromOldPeer = PacketForge.of(old, A, B).checksumDestination(group).ipv4Packet();
        Event e = rx.receive((ReceivedPacket) VrrpCodec.parseIpv4(fromOldPeer, 0, fromOldPeer.length));
        assertEquals(new Event.AdvertReceived(A, 100, 100, true), e);
        List<Action> out = b.handle(e, S);
        assertEquals(new Action.Log(LogLevel.INFO, "(VI_1) Setting unicast VRRPv3 checksum to old version"),
                out.get(0));
        assertTrue(rx.usesOldUnicastChecksum());
        assertEquals(OldUnicastChecksum.DETECTED, rx.policy().oldUnicastChecksum());
        byte[] after = bytes(rx.sendTemplates().get(0));
        assertFalse(Arrays.equals(before, after));
        byte[] expected = PacketForge.of(old.withPriority(90), B, A).checksumDestination(group).ipv4Packet();
        assertEquals(Arrays.toString(Arrays.copyOfRange(expected, 20, expected.length)),
                Arrays.toString(Arrays.copyOfRange(after, 20, after.length)));
        // the next one is just an advert
        assertEquals(new Event.AdvertReceived(A, 100, 100),
                rx.receive((ReceivedPacket) VrrpCodec.parseIpv4(fromOldPeer, 0, fromOldPeer.length)));
        // a reload keeping the default keeps what was detected
        b.handle(new Event.Reload(s.toBuilder().priority(80).build()), 2 * S);
        assertTrue(rx.usesOldUnicastChecksum());
    }

    @Test
    void aReloadRebuildsPolicyAndTemplates() {
        InstanceSettings s = v2(B).priority(90).build();
        VrrpInstance b = new VrrpInstance(s);
        InstanceReceiver rx = new InstanceReceiver(b);
        b.handle(new Event.Startup(), 0);
        assertInstanceOf(Event.AdvertReceived.class, rx.receive(sent(v2(A).build(), 100)));
        b.handle(new Event.Reload(s.toBuilder().wire(WireSettings.builder().interfaceName("eth0")
                .authPass("s3cret").build()).build()), S);
        assertEquals(RejectReason.AUTH_TYPE_MISMATCH,
                ((Event.AdvertRejected) rx.receive(sent(v2(A).build(), 100))).kind());
        assertEquals("s3cret", rx.sendTemplates().get(0).advert().password());
    }

    static byte[] bytes(AdvertTemplate t) {
        byte[] buf = new byte[t.ipv4PacketLength()];
        t.writeIpv4Packet(90, 1, buf, 0);
        return buf;
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
