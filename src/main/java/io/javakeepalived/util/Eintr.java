package io.javakeepalived.util;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The one retry-on-EINTR loop of the native layer ({@code net} and {@code sys}, which share
 * nothing but this package). A system call interrupted by a signal handler before it did
 * anything fails with EINTR and is simply made again; every other outcome is the caller's.
 * Not for close(2): Linux releases the fd even when close reports EINTR, so it is never retried.
 */
public final class Eintr {

    /** Linux's EINTR (the same on every architecture). */
    public static final int EINTR = 4;

    private Eintr() {
    }

    /**
     * Makes {@code call} until it does not fail with EINTR.
     *
     * @param call  one system call; a negative result means failure, with the reason in errno
     * @param errno reads the calling thread's errno right after a failed call
     * @return the last result of {@code call}: non-negative, or negative with errno not EINTR
     */
    public static long retrying(LongSupplier call, IntSupplier errno) {
        long result;
        do {
            result = call.getAsLong();
        } while (result < 0 && errno.getAsInt() == EINTR);
        return result;
    }
}
