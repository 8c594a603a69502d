package io.javakeepalived.vrrp.packet;

import static io.javakeepalived.vrrp.packet.RoundTripTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * One test per rejection reason and per counter, with forged packets like those of
 * keepalived-measured.md ("What keepalived 2.2.7 does with each forged packet"): VRRPv2, VRID
 * 51, priority 200, one VIP 10.66.0.100, from 10.66.0.2 to 224.0.0.18, against an instance
 * with advert_int 1 and no authentication. Each asserts keepalived's log text and exactly
 * which counters moved.
 */
class RejectionTest {

    static final InetAddress SRC = ip("10.66.0.2");
    static final InetAddress VIP = ip("10.66.0.100");
    static final InetAddress GROUP = VrrpCodec.MCAST_GROUP4;
    static final Advert ADVERT = Advert.v2(51, 200, 1, AuthType.NONE, "", List.of(VIP));
    static final Set<RejectReason> SEEN = EnumSet.noneOf(RejectReason.class);
    static final Set<VrrpCounter> COUNTED = EnumSet.noneOf(VrrpCounter.class);

    static ReceivePolicy.Builder policy() {
        return ReceivePolicy.builder(IpFamily.IPV4, 2, 51).interfaceName("eth0").vips(List.of(VIP));
    }

    static PacketForge forge() {
        return PacketForge.of(ADVERT, SRC, GROUP);
    }

    /** Validates, checks reason + text, and that the counters moved exactly as listed (counter, delta pairs). */
    static Rejection rejected(byte[] packet, ReceivePolicy policy, RejectReason reason, String message,
                              Object... counterDeltas) {
        return check(VrrpCodec.parseIpv4(packet, 0, packet.length), policy, reason, message, counterDeltas);
    }

    static Rejection check(ParseResult parsed, ReceivePolicy policy, RejectReason reason, String message,
                           Object... counterDeltas) {
        Verdict v = AdvertValidator.validate(parsed, policy);
        Rejection r = assertInstanceOf(Rejection.class, v, "expected " + reason + " but got " + v);
        assertEquals(reason, r.reason(), r.message());
        assertEquals(message, r.message());
        SEEN.add(reason);
        VrrpCounters c = new VrrpCounters();
        c.record(v);
        assertCounters(c, counterDeltas);
        return r;
    }

    static Verdict.Accepted accepted(byte[] packet, ReceivePolicy policy) {
        Verdict v = AdvertValidator.validate(VrrpCodec.parseIpv4(packet, 0, packet.length), policy);
        return assertInstanceOf(Verdict.Accepted.class, v, String.valueOf(v));
    }

    static void assertCounters(VrrpCounters c, Object... counterDeltas) {
        Map<VrrpCounter, Long> expected = new java.util.EnumMap<>(VrrpCounter.class);
        for (VrrpCounter k : VrrpCounter.values()) {
            expected.put(k, 0L);
        }
        for (int i = 0; i < counterDeltas.length; i += 2) {
            expected.put((VrrpCounter) counterDeltas[i], ((Number) counterDeltas[i + 1]).longValue());
            COUNTED.add((VrrpCounter) counterDeltas[i]);
        }
        assertEquals(expected, c.snapshot());
    }

    // --------------------------------------------------------------- the measured table, row by row

    @Test
    void ttl64() {
        rejected(forge().ttl(64).ipv4Packet(), policy().build(), RejectReason.TTL,
                "invalid TTL/HL. Received 64 and expect 255", VrrpCounter.IP_TTL_ERR, 1);
    }

    @Test
    void badChecksumV2() {
        rejected(forge().badChecksum().ipv4Packet(), policy().build(), RejectReason.CHECKSUM,
                "Invalid VRRPv2 checksum", VrrpCounter.CHK_ERR, 1);
    }

    @Test
    void version3ToV2Instance() {
        byte[] v3 = PacketForge.of(Advert.v3(51, 200, 100, List.of(VIP)), SRC, GROUP).ipv4Packet();
        rejected(v3, policy().build(), RejectReason.VERSION,
                "wrong version. Received 3 and expect 2", VrrpCounter.VERS_ERR, 1);
    }

    @Test
    void truncatedAuthData() {
        rejected(forge().truncate(4).ipv4Packet(), policy().build(), RejectReason.LENGTH,
                "vrrp packet too short, length 36 and expect 40", VrrpCounter.PACKET_LEN_ERR, 1);
        rejected(forge().append(0, 0).ipv4Packet(), policy().build(), RejectReason.LENGTH,
                "vrrp packet too long, length 42 and expect 40", VrrpCounter.PACKET_LEN_ERR, 1);
    }

    @Test
    void runt() {
        byte[] runt = forge().truncate(16).ipv4Packet(); // 20 + 4 bytes of VRRP header
        assertEquals(24, runt.length);
        Rejection r = rejected(runt, policy().build(), RejectReason.RUNT,
                "IPv4 VRRP packet too short - 24 bytes", VrrpCounter.RUNT, 1);
        assertEquals("IPv4 VRRP packet too short - 24 bytes", r.logLine("VI_1"), "no instance prefix");
        rejected(new byte[19], policy().build(), RejectReason.RUNT, "IPv4 VRRP packet too short - 19 bytes",
                VrrpCounter.RUNT, 1);
        rejected(forge().ahHeader(112).truncate(16).ipv4Packet(), policy().build(), RejectReason.RUNT,
                "IPv4 VRRP packet with AH too short - 48 bytes", VrrpCounter.RUNT, 1);
        check(VrrpCodec.parseIpv6(ip("fe80::1"), VrrpCodec.MCAST_GROUP6, 255, new byte[7], 0, 7),
                v6policy().build(), RejectReason.RUNT, "IPv6 VRRP packet too short - 7 bytes", VrrpCounter.RUNT, 1);
    }

    @Test
    void badIpHeader() {
        rejected(forge().ipVersionIhl(0x65).ipv4Packet(), policy().build(), RejectReason.BAD_IP_HEADER,
                "IPv4 packet with bad header: version 6, header length 20", VrrpCounter.RUNT, 1);
        rejected(forge().ipVersionIhl(0x44).ipv4Packet(), policy().build(), RejectReason.BAD_IP_HEADER,
                "IPv4 packet with bad header: version 4, header length 16", VrrpCounter.RUNT, 1);
        rejected(forge().protocol(17).ipv4Packet(), policy().build(), RejectReason.BAD_IP_HEADER,
                "IPv4 packet with protocol 17 is not VRRP", VrrpCounter.RUNT, 1);
    }

    @Test
    void unknownVrid() {
        Rejection r = rejected(forge().vrid(52).ipv4Packet(), policy().build(), RejectReason.UNKNOWN_VRID,
                "Unknown VRID(52) received on interface(eth0). ignoring...", VrrpCounter.UNKNOWN_VRID, 1);
        assertEquals(RejectReason.LogWhen.LOG_UNKNOWN_VRIDS, r.reason().logWhen());
        assertEquals("Unknown VRID(52) received on interface(eth1) from 10.66.0.9. ignoring...",
                Rejection.unknownVrid(52, "eth1", ip("10.66.0.9")).message());
    }

    @Test
    void invalidType() {
        rejected(forge().type(2).ipv4Packet(), policy().build(), RejectReason.INVALID_TYPE,
                "Invalid packet type. 2 and expect 1", VrrpCounter.INVALID_TYPE_RCVD, 1);
    }

    @Test
    void twoAddressesInsteadOfOne() {
        byte[] p = PacketForge.of(Advert.v2(51, 200, 1, AuthType.NONE, "", List.of(VIP, ip("10.66.0.101"))),
                SRC, GROUP).ipv4Packet();
        rejected(p, policy().build(), RejectReason.ADDRESS_COUNT,
                "received an unexpected ip number count 2, expected 1!", VrrpCounter.ADDR_LIST_ERR, 1);
    }

    @Test
    void advertIntervalMismatch() {
        rejected(forge().advertIntervalSeconds(2).ipv4Packet(), policy().build(), RejectReason.ADVERT_INTERVAL,
                "advertisement interval mismatch mine=1 sec rcv'd=2 sec", VrrpCounter.ADVERT_INTERVAL_ERR, 1);
        // VRRPv3 does not check: the backup adopts the master's interval
        byte[] v3 = PacketForge.of(Advert.v3(51, 200, 35, List.of(VIP)), SRC, GROUP).ipv4Packet();
        assertEquals(35, accepted(v3, v3policy().build()).advert().advertIntervalCentis());
    }

    @Test
    void authTypeMismatch() {
        byte[] pass = PacketForge.of(Advert.v2(51, 200, 1, AuthType.SIMPLE_PASSWORD, "s3cret", List.of(VIP)),
                SRC, GROUP).ipv4Packet();
        rejected(pass, policy().build(), RejectReason.AUTH_TYPE_MISMATCH,
                "received a 1 auth, expecting 0!", VrrpCounter.AUTHTYPE_MISMATCH, 1);
        rejected(forge().ipv4Packet(), policy().password("s3cret").build(), RejectReason.AUTH_TYPE_MISMATCH,
                "received a 0 auth, expecting 1!", VrrpCounter.AUTHTYPE_MISMATCH, 1);
    }

    @Test
    void validForgedAdvertIsAccepted() {
        VrrpCounters c = new VrrpCounters();
        Verdict.Accepted a = accepted(forge().ipv4Packet(), policy().build());
        c.record(a);
        assertEquals(ADVERT, a.advert());
        assertEquals(new ReceiveMeta(IpFamily.IPV4, SRC, GROUP, 255, true), a.meta());
        assertFalse(a.switchToOldUnicastChecksum());
        assertCounters(c, VrrpCounter.ADVERT_RCVD, 1);
    }

    // --------------------------------------------------------------- the remaining reasons

    @Test
    void invalidAuthType() {
        rejected(forge().authTypeField(7).ipv4Packet(), policy().build(), RejectReason.INVALID_AUTH_TYPE,
                "Invalid auth type: 7", VrrpCounter.INVALID_AUTHTYPE, 1);
    }

    @Test
    void wrongPassword() {
        byte[] pass = PacketForge.of(Advert.v2(51, 200, 1, AuthType.SIMPLE_PASSWORD, "s3cret", List.of(VIP)),
                SRC, GROUP).ipv4Packet();
        Rejection r = rejected(pass, policy().password("secret").build(), RejectReason.AUTH_FAILURE,
                "received an invalid passwd!", VrrpCounter.AUTH_FAILURE, 1);
        assertEquals("(VI_1) received an invalid passwd!", r.logLine("VI_1"));
        // config longer than 8 chars is truncated like keepalived does, so this matches
        assertEquals("s3cret", accepted(pass, policy().password("s3cret").build()).advert().password());
        byte[] longPw = PacketForge.of(Advert.v2(51, 200, 1, AuthType.SIMPLE_PASSWORD, "12345678", List.of(VIP)),
                SRC, GROUP).ipv4Packet();
        accepted(longPw, policy().password("123456789").build());
        // keepalived reads the password ending at ip->tot_len, even when tot_len is wrong
        byte[] badTotLen = PacketForge.of(Advert.v2(51, 200, 1, AuthType.SIMPLE_PASSWORD, "s3cret", List.of(VIP)),
                SRC, GROUP).totalLength(44).ipv4Packet();
        rejected(badTotLen, policy().password("s3cret").build(), RejectReason.AUTH_FAILURE,
                "received an invalid passwd!", VrrpCounter.AUTH_FAILURE, 1);
    }

    @Test
    void ipTotalLength() {
        rejected(forge().totalLength(41).ipv4Packet(), policy().build(), RejectReason.IP_TOTAL_LENGTH,
                "ip_tot_len mismatch against received length. 41 and received 40", VrrpCounter.PACKET_LEN_ERR, 1);
    }

    @Test
    void ahMismatch() {
        rejected(forge().ahHeader(112).authTypeField(2).ipv4Packet(), policy().build(), RejectReason.AH_MISMATCH,
                "Received AH header but auth type not AH", VrrpCounter.AUTHTYPE_MISMATCH, 1);
        rejected(forge().ipv4Packet(), policy().authType(AuthType.IP_AH).build(), RejectReason.AH_MISMATCH,
                "No AH header but auth type is AH", VrrpCounter.AUTHTYPE_MISMATCH, 1);
    }

    @Test
    void ahNotVrrpAndAhChecks() {
        ReceivePolicy ah = policy().storedAhPassword("s3cret").build();
        Rejection r = rejected(forge().ahHeader(6).authTypeField(2).ipv4Packet(), ah, RejectReason.AH_NOT_VRRP,
                "AH next header 6 is not VRRP - dropped");
        assertEquals(RejectReason.LogWhen.NEVER, r.reason().logWhen());
        rejected(forge().ahHeader(112).authTypeField(2).ipv4Packet(), ah, RejectReason.AH_ICV,
                "IPSEC-AH : invalid IPSEC HMAC-MD5 value. Due to fields mutation or bad password !",
                VrrpCounter.AUTH_FAILURE, 1);
        rejected(forge().authTypeField(2).ahSigned("other", false).ipv4Packet(), ah, RejectReason.AH_ICV,
                "IPSEC-AH : invalid IPSEC HMAC-MD5 value. Due to fields mutation or bad password !",
                VrrpCounter.AUTH_FAILURE, 1);
        // keepalived prints both as %u of network-order words on a little-endian host
        rejected(forge().authTypeField(2).ahSpi(ip("10.66.0.9")).ahSigned("s3cret", false).ipv4Packet(), ah,
                RejectReason.AH_SPI, "IPSEC AH : invalid IPSEC SPI value. 33571338 and expect 151011850",
                VrrpCounter.AUTH_FAILURE, 1);
        byte[] seven = forge().authTypeField(2).ahSequence(7).ahSigned("s3cret", false).ipv4Packet();
        Verdict v = AdvertValidator.validate((ReceivedPacket) VrrpCodec.parseIpv4(seven, 0, seven.length), ah, 6);
        assertInstanceOf(Verdict.Accepted.class, v);
        assertTrue(AdvertValidator.passedAuthentication(v));
        Rejection replay = assertInstanceOf(Rejection.class,
                AdvertValidator.validate((ReceivedPacket) VrrpCodec.parseIpv4(seven, 0, seven.length), ah, 7));
        assertEquals(RejectReason.AH_REPLAY, replay.reason());
        assertEquals("IPSEC-AH : sequence number 7 already processed. Packet dropped. Local(7)", replay.message());
        assertFalse(AdvertValidator.passedAuthentication(replay));
        SEEN.add(RejectReason.AH_REPLAY);
        // the AH header is counted in the expected length
        rejected(forge().ahHeader(112).authTypeField(2).truncate(4).ipv4Packet(), ah, RejectReason.LENGTH,
                "vrrp packet too short, length 60 and expect 64", VrrpCounter.PACKET_LEN_ERR, 1);
    }

    @Test
    void castMismatchIpv4() {
        ReceivePolicy unicast = policy().unicastPeers(List.of(UnicastPeer.of(SRC))).build();
        rejected(forge().ipv4Packet(), unicast, RejectReason.CAST_MISMATCH,
                "Expected unicast packet but received multicast packet", VrrpCounter.ADDR_LIST_ERR, 1);
        byte[] toMe = PacketForge.of(ADVERT, SRC, ip("10.66.0.1")).ipv4Packet();
        rejected(toMe, policy().build(), RejectReason.CAST_MISMATCH,
                "Expected multicast packet but received unicast packet", VrrpCounter.ADDR_LIST_ERR, 1);
    }

    @Test
    void castDiscardedIpv6() {
        byte[] v = PacketForge.of(Advert.v3(51, 200, 100, List.of(ip("fd66::100"))), ip("fe80::2"), ip("fd66::1"))
                .vrrpBytes();
        Rejection r = check(VrrpCodec.parseIpv6(ip("fe80::2"), ip("fd66::1"), 255, v, 0, v.length),
                v6policy().build(), RejectReason.CAST_DISCARDED,
                "discarding unicast packet on multicast instance");
        assertEquals(RejectReason.LogWhen.DETAIL, r.reason().logWhen());
        byte[] m = PacketForge.of(Advert.v3(51, 200, 100, List.of(ip("fd66::100"))), ip("fe80::2"),
                VrrpCodec.MCAST_GROUP6).vrrpBytes();
        check(VrrpCodec.parseIpv6(ip("fe80::2"), VrrpCodec.MCAST_GROUP6, 255, m, 0, m.length),
                v6policy().unicastPeers(List.of(UnicastPeer.of(ip("fe80::2")))).build(), RejectReason.CAST_DISCARDED,
                "discarding multicast packet on unicast instance");
        // no IPV6_PKTINFO: counts as unicast, as in keepalived
        check(VrrpCodec.parseIpv6(ip("fe80::2"), null, 255, m, 0, m.length), v6policy().build(),
                RejectReason.CAST_DISCARDED, "discarding unicast packet on multicast instance");
    }

    @Test
    void addressList() {
        byte[] other = PacketForge.of(Advert.v2(51, 200, 1, AuthType.NONE, "", List.of(ip("10.66.0.99"))), SRC, GROUP)
                .ipv4Packet();
        rejected(other, policy().build(), RejectReason.ADDRESS_LIST,
                "ip address associated with VRID 51 not present in MASTER advert: 10.66.0.100",
                VrrpCounter.ADDR_LIST_ERR, 1, VrrpCounter.ADVERT_RCVD, 1);
        // order does not matter, every configured VIP must be there
        InetAddress vip2 = ip("10.66.0.101");
        byte[] swapped = PacketForge.of(Advert.v2(51, 200, 1, AuthType.NONE, "", List.of(vip2, VIP)), SRC, GROUP)
                .ipv4Packet();
        accepted(swapped, policy().vips(List.of(VIP, vip2)).build());
        // IPv6 addresses are printed as inet_ntop does
        byte[] v6 = PacketForge.of(Advert.v3(51, 200, 100, List.of(ip("fd66::99"))), ip("fe80::2"),
                VrrpCodec.MCAST_GROUP6).vrrpBytes();
        check(VrrpCodec.parseIpv6(ip("fe80::2"), VrrpCodec.MCAST_GROUP6, 255, v6, 0, v6.length), v6policy().build(),
                RejectReason.ADDRESS_LIST, "ip address associated with VRID 51 not present in MASTER advert: fd66::100",
                VrrpCounter.ADDR_LIST_ERR, 1, VrrpCounter.ADVERT_RCVD, 1);
    }

    @Test
    void skipCheckAdvAddrOnlyForTheLastMaster() {
        byte[] other = PacketForge.of(Advert.v2(51, 200, 1, AuthType.NONE, "", List.of(ip("10.66.0.99"), VIP)),
                SRC, GROUP).ipv4Packet();
        ReceivePolicy skip = policy().skipCheckAdvAddr(true).build();
        // no master known yet, or MASTER state (null): checked
        rejected(other, skip, RejectReason.ADDRESS_COUNT, "received an unexpected ip number count 2, expected 1!",
                VrrpCounter.ADDR_LIST_ERR, 1);
        // from the remembered master: count and list not checked
        accepted(other, skip.withLastMasterAddress(SRC));
        // from someone else: checked
        rejected(other, skip.withLastMasterAddress(ip("10.66.0.3")), RejectReason.ADDRESS_COUNT,
                "received an unexpected ip number count 2, expected 1!", VrrpCounter.ADDR_LIST_ERR, 1);
        // without the option the last master changes nothing
        rejected(other, policy().lastMasterAddress(SRC).build(), RejectReason.ADDRESS_COUNT,
                "received an unexpected ip number count 2, expected 1!", VrrpCounter.ADDR_LIST_ERR, 1);
    }

    @Test
    void unicastSource() {
        InetAddress me = ip("10.66.0.1");
        byte[] fromStranger = PacketForge.of(ADVERT, ip("10.66.0.9"), me).ipv4Packet();
        ReceivePolicy uc = policy().unicastPeers(List.of(UnicastPeer.of(SRC))).checkUnicastSrc(true).build();
        rejected(fromStranger, uc, RejectReason.UNICAST_SOURCE,
                "unicast source address 10.66.0.9 not a unicast peer", VrrpCounter.ADVERT_RCVD, 1);
        // without check_unicast_src any source is fine
        accepted(fromStranger, policy().unicastPeers(List.of(UnicastPeer.of(SRC))).build());
        // a peer TTL range turns the check on
        rejected(fromStranger, policy().unicastPeers(List.of(UnicastPeer.of(SRC, 0, 255))).build(),
                RejectReason.UNICAST_SOURCE, "unicast source address 10.66.0.9 not a unicast peer",
                VrrpCounter.ADVERT_RCVD, 1);
        // the peer itself is fine, with any TTL (unicast skips the 255 check)
        accepted(PacketForge.of(ADVERT, SRC, me).ttl(3).ipv4Packet(), uc);
    }

    @Test
    void ttlRange() {
        InetAddress me = ip("10.66.0.1");
        ReceivePolicy uc = policy().unicastPeers(List.of(UnicastPeer.of(ip("10.66.0.7")), UnicastPeer.of(SRC, 10, 255)))
                .build();
        rejected(PacketForge.of(ADVERT, SRC, me).ttl(5).ipv4Packet(), uc, RejectReason.TTL_RANGE,
                "TTL/HL 5 not in range 10 - 255", VrrpCounter.IP_TTL_ERR, 1, VrrpCounter.ADVERT_RCVD, 1);
        accepted(PacketForge.of(ADVERT, SRC, me).ttl(10).ipv4Packet(), uc);
        ReceivePolicy maxOnly = policy().unicastPeers(List.of(new UnicastPeer(SRC, java.util.OptionalInt.empty(),
                java.util.OptionalInt.of(64)))).build();
        rejected(PacketForge.of(ADVERT, SRC, me).ipv4Packet(), maxOnly, RejectReason.TTL_RANGE,
                "TTL/HL 255 not in range 0 - 64", VrrpCounter.IP_TTL_ERR, 1, VrrpCounter.ADVERT_RCVD, 1);
        // IPv6 without a hop limit cmsg: range not checked
        InetAddress p6 = ip("fe80::2");
        byte[] v6 = PacketForge.of(Advert.v3(51, 200, 100, List.of(ip("fd66::100"))), p6, ip("fe80::1")).vrrpBytes();
        ReceivePolicy uc6 = v6policy().unicastPeers(List.of(UnicastPeer.of(p6, 10, 20))).build();
        assertInstanceOf(Verdict.Accepted.class,
                AdvertValidator.validate(VrrpCodec.parseIpv6(p6, ip("fe80::1"), -1, v6, 0, v6.length), uc6));
        check(VrrpCodec.parseIpv6(p6, ip("fe80::1"), 255, v6, 0, v6.length), uc6, RejectReason.TTL_RANGE,
                "TTL/HL 255 not in range 10 - 20", VrrpCounter.IP_TTL_ERR, 1, VrrpCounter.ADVERT_RCVD, 1);
    }

    @Test
    void priorityZeroIsAcceptedAndCounted() {
        VrrpCounters c = new VrrpCounters();
        Verdict.Accepted a = accepted(forge().priority(0).ipv4Packet(), policy().build());
        assertTrue(a.priorityZero());
        c.record(a);
        assertCounters(c, VrrpCounter.ADVERT_RCVD, 1, VrrpCounter.PRI_ZERO_RCVD, 1);
    }

    @Test
    void sendSideCounters() {
        VrrpCounters c = new VrrpCounters();
        c.advertSent(100);
        c.advertSent(100);
        c.advertSent(0);
        c.becameMaster();
        c.releasedMaster();
        assertCounters(c, VrrpCounter.ADVERT_SENT, 3, VrrpCounter.PRI_ZERO_SENT, 1,
                VrrpCounter.BECOME_MASTER, 1, VrrpCounter.RELEASE_MASTER, 1);
    }

    @Test
    void rejectedCountsItselfAndThenAsKeepalivedDoes() {
        VrrpCounters c = new VrrpCounters();
        c.recordRejected(RejectReason.TTL);
        c.recordRejected(RejectReason.ADDRESS_LIST);
        c.recordRejected(RejectReason.UNICAST_SOURCE);
        c.recordRejected(null);
        assertCounters(c, VrrpCounter.ADVERT_REJECTED, 4, VrrpCounter.IP_TTL_ERR, 1,
                VrrpCounter.ADDR_LIST_ERR, 1, VrrpCounter.ADVERT_RCVD, 2);
        c.clear();
        assertCounters(c);
    }

    /** The instance counts an advert that came over a heartbeat path (HeartbeatPathTest), as well as received. */
    @Test
    void heartbeatPathAdvertsHaveACounterOfTheirOwn() {
        VrrpCounters c = new VrrpCounters();
        c.increment(VrrpCounter.HEARTBEAT_PATH_RCVD);
        assertCounters(c, VrrpCounter.HEARTBEAT_PATH_RCVD, 1);
    }

    // --------------------------------------------------------------- checksum variants

    @Test
    void checksumsV3AndIpv6() {
        ReceivePolicy p3 = v3policy().build();
        Advert a3 = Advert.v3(51, 200, 100, List.of(VIP));
        rejected(PacketForge.of(a3, SRC, GROUP).badChecksum().ipv4Packet(), p3, RejectReason.CHECKSUM,
                "Invalid VRRPv3 checksum", VrrpCounter.CHK_ERR, 1);
        // v3 checksummed like v2 (no pseudo-header): only with v3_checksum_as_v2, which then requires it
        byte[] asV2 = PacketForge.of(a3, SRC, GROUP).checksumWithPseudoHeader(false).ipv4Packet();
        rejected(asV2, p3, RejectReason.CHECKSUM, "Invalid VRRPv3 checksum", VrrpCounter.CHK_ERR, 1);
        ReceivePolicy asV2Policy = v3policy().v3ChecksumAsV2(true).build();
        accepted(asV2, asV2Policy);
        rejected(PacketForge.of(a3, SRC, GROUP).ipv4Packet(), asV2Policy, RejectReason.CHECKSUM,
                "Invalid VRRPv3 checksum", VrrpCounter.CHK_ERR, 1);
        AdvertTemplate t = AdvertTemplate.builder(a3, SRC, GROUP).v3ChecksumAsV2(true).build();
        byte[] fromTemplate = new byte[t.ipv4PacketLength()];
        t.writeIpv4Packet(200, 1, fromTemplate, 0);
        accepted(fromTemplate, asV2Policy);

        byte[] v6 = PacketForge.of(Advert.v3(51, 200, 100, List.of(ip("fd66::100"))), ip("fe80::2"),
                VrrpCodec.MCAST_GROUP6).badChecksum().vrrpBytes();
        check(VrrpCodec.parseIpv6(ip("fe80::2"), VrrpCodec.MCAST_GROUP6, 255, v6, 0, v6.length), v6policy().build(),
                RejectReason.CHECKSUM, "Invalid VRRPv3 checksum", VrrpCounter.CHK_ERR, 1);
    }

    @Test
    void oldUnicastChecksumCompat() {
        InetAddress me = ip("10.66.0.1");
        Advert a3 = Advert.v3(51, 200, 100, List.of(VIP));
        byte[] oldStyle = PacketForge.of(a3, SRC, me).checksumDestination(GROUP).ipv4Packet();
        byte[] newStyle = PacketForge.of(a3, SRC, me).ipv4Packet();
        ReceivePolicy.Builder uc = v3policy().unicastPeers(List.of(UnicastPeer.of(SRC)));

        Verdict.Accepted switched = accepted(oldStyle, uc.build());
        assertTrue(switched.switchToOldUnicastChecksum(), "DETECT switches on an old-style checksum");
        assertFalse(accepted(newStyle, uc.build()).switchToOldUnicastChecksum());

        rejected(oldStyle, uc.oldUnicastChecksum(ReceivePolicy.OldUnicastChecksum.NEVER).build(),
                RejectReason.CHECKSUM, "Invalid VRRPv3 checksum", VrrpCounter.CHK_ERR, 1);
        for (ReceivePolicy.OldUnicastChecksum old : new ReceivePolicy.OldUnicastChecksum[] {
            ReceivePolicy.OldUnicastChecksum.CONFIGURED, ReceivePolicy.OldUnicastChecksum.DETECTED}) {
            ReceivePolicy p = uc.oldUnicastChecksum(old).build();
            assertFalse(accepted(oldStyle, p).switchToOldUnicastChecksum());
            rejected(newStyle, p, RejectReason.CHECKSUM, "Invalid VRRPv3 checksum", VrrpCounter.CHK_ERR, 1);
        }
        // the sender side: a template whose pseudo-header destination is the group
        AdvertTemplate t = AdvertTemplate.builder(a3, SRC, me).checksumDestination(GROUP).build();
        byte[] sent = new byte[t.ipv4PacketLength()];
        t.writeIpv4Packet(200, 1, sent, 0);
        assertEquals(java.util.Arrays.toString(oldStyle), java.util.Arrays.toString(sent));
        // multicast instances never switch
        byte[] mcOld = PacketForge.of(a3, SRC, GROUP).checksumDestination(me).ipv4Packet();
        rejected(mcOld, v3policy().build(), RejectReason.CHECKSUM, "Invalid VRRPv3 checksum", VrrpCounter.CHK_ERR, 1);
    }

    // --------------------------------------------------------------- bookkeeping

    static ReceivePolicy.Builder v3policy() {
        return ReceivePolicy.builder(IpFamily.IPV4, 3, 51).interfaceName("eth0").vips(List.of(VIP));
    }

    static ReceivePolicy.Builder v6policy() {
        return ReceivePolicy.builder(IpFamily.IPV6, 3, 51).interfaceName("eth0").vips(List.of(ip("fd66::100")));
    }

    static int testsRun;

    @org.junit.jupiter.api.AfterEach
    void countTest() {
        testsRun++;
    }

    /** Runs when the whole class ran (not with -Dtest=RejectionTest#one). */
    @AfterAll
    static void everyReasonAndCounterHasATest() {
        long declared = java.util.Arrays.stream(RejectionTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).count();
        if (testsRun < declared) {
            return;
        }
        assertEquals(EnumSet.allOf(RejectReason.class), SEEN, "reasons without a test");
        assertEquals(EnumSet.allOf(VrrpCounter.class), COUNTED, "counters without a test");
    }

    @Test
    void countersAreKeepalivedsStatsKeysInOrder() throws java.io.IOException {
        String json = java.nio.file.Files.readString(io.javakeepalived.testsupport.SharedFiles.dir()
                .resolve("reference/keepalived-runs/keepalived.json.sample"));
        String stats = json.substring(json.indexOf("\"stats\""));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([a-z_]+)\":").matcher(stats);
        List<String> keys = new java.util.ArrayList<>();
        m.find(); // "stats"
        while (m.find() && keys.size() < 14) {
            keys.add(m.group(1));
        }
        List<String> ours = java.util.Arrays.stream(VrrpCounter.values()).filter(VrrpCounter::inKeepalivedStats)
                .map(VrrpCounter::key).toList();
        assertEquals(keys, ours);
    }
}
