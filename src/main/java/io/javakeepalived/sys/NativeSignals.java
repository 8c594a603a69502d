package io.javakeepalived.sys;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The few libc signal calls HotSpot does not offer, through jnr-ffi. Loaded on first use only:
 * loading jnr costs about 300 ms here, and the normal start-up path does not need it.
 *
 * <p>{@code struct sigaction} is treated as opaque bytes except for its first member, the handler
 * (SIG_DFL = 0, SIG_IGN = 1), which is at offset 0 in glibc's layout on every Linux target. Copying
 * a whole struct from one signal to another needs no more knowledge than that.
 */
final class NativeSignals {

    /** glibc's struct sigaction is 152 bytes on x86_64 and aarch64; leave room. */
    private static final int SIGACTION_BYTES = 256;
    private static final long SIG_DFL = 0;
    private static final long SIG_IGN = 1;

    /** The libc functions used here. */
    public interface LibC {
        int sigaction(int signum, Pointer act, Pointer oldact);

        int kill(int pid, int sig);

        int __libc_current_sigrtmin();

        int __libc_current_sigrtmax();
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    private NativeSignals() {
    }

    /** Sets the disposition of {@code sig} to SIG_IGN: the kernel then discards it on arrival. */
    static void ignore(int sig) {
        Pointer act = newSigaction();
        act.putAddress(0, SIG_IGN);
        check(Holder.LIBC.sigaction(sig, act, null), "sigaction(" + sig + ", SIG_IGN)");
    }

    /** Gives {@code to} exactly the disposition (handler, mask, flags) {@code from} has now. */
    static void copyDisposition(int from, int to) {
        Pointer act = newSigaction();
        check(Holder.LIBC.sigaction(from, null, act), "sigaction(" + from + ", query)");
        check(Holder.LIBC.sigaction(to, act, null), "sigaction(" + to + ", copy of " + from + ")");
    }

    /** The handler address of {@code sig}: 0 for SIG_DFL, 1 for SIG_IGN, else a function. */
    static long handlerAddress(int sig) {
        Pointer act = newSigaction();
        check(Holder.LIBC.sigaction(sig, null, act), "sigaction(" + sig + ", query)");
        return act.getAddress(0);
    }

    static boolean isDefault(int sig) {
        return handlerAddress(sig) == SIG_DFL;
    }

    /** Sends {@code sig} to process {@code pid}. */
    static void kill(long pid, int sig) {
        check(Holder.LIBC.kill(Math.toIntExact(pid), sig), "kill(" + pid + ", " + sig + ")");
    }

    /** libc's SIGRTMIN (34 with glibc, which keeps 32 and 33 for itself). */
    static int sigRtMin() {
        return Holder.LIBC.__libc_current_sigrtmin();
    }

    /** libc's SIGRTMAX (64 on Linux). */
    static int sigRtMax() {
        return Holder.LIBC.__libc_current_sigrtmax();
    }

    private static Pointer newSigaction() {
        return Memory.allocateDirect(Holder.RUNTIME, SIGACTION_BYTES, true);
    }

    private static void check(int rc, String call) {
        if (rc != 0) {
            throw new IllegalStateException(call + " failed: errno " + LastError.getLastError(Holder.RUNTIME));
        }
    }
}
