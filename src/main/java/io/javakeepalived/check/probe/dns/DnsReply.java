package io.javakeepalived.check.probe.dns;

import java.nio.ByteBuffer;

/**
 * What a datagram from the server means for the query with {@code id}, as keepalived's
 * dns_recv_thread judges it: only the header counts (the answer section is not looked at).
 */
final class DnsReply {
    private static final int FLAG_QR = 0x8000;
    private static final int RCODE_MASK = 0x000f;

    /** Not an answer to our query (too short, another id, a query): keep waiting. */
    static final int IGNORE = -1;

    private DnsReply() {
    }

    /** The reply's RCODE (0 = no error), or {@link #IGNORE}. */
    static int rcode(int id, ByteBuffer datagram) {
        if (datagram.remaining() < DnsQuery.HEADER) {
            return IGNORE;
        }
        int p = datagram.position();
        int replyId = datagram.getShort(p) & 0xffff;
        int flags = datagram.getShort(p + 2) & 0xffff;
        if (replyId != (id & 0xffff) || (flags & FLAG_QR) == 0) {
            return IGNORE;
        }
        return flags & RCODE_MASK;
    }
}
