package io.javakeepalived.net;

import java.nio.ByteBuffer;

/**
 * Walks the netlink attributes (struct nlattr: length, type, payload padded to 4) between two
 * offsets of a buffer. One walker for every decoder, so the bounds checks that keep a short or
 * lying attribute from reading past its message live in one place.
 *
 * <pre>
 * for (NlaCursor c = new NlaCursor(b, from, to); c.next(); ) {
 *     switch (c.type()) { ... c.dataOffset(), c.dataLength() ... }
 * }
 * </pre>
 */
final class NlaCursor {
    private static final int NLA_HDRLEN = 4;
    private static final int NLA_TYPE_MASK = 0x3fff; // without NLA_F_NESTED / NLA_F_NET_BYTEORDER

    private final ByteBuffer buffer;
    private final int end;
    private int next;
    private int type;
    private int dataOffset;
    private int dataLength;

    NlaCursor(ByteBuffer buffer, int from, int to) {
        this.buffer = buffer;
        this.next = from;
        this.end = to;
    }

    /** Moves to the next attribute; false at the end or at a malformed attribute (the rest is ignored). */
    boolean next() {
        if (next + NLA_HDRLEN > end) {
            return false;
        }
        int length = buffer.getShort(next) & 0xffff;
        if (length < NLA_HDRLEN || next + length > end) {
            next = end;
            return false;
        }
        type = buffer.getShort(next + 2) & NLA_TYPE_MASK;
        dataOffset = next + NLA_HDRLEN;
        dataLength = length - NLA_HDRLEN;
        next += (length + 3) & ~3;
        return true;
    }

    int type() {
        return type;
    }

    int dataOffset() {
        return dataOffset;
    }

    int dataLength() {
        return dataLength;
    }
}
