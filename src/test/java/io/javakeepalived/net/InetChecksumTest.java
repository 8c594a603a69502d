package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class InetChecksumTest {
    @Test
    void rfc1071Example() {
        // RFC 1071 §3: 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2; the checksum is its complement
        ByteBuffer b = ByteBuffer.wrap(Bytes.hex("0001f203f4f5f6f7"));
        assertEquals(0x2ddf0, InetChecksum.add(0, b, 0, 8), "unfolded sum");
        assertEquals(0x220d, InetChecksum.of(b, 0, 8));
    }

    @Test
    void oddLengthPadsWithZero() {
        ByteBuffer odd = ByteBuffer.wrap(Bytes.hex("0102 03"));
        ByteBuffer even = ByteBuffer.wrap(Bytes.hex("0102 0300"));
        assertEquals(InetChecksum.of(even, 0, 4), InetChecksum.of(odd, 0, 3));
    }

    @Test
    void arrayAndBufferAgreeAndCarriesFold() {
        byte[] a = Bytes.hex("ffff ffff ffff 0001");
        assertEquals(InetChecksum.finish(InetChecksum.add(0, a, 0, a.length)), InetChecksum.of(ByteBuffer.wrap(a), 0, a.length));
        assertEquals(0xfffe, InetChecksum.of(ByteBuffer.wrap(a), 0, a.length));
    }
}
