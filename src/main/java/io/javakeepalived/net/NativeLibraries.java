package io.javakeepalived.net;

/**
 * Loads the network layer's libc binding ahead of its first use (see {@code cli.NativeWarmUp}).
 * jnr-ffi's first binding in a JVM is its dearest by far: jffi's start, then ASM and jnr's code
 * generator loaded and checked by the verifier (none of them can be in the class-data archive),
 * hundreds of milliseconds in all; every later binding reuses them.
 */
public final class NativeLibraries {
    private NativeLibraries() {
    }

    /** Binds libc for this package now, on the calling thread; later calls do nothing. */
    public static void load() {
        if (Native.LIBC == null) {
            throw new IllegalStateException("libc not bound");
        }
    }
}
