package io.javakeepalived.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes route and rule requests (RTM_NEWROUTE / RTM_DELROUTE, RTM_NEWRULE / RTM_DELRULE) and
 * decodes what a dump reports, beside {@link RtnlCodec}, whose framing it uses. Pure. The
 * attributes go in the order keepalived 2.2.7 sends them, so a capture of either reads the same.
 *
 * <pre>
 * struct rtmsg        { u8 family, dst_len, src_len, tos, table, protocol, scope, type; u32 flags; } 12 bytes
 * struct fib_rule_hdr { u8 family, dst_len, src_len, tos, table, res1, res2, action; u32 flags; } 12 bytes
 * struct rtnexthop    { u16 len; u8 flags; u8 hops; i32 ifindex; } 8 bytes, then its attributes
 * </pre>
 */
final class RouteCodec {
    private RouteCodec() {}

    static final int RTM_NEWROUTE = 24;
    static final int RTM_DELROUTE = 25;
    static final int RTM_GETROUTE = 26;
    static final int RTM_NEWRULE = 32;
    static final int RTM_DELRULE = 33;
    static final int RTM_GETRULE = 34;

    static final int NLM_F_APPEND = 0x800;
    static final int HEADER = 12;

    static final int RTA_DST = 1;
    static final int RTA_SRC = 2;
    static final int RTA_OIF = 4;
    static final int RTA_GATEWAY = 5;
    static final int RTA_PRIORITY = 6;
    static final int RTA_PREFSRC = 7;
    static final int RTA_METRICS = 8;
    static final int RTA_MULTIPATH = 9;
    static final int RTA_FLOW = 11;
    static final int RTA_TABLE = 15;
    static final int RTA_VIA = 18;
    static final int RTA_PREF = 20;
    static final int RTA_EXPIRES = 23;
    static final int RTA_TTL_PROPAGATE = 26;
    static final int RTAX_CC_ALGO = 16;

    static final int FRA_DST = 1;
    static final int FRA_SRC = 2;
    static final int FRA_IFNAME = 3;
    static final int FRA_GOTO = 4;
    static final int FRA_PRIORITY = 6;
    static final int FRA_FWMARK = 10;
    static final int FRA_FLOW = 11;
    static final int FRA_TUN_ID = 12;
    static final int FRA_SUPPRESS_IFGROUP = 13;
    static final int FRA_SUPPRESS_PREFIXLEN = 14;
    static final int FRA_TABLE = 15;
    static final int FRA_FWMASK = 16;
    static final int FRA_OIFNAME = 17;
    static final int FRA_L3MDEV = 19;
    static final int FRA_UID_RANGE = 20;
    static final int FRA_PROTOCOL = 21;
    static final int FRA_IP_PROTO = 22;
    static final int FRA_SPORT_RANGE = 23;
    static final int FRA_DPORT_RANGE = 24;
    static final int FIB_RULE_INVERT = 0x2;

    /** An interface's index by name, looked up as the request is built. */
    interface IfIndex {
        int of(String name) throws java.io.IOException;
    }

    /** An interface's name by index, for what a dump reports; null if unknown. */
    interface IfName {
        String of(int index);
    }

    // ---------------------------------------------------------------- routes

    /**
     * RTM_NEWROUTE or RTM_DELROUTE with NLM_F_ACK for {@code r}. An add carries NLM_F_CREATE and
     * the route's {@link IpRoute.Placement}; a delete carries the whole route too (the kernel
     * matches the protocol, so only our route goes) with scope NOWHERE, which matches any scope.
     *
     * @return the message length
     */
    static int encodeRoute(ByteBuffer b, int off, boolean add, int seq, IpRoute r, IfIndex ifindex)
            throws java.io.IOException {
        int flags = RtnlCodec.NLM_F_REQUEST | RtnlCodec.NLM_F_ACK;
        if (add) {
            flags |= RtnlCodec.NLM_F_CREATE | switch (r.placement()) {
                case PREPEND -> 0;
                case APPEND -> NLM_F_APPEND;
                case EXCLUSIVE -> RtnlCodec.NLM_F_EXCL;
            };
        }
        int p = RtnlCodec.begin(b, off, add ? RTM_NEWROUTE : RTM_DELROUTE, flags, seq);
        b.put(p, (byte) family(r.ipv6()));
        b.put(p + 1, (byte) r.destination().length());
        b.put(p + 2, (byte) (r.from() == null ? 0 : r.from().length()));
        b.put(p + 3, (byte) r.tos());
        b.put(p + 4, (byte) (r.table() < 256 ? r.table() : 0));
        b.put(p + 5, (byte) r.protocol());
        b.put(p + 6, (byte) (add ? r.scope() : IpRoute.SCOPE_NOWHERE));
        b.put(p + 7, (byte) r.type());
        b.putInt(p + 8, r.flags());
        p += HEADER;
        if (r.table() >= 256) {
            p = RtnlCodec.putU32(b, p, RTA_TABLE, (int) r.table());
        }
        if (r.destination().length() > 0) {
            p = RtnlCodec.putAttr(b, p, RTA_DST, r.destination().address().getAddress());
        }
        if (r.from() != null) {
            p = RtnlCodec.putAttr(b, p, RTA_SRC, r.from().address().getAddress());
        }
        if (r.preferredSource() != null) {
            p = RtnlCodec.putAttr(b, p, RTA_PREFSRC, r.preferredSource().getAddress());
        }
        if (r.gateway() != null) {
            p = putGateway(b, p, r.ipv6(), r.gateway());
        }
        if (r.device() != null) {
            p = RtnlCodec.putU32(b, p, RTA_OIF, ifindex.of(r.device()));
        }
        if (r.metric() >= 0) {
            p = RtnlCodec.putU32(b, p, RTA_PRIORITY, (int) r.metric());
        }
        if (r.realms() != 0) {
            p = RtnlCodec.putU32(b, p, RTA_FLOW, r.realms());
        }
        if (r.expires() >= 0) {
            p = RtnlCodec.putU32(b, p, RTA_EXPIRES, (int) r.expires());
        }
        if (r.pref() >= 0) {
            p = RtnlCodec.putU8(b, p, RTA_PREF, r.pref());
        }
        if (r.ttlPropagate() >= 0) {
            p = RtnlCodec.putU8(b, p, RTA_TTL_PROPAGATE, r.ttlPropagate());
        }
        p = putMetrics(b, p, r);
        if (!r.nexthops().isEmpty()) {
            p = putNexthops(b, p, r, ifindex);
        }
        return RtnlCodec.end(b, off, p);
    }

    /** RTA_GATEWAY, or RTA_VIA (struct rtvia: u16 family + address) for a gateway of the other family. */
    private static int putGateway(ByteBuffer b, int p, boolean ipv6, InetAddress gw) {
        byte[] a = gw.getAddress();
        if ((gw instanceof Inet6Address) == ipv6) {
            return RtnlCodec.putAttr(b, p, RTA_GATEWAY, a);
        }
        byte[] via = new byte[2 + a.length];
        ByteBuffer.wrap(via).order(b.order()).putShort((short) family(gw instanceof Inet6Address)).put(a);
        return RtnlCodec.putAttr(b, p, RTA_VIA, via);
    }

    /** RTA_METRICS: the RTAX_* values in keepalived's order, the lock bits last; nothing when empty. */
    private static int putMetrics(ByteBuffer b, int p, IpRoute r) {
        if (r.metrics().isEmpty() && r.congestionControl() == null) {
            return p;
        }
        int start = p;
        p += 4;
        if (r.congestionControl() != null) {
            // keepalived sends the name without its NUL, as iproute2 does
            p = RtnlCodec.putAttr(b, p, RTAX_CC_ALGO, r.congestionControl().getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
        }
        Map<Integer, Long> m = new TreeMap<>(r.metrics());
        Long lock = m.remove(IpRoute.RTAX_LOCK);
        for (int rtax : METRIC_ORDER) {
            Long v = m.remove(rtax);
            if (v != null) {
                p = RtnlCodec.putU32(b, p, rtax, v.intValue());
            }
        }
        for (Map.Entry<Integer, Long> e : m.entrySet()) {
            p = RtnlCodec.putU32(b, p, e.getKey(), e.getValue().intValue());
        }
        if (lock != null) {
            p = RtnlCodec.putU32(b, p, IpRoute.RTAX_LOCK, lock.intValue());
        }
        b.putShort(start, (short) (p - start));
        b.putShort(start + 2, (short) RTA_METRICS);
        return p;
    }

    /** keepalived's netlink_route() order of the metrics. */
    private static final int[] METRIC_ORDER = {IpRoute.RTAX_RTT, IpRoute.RTAX_RTTVAR, IpRoute.RTAX_RTO_MIN,
            IpRoute.RTAX_FEATURES, IpRoute.RTAX_MTU, IpRoute.RTAX_WINDOW, IpRoute.RTAX_SSTHRESH, IpRoute.RTAX_CWND,
            IpRoute.RTAX_ADVMSS, IpRoute.RTAX_REORDERING, IpRoute.RTAX_HOPLIMIT, IpRoute.RTAX_INITCWND,
            IpRoute.RTAX_INITRWND, IpRoute.RTAX_QUICKACK, IpRoute.RTAX_FASTOPEN_NO_COOKIE};

    private static int putNexthops(ByteBuffer b, int p, IpRoute r, IfIndex ifindex) throws java.io.IOException {
        int start = p;
        p += 4;
        for (IpRoute.Nexthop n : r.nexthops()) {
            int nh = p;
            p += 8;
            if (n.gateway() != null) {
                p = putGateway(b, p, r.ipv6(), n.gateway());
            }
            if (n.realms() != 0) {
                p = RtnlCodec.putU32(b, p, RTA_FLOW, n.realms());
            }
            b.putShort(nh, (short) (p - nh));
            b.put(nh + 2, (byte) n.flags());
            b.put(nh + 3, (byte) (n.weight() - 1));
            b.putInt(nh + 4, n.device() == null ? 0 : ifindex.of(n.device()));
        }
        b.putShort(start, (short) (p - start));
        b.putShort(start + 2, (short) RTA_MULTIPATH);
        return p;
    }

    /**
     * Decodes RTM_NEWROUTE at {@code off}: what identifies the route (family, destination, source,
     * tos, table, protocol, scope, type, metric, gateway, device, preferred source). Metrics and
     * the paths of a multipath route are not read. Null for families other than IPv4/IPv6.
     */
    static IpRoute decodeRoute(ByteBuffer b, int off, IfName names) {
        int len = RtnlCodec.msgLen(b, off);
        int p = off + RtnlCodec.NLMSG_HDRLEN;
        int family = b.get(p) & 0xff;
        if (family != Sys.AF_INET && family != Sys.AF_INET6) {
            return null;
        }
        boolean v6 = family == Sys.AF_INET6;
        int dstLen = b.get(p + 1) & 0xff;
        int srcLen = b.get(p + 2) & 0xff;
        int tos = b.get(p + 3) & 0xff;
        long table = b.get(p + 4) & 0xff;
        int protocol = b.get(p + 5) & 0xff;
        int scope = b.get(p + 6) & 0xff;
        int type = b.get(p + 7) & 0xff;
        int flags = b.getInt(p + 8);
        InetAddress dst = null;
        InetAddress src = null;
        InetAddress gateway = null;
        InetAddress prefsrc = null;
        String device = null;
        long metric = -1;
        for (NlaCursor c = new NlaCursor(b, p + HEADER, off + len); c.next(); ) {
            int d = c.dataOffset();
            switch (c.type()) {
                case RTA_DST -> dst = address(b, d, c.dataLength());
                case RTA_SRC -> src = address(b, d, c.dataLength());
                case RTA_GATEWAY -> gateway = address(b, d, c.dataLength());
                case RTA_PREFSRC -> prefsrc = address(b, d, c.dataLength());
                case RTA_OIF -> device = names.of(b.getInt(d));
                case RTA_PRIORITY -> metric = b.getInt(d) & 0xffffffffL;
                case RTA_TABLE -> table = b.getInt(d) & 0xffffffffL;
                default -> { }
            }
        }
        IpRoute.Prefix destination = new IpRoute.Prefix(dst != null ? dst : any(v6), dst != null ? dstLen : 0);
        IpRoute.Prefix from = src == null ? null : new IpRoute.Prefix(src, srcLen);
        // the kernel reports RTNH_F_* state flags (linkdown, offload ...): keep only what a request may say
        return new IpRoute(v6, type, table, protocol, scope, destination, from, tos, metric, gateway, prefsrc,
                device, flags & IpRoute.RTNH_F_ONLINK, 0, Map.of(), null, -1, -1, -1, List.of(),
                IpRoute.Placement.PREPEND);
    }

    // ---------------------------------------------------------------- rules

    /**
     * RTM_NEWRULE (NLM_F_CREATE | NLM_F_EXCL, as keepalived) or RTM_DELRULE with NLM_F_ACK. A
     * delete carries the whole rule; the kernel deletes the one rule all of it matches.
     *
     * @return the message length
     */
    static int encodeRule(ByteBuffer b, int off, boolean add, int seq, IpRule r) {
        int flags = RtnlCodec.NLM_F_REQUEST | RtnlCodec.NLM_F_ACK
                | (add ? RtnlCodec.NLM_F_CREATE | RtnlCodec.NLM_F_EXCL : 0);
        int p = RtnlCodec.begin(b, off, add ? RTM_NEWRULE : RTM_DELRULE, flags, seq);
        boolean toTable = r.action() == IpRule.ACTION_TABLE && !r.l3mdev();
        long table = toTable ? (r.table() == 0 ? IpRoute.TABLE_MAIN : r.table()) : 0;
        b.put(p, (byte) family(r.ipv6()));
        b.put(p + 1, (byte) (r.to() == null ? 0 : r.to().length()));
        b.put(p + 2, (byte) (r.from() == null ? 0 : r.from().length()));
        b.put(p + 3, (byte) r.tos());
        b.put(p + 4, (byte) (table < 256 ? table : 0));
        b.put(p + 5, (byte) 0);
        b.put(p + 6, (byte) 0);
        b.put(p + 7, (byte) r.action());
        b.putInt(p + 8, r.invert() ? FIB_RULE_INVERT : 0);
        p += HEADER;
        if (table >= 256) {
            p = RtnlCodec.putU32(b, p, FRA_TABLE, (int) table);
        }
        if (r.from() != null) {
            p = RtnlCodec.putAttr(b, p, FRA_SRC, r.from().address().getAddress());
        }
        if (r.to() != null) {
            p = RtnlCodec.putAttr(b, p, FRA_DST, r.to().address().getAddress());
        }
        p = RtnlCodec.putU32(b, p, FRA_PRIORITY, (int) r.priority());
        if (r.fwmark() >= 0) {
            p = RtnlCodec.putU32(b, p, FRA_FWMARK, (int) r.fwmark());
        }
        if (r.fwmask() >= 0) {
            p = RtnlCodec.putU32(b, p, FRA_FWMASK, (int) r.fwmask());
        }
        if (r.realms() != 0) {
            p = RtnlCodec.putU32(b, p, FRA_FLOW, r.realms());
        }
        if (r.suppressPrefixLength() >= 0) {
            p = RtnlCodec.putU32(b, p, FRA_SUPPRESS_PREFIXLEN, r.suppressPrefixLength());
        }
        if (r.suppressIfGroup() >= 0) {
            p = RtnlCodec.putU32(b, p, FRA_SUPPRESS_IFGROUP, (int) r.suppressIfGroup());
        }
        if (r.inputInterface() != null) {
            p = RtnlCodec.putString(b, p, FRA_IFNAME, r.inputInterface());
        }
        if (r.outputInterface() != null) {
            p = RtnlCodec.putString(b, p, FRA_OIFNAME, r.outputInterface());
        }
        if (r.tunnelId() != 0) {
            p = RtnlCodec.putAttr(b, p, FRA_TUN_ID, ByteBuffer.allocate(8).putLong(r.tunnelId()).array());
        }
        if (r.uidRange() != null) {
            p = putRange(b, p, FRA_UID_RANGE, r.uidRange(), 4);
        }
        if (r.l3mdev()) {
            p = RtnlCodec.putU8(b, p, FRA_L3MDEV, 1);
        }
        if (r.protocol() >= 0) {
            p = RtnlCodec.putU8(b, p, FRA_PROTOCOL, r.protocol());
        }
        if (r.ipProto() >= 0) {
            p = RtnlCodec.putU8(b, p, FRA_IP_PROTO, r.ipProto());
        }
        if (r.sourcePorts() != null) {
            p = putRange(b, p, FRA_SPORT_RANGE, r.sourcePorts(), 2);
        }
        if (r.destinationPorts() != null) {
            p = putRange(b, p, FRA_DPORT_RANGE, r.destinationPorts(), 2);
        }
        if (r.action() == IpRule.ACTION_GOTO) {
            p = RtnlCodec.putU32(b, p, FRA_GOTO, (int) r.gotoTarget());
        }
        return RtnlCodec.end(b, off, p);
    }

    private static int putRange(ByteBuffer b, int p, int type, IpRule.Range r, int width) {
        ByteBuffer v = ByteBuffer.allocate(2 * width).order(b.order());
        if (width == 2) {
            v.putShort((short) r.start()).putShort((short) r.end());
        } else {
            v.putInt((int) r.start()).putInt((int) r.end());
        }
        return RtnlCodec.putAttr(b, p, type, v.array());
    }

    /**
     * Decodes RTM_NEWRULE at {@code off}: family, selectors, tos, table, action, priority, fwmark,
     * interfaces, goto target, protocol and l3mdev. Null for families other than IPv4/IPv6.
     */
    static IpRule decodeRule(ByteBuffer b, int off) {
        int len = RtnlCodec.msgLen(b, off);
        int p = off + RtnlCodec.NLMSG_HDRLEN;
        int family = b.get(p) & 0xff;
        if (family != Sys.AF_INET && family != Sys.AF_INET6) {
            return null;
        }
        int dstLen = b.get(p + 1) & 0xff;
        int srcLen = b.get(p + 2) & 0xff;
        int tos = b.get(p + 3) & 0xff;
        long table = b.get(p + 4) & 0xff;
        int action = b.get(p + 7) & 0xff;
        boolean invert = (b.getInt(p + 8) & FIB_RULE_INVERT) != 0;
        IpRoute.Prefix from = null;
        IpRoute.Prefix to = null;
        long priority = 0;
        long fwmark = -1;
        long fwmask = -1;
        String iif = null;
        String oif = null;
        long gotoTarget = -1;
        int protocol = -1;
        boolean l3mdev = false;
        for (NlaCursor c = new NlaCursor(b, p + HEADER, off + len); c.next(); ) {
            int d = c.dataOffset();
            int dl = c.dataLength();
            switch (c.type()) {
                case FRA_SRC -> from = new IpRoute.Prefix(address(b, d, dl), srcLen);
                case FRA_DST -> to = new IpRoute.Prefix(address(b, d, dl), dstLen);
                case FRA_PRIORITY -> priority = b.getInt(d) & 0xffffffffL;
                case FRA_TABLE -> table = b.getInt(d) & 0xffffffffL;
                case FRA_FWMARK -> fwmark = b.getInt(d) & 0xffffffffL;
                case FRA_FWMASK -> fwmask = b.getInt(d) & 0xffffffffL;
                case FRA_IFNAME -> iif = RtnlCodec.cString(b, d, dl);
                case FRA_OIFNAME -> oif = RtnlCodec.cString(b, d, dl);
                case FRA_GOTO -> gotoTarget = b.getInt(d) & 0xffffffffL;
                case FRA_PROTOCOL -> protocol = b.get(d) & 0xff;
                case FRA_L3MDEV -> l3mdev = b.get(d) != 0;
                default -> { }
            }
        }
        return new IpRule(family == Sys.AF_INET6, action, table, priority, from, to, invert, tos, fwmark, fwmask, 0,
                -1, -1, iif, oif, gotoTarget, protocol, l3mdev, 0, null, -1, null, null);
    }

    // ---------------------------------------------------------------- common

    /** RTM_GETROUTE / RTM_GETRULE dump request for every family and table. */
    static int encodeDump(ByteBuffer b, int off, int type, int seq) {
        int p = RtnlCodec.begin(b, off, type, RtnlCodec.NLM_F_REQUEST | RtnlCodec.NLM_F_DUMP, seq);
        for (int i = 0; i < HEADER; i++) {
            b.put(p + i, (byte) 0);
        }
        return RtnlCodec.end(b, off, p + HEADER);
    }

    private static int family(boolean ipv6) {
        return ipv6 ? Sys.AF_INET6 : Sys.AF_INET;
    }

    private static InetAddress any(boolean ipv6) {
        return RtnlCodec.inet(new byte[ipv6 ? 16 : 4]);
    }

    private static InetAddress address(ByteBuffer b, int off, int len) {
        byte[] r = new byte[len];
        b.get(off, r);
        return RtnlCodec.inet(r);
    }
}
