package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The capture (run1-vrrp-arp-capture.txt): {@code 36:5d:69:eb:84:b2 > ff:ff:ff:ff:ff:ff, ethertype ARP
 * (0x0806), length 42: Ethernet (len 6), IPv4 (len 4), Request who-has 10.77.0.100 (ff:ff:ff:ff:ff:ff)
 * tell 10.77.0.100, length 28}.
 */
class ArpFrameTest {
    static final byte[] MAC = Bytes.hex("365d69eb84b2");
    static final byte[] VIP = {10, 77, 0, 100};

    @Test
    void matchesTheCapturedFrameFieldByField() {
        ByteBuffer b = ByteBuffer.allocate(64);
        assertEquals(42, ArpFrame.write(b, MAC, VIP));
        assertEquals("ffffffffffff", Bytes.hex(b, 0, 6), "Ethernet destination: broadcast");
        assertEquals("365d69eb84b2", Bytes.hex(b, 6, 6), "Ethernet source: interface MAC");
        assertEquals("0806", Bytes.hex(b, 12, 2), "ethertype ARP");
        assertEquals("0001", Bytes.hex(b, 14, 2), "hardware type Ethernet");
        assertEquals("0800", Bytes.hex(b, 16, 2), "protocol type IPv4");
        assertEquals("06", Bytes.hex(b, 18, 1), "Ethernet (len 6)");
        assertEquals("04", Bytes.hex(b, 19, 1), "IPv4 (len 4)");
        assertEquals("0001", Bytes.hex(b, 20, 2), "Request");
        assertEquals("365d69eb84b2", Bytes.hex(b, 22, 6), "sender MAC");
        assertEquals("0a4d0064", Bytes.hex(b, 28, 4), "tell 10.77.0.100");
        assertEquals("ffffffffffff", Bytes.hex(b, 32, 6), "(ff:ff:ff:ff:ff:ff)");
        assertEquals("0a4d0064", Bytes.hex(b, 38, 4), "who-has 10.77.0.100");
        assertEquals(28, 42 - 14, "ARP payload length 28");
    }

    @Test
    void templateThenAddressGivesTheSameFrame() {
        ByteBuffer whole = ByteBuffer.allocate(42);
        ArpFrame.write(whole, MAC, VIP);
        ByteBuffer reused = ByteBuffer.allocate(42);
        ArpFrame.writeTemplate(reused, MAC);
        ArpFrame.setAddress(reused, new byte[] {1, 2, 3, 4});
        ArpFrame.setAddress(reused, VIP);
        assertEquals(Bytes.hex(whole, 0, 42), Bytes.hex(reused, 0, 42));
    }

    @Test
    void rejectsWrongSizes() {
        ByteBuffer b = ByteBuffer.allocate(42);
        assertThrows(IllegalArgumentException.class, () -> ArpFrame.write(b, new byte[5], VIP));
        assertThrows(IllegalArgumentException.class, () -> ArpFrame.write(b, MAC, new byte[16]));
    }
}
