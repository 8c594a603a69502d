package io.javakeepalived.net;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Writes {@code sockaddr_in} (16 bytes) and {@code sockaddr_in6} (28 bytes) into native buffers. */
final class SockAddr {
    private SockAddr() {}

    static final int IN_LEN = 16;
    static final int IN6_LEN = 28;

    static int write(NativeBuffer b, int off, InetAddress a, int scopeId) {
        return write(b, off, a.getAddress(), scopeId);
    }

    /** Writes a sockaddr for a 4- or 16-byte address (port 0); returns its length. */
    static int write(NativeBuffer b, int off, byte[] addr, int scopeId) {
        if (addr.length == 4) {
            b.clear(off, off + IN_LEN);
            b.buf.putShort(off, (short) Sys.AF_INET);
            for (int i = 0; i < 4; i++) {
                b.buf.put(off + 4 + i, addr[i]);
            }
            return IN_LEN;
        }
        b.clear(off, off + IN6_LEN);
        b.buf.putShort(off, (short) Sys.AF_INET6);
        for (int i = 0; i < 16; i++) {
            b.buf.put(off + 8 + i, addr[i]);
        }
        b.buf.putInt(off + 24, scopeId);
        return IN6_LEN;
    }

    /** True for fe80::/10 and for multicast with link-local (or interface-local) scope: these need a scope id. */
    static boolean needsScope(byte[] a) {
        if (a.length != 16) {
            return false;
        }
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        return (b0 == 0xfe && (b1 & 0xc0) == 0x80) || (b0 == 0xff && ((b1 & 0x0f) <= 2));
    }

    static boolean needsScope(InetAddress a) {
        return a instanceof Inet6Address && needsScope(a.getAddress());
    }
}
