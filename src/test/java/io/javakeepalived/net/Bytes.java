package io.javakeepalived.net;

import java.nio.ByteBuffer;

/** Test helpers for byte layouts written as hex. */
final class Bytes {
    private Bytes() {}

    /** Parses hex, ignoring spaces, newlines and "|" separators. */
    static byte[] hex(String s) {
        String h = s.replaceAll("[\\s|]", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    static String hex(ByteBuffer b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(String.format("%02x", b.get(off + i) & 0xff));
        }
        return sb.toString();
    }

    static String hex(byte[] a) {
        return hex(ByteBuffer.wrap(a), 0, a.length);
    }
}
