package io.javakeepalived.net;

import jnr.ffi.Pointer;

/**
 * Interface name and index lookups in the calling thread's network namespace
 * ({@code if_nametoindex(3)}, {@code if_indextoname(3)}).
 */
public final class NetInterfaces {
    private NetInterfaces() {}

    /** IFNAMSIZ: longest interface name plus the terminating NUL. */
    public static final int IFNAMSIZ = 16;

    /** Index of the named interface; throws {@code if_nametoindex(eth9): No such device} if it does not exist. */
    public static int indexOf(String name) throws ErrnoException {
        checkName(name);
        int idx = Native.LIBC.if_nametoindex(name);
        if (idx == 0) {
            throw Native.error("if_nametoindex(" + name + ")");
        }
        return idx;
    }

    /** Name of the interface with this index; throws {@code if_indextoname(42): No such device or address}. */
    public static String nameOf(int index) throws ErrnoException {
        NativeBuffer b = Native.Scratch.get();
        b.clear(0, IFNAMSIZ);
        Pointer r = Native.LIBC.if_indextoname(index, b.ptr);
        if (r == null) {
            throw Native.error("if_indextoname(" + index + ")");
        }
        return b.ptr.getString(0, IFNAMSIZ, java.nio.charset.StandardCharsets.US_ASCII);
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() >= IFNAMSIZ || name.indexOf('/') >= 0
                || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid interface name '" + name + "'");
        }
    }
}
