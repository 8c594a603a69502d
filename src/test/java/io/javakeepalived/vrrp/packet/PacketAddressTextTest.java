package io.javakeepalived.vrrp.packet;

import static io.javakeepalived.vrrp.packet.RoundTripTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.javakeepalived.util.AddressText;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketAddressTextTest {

    @Test
    void printsLikeGlibcInetNtop() {
        assertEquals("10.66.0.100", AddressText.ntop(ip("10.66.0.100")));
        assertEquals("fd66::100", AddressText.ntop(ip("fd66::100")));
        assertEquals("fe80::400b:48ff:fe5d:98d3", AddressText.ntop(ip("fe80::400b:48ff:fe5d:98d3")));
        assertEquals("::", AddressText.ntop(ip("::")));
        assertEquals("::1", AddressText.ntop(ip("::1")));
        assertEquals("ff02::12", AddressText.ntop(VrrpCodec.MCAST_GROUP6));
        assertEquals("1::", AddressText.ntop(ip("1:0:0:0:0:0:0:0")));
        assertEquals("1:0:2::3", AddressText.ntop(ip("1:0:2:0:0:0:0:3")), "single zero group is not shortened");
        assertEquals("1::2:0:0:3:0", AddressText.ntop(ip("1:0:0:2:0:0:3:0")), "first of equal runs");
        assertEquals("1:0:0:2::3", AddressText.ntop(ip("1:0:0:2:0:0:0:3")), "longest run");
        assertEquals("::ffff:10.1.2.3", AddressText.ntop(mapped()));
        assertEquals("::10.1.2.3", AddressText.ntop(ip("::10.1.2.3")));
    }

    static InetAddress mapped() {
        return VrrpCodec.addr(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3});
    }

    @Test
    void ipv4MappedAddressesInIpv6AdvertsStayIpv6() {
        // Java turns ::ffff:a.b.c.d into an Inet4Address; the codec must not
        assertInstanceOf(Inet6Address.class, mapped());
        Advert a = Advert.v3(5, 100, 100, List.of(mapped(), ip("fd00::1")));
        byte[] v = VrrpCodec.encode(a, ip("fe80::1"), VrrpCodec.MCAST_GROUP6);
        DecodeResult d = VrrpCodec.decodeIpv6(ip("fe80::1"), VrrpCodec.MCAST_GROUP6, 255, v, 0, v.length);
        assertEquals(a, ((DecodeResult.Decoded) d).advert());
    }

    @Test
    void parsesFromOffsetsAndDirectBuffers() {
        Advert a = Advert.v2(7, 100, 1, AuthType.NONE, "", List.of(ip("10.0.0.7")));
        byte[] p = VrrpCodec.encodeIpv4Packet(a, (java.net.Inet4Address) ip("10.0.0.2"), VrrpCodec.MCAST_GROUP4, 255, 9);
        byte[] padded = new byte[p.length + 10];
        System.arraycopy(p, 0, padded, 5, p.length);
        assertEquals(7, ((ReceivedPacket) VrrpCodec.parseIpv4(padded, 5, p.length)).vrid());
        ByteBuffer direct = ByteBuffer.allocateDirect(100);
        direct.put(new byte[3]).put(p).flip().position(3);
        ReceivedPacket rp = (ReceivedPacket) VrrpCodec.parseIpv4(direct);
        assertEquals(a, rp.toAdvert().orElseThrow());
        assertEquals(3, direct.position(), "position unchanged");
        ByteBuffer heap = ByteBuffer.allocate(100);
        heap.put(new byte[3]).put(p).flip().position(3);
        ByteBuffer slice = heap.slice();
        assertEquals(a, ((ReceivedPacket) VrrpCodec.parseIpv4(slice)).toAdvert().orElseThrow());
    }
}
