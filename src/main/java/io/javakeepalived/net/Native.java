package io.javakeepalived.net;

import io.javakeepalived.util.Eintr;

import java.nio.ByteOrder;
import java.util.function.LongSupplier;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The single native boundary: loads libc once and turns failed calls into {@link ErrnoException}.
 * EINTR is retried here ({@link #retryingEintr}, and inline in the per-packet calls) and nowhere else. Structure layouts used by this
 * package assume 64-bit Linux (x86_64, aarch64), checked at class load.
 */
final class Native {
    private Native() {}

    static final LibC LIBC;
    static final Runtime RUNTIME;

    static {
        Platform p = Platform.getNativePlatform();
        boolean lp64 = p.getCPU() == Platform.CPU.X86_64 || p.getCPU() == Platform.CPU.AARCH64;
        if (p.getOS() != Platform.OS.LINUX || !lp64 || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new ExceptionInInitializerError("javakeepalived's network layer needs Linux on x86_64 or aarch64, found "
                    + p.getOS() + " " + p.getCPU());
        }
        LIBC = LibraryLoader.create(LibC.class).load("c");
        RUNTIME = Runtime.getRuntime(LIBC);
    }

    static int errno() {
        return LastError.getLastError(RUNTIME);
    }

    /**
     * Makes {@code call} (one libc call through {@link #LIBC}) again while it fails with EINTR;
     * a negative result afterwards has its reason in {@link #errno()}.
     */
    static long retryingEintr(LongSupplier call) {
        return Eintr.retrying(call, Native::errno);
    }

    /*
     * The per-packet calls retry EINTR in a loop of their own instead of through a lambda: a
     * capturing lambda is an object per packet (C1 does no escape analysis), and its first
     * call bootstraps an invokedynamic site, which is what the first GARP of a takeover paid.
     */

    /** sendto(2) with no flags, again while it fails with EINTR. */
    static long sendto(int fd, Pointer buf, long len, Pointer addr, int addrLen) {
        long n;
        do {
            n = LIBC.sendto(fd, buf, len, 0, addr, addrLen);
        } while (interrupted(n));
        return n;
    }

    /** sendmsg(2), again while it fails with EINTR. */
    static long sendmsg(int fd, Pointer msghdr, int flags) {
        long n;
        do {
            n = LIBC.sendmsg(fd, msghdr, flags);
        } while (interrupted(n));
        return n;
    }

    /** recvmsg(2), again while it fails with EINTR. */
    static long recvmsg(int fd, Pointer msghdr, int flags) {
        long n;
        do {
            n = LIBC.recvmsg(fd, msghdr, flags);
        } while (interrupted(n));
        return n;
    }

    private static boolean interrupted(long result) {
        return result < 0 && errno() == Eintr.EINTR;
    }

    /** Throws for {@code rc < 0}; returns rc otherwise. */
    static int check(int rc, String operation) throws ErrnoException {
        if (rc < 0) {
            throw new ErrnoException(operation, errno());
        }
        return rc;
    }

    static ErrnoException error(String operation) {
        return new ErrnoException(operation, errno());
    }

    static int socket(int domain, int type, int protocol, String what) throws ErrnoException {
        return check(LIBC.socket(domain, type | Sys.SOCK_CLOEXEC, protocol), what);
    }

    /** setsockopt with an int value. */
    static void setInt(int fd, int level, int opt, int value, String optName, String subject) throws ErrnoException {
        NativeBuffer b = Scratch.get();
        b.buf.putInt(0, value);
        if (LIBC.setsockopt(fd, level, opt, b.ptr, 4) < 0) {
            throw error("setsockopt(" + optName + ") on " + subject);
        }
    }

    /**
     * The socket's receive buffer: SO_RCVBUFFORCE, which root may set above net.core.rmem_max,
     * else SO_RCVBUF, which the kernel caps there.
     */
    static void setReceiveBuffer(int fd, int bytes, String subject) throws ErrnoException {
        try {
            setInt(fd, Sys.SOL_SOCKET, Sys.SO_RCVBUFFORCE, bytes, "SO_RCVBUFFORCE", subject);
        } catch (ErrnoException notPermitted) {
            setInt(fd, Sys.SOL_SOCKET, Sys.SO_RCVBUF, bytes, "SO_RCVBUF", subject);
        }
    }

    /** setsockopt with {@code len} bytes already placed in {@code value}. */
    static void setBytes(int fd, int level, int opt, NativeBuffer value, int len, String optName, String subject)
            throws ErrnoException {
        if (LIBC.setsockopt(fd, level, opt, value.ptr, len) < 0) {
            throw error("setsockopt(" + optName + ") on " + subject);
        }
    }

    static int getInt(int fd, int level, int opt, String optName, String subject) throws ErrnoException {
        NativeBuffer b = Scratch.get();
        b.buf.putInt(0, 0);
        b.buf.putInt(8, 4);
        if (LIBC.getsockopt(fd, level, opt, b.ptr, b.at(8)) < 0) {
            throw error("getsockopt(" + optName + ") on " + subject);
        }
        return b.buf.getInt(0);
    }

    static void close(int fd) {
        if (fd >= 0) {
            // Linux releases the fd even when close reports EINTR: never retry.
            LIBC.close(fd);
        }
    }

    /** One small scratch buffer per thread for socket options set at open time. */
    static final class Scratch {
        private static final ThreadLocal<NativeBuffer> TL = ThreadLocal.withInitial(() -> new NativeBuffer(256));

        static NativeBuffer get() {
            return TL.get();
        }
    }
}
