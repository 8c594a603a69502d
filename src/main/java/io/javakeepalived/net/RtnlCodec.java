package io.javakeepalived.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes rtnetlink requests and decodes replies and events. Pure: works on {@link ByteBuffer}s in
 * host byte order (little-endian here), with absolute offsets, no native calls.
 *
 * <pre>
 * struct nlmsghdr  { u32 len; u16 type; u16 flags; u32 seq; u32 pid; }          16 bytes
 * struct ifaddrmsg { u8 family; u8 prefixlen; u8 flags; u8 scope; u32 index; }   8 bytes
 * struct ifinfomsg { u8 family; u8 pad; u16 type; i32 index; u32 flags; u32 change; } 16 bytes
 * struct rtattr    { u16 len; u16 type; data…; } padded to 4 bytes
 * </pre>
 */
final class RtnlCodec {
    private RtnlCodec() {}

    static final int NLMSG_HDRLEN = 16;
    static final int NLMSG_NOOP = 1;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLMSG_OVERRUN = 4;

    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_MULTI = 0x2;
    static final int NLM_F_ACK = 0x4;
    static final int NLM_F_DUMP_INTR = 0x10;
    static final int NLM_F_DUMP = 0x300;
    static final int NLM_F_REPLACE = 0x100;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;
    static final int NLM_F_CAPPED = 0x100;
    static final int NLM_F_ACK_TLVS = 0x200;

    static final int RTM_NEWLINK = 16;
    static final int RTM_DELLINK = 17;
    static final int RTM_GETLINK = 18;
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int RTM_GETADDR = 22;

    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFA_LABEL = 3;
    static final int IFA_BROADCAST = 4;
    static final int IFA_CACHEINFO = 6;
    static final int IFA_FLAGS = 8;
    static final int IFA_PROTO = 11;

    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_MTU = 4;
    static final int IFLA_LINK = 5;
    static final int IFLA_MASTER = 10;
    static final int IFLA_OPERSTATE = 16;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_CARRIER = 33;
    static final int IFLA_INFO_KIND = 1;
    static final int IFLA_INFO_DATA = 2;
    static final int IFLA_MACVLAN_MODE = 1;
    static final int NLA_F_NESTED = 0x8000;

    static final int NLMSGERR_ATTR_MSG = 1;

    static final int RTMGRP_LINK = 0x1;
    static final int RTMGRP_IPV4_IFADDR = 0x10;
    static final int RTMGRP_IPV6_IFADDR = 0x100;

    static int align(int n) {
        return (n + 3) & ~3;
    }

    // ---------------------------------------------------------------- encoding

    /** Starts a message at {@code off}; returns the offset just past the header. Finish with {@link #end}. */
    static int begin(ByteBuffer b, int off, int type, int flags, int seq) {
        b.putInt(off, 0);
        b.putShort(off + 4, (short) type);
        b.putShort(off + 6, (short) flags);
        b.putInt(off + 8, seq);
        b.putInt(off + 12, 0);
        return off + NLMSG_HDRLEN;
    }

    /** Sets the length of the message that starts at {@code start} and ends at {@code end}; returns the length. */
    static int end(ByteBuffer b, int start, int end) {
        b.putInt(start, end - start);
        return end - start;
    }

    static int putAttr(ByteBuffer b, int off, int type, byte[] data) {
        int len = 4 + data.length;
        b.putShort(off, (short) len);
        b.putShort(off + 2, (short) type);
        for (int i = 0; i < data.length; i++) {
            b.put(off + 4 + i, data[i]);
        }
        for (int i = len; i < align(len); i++) {
            b.put(off + i, (byte) 0);
        }
        return off + align(len);
    }

    static int putU8(ByteBuffer b, int off, int type, int v) {
        return putAttr(b, off, type, new byte[] {(byte) v});
    }

    static int putU32(ByteBuffer b, int off, int type, int v) {
        b.putShort(off, (short) 8);
        b.putShort(off + 2, (short) type);
        b.putInt(off + 4, v);
        return off + 8;
    }

    static int putString(ByteBuffer b, int off, int type, String s) {
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        return putAttr(b, off, type, Arrays.copyOf(raw, raw.length + 1));
    }

    /** Opens a nested attribute; close it with {@link #endNested}. */
    static int beginNested(ByteBuffer b, int off, int type) {
        b.putShort(off + 2, (short) (type | NLA_F_NESTED));
        return off + 4;
    }

    static int endNested(ByteBuffer b, int start, int end) {
        b.putShort(start, (short) (end - start));
        return end;
    }

    /**
     * RTM_NEWADDR (NLM_F_CREATE | NLM_F_EXCL) or RTM_DELADDR with NLM_F_ACK for {@code a}.
     * Attributes: IFA_LOCAL and IFA_ADDRESS (both the address, as {@code ip addr add} sends them),
     * IFA_BROADCAST, IFA_LABEL, IFA_FLAGS (all 32 bits; the header keeps the low 8), IFA_PROTO.
     * Delete requests carry only what identifies the address.
     *
     * @return the message length
     */
    static int encodeAddress(ByteBuffer b, int off, boolean add, int seq, InterfaceAddress a) {
        int flags = NLM_F_REQUEST | NLM_F_ACK | (add ? NLM_F_CREATE | NLM_F_EXCL : 0);
        int p = begin(b, off, add ? RTM_NEWADDR : RTM_DELADDR, flags, seq);
        b.put(p, (byte) (a.isIpv6() ? Sys.AF_INET6 : Sys.AF_INET));
        b.put(p + 1, (byte) a.prefixLength());
        b.put(p + 2, (byte) (add ? a.flags() & 0xff : 0));
        b.put(p + 3, (byte) (add ? a.scope() : 0));
        b.putInt(p + 4, a.ifindex());
        p += 8;
        byte[] addr = a.address().getAddress();
        p = putAttr(b, p, IFA_LOCAL, addr);
        p = putAttr(b, p, IFA_ADDRESS, addr);
        if (add) {
            if (a.broadcast() != null) {
                p = putAttr(b, p, IFA_BROADCAST, a.broadcast().getAddress());
            }
            if (a.label() != null) {
                p = putString(b, p, IFA_LABEL, a.label());
            }
            if (a.flags() != 0) {
                p = putU32(b, p, IFA_FLAGS, a.flags());
            }
            if (a.proto() != 0) {
                p = putU8(b, p, IFA_PROTO, a.proto());
            }
            if (a.preferredLifetime() != InterfaceAddress.FOREVER) {
                p = putCacheInfo(b, p, a.preferredLifetime());
            }
        }
        return end(b, off, p);
    }

    /**
     * IFA_CACHEINFO (struct ifa_cacheinfo, host byte order): ifa_prefered as given, ifa_valid
     * forever, the time stamps 0 (the kernel fills them in), as {@code ip addr add ... preferred_lft}.
     */
    private static int putCacheInfo(ByteBuffer b, int off, long preferred) {
        ByteBuffer info = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        info.putInt(0, (int) preferred);
        info.putInt(4, (int) InterfaceAddress.FOREVER);
        return putAttr(b, off, IFA_CACHEINFO, info.array());
    }

    /** RTM_GETADDR or RTM_GETLINK dump request for {@code family} (AF_UNSPEC = 0 for all). */
    static int encodeDump(ByteBuffer b, int off, int type, int family, int seq) {
        int p = begin(b, off, type, NLM_F_REQUEST | NLM_F_DUMP, seq);
        int hdr = type == RTM_GETLINK ? 16 : 8;
        for (int i = 0; i < hdr; i++) {
            b.put(p + i, (byte) 0);
        }
        b.put(p, (byte) family);
        return end(b, off, p + hdr);
    }

    /** RTM_NEWLINK creating a macvlan {@code name} on {@code parentIndex} with {@code mac} (or kernel's) and {@code mode}. */
    static int encodeNewMacvlan(ByteBuffer b, int off, int seq, String name, int parentIndex, byte[] mac, int mode) {
        int p = begin(b, off, RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, seq);
        p = putIfinfo(b, p, 0, 0, 0);
        p = putString(b, p, IFLA_IFNAME, name);
        p = putU32(b, p, IFLA_LINK, parentIndex);
        if (mac != null) {
            p = putAttr(b, p, IFLA_ADDRESS, mac);
        }
        int li = p;
        p = beginNested(b, p, IFLA_LINKINFO);
        p = putString(b, p, IFLA_INFO_KIND, "macvlan");
        int data = p;
        p = beginNested(b, p, IFLA_INFO_DATA);
        p = putU32(b, p, IFLA_MACVLAN_MODE, mode);
        p = endNested(b, data, p);
        p = endNested(b, li, p);
        return end(b, off, p);
    }

    /** RTM_NEWLINK changing only IFF_UP of {@code index}. */
    static int encodeSetUp(ByteBuffer b, int off, int seq, int index, boolean up) {
        int p = begin(b, off, RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, seq);
        p = putIfinfo(b, p, index, up ? LinkInfo.IFF_UP : 0, LinkInfo.IFF_UP);
        return end(b, off, p);
    }

    static int encodeDelLink(ByteBuffer b, int off, int seq, int index) {
        int p = begin(b, off, RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK, seq);
        p = putIfinfo(b, p, index, 0, 0);
        return end(b, off, p);
    }

    private static int putIfinfo(ByteBuffer b, int p, int index, int flags, int change) {
        b.put(p, (byte) 0);
        b.put(p + 1, (byte) 0);
        b.putShort(p + 2, (short) 0);
        b.putInt(p + 4, index);
        b.putInt(p + 8, flags);
        b.putInt(p + 12, change);
        return p + 16;
    }

    // ---------------------------------------------------------------- decoding

    static int msgLen(ByteBuffer b, int off) {
        return b.getInt(off);
    }

    static int msgType(ByteBuffer b, int off) {
        return b.getShort(off + 4) & 0xffff;
    }

    static int msgFlags(ByteBuffer b, int off) {
        return b.getShort(off + 6) & 0xffff;
    }

    static int msgSeq(ByteBuffer b, int off) {
        return b.getInt(off + 8);
    }

    static int msgPid(ByteBuffer b, int off) {
        return b.getInt(off + 12);
    }

    /** NLMSG_ERROR: the (positive) errno, 0 for an ACK. */
    static int errorCode(ByteBuffer b, int off) {
        return -b.getInt(off + NLMSG_HDRLEN);
    }

    /** NLMSG_ERROR with extended ACK: the kernel's text (NLMSGERR_ATTR_MSG), or null. */
    static String extAckMessage(ByteBuffer b, int off) {
        int len = msgLen(b, off);
        if ((msgFlags(b, off) & NLM_F_ACK_TLVS) == 0) {
            return null;
        }
        int p = off + NLMSG_HDRLEN + 4;  // error code
        int origLen = b.getInt(p);
        p += (msgFlags(b, off) & NLM_F_CAPPED) != 0 ? NLMSG_HDRLEN : align(origLen);
        return stringAttribute(b, p, off + len, NLMSGERR_ATTR_MSG);
    }

    /** Decodes RTM_NEWADDR/RTM_DELADDR at {@code off}; null for families other than IPv4/IPv6. */
    static InterfaceAddress decodeAddress(ByteBuffer b, int off) {
        int len = msgLen(b, off);
        int p = off + NLMSG_HDRLEN;
        int family = b.get(p) & 0xff;
        if (family != Sys.AF_INET && family != Sys.AF_INET6) {
            return null;
        }
        int prefix = b.get(p + 1) & 0xff;
        int flags = b.get(p + 2) & 0xff;
        int scope = b.get(p + 3) & 0xff;
        int index = b.getInt(p + 4);
        byte[] local = null;
        byte[] address = null;
        byte[] broadcast = null;
        String label = null;
        int proto = 0;
        long preferred = InterfaceAddress.FOREVER;
        for (NlaCursor c = new NlaCursor(b, p + 8, off + len); c.next(); ) {
            int d = c.dataOffset();
            int dl = c.dataLength();
            switch (c.type()) {
                case IFA_LOCAL -> local = bytes(b, d, dl);
                case IFA_ADDRESS -> address = bytes(b, d, dl);
                case IFA_BROADCAST -> broadcast = bytes(b, d, dl);
                case IFA_LABEL -> label = cString(b, d, dl);
                case IFA_FLAGS -> flags = dl >= 4 ? b.getInt(d) : flags;
                case IFA_PROTO -> proto = dl >= 1 ? b.get(d) & 0xff : 0;
                case IFA_CACHEINFO -> preferred = dl >= 4 ? Integer.toUnsignedLong(b.getInt(d)) : preferred;
                default -> { }
            }
        }
        byte[] addr = local != null ? local : address;
        if (addr == null) {
            return null;
        }
        return new InterfaceAddress(index, inet(addr), prefix, broadcast == null ? null : inet(broadcast), scope,
                label == null || label.isEmpty() ? null : label, flags, proto, preferred);
    }

    /** Decodes RTM_NEWLINK/RTM_DELLINK at {@code off}. */
    static LinkInfo decodeLink(ByteBuffer b, int off) {
        int len = msgLen(b, off);
        int p = off + NLMSG_HDRLEN;
        int arpType = b.getShort(p + 2) & 0xffff;
        int index = b.getInt(p + 4);
        int flags = b.getInt(p + 8);
        String name = "";
        int oper = -1;
        Boolean carrier = null;
        byte[] mac = new byte[0];
        int mtu = 0;
        String kind = null;
        int link = 0;
        int master = 0;
        for (NlaCursor c = new NlaCursor(b, p + 16, off + len); c.next(); ) {
            int d = c.dataOffset();
            int dl = c.dataLength();
            switch (c.type()) {
                case IFLA_IFNAME -> name = cString(b, d, dl);
                case IFLA_ADDRESS -> mac = bytes(b, d, dl);
                case IFLA_MTU -> mtu = b.getInt(d);
                case IFLA_LINK -> link = b.getInt(d);
                case IFLA_MASTER -> master = b.getInt(d);
                case IFLA_OPERSTATE -> oper = b.get(d) & 0xff;
                case IFLA_CARRIER -> carrier = b.get(d) != 0;
                case IFLA_LINKINFO -> kind = stringAttribute(b, d, d + dl, IFLA_INFO_KIND);
                default -> { }
            }
        }
        boolean car = carrier != null ? carrier : (flags & LinkInfo.IFF_LOWER_UP) != 0;
        return new LinkInfo(index, name, flags, oper, car, mac, mtu, kind, link, master, arpType);
    }

    /** The first attribute of type {@code wanted} between the offsets, as a C string; null if absent. */
    private static String stringAttribute(ByteBuffer b, int from, int to, int wanted) {
        for (NlaCursor c = new NlaCursor(b, from, to); c.next(); ) {
            if (c.type() == wanted) {
                return cString(b, c.dataOffset(), c.dataLength());
            }
        }
        return null;
    }

    private static byte[] bytes(ByteBuffer b, int off, int len) {
        byte[] r = new byte[len];
        b.get(off, r);
        return r;
    }

    static String cString(ByteBuffer b, int off, int len) {
        int n = 0;
        while (n < len && b.get(off + n) != 0) {
            n++;
        }
        byte[] r = new byte[n];
        b.get(off, r);
        return new String(r, StandardCharsets.UTF_8);
    }

    static InetAddress inet(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + raw.length + " bytes", e);
        }
    }

    /** A buffer in host order, as netlink wants. */
    static ByteBuffer allocate(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    /** Human summary of an address request for error messages: {@code 10.0.0.1/24 dev eth0}. */
    static String describe(InterfaceAddress a, String ifname) {
        return a.cidr() + " dev " + (ifname != null ? ifname : "#" + a.ifindex());
    }
}
