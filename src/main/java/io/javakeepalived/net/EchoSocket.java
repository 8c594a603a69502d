package io.javakeepalived.net;

import io.javakeepalived.util.AddressText;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One family's ICMP echo socket: an unprivileged ping socket (SOCK_DGRAM, IPPROTO_ICMP or
 * ICMPV6) when net.ipv4.ping_group_range admits our group, else a raw socket (root or
 * CAP_NET_RAW). keepalived widens ping_group_range to get the first; we do not touch the
 * sysctl and fall back instead.
 *
 * <p>The source address and interface of each request travel in an IP_PKTINFO / IPV6_PKTINFO
 * control message, so one socket serves requests from any source. Sending is called by
 * {@link IcmpEchoPort} under its lock, receiving by its thread only; each has its own buffers.
 */
final class EchoSocket implements AutoCloseable {
    private static final int IPPROTO_ICMP = 1;
    private static final int IP_PKTINFO = 8;
    private static final int IN_PKTINFO_LEN = 12;
    private static final int IN6_PKTINFO_LEN = 20;
    private static final int SOL_RAW = 255;
    private static final int ICMP_FILTER = 1;
    private static final int ICMP6_FILTER = 1;

    /** msghdr at 0, iovec at 64, sockaddr at 96, control at 128, the packet at 256. */
    private static final int IOV = 64;
    private static final int NAME = 96;
    private static final int CONTROL = 128;
    private static final int DATA = 256;
    private static final int RECEIVE_MAX = 256;
    /**
     * Checks that fall due together send their requests in one go, and the replies come back
     * before the thread that sent them reads again: the default receive buffer (208 KiB, 832
     * bytes of kernel memory a reply on a veth) holds 256 of them, the rest are dropped and their
     * checks time out. 1 MiB holds some 1,260.
     */
    private static final int RECEIVE_BUFFER = 1 << 20;

    final boolean ipv6;
    final boolean raw;
    private final int fd;
    /** Our echo identifier on a raw socket; -1 on a ping socket, where the kernel sets and checks it. */
    private final int identifier;

    private final NativeBuffer sendMsg = new NativeBuffer(512);
    private final MsgHdr sendHdr = new MsgHdr(sendMsg.ptr);
    private final MsgHdr.IoVec sendIov = new MsgHdr.IoVec(sendMsg.at(IOV));
    private final MsgHdr.CmsgHdr sendPktInfo = new MsgHdr.CmsgHdr(sendMsg.at(CONTROL));
    private final NativeBuffer recvBuf = new NativeBuffer(RECEIVE_MAX + 64);
    /** The sender's sockaddr at 0, its length (socklen_t) at 32. */
    private final NativeBuffer recvName = new NativeBuffer(64);

    /** {@link #receive} found nothing waiting. */
    static final int DRAINED = -2;

    private EchoSocket(boolean ipv6, boolean raw, int fd) {
        this.ipv6 = ipv6;
        this.raw = raw;
        this.fd = fd;
        this.identifier = raw ? ThreadLocalRandom.current().nextInt(0x10000) : -1;
        sendHdr.name.set(sendMsg.at(NAME));
        sendHdr.iov.set(sendMsg.at(IOV));
        sendHdr.iovlen.set(1);
        sendHdr.control.set(sendMsg.at(CONTROL));
        sendIov.base.set(sendMsg.at(DATA));
    }

    /** Opens the socket in the calling thread's network namespace. */
    static EchoSocket open(boolean ipv6) throws ErrnoException {
        int family = ipv6 ? Sys.AF_INET6 : Sys.AF_INET;
        int protocol = ipv6 ? Sys.IPPROTO_ICMPV6 : IPPROTO_ICMP;
        String what = ipv6 ? "ICMPv6" : "ICMP";
        int fd = Native.LIBC.socket(family, Sys.SOCK_DGRAM | Sys.SOCK_NONBLOCK | Sys.SOCK_CLOEXEC, protocol);
        if (fd >= 0) {
            try {
                Native.setReceiveBuffer(fd, RECEIVE_BUFFER, what + " ping");
            } catch (ErrnoException ex) {
                Native.close(fd);
                throw ex;
            }
            return new EchoSocket(ipv6, false, fd);
        }
        int e = Native.errno();
        if (e != Errno.EACCES && e != Errno.EPERM && e != Errno.EPROTONOSUPPORT) {
            throw new ErrnoException("socket(" + what + " ping)", e);
        }
        fd = Native.socket(family, Sys.SOCK_RAW | Sys.SOCK_NONBLOCK, protocol, "socket(" + what + " raw)");
        try {
            passOnlyEchoReplies(fd, ipv6);
            Native.setReceiveBuffer(fd, RECEIVE_BUFFER, what + " raw");
        } catch (ErrnoException ex) {
            Native.close(fd);
            throw ex;
        }
        return new EchoSocket(ipv6, true, fd);
    }

    /**
     * A raw socket sees every ICMP message the host receives (neighbour discovery, others' pings):
     * a kernel filter keeps all but echo replies from waking the receive thread.
     */
    private static void passOnlyEchoReplies(int fd, boolean ipv6) throws ErrnoException {
        if (ipv6) {
            // struct icmp6_filter: 256 bits, a set bit blocks that type
            NativeBuffer f = Native.Scratch.get();
            for (int i = 0; i < 8; i++) {
                f.buf.putInt(i * 4, -1);
            }
            int reply = EchoPacket.ECHO_REPLY_V6;
            f.buf.putInt((reply >> 5) * 4, ~(1 << (reply & 31)));
            Native.setBytes(fd, Sys.IPPROTO_ICMPV6, ICMP6_FILTER, f, 32, "ICMP6_FILTER", "ICMPv6 raw socket");
        } else {
            // a 32-bit mask over types 0..31, a set bit blocks that type
            Native.setInt(fd, SOL_RAW, ICMP_FILTER, ~(1 << EchoPacket.ECHO_REPLY_V4), "ICMP_FILTER",
                    "ICMP raw socket");
        }
    }

    int fd() {
        return fd;
    }

    /**
     * Sends echo request {@code sequence} to {@code target}, from {@code source} (null: the
     * kernel's choice) out of {@code ifindex} (0: any).
     */
    void send(int sequence, byte[] target, byte[] source, int ifindex) throws ErrnoException {
        int len = EchoPacket.writeRequest(sendMsg.buf.slice(DATA, EchoPacket.LENGTH), ipv6,
                Math.max(identifier, 0), sequence);
        sendIov.len.set(len);
        sendHdr.namelen.set(SockAddr.write(sendMsg, NAME, target, SockAddr.needsScope(target) ? ifindex : 0));
        int data = CONTROL + MsgHdr.CmsgHdr.DATA;
        if (source == null && ifindex == 0) {
            sendHdr.controllen.set(0);
        } else if (ipv6) {
            // struct in6_pktinfo { in6_addr ipi6_addr; int ipi6_ifindex }
            sendMsg.clear(CONTROL, CONTROL + 64);
            sendPktInfo.len.set(MsgHdr.CmsgHdr.DATA + IN6_PKTINFO_LEN);
            sendPktInfo.level.set(Sys.IPPROTO_IPV6);
            sendPktInfo.type.set(Sys.IPV6_PKTINFO);
            putAddress(data, source);
            sendMsg.buf.putInt(data + 16, ifindex);
            sendHdr.controllen.set(MsgHdr.CmsgHdr.space(MsgHdr.CmsgHdr.DATA + IN6_PKTINFO_LEN));
        } else {
            // struct in_pktinfo { int ipi_ifindex; in_addr ipi_spec_dst (our source); in_addr ipi_addr }
            sendMsg.clear(CONTROL, CONTROL + 64);
            sendPktInfo.len.set(MsgHdr.CmsgHdr.DATA + IN_PKTINFO_LEN);
            sendPktInfo.level.set(Sys.IPPROTO_IP);
            sendPktInfo.type.set(IP_PKTINFO);
            sendMsg.buf.putInt(data, ifindex);
            putAddress(data + 4, source);
            sendHdr.controllen.set(MsgHdr.CmsgHdr.space(MsgHdr.CmsgHdr.DATA + IN_PKTINFO_LEN));
        }
        sendHdr.flags.set(0);
        long n = Native.retryingEintr(() -> Native.LIBC.sendmsg(fd, sendMsg.ptr, 0));
        if (n < 0) {
            throw Native.error("sendmsg(" + (ipv6 ? "ICMPv6" : "ICMP") + " echo to " + text(target) + ")");
        }
    }

    /**
     * Reads one datagram: returns the sequence number of an echo reply meant for us (its sender's
     * address copied into {@code from}), {@link EchoPacket#NOT_A_REPLY} for anything else, or
     * {@link #DRAINED} when nothing is waiting.
     */
    int receive(byte[] from) throws ErrnoException {
        NativeBuffer name = recvName;
        name.buf.putInt(32, 32);
        long n = Native.retryingEintr(() -> Native.LIBC.recvfrom(fd, recvBuf.ptr, RECEIVE_MAX, 0, name.ptr,
                name.at(32)));
        if (n < 0) {
            int e = Native.errno();
            if (e == Errno.EAGAIN) {
                return DRAINED;
            }
            // an ICMP error queued on a ping socket (the kernel's report of an unreachable
            // target) surfaces here; it names no request, so the request's timeout decides
            return EchoPacket.NOT_A_REPLY;
        }
        int at = ipv6 ? 8 : 4;
        for (int i = 0; i < from.length; i++) {
            from[i] = name.buf.get(at + i);
        }
        return EchoPacket.replySequence(recvBuf.buf, (int) n, ipv6, raw && !ipv6, identifier);
    }

    private static String text(byte[] address) {
        try {
            return AddressText.ntop(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            return "?";
        }
    }

    private void putAddress(int at, byte[] address) {
        if (address == null) {
            return; // zeros: INADDR_ANY / in6addr_any, the kernel picks
        }
        for (int i = 0; i < address.length; i++) {
            sendMsg.buf.put(at + i, address[i]);
        }
    }

    @Override
    public void close() {
        Native.close(fd);
    }
}
