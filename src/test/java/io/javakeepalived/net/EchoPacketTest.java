package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EchoPacketTest {

    private static ByteBuffer request(boolean ipv6, int id, int seq) {
        ByteBuffer b = ByteBuffer.allocate(EchoPacket.LENGTH);
        assertEquals(EchoPacket.LENGTH, EchoPacket.writeRequest(b, ipv6, id, seq));
        return b;
    }

    @Test
    void anIpv4RequestIsKeepalivedsEchoWithAValidChecksum() {
        ByteBuffer b = request(false, 0x1234, 0x0102);
        assertEquals("08" + "00", HexFormat.of().formatHex(new byte[] {b.get(0), b.get(1)}));
        assertEquals(0x1234, b.getShort(4) & 0xffff);
        assertEquals(0x0102, b.getShort(6) & 0xffff);
        assertEquals(0, InetChecksum.of(b, 0, EchoPacket.LENGTH), "a correct checksum sums to zero");
        byte[] payload = new byte[EchoPacket.PAYLOAD];
        b.get(EchoPacket.HEADER, payload);
        assertEquals("keepalived check - keepalived check - ", new String(payload, 0, 38, StandardCharsets.US_ASCII));
    }

    @Test
    void anIpv6RequestLeavesTheChecksumToTheKernel() {
        ByteBuffer b = request(true, 7, 9);
        assertEquals(128, b.get(0) & 0xff);
        assertEquals(0, b.getShort(2));
        assertEquals(9, b.getShort(6));
    }

    /** An echo reply as a raw IPv4 socket reads it: 20-byte IP header, then ICMP. */
    private static ByteBuffer ipv4Reply(int ihlWords, int type, int id, int seq) {
        ByteBuffer b = ByteBuffer.allocate(ihlWords * 4 + EchoPacket.LENGTH);
        b.put(0, (byte) (0x40 | ihlWords));
        b.put(9, (byte) 1);
        int off = ihlWords * 4;
        b.put(off, (byte) type);
        b.putShort(off + 4, (short) id);
        b.putShort(off + 6, (short) seq);
        return b;
    }

    @Test
    void aRawIpv4ReplyIsFoundBehindItsIpHeader() {
        assertEquals(0xbeef, EchoPacket.replySequence(ipv4Reply(5, 0, 42, 0xbeef), 20 + 136, false, true, 42));
        assertEquals(3, EchoPacket.replySequence(ipv4Reply(6, 0, 42, 3), 24 + 136, false, true, 42));
    }

    @Test
    void anotherProcessesReplyOrAnotherTypeIsNotOurs() {
        assertEquals(EchoPacket.NOT_A_REPLY, EchoPacket.replySequence(ipv4Reply(5, 0, 43, 1), 156, false, true, 42));
        assertEquals(EchoPacket.NOT_A_REPLY, EchoPacket.replySequence(ipv4Reply(5, 8, 42, 1), 156, false, true, 42));
        assertEquals(EchoPacket.NOT_A_REPLY, EchoPacket.replySequence(ipv4Reply(5, 3, 42, 1), 156, false, true, 42));
    }

    @Test
    void aPingSocketsReplyHasNoIpHeaderAndTheKernelsIdentifier() {
        ByteBuffer v4 = request(false, 999, 77);
        v4.put(0, (byte) 0);
        assertEquals(77, EchoPacket.replySequence(v4, EchoPacket.LENGTH, false, false, -1));
        ByteBuffer v6 = request(true, 999, 78);
        v6.put(0, (byte) 129);
        assertEquals(78, EchoPacket.replySequence(v6, EchoPacket.LENGTH, true, false, -1));
        assertEquals(EchoPacket.NOT_A_REPLY, EchoPacket.replySequence(request(true, 1, 1), 136, true, false, -1));
    }

    @Test
    void truncatedDatagramsAreNotReplies() {
        assertEquals(EchoPacket.NOT_A_REPLY, EchoPacket.replySequence(ipv4Reply(5, 0, 42, 1), 19, false, true, 42));
        assertEquals(EchoPacket.NOT_A_REPLY, EchoPacket.replySequence(ipv4Reply(5, 0, 42, 1), 27, false, true, 42));
        assertEquals(EchoPacket.NOT_A_REPLY, EchoPacket.replySequence(ByteBuffer.allocate(8), 7, true, false, -1));
    }
}
