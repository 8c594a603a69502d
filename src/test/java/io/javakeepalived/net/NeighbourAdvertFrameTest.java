package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Unsolicited NA as keepalived sends it and tcpdump shows it: {@code MAC > 33:33:00:00:00:01, ethertype
 * IPv6 (0x86dd), length 86: (hlim 255, next-header ICMPv6 (58) payload length: 32) VIP > ff02::1: ICMP6,
 * neighbor advertisement, length 32, tgt is VIP, Flags [override]; destination link-address option (2),
 * length 8 (1): MAC}.
 */
class NeighbourAdvertFrameTest {
    static final byte[] MAC = Bytes.hex("365d69eb84b2");

    @Test
    void fieldByField() throws Exception {
        byte[] vip = InetAddress.getByName("fd13::100").getAddress();
        ByteBuffer b = ByteBuffer.allocate(128);
        assertEquals(86, NeighbourAdvertFrame.write(b, MAC, vip, false));
        assertEquals("333300000001", Bytes.hex(b, 0, 6), "all-nodes multicast MAC");
        assertEquals("365d69eb84b2", Bytes.hex(b, 6, 6));
        assertEquals("86dd", Bytes.hex(b, 12, 2));
        assertEquals("60000000", Bytes.hex(b, 14, 4), "version 6, class 0, flow 0");
        assertEquals("0020", Bytes.hex(b, 18, 2), "payload length 32");
        assertEquals("3a", Bytes.hex(b, 20, 1), "next header ICMPv6");
        assertEquals("ff", Bytes.hex(b, 21, 1), "hop limit 255");
        assertEquals("fd130000000000000000000000000100", Bytes.hex(b, 22, 16), "source: the VIP");
        assertEquals("ff020000000000000000000000000001", Bytes.hex(b, 38, 16), "destination ff02::1");
        assertEquals("88", Bytes.hex(b, 54, 1), "type 136 neighbour advertisement");
        assertEquals("00", Bytes.hex(b, 55, 1), "code 0");
        assertEquals("357d", Bytes.hex(b, 56, 2), "ICMPv6 checksum with pseudo-header");
        assertEquals("20000000", Bytes.hex(b, 58, 4), "flags: Override only");
        assertEquals("fd130000000000000000000000000100", Bytes.hex(b, 62, 16), "target: the VIP");
        assertEquals("0201", Bytes.hex(b, 78, 2), "option 2 (target link-layer address), length 1 (8 bytes)");
        assertEquals("365d69eb84b2", Bytes.hex(b, 80, 6));
        assertEquals(0, NeighbourAdvertFrame.icmpv6Checksum(b, 14, 54, 32), "checksum verifies");
    }

    @Test
    void routerFlag() throws Exception {
        byte[] vip = InetAddress.getByName("fd13::100").getAddress();
        ByteBuffer b = ByteBuffer.allocate(86);
        NeighbourAdvertFrame.write(b, MAC, vip, true);
        assertEquals("a0", Bytes.hex(b, 58, 1), "Router | Override");
        assertEquals("b57c", Bytes.hex(b, 56, 2));
    }
}
