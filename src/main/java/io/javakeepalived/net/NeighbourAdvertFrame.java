package io.javakeepalived.net;

import java.nio.ByteBuffer;

/**
 * Unsolicited Neighbour Advertisement frame as keepalived builds it (vrrp_ndisc.c): Ethernet to
 * 33:33:00:00:00:01, IPv6 from the VIP to ff02::1 with hop limit 255, ICMPv6 type 136 with the
 * Override flag (and Router flag when asked), target = VIP, option 2 (target link-layer address)
 * carrying the interface MAC. The ICMPv6 checksum (with the IPv6 pseudo-header) is computed here.
 * 86 bytes. Pure: no native calls.
 *
 * <pre>
 * 0  Ethernet: dst 33:33:00:00:00:01, src MAC, type 0x86dd
 * 14 IPv6: 0x60000000, payload length 32, next header 58, hop limit 255, src VIP, dst ff02::1
 * 54 ICMPv6: type 136, code 0, checksum, flags R|S|O (O=0x20 in the first byte), reserved
 * 62 target address (VIP)
 * 78 option type 2, length 1 (8 bytes), MAC
 * </pre>
 */
public final class NeighbourAdvertFrame {
    private NeighbourAdvertFrame() {}

    public static final int LENGTH = 86;
    public static final int OFF_IPV6 = 14;
    public static final int OFF_ICMP = 54;
    public static final int ICMP_LENGTH = 32;
    public static final int FLAG_ROUTER = 0x80;
    public static final int FLAG_SOLICITED = 0x40;
    public static final int FLAG_OVERRIDE = 0x20;

    private static final byte[] ALL_NODES = {(byte) 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    /** Writes the frame at absolute offset 0; returns {@link #LENGTH}. */
    public static int write(ByteBuffer b, byte[] mac, byte[] ipv6, boolean router) {
        ArpFrame.checkMac(mac);
        if (ipv6.length != 16) {
            throw new IllegalArgumentException("not an IPv6 address");
        }
        b.put(0, (byte) 0x33);
        b.put(1, (byte) 0x33);
        b.put(2, (byte) 0);
        b.put(3, (byte) 0);
        b.put(4, (byte) 0);
        b.put(5, (byte) 1);
        for (int i = 0; i < 6; i++) {
            b.put(6 + i, mac[i]);
        }
        Ipv4Header.putShort(b, 12, Sys.ETH_P_IPV6);
        int ip = OFF_IPV6;
        b.put(ip, (byte) 0x60);
        b.put(ip + 1, (byte) 0);
        Ipv4Header.putShort(b, ip + 2, 0);
        Ipv4Header.putShort(b, ip + 4, ICMP_LENGTH);
        b.put(ip + 6, (byte) Sys.IPPROTO_ICMPV6);
        b.put(ip + 7, (byte) 255);
        for (int i = 0; i < 16; i++) {
            b.put(ip + 8 + i, ipv6[i]);
            b.put(ip + 24 + i, ALL_NODES[i]);
        }
        int ic = OFF_ICMP;
        b.put(ic, (byte) 136);
        b.put(ic + 1, (byte) 0);
        Ipv4Header.putShort(b, ic + 2, 0);
        b.put(ic + 4, (byte) (FLAG_OVERRIDE | (router ? FLAG_ROUTER : 0)));
        b.put(ic + 5, (byte) 0);
        b.put(ic + 6, (byte) 0);
        b.put(ic + 7, (byte) 0);
        for (int i = 0; i < 16; i++) {
            b.put(ic + 8 + i, ipv6[i]);
        }
        b.put(ic + 24, (byte) 2);  // ND_OPT_TARGET_LINKADDR
        b.put(ic + 25, (byte) 1);  // length in units of 8 bytes
        for (int i = 0; i < 6; i++) {
            b.put(ic + 26 + i, mac[i]);
        }
        Ipv4Header.putShort(b, ic + 2, icmpv6Checksum(b, ip, ic, ICMP_LENGTH));
        return LENGTH;
    }

    /** ICMPv6 checksum over the pseudo-header (src, dst, upper-layer length, next header 58) and message. */
    static int icmpv6Checksum(ByteBuffer b, int ipOff, int icmpOff, int icmpLen) {
        long sum = InetChecksum.add(0, b, ipOff + 8, 32); // source + destination
        sum += icmpLen;
        sum += Sys.IPPROTO_ICMPV6;
        sum = InetChecksum.add(sum, b, icmpOff, icmpLen);
        return InetChecksum.finish(sum);
    }
}
