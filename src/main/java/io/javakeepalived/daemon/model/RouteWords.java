package io.javakeepalived.daemon.model;

import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.RouteSpec;
import io.javakeepalived.net.IpRoute;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code virtual_routes} / {@code static_routes} line as the kernel gets it (keepalived's
 * alloc_route and netlink_route): table main, scope universe and type unicast unless the line
 * says otherwise, protocol 18 (keepalived) unless a {@code no_track} line names another. Pure.
 */
final class RouteWords {
    private RouteWords() {
    }

    /** Metrics that take a plain number, with the largest value keepalived accepts. */
    private static final Map<String, Integer> PLAIN_METRICS = Map.ofEntries(Map.entry("mtu", IpRoute.RTAX_MTU),
            Map.entry("advmss", IpRoute.RTAX_ADVMSS), Map.entry("reordering", IpRoute.RTAX_REORDERING),
            Map.entry("window", IpRoute.RTAX_WINDOW), Map.entry("cwnd", IpRoute.RTAX_CWND),
            Map.entry("ssthresh", IpRoute.RTAX_SSTHRESH), Map.entry("hoplimit", IpRoute.RTAX_HOPLIMIT),
            Map.entry("initcwnd", IpRoute.RTAX_INITCWND), Map.entry("initrwnd", IpRoute.RTAX_INITRWND),
            Map.entry("quickack", IpRoute.RTAX_QUICKACK),
            Map.entry("fastopen_no_cookie", IpRoute.RTAX_FASTOPEN_NO_COOKIE));
    /** Times and the units of the kernel's value per millisecond (rtt is kept in 1/8 ms). */
    private static final Map<String, Integer> TIME_METRICS = Map.of("rtt", IpRoute.RTAX_RTT, "rttvar",
            IpRoute.RTAX_RTTVAR, "rto_min", IpRoute.RTAX_RTO_MIN);
    private static final Map<String, Integer> TIME_UNITS = Map.of("rtt", 8, "rttvar", 4, "rto_min", 1);

    /**
     * The route of {@code spec}.
     *
     * @throws IllegalArgumentException for what javakeepalived does not install (encap, vrf,
     *                                  named realms or tos); the message names it
     */
    static IpRoute of(RouteSpec spec) {
        boolean v6 = spec.family() == AddressFamily.IPV6;
        IpRoute.Prefix dst = spec.destination().map(RouteWords::prefix)
                .orElse(new IpRoute.Prefix(LineWords.literal(v6 ? "::" : "0.0.0.0"), 0));
        int type = LineWords.ROUTE_TYPES.getOrDefault(spec.type(), IpRoute.RTN_UNICAST);
        long table = IpRoute.TABLE_MAIN;
        int protocol = IpRoute.PROTO_KEEPALIVED;
        int scope = IpRoute.SCOPE_UNIVERSE;
        IpRoute.Prefix from = null;
        int tos = 0;
        int flags = 0;
        int realms = 0;
        int pref = -1;
        long expires = -1;
        int ttlPropagate = -1;
        String congctl = null;
        Map<Integer, Long> metrics = new HashMap<>();
        List<IpRoute.Nexthop> nexthops = new ArrayList<>();
        IpRoute.Placement placement = IpRoute.Placement.PREPEND;
        InetAddress via = spec.via().orElse(null);

        LineWords w = new LineWords(spec.words());
        while (w.more()) {
            String word = w.next();
            switch (word) {
                case "table" -> table = w.table();
                case "protocol", "proto" -> {
                    int p = w.protocol();
                    // keepalived tracks its routes by protocol 18: a tracked route keeps it
                    protocol = spec.noTrack() ? p : IpRoute.PROTO_KEEPALIVED;
                }
                case "scope" -> scope = Scopes.parse(w.next());
                case "from" -> from = w.prefix();
                case "tos", "dsfield" -> tos = w.tos();
                case "onlink" -> flags |= IpRoute.RTNH_F_ONLINK;
                case "realms" -> realms = w.realms();
                case "expires" -> expires = w.number(0xffffffffL);
                case "pref" -> pref = pref(w.next());
                case "ttl-propagate" -> ttlPropagate = w.next().equals("enabled") ? 1 : 0;
                case "features" -> {
                    if (w.next().equals("ecn")) {
                        metrics.put(IpRoute.RTAX_FEATURES, 1L); // RTAX_FEATURE_ECN
                    }
                }
                case "congctl" -> {
                    if (w.skip("lock")) {
                        lock(metrics, 16);
                    }
                    congctl = w.next();
                }
                case "add" -> placement = IpRoute.Placement.EXCLUSIVE;
                case "append" -> placement = IpRoute.Placement.APPEND;
                case "prepend" -> placement = IpRoute.Placement.PREPEND;
                case "or" -> {
                    // deprecated: "via A or B" is two nexthops
                    if (nexthops.isEmpty()) {
                        nexthops.add(new IpRoute.Nexthop(via, null, 1, 0, 0));
                        nexthops.add(new IpRoute.Nexthop(w.address(), null, 1, 0, 0));
                        via = null;
                    } else {
                        w.next();
                    }
                }
                case "nexthop" -> readNexthops(w, nexthops);
                case "as" -> { // "as [to] ADDRESS" is for MPLS: keepalived ignores it too
                    w.skip("to");
                    w.next();
                }
                case "encap", "vrf" -> throw new IllegalArgumentException("'" + word
                        + "' is not supported by javakeepalived");
                case "src", "via", "gw", "dev", "oif", "metric", "priority", "preference", "track_group" ->
                        skipValue(w, word);
                case "inet", "inet6", "no_track", "to" -> { }
                default -> {
                    if (PLAIN_METRICS.containsKey(word)) {
                        if (w.skip("lock")) {
                            lock(metrics, PLAIN_METRICS.get(word));
                        }
                        metrics.put(PLAIN_METRICS.get(word), w.number(0xffffffffL));
                    } else if (TIME_METRICS.containsKey(word)) {
                        if (w.skip("lock")) {
                            lock(metrics, TIME_METRICS.get(word));
                        }
                        metrics.put(TIME_METRICS.get(word), rtt(w.next(), TIME_UNITS.get(word)));
                    } else if (LineWords.ROUTE_TYPES.containsKey(word)) {
                        w.next(); // the type is the spec's; the destination follows it
                    }
                    // else: the destination, which the spec holds
                }
            }
        }
        return new IpRoute(v6, type, table, protocol, scope, dst, from, tos, spec.metric().orElse(-1),
                via, spec.source().orElse(null), spec.device().orElse(null), flags, realms, metrics, congctl, pref,
                expires, ttlPropagate, nexthops, placement);
    }

    /** The options read from the spec's fields take one word (via may name its family first). */
    private static void skipValue(LineWords w, String word) {
        if ((word.equals("via") || word.equals("gw")) && (w.peek().equals("inet") || w.peek().equals("inet6"))) {
            w.next();
        }
        w.next();
    }

    /** nexthop [via [inet|inet6] A] [dev D] [weight N] [onlink] [realms R] ..., to the end of the line. */
    private static void readNexthops(LineWords w, List<IpRoute.Nexthop> out) {
        boolean first = true;
        while (first || w.skip("nexthop")) {
            first = false;
            InetAddress via = null;
            String dev = null;
            int weight = 1;
            int flags = 0;
            int realms = 0;
            boolean option = true;
            while (option && w.more()) {
                switch (w.peek()) {
                    case "via" -> {
                        w.next();
                        if (w.peek().equals("inet") || w.peek().equals("inet6")) {
                            w.next();
                        }
                        via = w.address();
                    }
                    case "dev" -> {
                        w.next();
                        dev = w.next();
                    }
                    case "weight" -> {
                        w.next();
                        weight = (int) w.number(256);
                    }
                    case "onlink" -> {
                        w.next();
                        flags |= IpRoute.RTNH_F_ONLINK;
                    }
                    case "realms" -> {
                        w.next();
                        realms = w.realms();
                    }
                    case "encap" -> throw new IllegalArgumentException("'encap' is not supported by javakeepalived");
                    default -> option = false;
                }
            }
            out.add(new IpRoute.Nexthop(via, dev, Math.max(weight, 1), flags, realms));
        }
    }

    private static void lock(Map<Integer, Long> metrics, int rtax) {
        metrics.merge(IpRoute.RTAX_LOCK, 1L << rtax, (a, b) -> a | b);
    }

    /** ICMPV6_ROUTER_PREF_*: low 3, medium 0, high 1, or a number. */
    private static int pref(String w) {
        return switch (w) {
            case "low" -> 3;
            case "medium" -> 0;
            case "high" -> 1;
            default -> Integer.parseInt(w);
        };
    }

    /**
     * keepalived's get_time_rtt: "N" is the kernel's raw value; "Nms" or "Ns" (decimals allowed)
     * is a time, multiplied by the metric's units per millisecond.
     */
    static long rtt(String text, int unitsPerMs) {
        String t = text.toLowerCase();
        int s = t.indexOf('s');
        if (s < 0) {
            return Long.parseLong(t);
        }
        boolean ms = s > 0 && t.charAt(s - 1) == 'm';
        BigDecimal v = new BigDecimal(t.substring(0, ms ? s - 1 : s));
        long millis = (ms ? v : v.movePointRight(3)).longValue();
        return millis * unitsPerMs;
    }

    static IpRoute.Prefix prefix(IpPrefix p) {
        return new IpRoute.Prefix(p.address(), p.prefixLength());
    }
}
