package io.javakeepalived.net;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Kernel link and address events: a non-blocking NETLINK_ROUTE socket subscribed to RTMGRP_LINK,
 * RTMGRP_IPV4_IFADDR and RTMGRP_IPV6_IFADDR, separate from {@link Rtnetlink}'s request socket so
 * events never mix with replies. Poll {@link #fd()}, then {@link #drain}. Owned by one thread.
 *
 * <p>If the kernel had to drop events (receive queue full, ENOBUFS), {@link NetlinkEvent.Overrun}
 * is delivered: the owner must re-read links and addresses.
 */
public final class RtnetlinkMonitor implements LinkMonitor {
    private static final int RECEIVE_BUFFER = 1 << 20;

    private final NetlinkSocket sock;
    private final NativeBuffer rx = new NativeBuffer(NetlinkSocket.BUFFER);

    private RtnetlinkMonitor(NetlinkSocket sock) {
        this.sock = sock;
    }

    /** Subscribes to link, IPv4 address and IPv6 address events in the calling thread's namespace. */
    public static RtnetlinkMonitor open() throws ErrnoException {
        int groups = RtnlCodec.RTMGRP_LINK | RtnlCodec.RTMGRP_IPV4_IFADDR | RtnlCodec.RTMGRP_IPV6_IFADDR;
        return new RtnetlinkMonitor(new NetlinkSocket(groups, true, RECEIVE_BUFFER, 0));
    }

    public int fd() {
        return sock.fd();
    }

    /**
     * Reads every queued event and hands each to {@code sink}; returns how many were delivered.
     * Never blocks.
     */
    public int drain(Consumer<NetlinkEvent> sink) throws ErrnoException {
        int count = 0;
        while (true) {
            int n;
            try {
                n = sock.receive(rx);
            } catch (ErrnoException e) {
                if (e.errno() == Errno.ENOBUFS) {
                    sink.accept(new NetlinkEvent.Overrun());
                    count++;
                    continue;
                }
                throw e;
            }
            if (n < 0) {
                return count;
            }
            count += parse(rx.buf, n, sink);
        }
    }

    /** Decodes the messages of one datagram. */
    static int parse(ByteBuffer b, int n, Consumer<NetlinkEvent> sink) {
        int count = 0;
        for (int off = 0; off + RtnlCodec.NLMSG_HDRLEN <= n; ) {
            int mlen = RtnlCodec.msgLen(b, off);
            if (mlen < RtnlCodec.NLMSG_HDRLEN || off + mlen > n) {
                break;
            }
            NetlinkEvent e = decode(b, off);
            if (e != null) {
                sink.accept(e);
                count++;
            }
            off += RtnlCodec.align(mlen);
        }
        return count;
    }

    static NetlinkEvent decode(ByteBuffer b, int off) {
        switch (RtnlCodec.msgType(b, off)) {
            case RtnlCodec.RTM_NEWLINK, RtnlCodec.RTM_DELLINK -> {
                return new NetlinkEvent.Link(RtnlCodec.msgType(b, off) == RtnlCodec.RTM_DELLINK, RtnlCodec.decodeLink(b, off));
            }
            case RtnlCodec.RTM_NEWADDR, RtnlCodec.RTM_DELADDR -> {
                InterfaceAddress a = RtnlCodec.decodeAddress(b, off);
                return a == null ? null : new NetlinkEvent.Address(RtnlCodec.msgType(b, off) == RtnlCodec.RTM_DELADDR, a);
            }
            case RtnlCodec.NLMSG_OVERRUN -> {
                return new NetlinkEvent.Overrun();
            }
            default -> {
                return null;
            }
        }
    }

    @Override
    public void close() {
        sock.close();
    }
}
