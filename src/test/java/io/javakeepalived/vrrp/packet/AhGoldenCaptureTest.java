package io.javakeepalived.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * keepalived 2.2.7's AH adverts (src/test/resources/captures): we encode every one byte for byte
 * from its config, accept it as a peer configured alike, and reject it with any byte changed
 * except the fields keepalived leaves out of the ICV.
 */
class AhGoldenCaptureTest {

    /** TOS, flags + fragment offset, header checksum: outside the ICV (and not checked by us; the kernel checks the last). */
    static final Set<Integer> MUTABLE = Set.of(1, 6, 7, 10, 11);
    static final int TTL = 8;

    static Path capture(String file) {
        try {
            return Path.of(AhGoldenCaptureTest.class.getResource("/captures/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static CaptureConf conf(String name) throws IOException {
        return CaptureConf.read(capture(name + ".conf"));
    }

    static List<Pcap.VrrpPacket> packets(String name) throws IOException {
        return Pcap.vrrpPackets(capture(name + ".pcap"));
    }

    static ReceivePolicy policyOfPeer(CaptureConf conf, Pcap.VrrpPacket cap) {
        return policyOfPeer(conf, cap, conf.authPass());
    }

    /** As {@link GoldenCaptureTest#policyOfPeer}, keyed with {@code authPass}. */
    static ReceivePolicy policyOfPeer(CaptureConf conf, Pcap.VrrpPacket cap, String authPass) {
        ReceivePolicy.Builder b = ReceivePolicy.builder(IpFamily.IPV4, 2, conf.vrid())
                .interfaceName("eth0")
                .advertIntervalCentis(conf.advertIntervalCentis())
                .vips(conf.vips())
                .checkUnicastSrc(true)
                .storedAhPassword(Advert.passwordFromConfig(authPass));
        if (!conf.unicastPeers().isEmpty()) {
            b.unicastPeers(List.of(UnicastPeer.of(conf.unicastSrc())));
        }
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2-ah-ipv4", "v2-ah-unicast"})
    void encodesEveryAdvertByteForByte(String name) throws IOException {
        CaptureConf conf = conf(name);
        List<Pcap.VrrpPacket> packets = packets(name);
        assertEquals(5, packets.size(), name);
        Advert advert = new Advert(2, conf.vrid(), conf.priority(), conf.advertIntervalCentis(), AuthType.IP_AH, "",
                conf.vips());
        for (int i = 0; i < packets.size(); i++) {
            Pcap.VrrpPacket cap = packets.get(i);
            boolean last = i == packets.size() - 1;
            AdvertTemplate t = AdvertTemplate.builder(advert, cap.source(), cap.destination())
                    .ahPassword(Advert.passwordFromConfig(conf.authPass())).build();
            assertTrue(t.authHeader());
            byte[] out = new byte[t.ipv4PacketLength()];
            // keepalived counts IP id and AH sequence number from 1, one per advert
            assertEquals(out.length, t.writeIpv4Packet(last ? 0 : conf.priority(), i + 1, i + 1, out, 0));
            assertArrayEquals(cap.bytes(), out, name + " packet #" + cap.index());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2-ah-ipv4", "v2-ah-unicast"})
    void aPeerConfiguredAlikeAcceptsEachAdvertOnceInOrder(String name) throws IOException {
        CaptureConf conf = conf(name);
        long floor = 0;
        for (Pcap.VrrpPacket cap : packets(name)) {
            ReceivedPacket p = (ReceivedPacket) GoldenCaptureTest.parse(cap);
            ReceivePolicy policy = policyOfPeer(conf, cap);
            Verdict v = AdvertValidator.validate(p, policy, floor);
            Verdict.Accepted a = assertInstanceOf(Verdict.Accepted.class, v, name + " #" + cap.index() + ": " + v);
            assertEquals(conf.vips(), a.advert().addresses());
            assertEquals(floor + 1, p.ahSequence());
            floor = p.ahSequence();
            Rejection replay = assertInstanceOf(Rejection.class, AdvertValidator.validate(p, policy, floor));
            assertEquals(RejectReason.AH_REPLAY, replay.reason());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2-ah-ipv4", "v2-ah-unicast"})
    void theWrongPasswordFailsTheIcv(String name) throws IOException {
        CaptureConf conf = conf(name);
        Pcap.VrrpPacket cap = packets(name).get(0);
        ReceivePolicy wrong = policyOfPeer(conf, cap, "s3cre7");
        Rejection r = assertInstanceOf(Rejection.class, AdvertValidator.validate(GoldenCaptureTest.parse(cap), wrong));
        assertEquals(RejectReason.AH_ICV, r.reason());
        assertEquals(VrrpCounter.AUTH_FAILURE, r.counter().orElseThrow());
    }

    /** Every byte flipped in turn: only the fields outside the ICV may change, and the TTL of unicast adverts. */
    @ParameterizedTest
    @ValueSource(strings = {"v2-ah-ipv4", "v2-ah-unicast"})
    void aFlippedByteIsRejectedUnlessKeepalivedLeavesItOutOfTheIcv(String name) throws IOException {
        CaptureConf conf = conf(name);
        Pcap.VrrpPacket cap = packets(name).get(1);
        boolean unicast = !conf.unicastPeers().isEmpty();
        ReceivePolicy policy = policyOfPeer(conf, cap);
        int icvRejections = 0;
        for (int i = 0; i < cap.bytes().length; i++) {
            byte[] b = cap.bytes().clone();
            b[i] ^= 0x10;
            Verdict v = AdvertValidator.validate(VrrpCodec.parseIpv4(b, 0, b.length), policy);
            boolean outsideIcv = MUTABLE.contains(i) || (unicast && i == TTL);
            if (outsideIcv) {
                assertInstanceOf(Verdict.Accepted.class, v, name + " byte " + i);
            } else {
                Rejection r = assertInstanceOf(Rejection.class, v, name + " byte " + i);
                if (r.reason() == RejectReason.AH_ICV) {
                    icvRejections++;
                }
            }
        }
        // the priority, addresses, VRRP checksum, SPI, sequence and ICV bytes reach the ICV check
        assertTrue(icvRejections >= 30, name + ": " + icvRejections + " bytes failed the ICV");
        byte[] priority = cap.bytes().clone();
        priority[20 + 24 + 2] = (byte) 200;
        Rejection r = assertInstanceOf(Rejection.class, AdvertValidator.validate(
                VrrpCodec.parseIpv4(priority, 0, priority.length), policy));
        assertEquals(RejectReason.AH_ICV, r.reason());
    }
}
