package io.javakeepalived.vrrp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** encode → parse/decode → validate for v2/v3 × IPv4/IPv6 × auth NONE/PASS × 0..255 addresses. */
class RoundTripTest {

    static final InetAddress SRC4 = ip("10.66.0.2");
    static final InetAddress SRC6 = ip("fe80::1");
    static final InetAddress PEER4 = ip("10.66.0.3");
    static final InetAddress PEER6 = ip("fd66::3");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int version : new int[] {2, 3}) {
            for (IpFamily family : IpFamily.values()) {
                for (AuthType auth : new AuthType[] {AuthType.NONE, AuthType.SIMPLE_PASSWORD}) {
                    if (version == 3 && auth != AuthType.NONE) {
                        continue;
                    }
                    for (int n : new int[] {0, 1, 2, 17, 255}) {
                        for (boolean unicast : new boolean[] {false, true}) {
                            out.add(Arguments.of(version, family, auth, n, unicast));
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "v{0} {1} {2} {3} addrs unicast={4}")
    @MethodSource("cases")
    void roundTrip(int version, IpFamily family, AuthType auth, int n, boolean unicast) {
        List<InetAddress> vips = addresses(family, n);
        InetAddress src = family == IpFamily.IPV4 ? SRC4 : SRC6;
        InetAddress dst = unicast ? (family == IpFamily.IPV4 ? PEER4 : PEER6)
                : (family == IpFamily.IPV4 ? VrrpCodec.MCAST_GROUP4 : VrrpCodec.MCAST_GROUP6);
        String pw = auth == AuthType.SIMPLE_PASSWORD ? "pa\u00e9s" : "";
        int interval = version == 2 ? 300 : 37;
        Advert sent = new Advert(version, 42, 254, interval, auth, pw, vips);

        ReceivePolicy.Builder pb = ReceivePolicy.builder(family, version, 42).advertIntervalCentis(interval).vips(vips);
        if (auth == AuthType.SIMPLE_PASSWORD) {
            pb.storedPassword(pw);
        }
        if (unicast) {
            pb.unicastPeers(List.of(UnicastPeer.of(src))).checkUnicastSrc(true);
        }
        ReceivePolicy policy = pb.build();

        AdvertTemplate t = AdvertTemplate.of(sent, src, dst);
        assertEquals(VrrpCodec.vrrpLength(version, family, n), t.vrrpLength());
        for (int priority : new int[] {0, 1, 100, 254, 255}) {
            Advert expected = sent.withPriority(priority);
            // v2 over IPv6 has no auth data on the wire (keepalived's layout): the password does not travel
            if (family == IpFamily.IPV6 && auth == AuthType.SIMPLE_PASSWORD) {
                expected = new Advert(version, 42, priority, interval, auth, "", vips);
            }
            ParseResult parsed;
            DecodeResult decoded;
            if (family == IpFamily.IPV4) {
                byte[] ip = new byte[t.ipv4PacketLength()];
                t.writeIpv4Packet(priority, 7, ip, 0);
                parsed = VrrpCodec.parseIpv4(ip, 0, ip.length);
                decoded = VrrpCodec.decodeIpv4(ip, 0, ip.length);
                assertArrayEquals(ip, VrrpCodec.encodeIpv4Packet(sent.withPriority(priority), (java.net.Inet4Address) src,
                        (java.net.Inet4Address) dst, 255, 7));
            } else {
                ByteBuffer bb = ByteBuffer.allocate(t.vrrpLength());
                t.writeVrrp(priority, bb);
                bb.flip();
                parsed = VrrpCodec.parseIpv6(src, dst, 255, bb);
                byte[] v = bb.array();
                decoded = VrrpCodec.decodeIpv6(src, dst, 255, v, 0, v.length);
            }
            DecodeResult.Decoded d = assertInstanceOf(DecodeResult.Decoded.class, decoded, String.valueOf(decoded));
            assertEquals(expected, d.advert());
            assertEquals(new ReceiveMeta(family, src, dst, 255, !unicast), d.meta());

            Verdict v = AdvertValidator.validate(parsed, policy);
            if (family == IpFamily.IPV6 && auth == AuthType.SIMPLE_PASSWORD) {
                Rejection r = assertInstanceOf(Rejection.class, v);
                assertEquals(RejectReason.AUTH_FAILURE, r.reason());
            } else {
                Verdict.Accepted a = assertInstanceOf(Verdict.Accepted.class, v, String.valueOf(v));
                assertEquals(expected, a.advert());
                assertEquals(priority == 0, a.priorityZero());
            }
        }
    }

    @Test
    void intervalsAtTheLimits() {
        for (int cs : new int[] {0, 1, 10, 100, 4095}) {
            Advert a = Advert.v3(1, 100, cs, List.of(ip("10.0.0.1")));
            DecodeResult d = VrrpCodec.decodeIpv4(
                    VrrpCodec.encodeIpv4Packet(a, (java.net.Inet4Address) SRC4, VrrpCodec.MCAST_GROUP4, 255, 1), 0, 32);
            assertEquals(a, ((DecodeResult.Decoded) d).advert());
        }
        for (int s : new int[] {1, 255}) {
            Advert a = Advert.v2(1, 100, s, AuthType.NONE, "", List.of(ip("10.0.0.1")));
            byte[] p = VrrpCodec.encodeIpv4Packet(a, (java.net.Inet4Address) SRC4, VrrpCodec.MCAST_GROUP4, 255, 1);
            assertEquals(a, ((DecodeResult.Decoded) VrrpCodec.decodeIpv4(p, 0, p.length)).advert());
        }
    }

    @Test
    void passwordsKeepalivedStyle() {
        assertEquals("s3cret", Advert.passwordFromConfig("s3cret"));
        assertEquals("12345678", Advert.passwordFromConfig("123456789"), "truncated to 8 bytes");
        // UTF-8 bytes, cut inside the last character exactly as keepalived's memcpy does
        assertEquals("p\u00c3\u00a4sswor", Advert.passwordFromConfig("p\u00e4ssword"));
        assertEquals("\u00e2\u0082\u00ac\u00e2\u0082\u00ac\u00e2\u0082",
                Advert.passwordFromConfig("\u20ac\u20ac\u20ac"));
        assertThrows(IllegalArgumentException.class,
                () -> new Advert(2, 1, 1, 100, AuthType.SIMPLE_PASSWORD, "123456789", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Advert(2, 1, 1, 100, AuthType.SIMPLE_PASSWORD, "ab\0", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Advert(3, 1, 1, 100, AuthType.SIMPLE_PASSWORD, "ab", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Advert(2, 1, 1, 150, AuthType.NONE, "", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Advert(3, 1, 1, 4096, AuthType.NONE, "", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Advert(3, 1, 1, 100, AuthType.NONE, "", List.of(ip("10.0.0.1"), ip("::1"))));
    }

    @Test
    void embeddedNulInPasswordIsKeptAndCompared() {
        // bytes "ab\0cd\0\0\0" decode to "ab\0cd" and only match that exact password
        Advert a = new Advert(2, 9, 100, 100, AuthType.SIMPLE_PASSWORD, "ab\0cd", List.of(ip("10.0.0.1")));
        byte[] p = VrrpCodec.encodeIpv4Packet(a, (java.net.Inet4Address) SRC4, VrrpCodec.MCAST_GROUP4, 255, 1);
        assertEquals(a, ((DecodeResult.Decoded) VrrpCodec.decodeIpv4(p, 0, p.length)).advert());
        ReceivePolicy.Builder b = ReceivePolicy.builder(IpFamily.IPV4, 2, 9).vips(List.of(ip("10.0.0.1")));
        assertInstanceOf(Verdict.Accepted.class,
                AdvertValidator.validate(VrrpCodec.parseIpv4(p, 0, p.length), b.storedPassword("ab\0cd").build()));
        assertInstanceOf(Rejection.class,
                AdvertValidator.validate(VrrpCodec.parseIpv4(p, 0, p.length), b.storedPassword("ab").build()));
        assertInstanceOf(Rejection.class,
                AdvertValidator.validate(VrrpCodec.parseIpv4(p, 0, p.length), b.storedPassword("ab\0cd\0x").build()));
    }

    @Test
    void templateRejectsWhatItCannotEncode() {
        Advert ah = new Advert(2, 1, 1, 100, AuthType.IP_AH, "", List.of());
        assertThrows(IllegalArgumentException.class, () -> AdvertTemplate.of(ah, SRC4, VrrpCodec.MCAST_GROUP4));
        Advert v6 = Advert.v3(1, 1, 100, List.of(ip("fd00::1")));
        assertThrows(IllegalArgumentException.class, () -> AdvertTemplate.of(v6, SRC4, VrrpCodec.MCAST_GROUP4));
        assertThrows(IllegalArgumentException.class, () -> AdvertTemplate.of(v6, SRC6, VrrpCodec.MCAST_GROUP4));
        AdvertTemplate t = AdvertTemplate.of(v6, SRC6, VrrpCodec.MCAST_GROUP6);
        assertThrows(IllegalStateException.class, () -> t.writeIpv4Packet(1, 1, new byte[100], 0));
        assertThrows(IllegalArgumentException.class, () -> t.writeVrrp(256, new byte[100], 0));
    }

    @Test
    void sendPathDoesNotAllocate() {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        if (!mx.isThreadAllocatedMemorySupported()) {
            return;
        }
        mx.setThreadAllocatedMemoryEnabled(true);
        AdvertTemplate t = AdvertTemplate.of(Advert.v3(1, 100, 100, addresses(IpFamily.IPV4, 3)),
                SRC4, VrrpCodec.MCAST_GROUP4);
        byte[] buf = new byte[100];
        ByteBuffer bb = ByteBuffer.allocateDirect(100);
        for (int i = 0; i < 20_000; i++) { // warm up so the JIT has compiled the loop
            t.writeIpv4Packet(i & 0xFF, i, buf, 0);
            bb.clear();
            t.writeIpv4Packet(i & 0xFF, i, bb);
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 100_000; i++) {
            t.writeIpv4Packet(i & 0xFF, i, buf, 0);
            bb.clear();
            t.writeVrrp(i & 0xFF, bb);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 100_000, "100,000 adverts allocated " + allocated + " bytes");
    }

    static List<InetAddress> addresses(IpFamily family, int n) {
        List<InetAddress> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(family == IpFamily.IPV4 ? ip("10.1." + (i / 250) + "." + (i % 250 + 1))
                    : ip("fd00::" + Integer.toHexString(i + 1)));
        }
        return out;
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
