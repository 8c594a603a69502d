package io.javakeepalived.vrrp.packet;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The Internet checksum (RFC 1071) and the pseudo-headers VRRP uses.
 *
 * <p>Sums are kept unfolded in a {@code long} so parts (pseudo-header, message) can be added
 * before the final fold. A message that carries its own checksum is valid when
 * {@code fold(pseudo + sum(message)) == 0xFFFF}.
 */
public final class Checksums {

    private Checksums() {
    }

    /** One's complement sum of {@code len} bytes as big-endian 16-bit words; an odd last byte is padded. */
    public static long sum(byte[] buf, int off, int len) {
        long acc = 0;
        int end = off + len;
        int i = off;
        for (; i + 1 < end; i += 2) {
            acc += ((buf[i] & 0xFF) << 8) | (buf[i + 1] & 0xFF);
        }
        if (i < end) {
            acc += (buf[i] & 0xFF) << 8;
        }
        return acc;
    }

    /** Folds a sum to 16 bits (carries added back). */
    public static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** The checksum field value for a message whose (checksum-zeroed) sum is {@code sum}. */
    public static int checksum(long sum) {
        return ~fold(sum) & 0xFFFF;
    }

    /** True if a message including its checksum field sums (with {@code pseudo}) to all ones. */
    public static boolean verifies(long pseudo, long messageSum) {
        return fold(pseudo + messageSum) == 0xFFFF;
    }

    /** RFC 1071 checksum of a byte range (e.g. an IPv4 header with its checksum field zeroed). */
    public static int internetChecksum(byte[] buf, int off, int len) {
        return checksum(sum(buf, off, len));
    }

    /**
     * Sum of the pseudo-header for upper-layer protocol {@code protocol} with {@code length}
     * bytes: IPv4 (src, dst, zero, protocol, 16-bit length; RFC 5798 §5.2.8 as keepalived and
     * Wireshark read it) or IPv6 (RFC 8200 §8.1: src, dst, 32-bit length, zeros, next header).
     */
    public static long pseudoHeaderSum(InetAddress source, InetAddress destination, int length, int protocol) {
        byte[] s = source.getAddress();
        byte[] d = destination.getAddress();
        return pseudoHeaderSum(sum(s, 0, s.length) + sum(d, 0, d.length), source instanceof Inet4Address, length,
                protocol);
    }

    /** {@link #pseudoHeaderSum(InetAddress, InetAddress, int, int)} given the sum of both addresses' bytes. */
    static long pseudoHeaderSum(long addressesSum, boolean ipv4, int length, int protocol) {
        long acc = addressesSum + protocol;
        if (ipv4) {
            acc += length & 0xFFFF;
        } else {
            acc += (length >>> 16) + (length & 0xFFFF);
        }
        return acc;
    }
}
