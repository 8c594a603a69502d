package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class Ipv4HeaderTest {
    /**
     * The capture's first advert: "(tos 0xc0, ttl 255, id 1, offset 0, flags [none], proto VRRP (112),
     * length 40) 10.77.0.1 > 224.0.0.18".
     */
    @Test
    void writesKeepalivedsAdvertHeader() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);  // order must not matter
        Ipv4Header.write(b, 4, 0xc0, 1, 255, 112, new byte[] {10, 77, 0, 1}, new byte[] {(byte) 224, 0, 0, 18}, 20);
        assertEquals(
                "45" + "c0" + "0028"        // version 4, IHL 5 | TOS 0xc0 | total length 40
                + "0001" + "0000"            // id 1 | flags none, offset 0 (DF clear)
                + "ff" + "70" + "d044"       // TTL 255 | protocol 112 | header checksum
                + "0a4d0001"                 // 10.77.0.1
                + "e0000012",                // 224.0.0.18
                Bytes.hex(b, 4, 20));
        assertEquals(0, InetChecksum.of(b, 4, 20), "a header with its checksum sums to zero");
        assertEquals(0, b.get(0), "nothing written before the offset");
    }

    @Test
    void unicastTtlAndLargeIds() {
        ByteBuffer b = ByteBuffer.allocate(20);
        Ipv4Header.write(b, 0, 0xc0, 0xfffe, 64, 51, new byte[] {10, (byte) 213, 0, 2}, new byte[] {10, (byte) 213, 0, 1}, 60);
        assertEquals(80, Ipv4Header.getShort(b, 2));
        assertEquals(0xfffe, Ipv4Header.getShort(b, 4));
        assertEquals(64, b.get(8) & 0xff);
        assertEquals(51, b.get(9));
        assertEquals(0, InetChecksum.of(b, 0, 20));
    }

    @Test
    void rejectsOversizedDatagrams() {
        ByteBuffer b = ByteBuffer.allocate(20);
        assertThrows(IllegalArgumentException.class,
                () -> Ipv4Header.write(b, 0, 0, 1, 255, 112, new byte[4], new byte[4], 65516));
    }
}
