package io.javakeepalived.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Encodes the IPVS family's generic-netlink requests and decodes its replies
 * (include/uapi/linux/ip_vs.h). Pure. Attributes go in libipvs's order and sizes (the order
 * keepalived and ipvsadm send them in): an address is always the 16 bytes of
 * {@code union nf_inet_addr}, ports are big-endian, an IPv4 persistence netmask goes as its four
 * mask bytes and an IPv6 one as a host-order prefix length, the service flags with an all-ones
 * mask; nested attributes carry no NLA_F_NESTED bit (the kernel parses these without it, and
 * libnl does not set it).
 */
final class IpvsCodec {
    private IpvsCodec() {}

    static final String FAMILY_NAME = "IPVS";
    static final int VERSION = 1;

    static final int CMD_ATTR_SERVICE = 1;
    static final int CMD_ATTR_DEST = 2;
    static final int CMD_ATTR_DAEMON = 3;
    static final int CMD_ATTR_TIMEOUT_TCP = 4;
    static final int CMD_ATTR_TIMEOUT_TCP_FIN = 5;
    static final int CMD_ATTR_TIMEOUT_UDP = 6;

    static final int SVC_ATTR_AF = 1;
    static final int SVC_ATTR_PROTOCOL = 2;
    static final int SVC_ATTR_ADDR = 3;
    static final int SVC_ATTR_PORT = 4;
    static final int SVC_ATTR_FWMARK = 5;
    static final int SVC_ATTR_SCHED_NAME = 6;
    static final int SVC_ATTR_FLAGS = 7;
    static final int SVC_ATTR_TIMEOUT = 8;
    static final int SVC_ATTR_NETMASK = 9;
    static final int SVC_ATTR_PE_NAME = 11;

    static final int DAEMON_ATTR_STATE = 1;
    static final int DAEMON_ATTR_MCAST_IFN = 2;
    static final int DAEMON_ATTR_SYNC_ID = 3;
    static final int DAEMON_ATTR_SYNC_MAXLEN = 4;
    static final int DAEMON_ATTR_MCAST_GROUP = 5;
    static final int DAEMON_ATTR_MCAST_GROUP6 = 6;
    static final int DAEMON_ATTR_MCAST_PORT = 7;
    static final int DAEMON_ATTR_MCAST_TTL = 8;

    static final int DEST_ATTR_ADDR = 1;
    static final int DEST_ATTR_PORT = 2;
    static final int DEST_ATTR_FWD_METHOD = 3;
    static final int DEST_ATTR_WEIGHT = 4;
    static final int DEST_ATTR_U_THRESH = 5;
    static final int DEST_ATTR_L_THRESH = 6;
    static final int DEST_ATTR_ADDR_FAMILY = 11;
    static final int DEST_ATTR_TUN_TYPE = 13;
    static final int DEST_ATTR_TUN_PORT = 14;
    static final int DEST_ATTR_TUN_FLAGS = 15;

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int ADDR_LEN = 16;
    private static final int REQUEST_ACK = RtnlCodec.NLM_F_REQUEST | RtnlCodec.NLM_F_ACK;

    // ---------------------------------------------------------------- encoding

    /** NEW/SET/DEL_SERVICE for {@code s}. */
    static int encodeService(ByteBuffer b, int off, int family, int seq, IpvsCommand cmd, IpvsService s) {
        int p = GenlCodec.begin(b, off, family, REQUEST_ACK, seq, cmd.genl(), VERSION);
        p = putService(b, p, s.key(), s);
        return finish(b, off, p);
    }

    /** NEW/SET/DEL_DEST of {@code d} in {@code s}. */
    static int encodeDest(ByteBuffer b, int off, int family, int seq, IpvsCommand cmd, IpvsService s, IpvsDest d) {
        int p = GenlCodec.begin(b, off, family, REQUEST_ACK, seq, cmd.genl(), VERSION);
        p = putService(b, p, s.key(), s);
        p = putDest(b, p, d);
        return finish(b, off, p);
    }

    /**
     * NEW_DAEMON (start: state, interface, syncid, then the optional settings that are set) or
     * DEL_DAEMON (stop: state and syncid), as libipvs sends them. Port and length go in host
     * order (the kernel reads them with nla_get_u16), the group as its address bytes.
     */
    static int encodeDaemon(ByteBuffer b, int off, int family, int seq, IpvsCommand cmd, IpvsSyncDaemon d) {
        int p = GenlCodec.begin(b, off, family, REQUEST_ACK, seq, cmd.genl(), VERSION);
        int start = p;
        p += 4;
        p = RtnlCodec.putU32(b, p, DAEMON_ATTR_STATE, d.role().kernelState());
        if (cmd == IpvsCommand.START_DAEMON) {
            p = RtnlCodec.putString(b, p, DAEMON_ATTR_MCAST_IFN, d.interfaceName());
        }
        p = RtnlCodec.putU32(b, p, DAEMON_ATTR_SYNC_ID, d.syncId());
        if (cmd == IpvsCommand.START_DAEMON) {
            if (d.maxLength() != 0) {
                p = putU16(b, p, DAEMON_ATTR_SYNC_MAXLEN, d.maxLength());
            }
            if (d.port() != 0) {
                p = putU16(b, p, DAEMON_ATTR_MCAST_PORT, d.port());
            }
            if (d.ttl() != 0) {
                p = RtnlCodec.putU8(b, p, DAEMON_ATTR_MCAST_TTL, d.ttl());
            }
            if (d.group().isPresent()) {
                InetAddress g = d.group().get();
                p = RtnlCodec.putAttr(b, p, g instanceof Inet6Address ? DAEMON_ATTR_MCAST_GROUP6
                        : DAEMON_ATTR_MCAST_GROUP, g.getAddress());
            }
        }
        p = endNested(b, start, CMD_ATTR_DAEMON, p);
        return finish(b, off, p);
    }

    /** FLUSH or GET_CONFIG: a command without attributes. */
    static int encodeBare(ByteBuffer b, int off, int family, int seq, IpvsCommand cmd) {
        int p = GenlCodec.begin(b, off, family, REQUEST_ACK, seq, cmd.genl(), VERSION);
        return finish(b, off, p);
    }

    /** SET_CONFIG with the three timeouts. */
    static int encodeSetTimeouts(ByteBuffer b, int off, int family, int seq, IpvsTimeouts t) {
        int p = GenlCodec.begin(b, off, family, REQUEST_ACK, seq, IpvsCommand.SET_TIMEOUT.genl(), VERSION);
        p = RtnlCodec.putU32(b, p, CMD_ATTR_TIMEOUT_TCP, t.tcp());
        p = RtnlCodec.putU32(b, p, CMD_ATTR_TIMEOUT_TCP_FIN, t.tcpFin());
        p = RtnlCodec.putU32(b, p, CMD_ATTR_TIMEOUT_UDP, t.udp());
        return finish(b, off, p);
    }

    /** GET_SERVICE as a dump of every service. */
    static int encodeDumpServices(ByteBuffer b, int off, int family, int seq) {
        int p = GenlCodec.begin(b, off, family, RtnlCodec.NLM_F_REQUEST | RtnlCodec.NLM_F_DUMP, seq,
                IpvsCommand.GET_SERVICES.genl(), VERSION);
        return finish(b, off, p);
    }

    /** GET_DEST as a dump of the dests of the service {@code key} (the key alone names it). */
    static int encodeDumpDests(ByteBuffer b, int off, int family, int seq, IpvsServiceKey key) {
        int p = GenlCodec.begin(b, off, family, RtnlCodec.NLM_F_REQUEST | RtnlCodec.NLM_F_DUMP, seq,
                IpvsCommand.GET_DESTS.genl(), VERSION);
        p = putService(b, p, key, null);
        return finish(b, off, p);
    }

    private static int finish(ByteBuffer b, int off, int p) {
        RtnlCodec.end(b, off, p);
        return p - off;
    }

    /** IPVS_CMD_ATTR_SERVICE: the key, then (when {@code s} is given) scheduler and persistence. */
    private static int putService(ByteBuffer b, int p, IpvsServiceKey key, IpvsService s) {
        int start = p;
        p += 4;
        p = putU16(b, p, SVC_ATTR_AF, key.ipv6() ? AF_INET6 : AF_INET);
        if (key.isFwmark()) {
            p = RtnlCodec.putU32(b, p, SVC_ATTR_FWMARK, (int) key.fwmark());
        } else {
            p = putU16(b, p, SVC_ATTR_PROTOCOL, key.protocol());
            p = RtnlCodec.putAttr(b, p, SVC_ATTR_ADDR, address(key.address()));
            p = putBe16(b, p, SVC_ATTR_PORT, key.port());
        }
        if (s != null) {
            p = RtnlCodec.putString(b, p, SVC_ATTR_SCHED_NAME, s.scheduler());
            if (!s.persistenceEngine().isEmpty()) {
                p = RtnlCodec.putString(b, p, SVC_ATTR_PE_NAME, s.persistenceEngine());
            }
            b.putShort(p, (short) 12);
            b.putShort(p + 2, (short) SVC_ATTR_FLAGS);
            b.putInt(p + 4, s.flags());
            b.putInt(p + 8, 0xffffffff);
            p += 12;
            p = RtnlCodec.putU32(b, p, SVC_ATTR_TIMEOUT, s.timeout());
            p = RtnlCodec.putU32(b, p, SVC_ATTR_NETMASK, netmaskWire(key.ipv6(), s.netmask()));
        }
        return endNested(b, start, CMD_ATTR_SERVICE, p);
    }

    /** IPVS_CMD_ATTR_DEST. */
    private static int putDest(ByteBuffer b, int p, IpvsDest d) {
        int start = p;
        p += 4;
        p = putU16(b, p, DEST_ATTR_ADDR_FAMILY, d.address() instanceof Inet6Address ? AF_INET6 : AF_INET);
        p = RtnlCodec.putAttr(b, p, DEST_ATTR_ADDR, address(d.address()));
        p = putBe16(b, p, DEST_ATTR_PORT, d.port());
        p = RtnlCodec.putU32(b, p, DEST_ATTR_FWD_METHOD, d.forwarding());
        p = RtnlCodec.putU32(b, p, DEST_ATTR_WEIGHT, d.weight());
        if (d.forwarding() == IpvsDest.TUNNEL) {
            p = RtnlCodec.putU8(b, p, DEST_ATTR_TUN_TYPE, d.tunnelType());
            if (d.tunnelType() == IpvsDest.TUN_GUE) {
                p = putBe16(b, p, DEST_ATTR_TUN_PORT, d.tunnelPort());
            }
            if (d.tunnelType() != IpvsDest.TUN_IPIP) {
                p = putU16(b, p, DEST_ATTR_TUN_FLAGS, d.tunnelFlags());
            }
        }
        p = RtnlCodec.putU32(b, p, DEST_ATTR_U_THRESH, (int) d.upperThreshold());
        p = RtnlCodec.putU32(b, p, DEST_ATTR_L_THRESH, (int) d.lowerThreshold());
        return endNested(b, start, CMD_ATTR_DEST, p);
    }

    private static int endNested(ByteBuffer b, int start, int type, int end) {
        b.putShort(start, (short) (end - start));
        b.putShort(start + 2, (short) type);
        return end;
    }

    private static int putU16(ByteBuffer b, int p, int type, int v) {
        b.putShort(p, (short) 6);
        b.putShort(p + 2, (short) type);
        b.putShort(p + 4, (short) v);
        b.putShort(p + 6, (short) 0);
        return p + 8;
    }

    private static int putBe16(ByteBuffer b, int p, int type, int v) {
        return putU16(b, p, type, Short.reverseBytes((short) v) & 0xffff);
    }

    private static byte[] address(InetAddress a) {
        return Arrays.copyOf(a.getAddress(), ADDR_LEN);
    }

    /** The u32 as it goes on the wire: an IPv4 mask as its bytes in network order, IPv6 a prefix length. */
    private static int netmaskWire(boolean ipv6, int netmask) {
        return ipv6 ? netmask : Integer.reverseBytes(netmask);
    }

    // ---------------------------------------------------------------- decoding

    /** The service of a GET_SERVICE dump reply at {@code off}, or null if it has none of a known family. */
    static IpvsService decodeService(ByteBuffer b, int off) {
        int end = off + RtnlCodec.msgLen(b, off);
        for (NlaCursor c = new NlaCursor(b, GenlCodec.attributes(off), end); c.next(); ) {
            if (c.type() == CMD_ATTR_SERVICE) {
                return serviceAttributes(b, c.dataOffset(), c.dataOffset() + c.dataLength());
            }
        }
        return null;
    }

    private static IpvsService serviceAttributes(ByteBuffer b, int from, int to) {
        int af = 0;
        int protocol = 0;
        int port = 0;
        long fwmark = 0;
        int flags = 0;
        int timeout = 0;
        int netmask = 0;
        byte[] addr = null;
        String sched = "";
        String pe = "";
        for (NlaCursor c = new NlaCursor(b, from, to); c.next(); ) {
            int d = c.dataOffset();
            switch (c.type()) {
                case SVC_ATTR_AF -> af = b.getShort(d) & 0xffff;
                case SVC_ATTR_PROTOCOL -> protocol = b.getShort(d) & 0xffff;
                case SVC_ATTR_ADDR -> addr = bytes(b, d, Math.min(c.dataLength(), ADDR_LEN));
                case SVC_ATTR_PORT -> port = be16(b, d);
                case SVC_ATTR_FWMARK -> fwmark = b.getInt(d) & 0xffffffffL;
                case SVC_ATTR_SCHED_NAME -> sched = RtnlCodec.cString(b, d, c.dataLength());
                case SVC_ATTR_PE_NAME -> pe = RtnlCodec.cString(b, d, c.dataLength());
                case SVC_ATTR_FLAGS -> flags = b.getInt(d);
                case SVC_ATTR_TIMEOUT -> timeout = b.getInt(d);
                case SVC_ATTR_NETMASK -> netmask = b.getInt(d);
                default -> { }
            }
        }
        if (af != AF_INET && af != AF_INET6) {
            return null;
        }
        boolean v6 = af == AF_INET6;
        IpvsServiceKey key = fwmark != 0 ? IpvsServiceKey.fwmark(fwmark, v6)
                : IpvsServiceKey.of(protocol, inet(v6, addr), port);
        return new IpvsService(key, sched, flags, timeout, netmaskWire(v6, netmask), pe);
    }

    /** The dest of a GET_DEST dump reply at {@code off}; {@code ipv6}: the service's family (older kernels send no dest family). */
    static IpvsDest decodeDest(ByteBuffer b, int off, boolean ipv6) {
        int end = off + RtnlCodec.msgLen(b, off);
        for (NlaCursor c = new NlaCursor(b, GenlCodec.attributes(off), end); c.next(); ) {
            if (c.type() == CMD_ATTR_DEST) {
                return destAttributes(b, c.dataOffset(), c.dataOffset() + c.dataLength(), ipv6);
            }
        }
        return null;
    }

    private static IpvsDest destAttributes(ByteBuffer b, int from, int to, boolean serviceV6) {
        int af = serviceV6 ? AF_INET6 : AF_INET;
        byte[] addr = null;
        int port = 0;
        int fwd = 0;
        int weight = 0;
        long upper = 0;
        long lower = 0;
        int tunType = 0;
        int tunPort = 0;
        int tunFlags = 0;
        for (NlaCursor c = new NlaCursor(b, from, to); c.next(); ) {
            int d = c.dataOffset();
            switch (c.type()) {
                case DEST_ATTR_ADDR_FAMILY -> af = b.getShort(d) & 0xffff;
                case DEST_ATTR_ADDR -> addr = bytes(b, d, Math.min(c.dataLength(), ADDR_LEN));
                case DEST_ATTR_PORT -> port = be16(b, d);
                case DEST_ATTR_FWD_METHOD -> fwd = b.getInt(d) & 0x7;
                case DEST_ATTR_WEIGHT -> weight = b.getInt(d);
                case DEST_ATTR_U_THRESH -> upper = b.getInt(d) & 0xffffffffL;
                case DEST_ATTR_L_THRESH -> lower = b.getInt(d) & 0xffffffffL;
                case DEST_ATTR_TUN_TYPE -> tunType = b.get(d) & 0xff;
                case DEST_ATTR_TUN_PORT -> tunPort = be16(b, d);
                case DEST_ATTR_TUN_FLAGS -> tunFlags = b.getShort(d) & 0xffff;
                default -> { }
            }
        }
        if (addr == null) {
            return null;
        }
        return new IpvsDest(inet(af == AF_INET6, addr), port, fwd, weight, upper, lower, tunType, tunPort, tunFlags);
    }

    /** The timeouts of a GET_CONFIG reply at {@code off}. */
    static IpvsTimeouts decodeTimeouts(ByteBuffer b, int off) {
        int end = off + RtnlCodec.msgLen(b, off);
        int tcp = 0;
        int fin = 0;
        int udp = 0;
        for (NlaCursor c = new NlaCursor(b, GenlCodec.attributes(off), end); c.next(); ) {
            switch (c.type()) {
                case CMD_ATTR_TIMEOUT_TCP -> tcp = b.getInt(c.dataOffset());
                case CMD_ATTR_TIMEOUT_TCP_FIN -> fin = b.getInt(c.dataOffset());
                case CMD_ATTR_TIMEOUT_UDP -> udp = b.getInt(c.dataOffset());
                default -> { }
            }
        }
        return new IpvsTimeouts(tcp, fin, udp);
    }

    private static int be16(ByteBuffer b, int d) {
        return Short.reverseBytes(b.getShort(d)) & 0xffff;
    }

    private static byte[] bytes(ByteBuffer b, int off, int len) {
        byte[] r = new byte[len];
        b.get(off, r);
        return r;
    }

    private static InetAddress inet(boolean v6, byte[] raw) {
        byte[] a = Arrays.copyOf(raw == null ? new byte[0] : raw, v6 ? 16 : 4);
        return RtnlCodec.inet(a);
    }
}
