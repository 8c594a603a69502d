package io.javakeepalived.vrrp.packet;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * The last address object a receive view made or read, with its bytes: the adverts of one
 * master carry the same source, so the view hands out the same {@link InetAddress} for each
 * (and the instance's remembered master stays that object) instead of a new one per advert; and
 * the bytes of an address object the view is given (an IPv6 source, the multicast group) are
 * taken from it once, since {@link InetAddress#getAddress()} returns a new array every time.
 */
final class IpAddressCache {
    private InetAddress address;
    private final byte[] raw = new byte[16];
    private int length;

    /** The address whose bytes are {@code buf[off, off + len)}: the last one if they are the same. */
    InetAddress address(byte[] buf, int off, int len) {
        if (address == null || len != length || !Arrays.equals(buf, off, off + len, raw, 0, len)) {
            System.arraycopy(buf, off, raw, 0, len);
            length = len;
            address = VrrpCodec.addr(Arrays.copyOfRange(buf, off, off + len));
        }
        return address;
    }

    /** The one's complement sum of {@code a}'s bytes, as {@link Checksums#sum} makes it. */
    long sum(InetAddress a) {
        if (a != address) {
            byte[] b = a.getAddress();
            System.arraycopy(b, 0, raw, 0, b.length);
            length = b.length;
            address = a;
        }
        return Checksums.sum(raw, 0, length);
    }
}
