package io.javakeepalived.net;

import io.javakeepalived.util.AddressText;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import jnr.ffi.Pointer;

/**
 * {@link VrrpSocket} over two raw IP sockets for protocol 112 (or 51), set up as keepalived's
 * {@code open_vrrp_send_socket()} / {@code open_vrrp_read_socket()} do:
 *
 * <ul>
 * <li>send side: IP_MULTICAST_ALL=0; IPv4 IP_HDRINCL (we write the header, so the source address,
 *   TOS 0xc0, TTL and identification are ours); IPv6 IPV6_CHECKSUM=6 (kernel computes the VRRP
 *   checksum), IPV6_MULTICAST_HOPS=255, IPV6_TCLASS=0xc0; SO_BINDTODEVICE; for multicast
 *   IP(V6)_MULTICAST_IF and IP(V6)_MULTICAST_LOOP=0 (we never hear our own adverts); a BPF filter
 *   that accepts nothing, since nobody reads this socket.</li>
 * <li>receive side: IP_MULTICAST_ALL=0 (only groups this socket joined); multicast: SO_BINDTODEVICE,
 *   join the group on the interface, bind to the group address (no unicast packets); unicast: bind
 *   to the local address; IPv6 IPV6_CHECKSUM=6 (kernel drops bad checksums), IPV6_RECVHOPLIMIT
 *   and IPV6_RECVPKTINFO.</li>
 * </ul>
 * Both are non-blocking and close-on-exec. Buffers are allocated once; send and receive do not allocate
 * (apart from {@link InetAddress#getAddress()} when the caller passes a different address object).
 */
public final class RawVrrpSocket implements VrrpSocket {
    private static final int MAX_PACKET = 8192;
    private static final int MSGHDR = 56;
    private static final int CONTROL_LEN = 128;
    private static final int IN6_PKTINFO_LEN = 20;

    private final VrrpSocketOptions opts;
    private final int ifindex;
    private final String subject;
    private final int sendFd;
    private final int recvFd;

    private final NativeBuffer sendBuf = new NativeBuffer(MAX_PACKET);
    private final NativeBuffer recvBuf = new NativeBuffer(MAX_PACKET);
    /** msghdr at 0, iovec at 64, sockaddr at 96, control at 128. */
    private final NativeBuffer sendMsg = new NativeBuffer(256 + CONTROL_LEN);
    private final NativeBuffer recvMsg = new NativeBuffer(256 + CONTROL_LEN);
    private static final int IOV = 64;
    private static final int NAME = 96;
    private static final int CONTROL = 128;
    /** The second control message of an IPv6 send: CMSG_SPACE(sizeof(struct in6_pktinfo)) = 40 after the first. */
    private static final int CONTROL_HOPLIMIT = CONTROL + MsgHdr.CmsgHdr.space(MsgHdr.CmsgHdr.DATA + IN6_PKTINFO_LEN);
    private final MsgHdr sendHdr = new MsgHdr(sendMsg.ptr);
    private final MsgHdr.IoVec sendIov = new MsgHdr.IoVec(sendMsg.at(IOV));
    private final MsgHdr.CmsgHdr sendPktInfo = new MsgHdr.CmsgHdr(sendMsg.at(CONTROL));
    private final MsgHdr.CmsgHdr sendHopLimit = new MsgHdr.CmsgHdr(sendMsg.at(CONTROL_HOPLIMIT));
    private final MsgHdr recvHdr = new MsgHdr(recvMsg.ptr);
    private final MsgHdr.IoVec recvIov = new MsgHdr.IoVec(recvMsg.at(IOV));
    private final PacketInfo received = new PacketInfo();
    /** Made once, like the buffers: an advert sent allocates nothing (issue 14). */
    private final Pointer sendName = sendMsg.at(NAME);
    private final byte[] sendDestination = new byte[4];

    private int nextIpId = 1;
    private InetAddress lastSource;
    private byte[] lastSourceBytes;
    private InetAddress lastDestination;
    private byte[] lastDestinationBytes;
    private boolean closed;

    private RawVrrpSocket(VrrpSocketOptions opts, int ifindex, int sendFd, int recvFd) {
        this.opts = opts;
        this.ifindex = ifindex;
        this.subject = opts.interfaceName();
        this.sendFd = sendFd;
        this.recvFd = recvFd;
    }

    /** Opens both sockets in the calling thread's network namespace. */
    public static RawVrrpSocket open(VrrpSocketOptions o) throws ErrnoException {
        int ifindex = NetInterfaces.indexOf(o.interfaceName());
        int family = o.ipv6() ? Sys.AF_INET6 : Sys.AF_INET;
        String fam = o.ipv6() ? "IPv6" : "IPv4";
        int send = -1;
        int recv = -1;
        try {
            send = Native.socket(family, Sys.SOCK_RAW | Sys.SOCK_NONBLOCK, o.protocol(),
                    "socket(" + fam + " raw proto " + o.protocol() + ") for " + o.interfaceName());
            setUpSend(send, o, ifindex);
            recv = Native.socket(family, Sys.SOCK_RAW | Sys.SOCK_NONBLOCK, o.protocol(),
                    "socket(" + fam + " raw proto " + o.protocol() + ") for " + o.interfaceName());
            setUpReceive(recv, o, ifindex);
            RawVrrpSocket s = new RawVrrpSocket(o, ifindex, send, recv);
            s.prepareMessages();
            return s;
        } catch (ErrnoException | RuntimeException e) {
            Native.close(send);
            Native.close(recv);
            throw e;
        }
    }

    private static void setUpSend(int fd, VrrpSocketOptions o, int ifindex) throws ErrnoException {
        String ifn = o.interfaceName();
        if (o.ipv6()) {
            Native.setInt(fd, Sys.IPPROTO_IPV6, Sys.IPV6_MULTICAST_ALL, 0, "IPV6_MULTICAST_ALL", ifn);
            Native.setInt(fd, Sys.IPPROTO_IPV6, Sys.IPV6_CHECKSUM, 6, "IPV6_CHECKSUM", ifn);
            Native.setInt(fd, Sys.IPPROTO_IPV6, Sys.IPV6_MULTICAST_HOPS, 255, "IPV6_MULTICAST_HOPS", ifn);
            Native.setInt(fd, Sys.IPPROTO_IPV6, Sys.IPV6_UNICAST_HOPS, 255, "IPV6_UNICAST_HOPS", ifn);
            Native.setInt(fd, Sys.IPPROTO_IPV6, Sys.IPV6_TCLASS, Ipv4Header.TOS_NETWORK_CONTROL, "IPV6_TCLASS", ifn);
        } else {
            Native.setInt(fd, Sys.IPPROTO_IP, Sys.IP_MULTICAST_ALL, 0, "IP_MULTICAST_ALL", ifn);
            Native.setInt(fd, Sys.IPPROTO_IP, Sys.IP_HDRINCL, 1, "IP_HDRINCL", ifn);
            Native.setInt(fd, Sys.IPPROTO_IP, Sys.IP_TOS, Ipv4Header.TOS_NETWORK_CONTROL, "IP_TOS", ifn);
        }
        bindToDevice(fd, ifn);
        if (o.isMulticast()) {
            NativeBuffer b = Native.Scratch.get();
            if (o.ipv6()) {
                Native.setInt(fd, Sys.IPPROTO_IPV6, Sys.IPV6_MULTICAST_IF, ifindex, "IPV6_MULTICAST_IF", ifn);
                Native.setInt(fd, Sys.IPPROTO_IPV6, Sys.IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP", ifn);
            } else {
                b.clear(0, 12);  // struct ip_mreqn { imr_multiaddr, imr_address, imr_ifindex }
                b.buf.putInt(8, ifindex);
                Native.setBytes(fd, Sys.IPPROTO_IP, Sys.IP_MULTICAST_IF, b, 12, "IP_MULTICAST_IF", ifn);
                Native.setInt(fd, Sys.IPPROTO_IP, Sys.IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP", ifn);
            }
        }
        attachDropAllFilter(fd, ifn);
    }

    private static void setUpReceive(int fd, VrrpSocketOptions o, int ifindex) throws ErrnoException {
        String ifn = o.interfaceName();
        if (o.receiveBufferSize() > 0) {
            Native.setInt(fd, Sys.SOL_SOCKET, Sys.SO_RCVBUF, o.receiveBufferSize(), "SO_RCVBUF", ifn);
        }
        if (o.ipv6()) {
            Native.setInt(fd, Sys.IPPROTO_IPV6, Sys.IPV6_MULTICAST_ALL, 0, "IPV6_MULTICAST_ALL", ifn);
        } else {
            Native.setInt(fd, Sys.IPPROTO_IP, Sys.IP_MULTICAST_ALL, 0, "IP_MULTICAST_ALL", ifn);
        }
        NativeBuffer b = Native.Scratch.get();
        if (o.isMulticast()) {
            bindToDevice(fd, ifn);
            byte[] g = o.multicastGroup().getAddress();
            String what = AddressText.ntop(o.multicastGroup()) + " on " + ifn;
            if (o.ipv6()) {
                b.clear(0, 20);  // struct ipv6_mreq { in6_addr; int ifindex }
                for (int i = 0; i < 16; i++) {
                    b.buf.put(i, g[i]);
                }
                b.buf.putInt(16, ifindex);
                Native.setBytes(fd, Sys.IPPROTO_IPV6, Sys.IPV6_ADD_MEMBERSHIP, b, 20, "IPV6_ADD_MEMBERSHIP", what);
            } else {
                b.clear(0, 12);
                for (int i = 0; i < 4; i++) {
                    b.buf.put(i, g[i]);
                }
                b.buf.putInt(8, ifindex);
                Native.setBytes(fd, Sys.IPPROTO_IP, Sys.IP_ADD_MEMBERSHIP, b, 12, "IP_ADD_MEMBERSHIP", what);
            }
            int len = SockAddr.write(b, 0, g, SockAddr.needsScope(g) ? ifindex : 0);
            if (Native.LIBC.bind(fd, b.ptr, len) < 0) {
                throw Native.error("bind(" + AddressText.ntop(o.multicastGroup()) + ") on " + ifn);
            }
        } else {
            byte[] l = o.unicastLocal().getAddress();
            int len = SockAddr.write(b, 0, l, SockAddr.needsScope(l) ? ifindex : 0);
            if (Native.LIBC.bind(fd, b.ptr, len) < 0) {
                throw Native.error("bind(" + AddressText.ntop(o.unicastLocal()) + ") on " + ifn);
            }
        }
        if (o.ipv6()) {
            Native.setInt(fd, Sys.IPPROTO_IPV6, Sys.IPV6_CHECKSUM, 6, "IPV6_CHECKSUM", ifn);
            Native.setInt(fd, Sys.IPPROTO_IPV6, Sys.IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT", ifn);
            Native.setInt(fd, Sys.IPPROTO_IPV6, Sys.IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO", ifn);
        }
    }

    private static void bindToDevice(int fd, String ifname) throws ErrnoException {
        NativeBuffer b = Native.Scratch.get();
        byte[] n = ifname.getBytes(StandardCharsets.US_ASCII);
        b.clear(0, NetInterfaces.IFNAMSIZ);
        for (int i = 0; i < n.length; i++) {
            b.buf.put(i, n[i]);
        }
        Native.setBytes(fd, Sys.SOL_SOCKET, Sys.SO_BINDTODEVICE, b, n.length + 1, "SO_BINDTODEVICE", ifname);
    }

    /** Classic BPF program "ret #0": the kernel queues nothing to the send socket. */
    private static void attachDropAllFilter(int fd, String ifname) throws ErrnoException {
        NativeBuffer b = new NativeBuffer(32);
        b.buf.putShort(16, (short) 0x06);  // BPF_RET | BPF_K
        b.buf.put(18, (byte) 0);
        b.buf.put(19, (byte) 0);
        b.buf.putInt(20, 0);
        b.buf.putShort(0, (short) 1);      // struct sock_fprog { unsigned short len; struct sock_filter *filter; }
        b.buf.putLong(8, b.address() + 16);
        Native.setBytes(fd, Sys.SOL_SOCKET, Sys.SO_ATTACH_FILTER, b, 16, "SO_ATTACH_FILTER", ifname);
    }

    /** Fills the parts of the msghdrs that never change (pointers into our own buffers). */
    private void prepareMessages() {
        sendHdr.name.set(sendMsg.at(NAME));
        sendHdr.iov.set(sendMsg.at(IOV));
        sendHdr.iovlen.set(1);
        sendHdr.control.set(sendMsg.at(CONTROL));
        sendIov.base.set(sendBuf.ptr);
        recvHdr.name.set(recvMsg.at(NAME));
        recvHdr.iov.set(recvMsg.at(IOV));
        recvHdr.iovlen.set(1);
        recvHdr.control.set(recvMsg.at(CONTROL));
        recvIov.base.set(recvBuf.ptr);
    }

    @Override
    public int fd() {
        return recvFd;
    }

    @Override
    public boolean isIpv6() {
        return opts.ipv6();
    }

    @Override
    public String interfaceName() {
        return opts.interfaceName();
    }

    @Override
    public int interfaceIndex() {
        return ifindex;
    }

    public VrrpSocketOptions options() {
        return opts;
    }

    @Override
    public void send(ByteBuffer vrrp, InetAddress source, InetAddress destination, int ttl) throws IOException {
        ensureOpen();
        if (ttl < 1 || ttl > 255) {
            throw new IllegalArgumentException("ttl " + ttl);
        }
        byte[] src = sourceBytes(source);
        byte[] dst = destinationBytes(destination);
        int len = vrrp.remaining();
        if (opts.ipv6()) {
            if (src.length != 16 || dst.length != 16) {
                throw new IllegalArgumentException("IPv6 socket needs IPv6 addresses");
            }
            if (len > MAX_PACKET) {
                throw new IllegalArgumentException("VRRP message too long: " + len);
            }
            sendBuf.buf.put(0, vrrp, vrrp.position(), len);
            sendIpv6(len, src, dst, ttl);
        } else {
            if (src.length != 4 || dst.length != 4) {
                throw new IllegalArgumentException("IPv4 socket needs IPv4 addresses");
            }
            if (len + Ipv4Header.LENGTH > MAX_PACKET) {
                throw new IllegalArgumentException("VRRP message too long: " + len);
            }
            int id = nextIpId;
            nextIpId = id == 0xffff ? 1 : id + 1;
            Ipv4Header.write(sendBuf.buf, 0, Ipv4Header.TOS_NETWORK_CONTROL, id, ttl, opts.protocol(), src, dst, len);
            sendBuf.buf.put(Ipv4Header.LENGTH, vrrp, vrrp.position(), len);
            sendIpv4(Ipv4Header.LENGTH + len, dst);
        }
    }

    @Override
    public void sendIpv4Datagram(ByteBuffer datagram) throws IOException {
        ensureOpen();
        if (opts.ipv6()) {
            throw new UnsupportedOperationException("IPv6 socket");
        }
        int len = datagram.remaining();
        if (len < Ipv4Header.LENGTH || len > MAX_PACKET) {
            throw new IllegalArgumentException("bad IPv4 datagram length " + len);
        }
        sendBuf.buf.put(0, datagram, datagram.position(), len);
        sendBuf.buf.get(16, sendDestination);
        sendIpv4(len, sendDestination);
    }

    private void sendIpv4(int len, byte[] dst) throws ErrnoException {
        int nameLen = SockAddr.write(sendMsg, NAME, dst, 0);
        if (Native.sendto(sendFd, sendBuf.ptr, len, sendName, nameLen) < 0) {
            throw Native.error("sendto(" + addressText(dst) + ") on " + subject);
        }
    }

    private void sendIpv6(int len, byte[] src, byte[] dst, int hopLimit) throws ErrnoException {
        int nameLen = SockAddr.write(sendMsg, NAME, dst, SockAddr.needsScope(dst) ? ifindex : 0);
        sendHdr.namelen.set(nameLen);
        sendIov.len.set(len);
        // cmsg 1: IPV6_PKTINFO { in6_addr src; int ifindex } — CMSG_SPACE(20) = 40
        sendMsg.clear(CONTROL, CONTROL + 64);
        sendPktInfo.len.set(MsgHdr.CmsgHdr.DATA + IN6_PKTINFO_LEN);
        sendPktInfo.level.set(Sys.IPPROTO_IPV6);
        sendPktInfo.type.set(Sys.IPV6_PKTINFO);
        int data = CONTROL + MsgHdr.CmsgHdr.DATA;
        for (int i = 0; i < 16; i++) {
            sendMsg.buf.put(data + i, src[i]);
        }
        sendMsg.buf.putInt(data + 16, ifindex);
        // cmsg 2: IPV6_HOPLIMIT int — CMSG_SPACE(4) = 24
        sendHopLimit.len.set(MsgHdr.CmsgHdr.DATA + 4);
        sendHopLimit.level.set(Sys.IPPROTO_IPV6);
        sendHopLimit.type.set(Sys.IPV6_HOPLIMIT);
        sendMsg.buf.putInt(CONTROL_HOPLIMIT + MsgHdr.CmsgHdr.DATA, hopLimit);
        sendHdr.controllen.set(64);
        sendHdr.flags.set(0);
        if (Native.sendmsg(sendFd, sendMsg.ptr, 0) < 0) {
            throw Native.error("sendmsg(" + addressText(src) + " > " + addressText(dst) + ") on " + subject);
        }
    }

    @Override
    public ReceivedPacketInfo receive(ByteBuffer into) throws IOException {
        PacketInfo info = received;
        ensureOpen();
        recvHdr.namelen.set(32);
        recvIov.len.set(MAX_PACKET);
        recvHdr.controllen.set(opts.ipv6() ? CONTROL_LEN : 0);
        recvHdr.flags.set(0);
        long n = Native.recvmsg(recvFd, recvMsg.ptr, Sys.MSG_TRUNC);
        if (n < 0) {
            int e = Native.errno();
            if (e == Errno.EAGAIN) {
                return null;
            }
            throw new ErrnoException("recvmsg on " + subject, e);
        }
        int real = (int) n;
        int got = Math.min(real, MAX_PACKET);
        int copy = Math.min(got, into.capacity());
        into.clear();
        into.put(0, recvBuf.buf, 0, copy);
        into.limit(copy);
        info.ipv6 = opts.ipv6();
        info.length = copy;
        info.receivedLength = real;
        info.ttl = -1;
        info.ifindex = 0;
        if (opts.ipv6()) {
            info.ipHeaderLength = 0;
            info.ipTotalLength = 0;
            for (int i = 0; i < 16; i++) {
                info.source[i] = recvMsg.buf.get(NAME + 8 + i);
                info.destination[i] = 0;
            }
            parseControl(info);
        } else {
            if (got < Ipv4Header.LENGTH) {
                info.ipHeaderLength = 0;
                info.ipTotalLength = 0;
                return info;
            }
            ByteBuffer p = recvBuf.buf;
            info.ipHeaderLength = (p.get(0) & 0x0f) * 4;
            info.ipTotalLength = Ipv4Header.getShort(p, 2);
            info.ttl = p.get(8) & 0xff;
            for (int i = 0; i < 4; i++) {
                info.source[i] = p.get(12 + i);
                info.destination[i] = p.get(16 + i);
            }
        }
        return info;
    }

    private void parseControl(PacketInfo info) {
        ByteBuffer b = recvMsg.buf;
        long controlLen = recvHdr.controllen.get();
        int off = CONTROL;
        int end = CONTROL + (int) Math.min(controlLen, CONTROL_LEN);
        int header = MsgHdr.CmsgHdr.DATA;
        while (off + header <= end) {
            int len = (int) b.getLong(off + MsgHdr.CmsgHdr.LEN_AT);
            if (len < header || off + len > end) {
                break;
            }
            int level = b.getInt(off + MsgHdr.CmsgHdr.LEVEL_AT);
            int type = b.getInt(off + MsgHdr.CmsgHdr.TYPE_AT);
            if (level == Sys.IPPROTO_IPV6 && type == Sys.IPV6_HOPLIMIT && len >= header + 4) {
                info.ttl = b.getInt(off + header);
            } else if (level == Sys.IPPROTO_IPV6 && type == Sys.IPV6_PKTINFO && len >= header + IN6_PKTINFO_LEN) {
                for (int i = 0; i < 16; i++) {
                    info.destination[i] = b.get(off + header + i);
                }
                info.ifindex = b.getInt(off + header + 16);
            }
            off += MsgHdr.CmsgHdr.space(len);
        }
    }

    private byte[] sourceBytes(InetAddress a) {
        if (a != lastSource) {
            lastSourceBytes = a.getAddress();
            lastSource = a;
        }
        return lastSourceBytes;
    }

    private byte[] destinationBytes(InetAddress a) {
        if (a != lastDestination) {
            lastDestinationBytes = a.getAddress();
            lastDestination = a;
        }
        return lastDestinationBytes;
    }

    private static String addressText(byte[] a) {
        try {
            return AddressText.ntop(InetAddress.getByAddress(a));
        } catch (java.net.UnknownHostException e) {
            return "?";
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("VRRP socket on " + subject + " is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Native.close(sendFd);
            Native.close(recvFd);
        }
    }

    @Override
    public String toString() {
        return "RawVrrpSocket[" + subject + (opts.ipv6() ? " IPv6 " : " IPv4 ")
                + (opts.isMulticast() ? opts.multicastGroup().getHostAddress() : "unicast " + opts.unicastLocal().getHostAddress())
                + " fd " + recvFd + "/" + sendFd + "]";
    }
}
