package io.javakeepalived.net;

import java.nio.ByteBuffer;

/**
 * Writes the 20-byte IPv4 header keepalived puts on its adverts (IP_HDRINCL): version 4, IHL 5,
 * the given TOS (0xc0), total length, identification, no flags (DF clear) and offset 0, TTL,
 * protocol, header checksum, source, destination. Pure: no native calls.
 *
 * <pre>
 *  0      4      8              16     19                      31
 * +------+------+---------------+-----------------------------+
 * |Ver=4 |IHL=5 |   TOS 0xc0    |        Total Length         |
 * |        Identification       |Flags=0|  Fragment Offset=0  |
 * |  TTL = 255  | Protocol=112  |       Header Checksum       |
 * |                      Source Address                       |
 * |                   Destination Address                     |
 * </pre>
 */
public final class Ipv4Header {
    private Ipv4Header() {}

    public static final int LENGTH = 20;
    /** TOS keepalived sets on adverts: DSCP CS6 (network control). */
    public static final int TOS_NETWORK_CONTROL = 0xc0;

    /**
     * Writes the header at absolute {@code off} of {@code b} (byte order of {@code b} is ignored).
     *
     * @param payloadLength bytes following the header (total length = 20 + payloadLength)
     * @param src 4-byte source address
     * @param dst 4-byte destination address
     */
    public static void write(ByteBuffer b, int off, int tos, int id, int ttl, int protocol,
                             byte[] src, byte[] dst, int payloadLength) {
        int total = LENGTH + payloadLength;
        if (total > 0xffff) {
            throw new IllegalArgumentException("IPv4 datagram too long: " + total);
        }
        b.put(off, (byte) 0x45);
        b.put(off + 1, (byte) tos);
        putShort(b, off + 2, total);
        putShort(b, off + 4, id);
        putShort(b, off + 6, 0);
        b.put(off + 8, (byte) ttl);
        b.put(off + 9, (byte) protocol);
        putShort(b, off + 10, 0);
        for (int i = 0; i < 4; i++) {
            b.put(off + 12 + i, src[i]);
            b.put(off + 16 + i, dst[i]);
        }
        putShort(b, off + 10, InetChecksum.of(b, off, LENGTH));
    }

    static void putShort(ByteBuffer b, int off, int v) {
        b.put(off, (byte) (v >>> 8));
        b.put(off + 1, (byte) v);
    }

    static int getShort(ByteBuffer b, int off) {
        return ((b.get(off) & 0xff) << 8) | (b.get(off + 1) & 0xff);
    }
}
