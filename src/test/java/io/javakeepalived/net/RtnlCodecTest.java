package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rtnetlink byte layouts (little-endian host order), written out field by field. */
class RtnlCodecTest {
    private static ByteBuffer buf() {
        return ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer bytes(String hex) {
        byte[] b = Bytes.hex(hex);
        return ByteBuffer.allocate(b.length).order(ByteOrder.LITTLE_ENDIAN).put(b).clear();
    }

    @Test
    void hostIsLittleEndian() {
        assertEquals(ByteOrder.LITTLE_ENDIAN, ByteOrder.nativeOrder(), "these layouts assume x86_64/aarch64");
    }

    @Test
    void newIpv4AddressWithLabelAndProto() throws Exception {
        ByteBuffer b = buf();
        InterfaceAddress a = InterfaceAddress.vip(2, InetAddress.getByName("10.0.0.1"), 24).withLabel("eth0:vip");
        int len = RtnlCodec.encodeAddress(b, 0, true, 7, a);
        assertEquals(64, len);
        assertHex(
                "40000000 1400 0506 07000000 00000000"  // nlmsghdr: len 64, RTM_NEWADDR, REQUEST|ACK|EXCL|CREATE, seq 7, pid 0
                + "02 18 00 00 02000000"                 // ifaddrmsg: AF_INET, /24, flags 0, scope global, index 2
                + "0800 0200 0a000001"                   // IFA_LOCAL 10.0.0.1
                + "0800 0100 0a000001"                   // IFA_ADDRESS 10.0.0.1
                + "0d00 0300 657468303a76697000 000000"  // IFA_LABEL "eth0:vip\0" + 3 pad
                + "0500 0b00 12 000000",                 // IFA_PROTO 18 + 3 pad
                b, len);
    }

    @Test
    void newIpv6AddressCarriesFullFlagsInIfaFlags() throws Exception {
        ByteBuffer b = buf();
        InterfaceAddress a = InterfaceAddress.vip(3, InetAddress.getByName("fd13::100"), 64)
                .withFlags(InterfaceAddress.IFA_F_NODAD | InterfaceAddress.IFA_F_NOPREFIXROUTE);
        int len = RtnlCodec.encodeAddress(b, 0, true, 8, a);
        assertHex(
                "50000000 1400 0506 08000000 00000000"
                + "0a 40 02 00 03000000"                              // AF_INET6, /64, flags low byte NODAD, scope 0, index 3
                + "1400 0200 fd130000000000000000000000000100"       // IFA_LOCAL
                + "1400 0100 fd130000000000000000000000000100"       // IFA_ADDRESS
                + "0800 0800 02020000"                               // IFA_FLAGS NODAD|NOPREFIXROUTE (0x202)
                + "0500 0b00 12 000000",                             // IFA_PROTO 18
                b, len);
    }

    @Test
    void aDeprecatedIpv6AddressCarriesItsPreferredLifetimeInCacheInfo() throws Exception {
        ByteBuffer b = buf();
        InterfaceAddress a = InterfaceAddress.vip(3, InetAddress.getByName("fd13::100"), 128).withPreferredLifetime(0);
        int len = RtnlCodec.encodeAddress(b, 0, true, 8, a);
        assertHex(
                "64000000 1400 0506 08000000 00000000"
                + "0a 80 02 00 03000000"                              // AF_INET6, /128, NODAD, scope 0, index 3
                + "1400 0200 fd130000000000000000000000000100"       // IFA_LOCAL
                + "1400 0100 fd130000000000000000000000000100"       // IFA_ADDRESS
                + "0800 0800 02000000"                               // IFA_FLAGS NODAD
                + "0500 0b00 12 000000"                              // IFA_PROTO 18
                + "1400 0600 00000000 ffffffff 00000000 00000000",   // IFA_CACHEINFO prefered 0, valid forever
                b, len);
        assertEquals(0, RtnlCodec.decodeAddress(b, 0).preferredLifetime(), "read back as the kernel reports it");
        InterfaceAddress forever = RtnlCodec.decodeAddress(bytes(KERNEL_NEWADDR), 0);
        assertEquals(InterfaceAddress.FOREVER, forever.preferredLifetime());
    }

    @Test
    void deleteCarriesOnlyTheIdentity() throws Exception {
        ByteBuffer b = buf();
        InterfaceAddress a = InterfaceAddress.vip(2, InetAddress.getByName("10.0.0.1"), 24).withLabel("eth0:x");
        int len = RtnlCodec.encodeAddress(b, 0, false, 9, a);
        assertHex(
                "28000000 1500 0500 09000000 00000000"  // RTM_DELADDR, REQUEST|ACK
                + "02 18 00 00 02000000"
                + "0800 0200 0a000001"
                + "0800 0100 0a000001", b, len);
    }

    @Test
    void dumpRequests() {
        ByteBuffer b = buf();
        int len = RtnlCodec.encodeDump(b, 0, RtnlCodec.RTM_GETADDR, 0, 1);
        assertHex("18000000 1600 0103 01000000 00000000 00000000 00000000", b, len);
        len = RtnlCodec.encodeDump(b, 0, RtnlCodec.RTM_GETLINK, 0, 2);
        assertHex("20000000 1200 0103 02000000 00000000" + "00000000 00000000 00000000 00000000", b, len);
    }

    @Test
    void macvlanRequestNestsLinkInfo() {
        ByteBuffer b = buf();
        int len = RtnlCodec.encodeNewMacvlan(b, 0, 5, "vrrp.9", 2, Bytes.hex("00005e000109"), Rtnetlink.MACVLAN_PRIVATE);
        assertHex(
                "5c000000 1000 0506 05000000 00000000"
                + "00 00 0000 00000000 00000000 00000000"       // ifinfomsg
                + "0b00 0300 767272702e3900 00"                  // IFLA_IFNAME "vrrp.9\0" + pad
                + "0800 0500 02000000"                           // IFLA_LINK 2
                + "0a00 0100 00005e000109 0000"                  // IFLA_ADDRESS
                + "1c00 1280"                                    // IFLA_LINKINFO (nested)
                + "0c00 0100 6d6163766c616e00"                   //   IFLA_INFO_KIND "macvlan\0"
                + "0c00 0280"                                    //   IFLA_INFO_DATA (nested)
                + "0800 0100 01000000",                          //     IFLA_MACVLAN_MODE private
                b, len);
    }

    @Test
    void setUpChangesOnlyIffUp() {
        ByteBuffer b = buf();
        int len = RtnlCodec.encodeSetUp(b, 0, 6, 9, true);
        assertHex("20000000 1000 0500 06000000 00000000" + "00 00 0000 09000000 01000000 01000000", b, len);
    }

    /** What the kernel sends for {@code 10.0.0.1/24 brd 10.0.0.255 scope global eth0} added with IFA_PROTO 18. */
    static final String KERNEL_NEWADDR =
            "60000000 1400 0000 00000000 00000000"
            + "02 18 80 00 02000000"                    // AF_INET /24 IFA_F_PERMANENT scope global index 2
            + "0800 0100 0a000001"                      // IFA_ADDRESS
            + "0800 0200 0a000001"                      // IFA_LOCAL
            + "0800 0400 0a0000ff"                      // IFA_BROADCAST
            + "0900 0300 6574683000 000000"             // IFA_LABEL "eth0"
            + "0800 0800 80000000"                      // IFA_FLAGS PERMANENT
            + "1400 0600 ffffffff ffffffff 10270000 10270000"  // IFA_CACHEINFO: preferred and valid forever
            + "0500 0b00 12 000000";                    // IFA_PROTO 18

    @Test
    void decodesAKernelAddressMessage() throws Exception {
        ByteBuffer b = bytes(KERNEL_NEWADDR);
        assertEquals(b.capacity(), RtnlCodec.msgLen(b, 0));
        InterfaceAddress a = RtnlCodec.decodeAddress(b, 0);
        assertEquals(InetAddress.getByName("10.0.0.1"), a.address());
        assertEquals(24, a.prefixLength());
        assertEquals(InetAddress.getByName("10.0.0.255"), a.broadcast());
        assertEquals("eth0", a.label());
        assertEquals(2, a.ifindex());
        assertEquals(InterfaceAddress.IFA_F_PERMANENT, a.flags());
        assertEquals(InterfaceAddress.SCOPE_UNIVERSE, a.scope());
        assertTrue(a.isOurs());
        assertEquals("10.0.0.1/24", a.cidr());
    }

    @Test
    void ipv6AddressWithoutLocalUsesIfaAddress() throws Exception {
        ByteBuffer b = bytes("34000000 1400 0200 01000000 00000000"
                + "0a 80 80 fd 05000000"                                // AF_INET6 /128 permanent scope link(253) index 5
                + "1400 0100 fe800000000000000000000000000001"
                + "0800 0800 82020000");                               // IFA_FLAGS 0x282 overrides the header byte
        InterfaceAddress a = RtnlCodec.decodeAddress(b, 0);
        assertEquals(InetAddress.getByName("fe80::1"), a.address());
        assertEquals(128, a.prefixLength());
        assertEquals(InterfaceAddress.SCOPE_LINK, a.scope());
        assertEquals(0x282, a.flags());
        assertEquals(0, a.proto(), "no IFA_PROTO: unknown originator");
        assertFalse(a.isOurs());
        assertNull(a.label());
    }

    /** RTM_NEWLINK for a veth eth0 (index 5, up, carrier) with a nested IFLA_LINKINFO. */
    static final String KERNEL_NEWLINK =
            "68000000 1000 0000 00000000 00000000"
            + "00 00 0100 05000000 43100100 00000000"   // ifinfomsg: ARPHRD_ETHER, index 5, UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP
            + "0900 0300 6574683000 000000"             // IFLA_IFNAME "eth0"
            + "0800 0400 dc050000"                      // IFLA_MTU 1500
            + "0500 1000 06 000000"                     // IFLA_OPERSTATE UP
            + "0500 2100 01 000000"                     // IFLA_CARRIER 1
            + "0a00 0100 365d69eb84b2 0000"             // IFLA_ADDRESS
            + "0800 0500 07000000"                      // IFLA_LINK 7
            + "1000 1280 0900 0100 7665746800 000000";  // IFLA_LINKINFO { IFLA_INFO_KIND "veth" }

    @Test
    void decodesAKernelLinkMessage() {
        LinkInfo l = RtnlCodec.decodeLink(bytes(KERNEL_NEWLINK), 0);
        assertEquals(5, l.index());
        assertEquals("eth0", l.name());
        assertEquals(1500, l.mtu());
        assertEquals(LinkInfo.OPER_UP, l.operState());
        assertTrue(l.carrier());
        assertTrue(l.isUsable());
        assertFalse(l.isNoArp());
        assertEquals("36:5d:69:eb:84:b2", l.macString());
        assertEquals("veth", l.kind());
        assertEquals(7, l.linkIndex());
        assertEquals(0, l.masterIndex());
    }

    @Test
    void errorWithExtendedAck() {
        String msg = "ipv4: Address already assigned";
        String text = Bytes.hex(msg.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) + "00";  // 31 bytes
        ByteBuffer b = bytes("48000000 0200 0003 07000000 00000000"  // NLMSG_ERROR, CAPPED|ACK_TLVS
                + "efffffff"                                       // -EEXIST
                + "40000000 1400 0506 07000000 00000000"           // the request's header only (capped)
                + "2300 0100" + text + "00");                      // NLMSGERR_ATTR_MSG, 35 bytes + 1 pad
        assertEquals(RtnlCodec.NLMSG_ERROR, RtnlCodec.msgType(b, 0));
        assertEquals(7, RtnlCodec.msgSeq(b, 0));
        assertEquals(Errno.EEXIST, RtnlCodec.errorCode(b, 0));
        assertEquals(msg, RtnlCodec.extAckMessage(b, 0));
    }

    @Test
    void plainAck() {
        ByteBuffer b = bytes("24000000 0200 0001 07000000 00000000 00000000 40000000 1400 0506 07000000 00000000");
        assertEquals(0, RtnlCodec.errorCode(b, 0));
        assertNull(RtnlCodec.extAckMessage(b, 0));
    }

    @Test
    void monitorSplitsADatagramIntoEvents() {
        String delAddr = KERNEL_NEWADDR.replaceFirst("1400 0000", "1500 0000");
        ByteBuffer b = bytes(KERNEL_NEWLINK + delAddr + "14000000 0400 0000 00000000 00000000 00000000");
        List<NetlinkEvent> events = new ArrayList<>();
        assertEquals(3, RtnetlinkMonitor.parse(b, b.capacity(), events::add));
        NetlinkEvent.Link link = (NetlinkEvent.Link) events.get(0);
        assertFalse(link.deleted());
        assertEquals("eth0", link.link().name());
        NetlinkEvent.Address addr = (NetlinkEvent.Address) events.get(1);
        assertTrue(addr.deleted());
        assertEquals("10.0.0.1/24", addr.address().cidr());
        assertTrue(events.get(2) instanceof NetlinkEvent.Overrun);
    }

    @Test
    void truncatedAttributesStopDecoding() {
        String broken = KERNEL_NEWLINK.replace("0900 0300 6574683000 000000", "ff00 0300 6574683000 000000");
        LinkInfo l = RtnlCodec.decodeLink(bytes(broken), 0);
        assertEquals(5, l.index());
        assertEquals("", l.name(), "an attribute running past the message end ends parsing");
    }

    /** Expected layouts are written with spaces between fields; compare without them. */
    private static void assertHex(String expected, ByteBuffer b, int len) {
        assertEquals(expected.replace(" ", ""), Bytes.hex(b, 0, len));
    }
}
