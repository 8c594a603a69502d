package io.javakeepalived.net;

import io.javakeepalived.util.AddressText;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * A policy routing rule as rtnetlink carries it (struct fib_rule_hdr + FRA_* attributes), for
 * requests ({@link RtnetlinkSession#addRule}) and for what a dump reports. Interfaces go by name,
 * as the kernel keeps them (FRA_IFNAME / FRA_OIFNAME).
 *
 * @param ipv6                  the family
 * @param action                FR_ACT_* ({@link #ACTION_TABLE}, {@link #ACTION_GOTO}, ...)
 * @param table                 the table of {@link #ACTION_TABLE} (FRA_TABLE above 255), 0 otherwise
 * @param priority              FRA_PRIORITY (iproute2's preference)
 * @param from                  FRA_SRC, or null for all
 * @param to                    FRA_DST, or null for all
 * @param invert                {@code not}: FIB_RULE_INVERT
 * @param tos                   the header's tos
 * @param fwmark                FRA_FWMARK, or -1
 * @param fwmask                FRA_FWMASK, or -1
 * @param realms                FRA_FLOW, 0 for none
 * @param suppressPrefixLength  FRA_SUPPRESS_PREFIXLEN, or -1
 * @param suppressIfGroup       FRA_SUPPRESS_IFGROUP, or -1
 * @param inputInterface        FRA_IFNAME ({@code iif}/{@code dev}), or null
 * @param outputInterface       FRA_OIFNAME, or null
 * @param gotoTarget            FRA_GOTO for {@link #ACTION_GOTO}, or -1
 * @param protocol              FRA_PROTOCOL, or -1 for none
 * @param l3mdev                FRA_L3MDEV
 * @param tunnelId              FRA_TUN_ID, 0 for none
 * @param uidRange              FRA_UID_RANGE, or null
 * @param ipProto               FRA_IP_PROTO, or -1
 * @param sourcePorts           FRA_SPORT_RANGE, or null
 * @param destinationPorts      FRA_DPORT_RANGE, or null
 */
public record IpRule(boolean ipv6, int action, long table, long priority, IpRoute.Prefix from, IpRoute.Prefix to,
                     boolean invert, int tos, long fwmark, long fwmask, int realms, int suppressPrefixLength,
                     long suppressIfGroup, String inputInterface, String outputInterface, long gotoTarget,
                     int protocol, boolean l3mdev, long tunnelId, Range uidRange, int ipProto, Range sourcePorts,
                     Range destinationPorts) {

    public static final int ACTION_TABLE = 1;
    public static final int ACTION_GOTO = 2;
    public static final int ACTION_NOP = 3;
    public static final int ACTION_BLACKHOLE = 6;
    public static final int ACTION_UNREACHABLE = 7;
    public static final int ACTION_PROHIBIT = 8;

    /** keepalived numbers rules without a preference down from here, per family. */
    public static final int FIRST_AUTOMATIC_PRIORITY = 16384;

    /** An inclusive range (struct fib_rule_uid_range / fib_rule_port_range). */
    public record Range(long start, long end) {
        @Override
        public String toString() {
            return start == end ? Long.toString(start) : start + "-" + end;
        }
    }

    public IpRule {
        if (from != null && (from.address() instanceof Inet6Address) != ipv6
                || to != null && (to.address() instanceof Inet6Address) != ipv6) {
            throw new IllegalArgumentException("rule selector of the other family");
        }
    }

    /** The rule as {@code ip rule} shows it. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(priority).append(":");
        if (invert) {
            s.append(" not");
        }
        s.append(" from ").append(from == null ? "all" : prefix(from));
        if (to != null) {
            s.append(" to ").append(prefix(to));
        }
        if (fwmark >= 0) {
            s.append(" fwmark 0x").append(Long.toHexString(fwmark));
            if (fwmask >= 0) {
                s.append("/0x").append(Long.toHexString(fwmask));
            }
        }
        if (inputInterface != null) {
            s.append(" iif ").append(inputInterface);
        }
        if (outputInterface != null) {
            s.append(" oif ").append(outputInterface);
        }
        switch (action) {
            case ACTION_TABLE -> s.append(l3mdev ? " lookup [l3mdev-table]" : " lookup " + table);
            case ACTION_GOTO -> s.append(" goto ").append(gotoTarget);
            case ACTION_NOP -> s.append(" nop");
            case ACTION_BLACKHOLE -> s.append(" blackhole");
            case ACTION_UNREACHABLE -> s.append(" unreachable");
            case ACTION_PROHIBIT -> s.append(" prohibit");
            default -> s.append(" action ").append(action);
        }
        if (protocol >= 0) {
            s.append(" proto ").append(protocol);
        }
        return s.toString();
    }

    private static String prefix(IpRoute.Prefix p) {
        int max = p.address() instanceof Inet6Address ? 128 : 32;
        return p.length() == max ? AddressText.ntop(p.address()) : p.toString();
    }
}
