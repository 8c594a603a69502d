package io.javakeepalived.check.probe.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyPatternTest {

    private static ByteBuffer hex(String h) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(h));
    }

    @Test
    void anExactPatternMatchesOnlyItsBytes() {
        ReplyPattern p = new ReplyPattern("cafe01", 0, 255);
        assertTrue(p.matches(hex("cafe01")));
        assertFalse(p.matches(hex("cafe02")));
        assertTrue(p.matches(hex("cafe01ffff")), "bytes after the pattern are not compared");
    }

    @Test
    void xIsAWildcardHalfByte() {
        ReplyPattern p = new ReplyPattern("caxe0x", 0, 255);
        assertTrue(p.matches(hex("ca0e01")));
        assertTrue(p.matches(hex("cafe0f")));
        assertFalse(p.matches(hex("cbfe01")));
        assertFalse(p.matches(hex("cafe11")));
        assertTrue(new ReplyPattern("XX", 0, 255).matches(hex("7f")));
    }

    @Test
    void aReplyShorterThanThePatternIsComparedOnItsOwnLengthAsInKeepalived() {
        assertTrue(new ReplyPattern("cafe01", 0, 255).matches(hex("ca")));
    }

    @Test
    void theLengthLimitsAreInclusive() {
        ReplyPattern p = new ReplyPattern("00", 2, 4);
        assertFalse(p.matches(hex("00")));
        assertTrue(p.matches(hex("0011")));
        assertTrue(p.matches(hex("00112233")));
        assertFalse(p.matches(hex("0011223344")));
    }

    @Test
    void theReplyIsReadFromItsPosition() {
        ByteBuffer b = hex("ffcafe");
        b.position(1);
        assertTrue(new ReplyPattern("cafe", 0, 255).matches(b));
    }

    @Test
    void withoutAPayloadKeepalivedsFillerIsSent() {
        byte[] filler = UdpPayload.of(Optional.empty());
        assertEquals("keepalived check - keepalived ch", new String(filler, StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad}, UdpPayload.of(Optional.of("dead")));
    }
}
