package io.javakeepalived.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.SharedFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every VRRP packet keepalived 2.2.7 wrote in shared/captures: decoded field by field and re-encoded byte for byte. */
class GoldenCaptureTest {

    static Stream<String> captures() throws IOException {
        try (Stream<Path> s = Files.list(SharedFiles.dir().resolve("captures"))) {
            List<String> names = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".pcap"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted()
                    .toList();
            return names.stream();
        }
    }

    @Test
    void allFourCapturesArePresent() throws IOException {
        assertEquals(List.of("v2-pass-ipv4", "v2-unicast", "v3-ipv4", "v3-ipv6"), captures().toList());
    }

    @ParameterizedTest
    @MethodSource("captures")
    void decodesEveryPacketAsTheConfigSays(String name) throws IOException {
        Path dir = SharedFiles.dir().resolve("captures");
        CaptureConf conf = CaptureConf.read(dir.resolve(name + ".conf"));
        List<Pcap.VrrpPacket> packets = Pcap.vrrpPackets(dir.resolve(name + ".pcap"));
        assertTrue(packets.size() >= 2, name + ": expected adverts and a final priority-0 advert");

        for (int i = 0; i < packets.size(); i++) {
            Pcap.VrrpPacket cap = packets.get(i);
            boolean last = i == packets.size() - 1;
            String where = name + " packet #" + cap.index();
            DecodeResult result = decode(cap);
            DecodeResult.Decoded d = assertInstanceOf(DecodeResult.Decoded.class, result, where + ": " + result);
            Advert a = d.advert();

            assertEquals(conf.version(), a.version(), where);
            assertEquals(conf.vrid(), a.vrid(), where);
            assertEquals(last ? 0 : conf.priority(), a.priority(), where + " priority (last = stop advert)");
            assertEquals(conf.advertIntervalCentis(), a.advertIntervalCentis(), where);
            assertEquals(conf.authType(), a.authType(), where);
            assertEquals(conf.authPass(), a.password(), where);
            assertEquals(conf.vips(), a.addresses(), where);

            ReceiveMeta meta = d.meta();
            assertEquals(255, meta.ttl(), where + " TTL / hop limit");
            assertEquals(cap.source(), meta.source(), where);
            assertEquals(cap.destination(), meta.destination(), where);
            if (conf.unicastPeers().isEmpty()) {
                assertTrue(meta.multicast(), where);
                InetAddress group = meta.family() == IpFamily.IPV4 ? VrrpCodec.MCAST_GROUP4 : VrrpCodec.MCAST_GROUP6;
                assertEquals(group, meta.destination(), where);
            } else {
                assertFalse(meta.multicast(), where);
                assertEquals(conf.unicastPeers().get(0), meta.destination(), where);
                assertEquals(conf.unicastSrc(), meta.source(), where);
            }
            assertEquals(0xC0, cap.trafficClass(), where + " TOS / traffic class");

            // the receive policy of a peer configured like the sender accepts it
            Verdict v = AdvertValidator.validate(parse(cap), policyOfPeer(conf, cap));
            Verdict.Accepted acc = assertInstanceOf(Verdict.Accepted.class, v, where + ": " + v);
            assertEquals(a, acc.advert());
            assertEquals(last, acc.priorityZero());
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void encodesEveryPacketByteForByte(String name) throws IOException {
        Path dir = SharedFiles.dir().resolve("captures");
        CaptureConf conf = CaptureConf.read(dir.resolve(name + ".conf"));
        Advert advert = new Advert(conf.version(), conf.vrid(), conf.priority(), conf.advertIntervalCentis(),
                conf.authType(), Advert.passwordFromConfig(conf.authPass()), conf.vips());
        for (Pcap.VrrpPacket cap : Pcap.vrrpPackets(dir.resolve(name + ".pcap"))) {
            String where = name + " packet #" + cap.index();
            AdvertTemplate t = AdvertTemplate.of(advert, cap.source(), cap.destination());
            int priority = ((ReceivedPacket) parse(cap)).priority();
            byte[] capturedVrrp = cap.family() == IpFamily.IPV4
                    ? Arrays.copyOfRange(cap.bytes(), 20, cap.bytes().length) : cap.bytes();

            byte[] vrrp = new byte[t.vrrpLength() + 3];
            assertEquals(capturedVrrp.length, t.writeVrrp(priority, vrrp, 3), where);
            assertArrayEquals(capturedVrrp, Arrays.copyOfRange(vrrp, 3, vrrp.length), where + " VRRP bytes");

            ByteBuffer bb = ByteBuffer.allocateDirect(200);
            t.writeVrrp(priority, bb);
            byte[] fromBuffer = new byte[bb.position()];
            bb.flip().get(fromBuffer);
            assertArrayEquals(capturedVrrp, fromBuffer, where + " VRRP bytes via ByteBuffer");

            if (cap.family() == IpFamily.IPV4) {
                int ipId = ((cap.bytes()[4] & 0xFF) << 8) | (cap.bytes()[5] & 0xFF);
                byte[] ip = new byte[t.ipv4PacketLength()];
                t.writeIpv4Packet(priority, ipId, ip, 0);
                assertArrayEquals(cap.bytes(), ip, where + " IPv4 packet (header with the captured id)");
                ByteBuffer ib = ByteBuffer.allocate(100);
                t.writeIpv4Packet(priority, ipId, ib);
                assertArrayEquals(cap.bytes(), Arrays.copyOf(ib.array(), ib.position()), where + " via ByteBuffer");
            }
        }
    }

    static ParseResult parse(Pcap.VrrpPacket cap) {
        return cap.family() == IpFamily.IPV4
                ? VrrpCodec.parseIpv4(cap.bytes(), 0, cap.bytes().length)
                : VrrpCodec.parseIpv6(cap.source(), cap.destination(), cap.hopLimit(), cap.bytes(), 0, cap.bytes().length);
    }

    static DecodeResult decode(Pcap.VrrpPacket cap) {
        return cap.family() == IpFamily.IPV4
                ? VrrpCodec.decodeIpv4(cap.bytes(), 0, cap.bytes().length)
                : VrrpCodec.decodeIpv6(cap.source(), cap.destination(), cap.hopLimit(), cap.bytes(), 0, cap.bytes().length);
    }

    /** The policy of the other node of the group: same VRRP settings; for unicast its peer is the capture's sender. */
    static ReceivePolicy policyOfPeer(CaptureConf conf, Pcap.VrrpPacket cap) {
        ReceivePolicy.Builder b = ReceivePolicy.builder(cap.family(), conf.version(), conf.vrid())
                .interfaceName("eth0")
                .advertIntervalCentis(conf.advertIntervalCentis())
                .vips(conf.vips())
                .checkUnicastSrc(true);
        if (conf.authType() == AuthType.SIMPLE_PASSWORD) {
            b.password(conf.authPass());
        }
        if (!conf.unicastPeers().isEmpty()) {
            b.unicastPeers(List.of(UnicastPeer.of(conf.unicastSrc())));
        }
        return b.build();
    }

    /** Keeps the unchecked-cast helpers honest: the parse of a golden packet is never a rejection. */
    @ParameterizedTest
    @MethodSource("captures")
    void parseNeverRejectsGoldenPackets(String name) throws IOException {
        for (Pcap.VrrpPacket cap : Pcap.vrrpPackets(SharedFiles.dir().resolve("captures").resolve(name + ".pcap"))) {
            assertInstanceOf(ReceivedPacket.class, parse(cap));
        }
    }
}
