package io.javakeepalived.net;

import java.io.IOException;

/**
 * A failed system call or a netlink request the kernel refused. The message names the call and
 * what it was about, then the kernel's error text, e.g. {@code setsockopt(IP_ADD_MEMBERSHIP) on
 * eth0: No such device} or {@code RTM_NEWADDR 10.0.0.1/24 dev eth0: File exists}.
 */
public final class ErrnoException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String operation;

    public ErrnoException(String operation, int errno) {
        this(operation, errno, null);
    }

    /** With the kernel's extended-ACK text, appended in parentheses when present. */
    public ErrnoException(String operation, int errno, String kernelMessage) {
        super(operation + ": " + Errno.describe(errno)
                + (kernelMessage == null || kernelMessage.isBlank() ? "" : " (" + kernelMessage + ")"));
        this.errno = errno;
        this.operation = operation;
    }

    /** The positive errno value (see {@link Errno}). */
    public int errno() {
        return errno;
    }

    /** The call and its subject, without the error text. */
    public String operation() {
        return operation;
    }

    /** Symbolic name such as {@code EEXIST}, or {@code errno N} for one not in {@link Errno}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** EEXIST: what was to be added is there already (an address, a route). */
    public boolean alreadyExists() {
        return errno == Errno.EEXIST;
    }

    /**
     * What was to be removed is not there, or its interface is gone: EADDRNOTAVAIL, ENODEV,
     * ENOENT or (a route) ESRCH, depending on the kernel version and the object.
     */
    public boolean targetMissing() {
        return errno == Errno.EADDRNOTAVAIL || errno == Errno.ENODEV || errno == Errno.ENOENT
                || errno == Errno.ESRCH;
    }
}
