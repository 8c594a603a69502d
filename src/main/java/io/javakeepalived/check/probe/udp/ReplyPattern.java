package io.javakeepalived.check.probe.udp;

import java.nio.ByteBuffer;

/**
 * {@code require_reply HEX} with min_reply_length / max_reply_length, as keepalived's
 * check_udp_reply judges a reply: its length must be within the limits, and its first
 * min(length, pattern length) bytes must equal the pattern's, where an 'x' in the hex is a
 * wildcard half-byte. A reply shorter than the pattern matches on its length only, as in keepalived.
 */
final class ReplyPattern {
    private final byte[] data;
    private final byte[] mask;
    private final int minLength;
    private final int maxLength;

    ReplyPattern(String hex, int minLength, int maxLength) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + hex);
        }
        data = new byte[hex.length() / 2];
        mask = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            int hi = nibble(hex.charAt(2 * i));
            int lo = nibble(hex.charAt(2 * i + 1));
            data[i] = (byte) ((Math.max(hi, 0) << 4) | Math.max(lo, 0));
            mask[i] = (byte) ((hi < 0 ? 0xf0 : 0) | (lo < 0 ? 0x0f : 0));
        }
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** Whether {@code reply} (position to limit) is what the checker requires. */
    boolean matches(ByteBuffer reply) {
        int len = reply.remaining();
        if (len < minLength || len > maxLength) {
            return false;
        }
        int p = reply.position();
        for (int i = 0; i < Math.min(len, data.length); i++) {
            if (((reply.get(p + i) ^ data[i]) & ~mask[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A hex digit's value, or -1 for the wildcard 'x'. */
    private static int nibble(char c) {
        if (c == 'x' || c == 'X') {
            return -1;
        }
        int v = Character.digit(c, 16);
        if (v < 0) {
            throw new IllegalArgumentException("not a hex digit: " + c);
        }
        return v;
    }
}
