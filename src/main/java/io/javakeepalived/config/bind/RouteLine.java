package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.RouteSpec;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One line of static_routes / virtual_routes (keepalived's vrrp_iproute.c alloc_route): the
 * checks keepalived makes while reading, the words kept for the netlink layer. A word that is
 * no option is the destination, optionally after "to" and a route type.
 */
final class RouteLine {
    private RouteLine() {
    }

    private static final Set<String> PROTOCOLS = Set.of("redirect", "kernel", "boot", "static", "gated", "ra",
            "mrt", "zebra", "bird", "dnrouted", "xorp", "ntk", "dhcp", "keepalived", "babel", "bgp", "isis", "ospf",
            "rip", "eigrp");
    /** Route options that take one value (iproute2's), beyond those checked here. */
    private static final Set<String> ONE_VALUE = Set.of("hoplimit", "advmss", "rtt", "rttvar", "reordering",
            "window", "cwnd", "ssthresh", "realms", "rto_min", "initcwnd", "initrwnd", "features", "quickack",
            "congctl", "pref", "ttl-propagate", "fastopen_no_cookie", "expires", "mtu", "encap");
    /** Metrics iproute2 lets "lock" precede the value of. */
    private static final Set<String> LOCKABLE = Set.of("mtu", "advmss", "reordering", "window", "cwnd",
            "ssthresh", "rtt", "rttvar", "rto_min", "hoplimit", "initcwnd", "initrwnd", "congctl");
    private static final String SKIP = " - skipping the route";
    private static final String MIXED = "Cannot mix IPv4 and IPv6 addresses for route" + SKIP;

    private static final class Draft extends IpWords.Draft {
        Optional<IpPrefix> dst;
        String dstText;
        String type = "unicast";
        InetAddress via;
        InetAddress src;
        String dev;
        String table;
        Long metric;
        String protocol;
        boolean hadOr;
    }

    private static Map<String, IpWords.Option<Draft>> options() {
        Map<String, IpWords.Option<Draft>> t = new HashMap<>();
        for (String opt : ONE_VALUE) {
            t.put(opt, (d, w) -> {
                if (w.value().equals("lock") && LOCKABLE.contains(opt)) {
                    w.value();
                }
                return true;
            });
        }
        t.put("inet", (d, w) -> IpOptions.familyKeyword(d, w, "route"));
        t.put("inet6", (d, w) -> IpOptions.familyKeyword(d, w, "route"));
        t.put("src", RouteLine::src);
        t.put("as", (d, w) -> {
            if (w.value().equals("to")) {
                w.next();
            }
            w.error("\"as to\" for MPLS only - ignoring");
            return true;
        });
        t.put("via", RouteLine::via);
        t.put("gw", RouteLine::via);
        t.put("from", RouteLine::from);
        t.put("tos", (d, w) -> IpOptions.tos(w, "route"));
        t.put("dsfield", (d, w) -> IpOptions.tos(w, "route"));
        t.put("table", (d, w) -> {
            String v = w.value();
            if (!IpOptions.validTable(v)) {
                w.error("Routing table " + v + " not found for route, expected a number or local, main, default"
                        + SKIP);
                return false;
            }
            d.table = v;
            return true;
        });
        IpWords.Option<Draft> protocol = (d, w) -> {
            String v = w.value();
            if (!PROTOCOLS.contains(v) && !IpOptions.isByte(v)) {
                w.error("Protocol " + v + " not found or invalid for route" + SKIP);
                return false;
            }
            d.protocol = v;
            return true;
        };
        t.put("protocol", protocol);
        t.put("proto", protocol);
        t.put("scope", (d, w) -> {
            String v = w.value();
            if (!IpOptions.validScope(v)) {
                w.error("Scope " + v + " not found or invalid for route" + SKIP);
                return false;
            }
            return true;
        });
        IpWords.Option<Draft> metric = IpOptions.uint32Option(v -> "Invalid metric " + v + " specified for route"
                + SKIP, (d, m) -> d.metric = m);
        t.put("metric", metric);
        t.put("priority", metric);
        t.put("preference", metric);
        IpWords.Option<Draft> dev = (d, w) -> {
            String v = w.value();
            if (!IpOptions.existingInterface(w, v, "WARNING - interface " + v + " for VROUTE nexthop doesn't exist"
                    + SKIP)) {
                return false;
            }
            d.dev = v;
            return true;
        };
        t.put("dev", dev);
        t.put("oif", dev);
        for (String ignored : Set.of("onlink", "add", "prepend", "append")) {
            t.put(ignored, (d, w) -> true);
        }
        t.put("or", RouteLine::or);
        t.put("nexthop", RouteLine::nexthop);
        t.put("no_track", (d, w) -> d.noTrack = true);
        t.put("vrf", (d, w) -> {
            String v = w.value();
            return IpOptions.existingInterface(w, v, "VRF " + v + " not found for route" + SKIP);
        });
        return t;
    }

    private static final Map<String, IpWords.Option<Draft>> VIRTUAL = options();
    private static final Map<String, IpWords.Option<Draft>> STATIC = IpOptions.withTrackGroup(VIRTUAL);

    /** The route, or empty when keepalived drops it. */
    static Optional<RouteSpec> read(ConfigNode line, boolean allowTrackGroup, BindContext c)
            throws ConfigFatalException {
        IpWords w = new IpWords(line, c, 0);
        Draft d = new Draft();
        if (!w.readAll(d, allowTrackGroup ? STATIC : VIRTUAL, RouteLine::destination)) {
            return Optional.empty();
        }
        if (d.dst == null) {
            w.error("Route must have a destination" + SKIP);
            return Optional.empty();
        }
        if (!d.noTrack) {
            if (d.protocol != null && !d.protocol.equals("keepalived") && !d.protocol.equals("18")) {
                w.error("Route cannot be tracked if protocol is not keepalived(18), resetting protocol");
            }
            if (d.dev == null) {
                w.error("Warning - cannot track route " + d.dstText + " with no interface specified, not tracking");
                d.noTrack = true;
            }
        }
        if (d.trackGroup != null && d.dev == null) {
            w.error("Static route cannot have track group if no oif specified");
            d.trackGroup = null;
        }
        return Optional.of(new RouteSpec(d.family == null ? AddressFamily.IPV4 : d.family, d.dst, d.type,
                Optional.ofNullable(d.via), Optional.ofNullable(d.src), Optional.ofNullable(d.dev),
                Optional.ofNullable(d.table), d.metric == null ? OptionalLong.empty() : OptionalLong.of(d.metric),
                d.noTrack, Optional.ofNullable(d.trackGroup), w.words(), w.at));
    }

    private static boolean src(Draft d, IpWords w) throws ConfigFatalException {
        String v = w.value();
        Optional<IpPrefix> p = IpOptions.address(v, false, w.at, w.c);
        if (p.isEmpty()) {
            w.error("invalid route src address " + v + SKIP);
            return false;
        }
        if (d.family == null) {
            d.family = p.get().family();
        } else if (d.family != p.get().family()) {
            w.error(MIXED);
            return false;
        }
        d.src = p.get().address();
        return true;
    }

    /** via [inet|inet6] ADDRESS; gw is its deprecated name. */
    private static boolean via(Draft d, IpWords w) throws ConfigFatalException {
        if (w.option().equals("gw")) {
            w.c.deprecated(w.at, "\"gw\" for routes is deprecated. Please use \"via\"");
        }
        String v = w.value();
        AddressFamily f = d.family;
        if (v.equals("inet") || v.equals("inet6")) {
            f = v.equals("inet") ? AddressFamily.IPV4 : AddressFamily.IPV6;
            v = w.value();
        }
        Optional<IpPrefix> p = IpOptions.address(v, false, w.at, w.c);
        if (p.isEmpty()) {
            w.error("invalid route via address " + v + SKIP);
            return false;
        }
        if ((f != null && f != p.get().family()) || (d.family != null && d.family != p.get().family())) {
            w.error(MIXED);
            return false;
        }
        d.family = p.get().family();
        d.via = p.get().address();
        return true;
    }

    /** from PREFIX: a source-specific route, which the kernel only has for IPv6. */
    private static boolean from(Draft d, IpWords w) throws ConfigFatalException {
        String v = w.value();
        Optional<Optional<IpPrefix>> p = IpOptions.destination(v, w.at, w.c);
        if (p.isEmpty()) {
            w.error("invalid route from address " + v + SKIP);
            return false;
        }
        if (p.get().isEmpty() || p.get().get().family() != AddressFamily.IPV6) {
            w.error("route from address only supported with IPv6 (" + v + ")" + SKIP);
            return false;
        }
        if (d.family == AddressFamily.IPV4) {
            w.error(MIXED);
            return false;
        }
        d.family = AddressFamily.IPV6;
        return true;
    }

    private static boolean or(Draft d, IpWords w) throws ConfigFatalException {
        w.c.deprecated(w.at, "\"or\" for routes is deprecated. Please use \"nexthop via A nexthop via B\"");
        String v = w.value();
        if (d.hadOr) {
            w.error("\"or\" route already specified - ignoring subsequent");
        } else if (IpOptions.address(v, false, w.at, w.c).isEmpty()) {
            w.error("Invalid \"or\" address " + v + SKIP);
            return false;
        }
        d.hadOr = true;
        return true;
    }

    /** nexthop ...: the rest of the line is the nexthops; only their interfaces are checked. */
    private static boolean nexthop(Draft d, IpWords w) {
        if (d.hadOr) {
            w.error("Cannot specify nexthops with \"or\" route" + SKIP);
            return false;
        }
        java.util.List<String> words = w.words();
        for (int k = w.index() + 1; k < words.size(); k++) {
            if (words.get(k).equals("dev") && k + 1 < words.size() && !w.c.useInterface(words.get(k + 1), w.at)) {
                w.error("WARNING - interface " + words.get(k + 1) + " for VROUTE nexthop doesn't exist");
            }
        }
        w.skipRest();
        return true;
    }

    /** [to] [TYPE] PREFIX: any word that is no option. */
    private static boolean destination(Draft d, IpWords w) throws ConfigFatalException {
        String text = w.option();
        if (text.equals("to")) {
            text = w.value();
        }
        if (IpOptions.ROUTE_TYPES.contains(text)) {
            d.type = text;
            text = w.value();
        }
        Optional<Optional<IpPrefix>> p = IpOptions.destination(text, w.at, w.c);
        if (p.isEmpty()) {
            w.error("unknown route keyword " + text + ", expected a destination or a route option" + SKIP);
            return false;
        }
        if (p.get().isPresent()) {
            AddressFamily f = p.get().get().family();
            if (d.family != null && d.family != f) {
                w.error("Cannot mix IPv4 and IPv6 addresses for route (" + text + ")" + SKIP);
                return false;
            }
            d.family = f;
        }
        d.dst = p.get();
        d.dstText = text;
        return true;
    }
}
