package io.javakeepalived.net;

import java.io.Closeable;

/**
 * A netlink socket (NETLINK_ROUTE unless told otherwise): bound with a kernel-assigned port id and
 * the given multicast groups. Request sockets block with a receive timeout; the monitor socket
 * and the nf_tables socket are non-blocking.
 */
final class NetlinkSocket implements Closeable {
    static final int BUFFER = 64 * 1024;
    private static final int SOCKADDR_NL = 12;

    private final int fd;
    private final int portId;
    private final NativeBuffer addr = new NativeBuffer(16);
    private boolean closed;

    NetlinkSocket(int groups, boolean nonBlocking, int receiveBuffer, int timeoutMillis) throws ErrnoException {
        this(Sys.NETLINK_ROUTE, groups, nonBlocking, receiveBuffer, timeoutMillis);
    }

    NetlinkSocket(int protocol, int groups, boolean nonBlocking, int receiveBuffer, int timeoutMillis)
            throws ErrnoException {
        int type = Sys.SOCK_RAW | (nonBlocking ? Sys.SOCK_NONBLOCK : 0);
        this.fd = Native.socket(Sys.AF_NETLINK, type, protocol, "socket(AF_NETLINK, " + protocol + ")");
        try {
            if (receiveBuffer > 0) {
                Native.setReceiveBuffer(fd, receiveBuffer, "netlink");
            }
            try {
                Native.setInt(fd, Sys.SOL_NETLINK, Sys.NETLINK_EXT_ACK, 1, "NETLINK_EXT_ACK", "netlink");
            } catch (ErrnoException olderKernel) {
                // error texts are a bonus
            }
            if (timeoutMillis > 0) {
                NativeBuffer tv = Native.Scratch.get();
                tv.buf.putLong(0, timeoutMillis / 1000);
                tv.buf.putLong(8, (timeoutMillis % 1000) * 1000L);
                Native.setBytes(fd, Sys.SOL_SOCKET, Sys.SO_RCVTIMEO, tv, 16, "SO_RCVTIMEO", "netlink");
            }
            writeAddr(0, groups);
            if (Native.LIBC.bind(fd, addr.ptr, SOCKADDR_NL) < 0) {
                throw Native.error("bind(AF_NETLINK groups 0x" + Integer.toHexString(groups) + ")");
            }
            addr.buf.putInt(12, SOCKADDR_NL);
            if (Native.LIBC.getsockname(fd, addr.ptr, addr.at(12)) < 0) {
                throw Native.error("getsockname(AF_NETLINK)");
            }
            this.portId = addr.buf.getInt(4);
        } catch (ErrnoException e) {
            Native.close(fd);
            throw e;
        }
    }

    private void writeAddr(int pid, int groups) {
        addr.clear(0, 16);
        addr.buf.putShort(0, (short) Sys.AF_NETLINK);
        addr.buf.putInt(4, pid);
        addr.buf.putInt(8, groups);
    }

    int fd() {
        return fd;
    }

    int portId() {
        return portId;
    }

    void send(NativeBuffer msg, int len, String what) throws ErrnoException {
        writeAddr(0, 0);
        long n = Native.retryingEintr(() -> Native.LIBC.sendto(fd, msg.ptr, len, 0, addr.ptr, SOCKADDR_NL));
        if (n < 0) {
            throw Native.error("sendto(netlink) " + what);
        }
    }

    /**
     * Receives one datagram (possibly several messages) into {@code into} at 0.
     *
     * @return its length, or -1 on EAGAIN (non-blocking socket empty, or request timeout)
     */
    int receive(NativeBuffer into) throws ErrnoException {
        long n = Native.retryingEintr(
                () -> Native.LIBC.recvfrom(fd, into.ptr, into.capacity(), Sys.MSG_TRUNC, null, null));
        if (n < 0) {
            int e = Native.errno();
            if (e == Errno.EAGAIN) {
                return -1;
            }
            throw new ErrnoException("recvfrom(netlink)", e);
        }
        if (n > into.capacity()) {
            throw new ErrnoException("recvfrom(netlink): message of " + n + " bytes truncated", Errno.EMSGSIZE);
        }
        return (int) n;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Native.close(fd);
        }
    }
}
