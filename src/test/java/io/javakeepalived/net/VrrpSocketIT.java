package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Capture;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raw VRRP sockets between namespaces joined by a bridge: what one node sends, the other receives. */
class VrrpSocketIT {
    @AutoClose // stops every process it started, by pid; deletes the namespaces
    private NetnsLab lab;
    private Node a;
    private Node b;
    private Node c;

    @BeforeEach
    void setUp() throws Exception {
        lab = NetnsLab.create("a", "b", "c");
        a = lab.node("a");
        b = lab.node("b");
        c = lab.node("c");
    }

    /** VRRPv2 advert like the capture's: vrid 77, prio 150, auth none, 1 s, 10.213.0.100. */
    static ByteBuffer v2Advert() {
        byte[] m = {0x21, 77, (byte) 150, 1, 0, 1, 0, 0, 10, (byte) 213, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0};
        ByteBuffer b = ByteBuffer.wrap(m);
        int sum = InetChecksum.of(b, 0, m.length);
        m[6] = (byte) (sum >> 8);
        m[7] = (byte) sum;
        return b;
    }

    /** VRRPv3 IPv6 advert: vrid 9, prio 100, 1 address fd13::100, interval 100 cs, checksum left 0 for the kernel. */
    static ByteBuffer v3Ipv6Advert() {
        byte[] m = new byte[8 + 16];
        m[0] = 0x31;
        m[1] = 9;
        m[2] = 100;
        m[3] = 1;
        m[4] = 0;
        m[5] = 100;
        byte[] vip = addr("fd13::100").getAddress();
        System.arraycopy(vip, 0, m, 8, 16);
        return ByteBuffer.wrap(m);
    }

    static InetAddress addr(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    /** Polls the socket for up to {@code ms} and receives one packet, or returns null. */
    static ReceivedPacketInfo awaitPacket(VrrpSocket s, ByteBuffer into, int ms) throws Exception {
        Poller p = new Poller();
        p.add(s.fd());
        long deadline = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < deadline) {
            ReceivedPacketInfo info = s.receive(into);
            if (info != null) {
                return info;
            }
            p.poll((int) Math.max(1, deadline - System.currentTimeMillis()));
        }
        return s.receive(into);
    }

    @Test
    void ipv4MulticastReachesPeerWithTtl255AndKeepalivedHeader() throws Exception {
        Capture cap = lab.tcpdump(c.ns(), "eth0", "ip proto 112");
        try (RawVrrpSocket rx = lab.call(b, () -> RawVrrpSocket.open(VrrpSocketOptions.multicast("eth0", false)));
             RawVrrpSocket tx = lab.call(a, () -> RawVrrpSocket.open(VrrpSocketOptions.multicast("eth0", false)))) {
            ByteBuffer adv = v2Advert();
            InetAddress src = addr(a.ipv4());
            tx.send(adv, src, VrrpSocketOptions.VRRP_GROUP_V4, 255);
            tx.send(adv, src, VrrpSocketOptions.VRRP_GROUP_V4, 255);
            assertEquals(0, adv.position(), "send must not move the caller's position");

            ByteBuffer buf = ByteBuffer.allocate(2048);
            ReceivedPacketInfo info = awaitPacket(rx, buf, 5_000);
            assertNotNull(info, "B received nothing");
            assertEquals(addr(a.ipv4()), info.source());
            assertEquals(VrrpSocketOptions.VRRP_GROUP_V4, info.destination());
            assertTrue(info.isMulticastDestination());
            assertEquals(255, info.ttl());
            assertEquals(20, info.ipHeaderLength());
            assertEquals(40, info.ipTotalLength());
            assertEquals(40, info.length());
            assertFalse(info.truncated());
            assertEquals(0, buf.position());
            assertEquals(40, buf.limit());
            assertEquals(0x45, buf.get(0) & 0xff);
            assertEquals(0xc0, buf.get(1) & 0xff, "TOS");
            assertEquals(1, ((buf.get(4) & 0xff) << 8) | (buf.get(5) & 0xff), "first IP id");
            assertEquals(0, buf.get(6) & 0xff, "no DF, no offset");
            assertEquals(112, buf.get(9) & 0xff);
            byte[] payload = new byte[20];
            buf.get(20, payload);
            assertArrayEquals(v2Advert().array(), payload);
            info = awaitPacket(rx, buf, 5_000);
            assertNotNull(info, "second advert");
            assertEquals(2, ((buf.get(4) & 0xff) << 8) | (buf.get(5) & 0xff), "IP id increments");

            // the sender's own receive side never hears its own adverts (multicast loop off)
            assertNull(tx.receive(buf));
        }
        String text = cap.stopAndDecode();
        assertTrue(text.contains("tos 0xc0, ttl 255, id 1, offset 0, flags [none], proto VRRP (112), length 40"), text);
        assertTrue(text.contains(a.ipv4() + " > 224.0.0.18: VRRPv2, Advertisement, vrid 77, prio 150"), text);
        assertTrue(text.contains(a.mac() + " > 01:00:5e:00:00:12"), text);
    }

    @Test
    void ipv4UnicastCarriesUnicastTtlAndReachesOnlyTheBoundAddress() throws Exception {
        Capture cap = lab.tcpdump(c.ns(), "eth0", "ip proto 112");
        try (RawVrrpSocket rx = lab.call(b, () -> RawVrrpSocket.open(VrrpSocketOptions.unicast("eth0", addr(b.ipv4()))));
             RawVrrpSocket mcastRx = lab.call(b, () -> RawVrrpSocket.open(VrrpSocketOptions.multicast("eth0", false)));
             RawVrrpSocket tx = lab.call(a, () -> RawVrrpSocket.open(VrrpSocketOptions.unicast("eth0", addr(a.ipv4()))))) {
            tx.send(v2Advert(), addr(a.ipv4()), addr(b.ipv4()), 64);
            ByteBuffer buf = ByteBuffer.allocate(2048);
            ReceivedPacketInfo info = awaitPacket(rx, buf, 5_000);
            assertNotNull(info, "B received nothing");
            assertEquals(addr(a.ipv4()), info.source());
            assertEquals(addr(b.ipv4()), info.destination());
            assertFalse(info.isMulticastDestination());
            assertEquals(64, info.ttl());
            NetnsLab.sleep(200);
            assertNull(mcastRx.receive(buf), "a group-bound socket must not see unicast adverts");
        }
        String text = cap.stopAndDecode();
        // C is on the bridge too but the frame is unicast to B's MAC: a switch need not flood it.
        // When it was flooded (MAC not learnt yet) tcpdump shows the header we wrote:
        if (text.contains("proto VRRP")) {
            assertTrue(text.contains("tos 0xc0, ttl 64"), text);
        }
    }

    @Test
    void ipv6MulticastFromLinkLocalWithKernelChecksumAndHopLimit() throws Exception {
        InetAddress ll = linkLocal(a);
        Capture cap = lab.tcpdump(c.ns(), "eth0", "ip6 proto 112");
        try (RawVrrpSocket rx = lab.call(b, () -> RawVrrpSocket.open(VrrpSocketOptions.multicast("eth0", true)));
             RawVrrpSocket tx = lab.call(a, () -> RawVrrpSocket.open(VrrpSocketOptions.multicast("eth0", true)))) {
            ByteBuffer adv = v3Ipv6Advert();
            tx.send(adv, ll, VrrpSocketOptions.VRRP_GROUP_V6, 255);
            ByteBuffer buf = ByteBuffer.allocate(2048);
            ReceivedPacketInfo info = awaitPacket(rx, buf, 5_000);
            assertNotNull(info, "B received nothing (a bad checksum would be dropped by the kernel)");
            assertTrue(info.isIpv6());
            assertEquals(ll, stripScope(info.source()));
            assertEquals(VrrpSocketOptions.VRRP_GROUP_V6, info.destination());
            assertEquals(255, info.ttl(), "hop limit from IPV6_HOPLIMIT");
            assertEquals(rx.interfaceIndex(), info.interfaceIndex());
            assertEquals(24, info.length());
            byte[] got = new byte[24];
            buf.get(0, got);
            byte[] sent = v3Ipv6Advert().array();
            assertNotEquals0(got[6], got[7]);
            got[6] = 0;
            got[7] = 0;
            assertArrayEquals(sent, got, "payload apart from the kernel-filled checksum");
            assertNull(tx.receive(buf));
        }
        String text = cap.stopAndDecode();
        assertTrue(text.contains("hlim 255"), text);
        assertTrue(text.contains("class 0xc0"), text);
        assertTrue(text.contains(ll.getHostAddress().replaceAll("%.*", "").replace("fe80:0:0:0:", "fe80::") + " > ff02::12"), text);
        assertTrue(text.contains(a.mac() + " > 33:33:00:00:00:12"), text);
    }

    @Test
    void ipv6UnicastUsesTheGivenHopLimitAndGlobalSource() throws Exception {
        try (RawVrrpSocket rx = lab.call(b, () -> RawVrrpSocket.open(VrrpSocketOptions.unicast("eth0", addr(b.ipv6()))));
             RawVrrpSocket tx = lab.call(a, () -> RawVrrpSocket.open(VrrpSocketOptions.unicast("eth0", addr(a.ipv6()))))) {
            tx.send(v3Ipv6Advert(), addr(a.ipv6()), addr(b.ipv6()), 64);
            ByteBuffer buf = ByteBuffer.allocate(2048);
            ReceivedPacketInfo info = awaitPacket(rx, buf, 5_000);
            assertNotNull(info, "B received nothing");
            assertEquals(addr(a.ipv6()), info.source());
            assertEquals(addr(b.ipv6()), info.destination());
            assertFalse(info.isMulticastDestination());
            assertEquals(64, info.ttl());
        }
    }

    @Test
    void callerBuiltIpv4DatagramGoesOutAsWritten() throws Exception {
        Capture cap = lab.tcpdump(c.ns(), "eth0", "ip proto 112");
        try (RawVrrpSocket rx = lab.call(b, () -> RawVrrpSocket.open(VrrpSocketOptions.multicast("eth0", false)));
             RawVrrpSocket tx = lab.call(a, () -> RawVrrpSocket.open(VrrpSocketOptions.multicast("eth0", false)))) {
            ByteBuffer d = ByteBuffer.allocate(40);
            Ipv4Header.write(d, 0, 0xc0, 4242, 255, 112, addr(a.ipv4()).getAddress(),
                    VrrpSocketOptions.VRRP_GROUP_V4.getAddress(), 20);
            d.put(20, v2Advert().array());
            tx.sendIpv4Datagram(d);
            ByteBuffer buf = ByteBuffer.allocate(2048);
            ReceivedPacketInfo info = awaitPacket(rx, buf, 5_000);
            assertNotNull(info);
            assertEquals(4242, ((buf.get(4) & 0xff) << 8) | (buf.get(5) & 0xff));
        }
        assertTrue(cap.stopAndDecode().contains("id 4242"));
    }

    @Test
    void truncationIsReported() throws Exception {
        try (RawVrrpSocket rx = lab.call(b, () -> RawVrrpSocket.open(VrrpSocketOptions.multicast("eth0", false)));
             RawVrrpSocket tx = lab.call(a, () -> RawVrrpSocket.open(VrrpSocketOptions.multicast("eth0", false)))) {
            tx.send(v2Advert(), addr(a.ipv4()), VrrpSocketOptions.VRRP_GROUP_V4, 255);
            ByteBuffer small = ByteBuffer.allocate(30);
            ReceivedPacketInfo info = awaitPacket(rx, small, 5_000);
            assertNotNull(info);
            assertTrue(info.truncated());
            assertEquals(30, info.length());
            assertEquals(40, info.receivedLength());
        }
    }

    @Test
    void errorsNameTheCallTheSubjectAndTheErrno() throws Exception {
        ErrnoException e = assertThrows(ErrnoException.class,
                () -> lab.call(a, () -> RawVrrpSocket.open(VrrpSocketOptions.multicast("eth9", false))));
        assertEquals("if_nametoindex(eth9): No such device", e.getMessage());
        assertEquals(Errno.ENODEV, e.errno());
        ErrnoException bind = assertThrows(ErrnoException.class,
                () -> lab.call(a, () -> RawVrrpSocket.open(VrrpSocketOptions.unicast("eth0", addr("10.213.9.9")))));
        assertEquals("bind(10.213.9.9) on eth0: Cannot assign requested address", bind.getMessage());
        assertEquals("EADDRNOTAVAIL", bind.errnoName());
    }

    private static void assertNotEquals0(byte hi, byte lo) {
        assertTrue(hi != 0 || lo != 0, "kernel should have filled in the checksum");
    }

    private static InetAddress stripScope(InetAddress a) throws Exception {
        return InetAddress.getByAddress(a.getAddress());
    }

    private InetAddress linkLocal(Node n) throws Exception {
        String out = lab.ip(n.ns(), "-6", "-o", "addr", "show", "dev", "eth0", "scope", "link").output();
        Matcher m = Pattern.compile("inet6 (fe80::[0-9a-f:]+)/64").matcher(out);
        long deadline = System.currentTimeMillis() + 5000;
        while (!m.find()) {
            assertTrue(System.currentTimeMillis() < deadline, "no link-local address: " + out);
            NetnsLab.sleep(100);
            out = lab.ip(n.ns(), "-6", "-o", "addr", "show", "dev", "eth0", "scope", "link").output();
            m = Pattern.compile("inet6 (fe80::[0-9a-f:]+)/64").matcher(out);
        }
        return InetAddress.getByName(m.group(1));
    }
}
