package io.javakeepalived.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * ICMP and ICMPv6 echo messages, as keepalived's check_ping.c sends them: an 8-byte header
 * (type, code 0, checksum, identifier, sequence) and 128 bytes of "keepalived check - " filler.
 * Pure: it reads and writes buffers, the socket is {@link IcmpEchoPort}'s.
 */
final class EchoPacket {
    static final int HEADER = 8;
    /** keepalived's ICMP_BUFSIZE. */
    static final int PAYLOAD = 128;
    static final int LENGTH = HEADER + PAYLOAD;

    static final int ECHO_REQUEST_V4 = 8;
    static final int ECHO_REPLY_V4 = 0;
    static final int ECHO_REQUEST_V6 = 128;
    static final int ECHO_REPLY_V6 = 129;

    /** Not an echo reply we can use. */
    static final int NOT_A_REPLY = -1;

    private static final byte[] FILLER = filler();

    private EchoPacket() {
    }

    /**
     * Writes an echo request at {@code b}'s start; returns its length. The IPv4 checksum is
     * computed here (a raw socket sends what it is given; a ping socket recomputes it after
     * setting its own identifier); ICMPv6's is always the kernel's (it covers a pseudo-header).
     */
    static int writeRequest(ByteBuffer b, boolean ipv6, int identifier, int sequence) {
        ByteBuffer n = b.duplicate().order(ByteOrder.BIG_ENDIAN);
        n.put(0, (byte) (ipv6 ? ECHO_REQUEST_V6 : ECHO_REQUEST_V4));
        n.put(1, (byte) 0);
        n.putShort(2, (short) 0);
        n.putShort(4, (short) identifier);
        n.putShort(6, (short) sequence);
        for (int i = 0; i < PAYLOAD; i++) {
            n.put(HEADER + i, FILLER[i]);
        }
        if (!ipv6) {
            n.putShort(2, (short) InetChecksum.of(n, 0, LENGTH));
        }
        return LENGTH;
    }

    /**
     * The sequence number of the echo reply in {@code b[0, len)}, or {@link #NOT_A_REPLY}.
     *
     * @param ipHeader   the datagram starts with an IPv4 header (a raw IPv4 socket's); its
     *                   length is taken from the IHL field
     * @param identifier the identifier to require, or -1 to take any (a ping socket's kernel
     *                   delivers only replies to its own identifier)
     */
    static int replySequence(ByteBuffer b, int len, boolean ipv6, boolean ipHeader, int identifier) {
        ByteBuffer n = b.duplicate().order(ByteOrder.BIG_ENDIAN);
        int off = 0;
        if (ipHeader) {
            if (len < 20) {
                return NOT_A_REPLY;
            }
            off = (n.get(0) & 0x0f) * 4;
        }
        if (len < off + HEADER) {
            return NOT_A_REPLY;
        }
        int type = n.get(off) & 0xff;
        if (type != (ipv6 ? ECHO_REPLY_V6 : ECHO_REPLY_V4)) {
            return NOT_A_REPLY;
        }
        if (identifier >= 0 && (n.getShort(off + 4) & 0xffff) != identifier) {
            return NOT_A_REPLY;
        }
        return n.getShort(off + 6) & 0xffff;
    }

    private static byte[] filler() {
        byte[] text = "keepalived check - ".getBytes(StandardCharsets.US_ASCII);
        byte[] f = new byte[PAYLOAD];
        for (int i = 0; i < PAYLOAD; i++) {
            f[i] = text[i % text.length];
        }
        return f;
    }
}
