package io.javakeepalived.net;

import io.javakeepalived.util.AddressText;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A route as rtnetlink carries it (struct rtmsg + RTA_* attributes), for requests
 * ({@link RtnetlinkSession#addRoute}) and for what a dump reports. Interfaces are named; the
 * native layer turns names into indexes when it sends, so a route outlives a re-created interface.
 *
 * @param ipv6              the family
 * @param type              RTN_* ({@link #RTN_UNICAST}, {@link #RTN_BLACKHOLE}, ...)
 * @param table             the routing table (254 main); above 255 it goes in RTA_TABLE
 * @param protocol          RTPROT_*, {@link #PROTO_KEEPALIVED} for ours
 * @param scope             RT_SCOPE_* (0 universe, 253 link, 254 host)
 * @param destination       RTA_DST; length 0 (no RTA_DST) is the default route
 * @param from              RTA_SRC: a source-specific (IPv6) route, or null
 * @param tos               rtm_tos
 * @param metric            RTA_PRIORITY, or -1 for none
 * @param gateway           RTA_GATEWAY, or RTA_VIA when of the other family; null for none
 * @param preferredSource   RTA_PREFSRC ({@code src}), or null
 * @param device            RTA_OIF by name, or null
 * @param flags             rtm_flags ({@link #RTNH_F_ONLINK})
 * @param realms            RTA_FLOW, 0 for none
 * @param metrics           RTA_METRICS: RTAX_* to value ({@link #RTAX_LOCK} holds the lock bits)
 * @param congestionControl RTAX_CC_ALGO, or null
 * @param pref              RTA_PREF (IPv6 router preference), or -1
 * @param expires           RTA_EXPIRES seconds (IPv6), or -1
 * @param ttlPropagate      RTA_TTL_PROPAGATE 0/1, or -1
 * @param nexthops          RTA_MULTIPATH, empty for a single path
 * @param placement         how an add treats routes to the same destination (iproute2's verbs)
 */
public record IpRoute(boolean ipv6, int type, long table, int protocol, int scope, Prefix destination,
                      Prefix from, int tos, long metric, InetAddress gateway, InetAddress preferredSource,
                      String device, int flags, int realms, Map<Integer, Long> metrics, String congestionControl,
                      int pref, long expires, int ttlPropagate, List<Nexthop> nexthops, Placement placement) {

    public static final int RTN_UNICAST = 1;
    public static final int RTN_BLACKHOLE = 6;
    public static final int RTN_UNREACHABLE = 7;
    public static final int RTN_PROHIBIT = 8;
    public static final int RTN_THROW = 9;

    public static final int TABLE_MAIN = 254;
    public static final int SCOPE_UNIVERSE = 0;
    public static final int SCOPE_NOWHERE = 255;

    /**
     * RTPROT_KEEPALIVED: keepalived marks its routes and rules with it, routing daemons (FRR's
     * {@code redistribute}) select them by it, and a restart finds what a killed run left by it.
     */
    public static final int PROTO_KEEPALIVED = 18;

    public static final int RTNH_F_ONLINK = 4;

    public static final int RTAX_LOCK = 1;
    public static final int RTAX_MTU = 2;
    public static final int RTAX_WINDOW = 3;
    public static final int RTAX_RTT = 4;
    public static final int RTAX_RTTVAR = 5;
    public static final int RTAX_SSTHRESH = 6;
    public static final int RTAX_CWND = 7;
    public static final int RTAX_ADVMSS = 8;
    public static final int RTAX_REORDERING = 9;
    public static final int RTAX_HOPLIMIT = 10;
    public static final int RTAX_INITCWND = 11;
    public static final int RTAX_FEATURES = 12;
    public static final int RTAX_RTO_MIN = 13;
    public static final int RTAX_INITRWND = 14;
    public static final int RTAX_QUICKACK = 15;
    public static final int RTAX_FASTOPEN_NO_COOKIE = 17;

    /** An address with a prefix length; a length of 0 with the any-address is "default". */
    public record Prefix(InetAddress address, int length) {
        public Prefix {
            Objects.requireNonNull(address, "address");
            int max = address instanceof Inet6Address ? 128 : 32;
            if (length < 0 || length > max) {
                throw new IllegalArgumentException("prefix length " + length + " for " + address.getHostAddress());
            }
        }

        @Override
        public String toString() {
            return AddressText.ntop(address) + "/" + length;
        }
    }

    /**
     * One path of a multipath route (struct rtnexthop).
     *
     * @param gateway RTA_GATEWAY (RTA_VIA if of the other family), or null
     * @param device  rtnh_ifindex by name, or null
     * @param weight  iproute2's weight 1-256 (the kernel stores weight - 1 in rtnh_hops)
     * @param flags   rtnh_flags ({@link #RTNH_F_ONLINK})
     * @param realms  RTA_FLOW, 0 for none
     */
    public record Nexthop(InetAddress gateway, String device, int weight, int flags, int realms) {
        public Nexthop {
            if (weight < 1 || weight > 256) {
                throw new IllegalArgumentException("nexthop weight " + weight);
            }
        }
    }

    /** iproute2's {@code prepend} (keepalived's default), {@code append} and {@code add} (exclusive). */
    public enum Placement { PREPEND, APPEND, EXCLUSIVE }

    public IpRoute {
        Objects.requireNonNull(destination, "destination");
        metrics = Map.copyOf(metrics);
        nexthops = List.copyOf(nexthops);
        Objects.requireNonNull(placement, "placement");
        if ((destination.address() instanceof Inet6Address) != ipv6) {
            throw new IllegalArgumentException("destination " + destination + " is not of the route's family");
        }
    }

    /** The route as {@code ip route} shows it (numbers for type names it does not need). */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (type != RTN_UNICAST) {
            s.append(typeName(type)).append(' ');
        }
        s.append(destination.length() == 0 ? "default" : destination.toString());
        if (from != null) {
            s.append(" from ").append(from);
        }
        if (gateway != null) {
            s.append(" via ").append(AddressText.ntop(gateway));
        }
        if (device != null) {
            s.append(" dev ").append(device);
        }
        if (table != TABLE_MAIN) {
            s.append(" table ").append(table);
        }
        s.append(" proto ").append(protocol);
        if (scope != SCOPE_UNIVERSE) {
            s.append(" scope ").append(scope);
        }
        if (preferredSource != null) {
            s.append(" src ").append(AddressText.ntop(preferredSource));
        }
        if (metric >= 0) {
            s.append(" metric ").append(metric);
        }
        new TreeMap<>(metrics).forEach((k, v) -> s.append(" rtax").append(k).append(' ').append(v));
        for (Nexthop n : nexthops) {
            s.append(" nexthop");
            if (n.gateway() != null) {
                s.append(" via ").append(AddressText.ntop(n.gateway()));
            }
            if (n.device() != null) {
                s.append(" dev ").append(n.device());
            }
            s.append(" weight ").append(n.weight());
        }
        return s.toString();
    }

    private static String typeName(int type) {
        return switch (type) {
            case RTN_BLACKHOLE -> "blackhole";
            case RTN_UNREACHABLE -> "unreachable";
            case RTN_PROHIBIT -> "prohibit";
            case RTN_THROW -> "throw";
            default -> "type " + type;
        };
    }
}
