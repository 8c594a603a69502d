package io.javakeepalived.net;

import jnr.ffi.Pointer;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * Internal: public only because jnr-ffi generates its implementation in another class loader.
 * The libc calls this layer makes, bound once through jnr-ffi ({@link Native#LIBC}). Every
 * structure is passed as a {@link Pointer} into memory the caller owns (usually a direct
 * {@link java.nio.ByteBuffer} wrapped once), so no call allocates. Nothing here checks errors:
 * callers go through {@link Native}, which turns {@code -1} + errno into {@link ErrnoException}.
 */
public interface LibC {
    int socket(int domain, int type, int protocol);

    int bind(int fd, Pointer addr, int addrlen);

    int setsockopt(int fd, int level, int optname, Pointer optval, int optlen);

    int getsockopt(int fd, int level, int optname, Pointer optval, Pointer optlen);

    int getsockname(int fd, Pointer addr, Pointer addrlen);

    @ssize_t long sendto(int fd, Pointer buf, @size_t long len, int flags, Pointer destAddr, int addrlen);

    @ssize_t long sendmsg(int fd, Pointer msghdr, int flags);

    @ssize_t long recvfrom(int fd, Pointer buf, @size_t long len, int flags, Pointer srcAddr, Pointer addrlen);

    @ssize_t long recvmsg(int fd, Pointer msghdr, int flags);

    @ssize_t long read(int fd, Pointer buf, @size_t long count);

    @ssize_t long write(int fd, Pointer buf, @size_t long count);

    int poll(Pointer fds, long nfds, int timeoutMillis);

    /** {@code timeout} a struct timespec, null for none; {@code sigmask} null: the thread's own. */
    int ppoll(Pointer fds, long nfds, Pointer timeout, Pointer sigmask);

    int close(int fd);

    int fcntl(int fd, int cmd, int arg);

    int if_nametoindex(String ifname);

    Pointer if_indextoname(int ifindex, Pointer buf);

    int eventfd(int initval, int flags);

    String strerror(int errnum);

    int open(String path, int flags);

    int setns(int fd, int nstype);
}
