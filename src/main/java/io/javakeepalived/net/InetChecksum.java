package io.javakeepalived.net;

import java.nio.ByteBuffer;

/** The Internet checksum (RFC 1071) over big-endian 16-bit words, independent of buffer byte order. */
public final class InetChecksum {
    private InetChecksum() {}

    /** Adds {@code len} bytes from {@code off} (absolute) to a running 32-bit sum. */
    public static long add(long sum, ByteBuffer b, int off, int len) {
        int i = off;
        int end = off + len;
        for (; i + 1 < end; i += 2) {
            sum += ((b.get(i) & 0xff) << 8) | (b.get(i + 1) & 0xff);
        }
        if (i < end) {
            sum += (b.get(i) & 0xff) << 8;
        }
        return sum;
    }

    /** Adds bytes of an array to a running sum. */
    public static long add(long sum, byte[] a, int off, int len) {
        int i = off;
        int end = off + len;
        for (; i + 1 < end; i += 2) {
            sum += ((a[i] & 0xff) << 8) | (a[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (a[i] & 0xff) << 8;
        }
        return sum;
    }

    /** Folds a running sum to 16 bits and complements it: the value to store in the header. */
    public static int finish(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** Checksum of {@code len} bytes at {@code off}. */
    public static int of(ByteBuffer b, int off, int len) {
        return finish(add(0, b, off, len));
    }
}
