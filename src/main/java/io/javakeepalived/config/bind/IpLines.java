package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.RouteSpec;
import io.javakeepalived.config.model.RuleSpec;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Address, route and rule lines (keepalived's vrrp_ipaddress.c alloc_ipaddress,
 * vrrp_iproute.c alloc_route, vrrp_iprule.c alloc_rule): the checks keepalived makes while
 * reading, the words kept for the netlink layer.
 */
final class IpLines {
    private IpLines() {
    }

    private static final Set<String> SCOPES = Set.of("global", "universe", "site", "link", "host", "nowhere");
    private static final Set<String> TABLES = Set.of("local", "main", "default", "unspec");
    private static final Set<String> ROUTE_TYPES = Set.of("unicast", "local", "broadcast", "anycast", "multicast",
            "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve");
    private static final Set<String> PROTOCOLS = Set.of("redirect", "kernel", "boot", "static", "gated", "ra", "mrt",
            "zebra", "bird", "dnrouted", "xorp", "ntk", "dhcp", "keepalived", "babel", "bgp", "isis", "ospf", "rip",
            "eigrp");

    static boolean validScope(String s) {
        return SCOPES.contains(s) || isByte(s);
    }

    private static boolean isByte(String s) {
        try {
            int v = Integer.parseInt(s);
            return v >= 0 && v <= 255;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean validTable(String s) {
        if (TABLES.contains(s)) {
            return true;
        }
        try {
            long v = Long.parseLong(s);
            return v >= 0 && v <= Numbers.UINT_MAX;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** parse_ipaddress: address with optional /len; reports and returns empty when not an address. */
    static Optional<IpPrefix> address(String text, boolean allowMask, SourceLocation at, BindContext c,
                                      boolean report) {
        AddressFamily family = InetText.familyOf(text);
        int len = family.maxPrefix();
        String addr = text;
        int slash = allowMask ? text.indexOf('/') : -1;
        if (slash >= 0) {
            addr = text.substring(0, slash);
            String p = text.substring(slash + 1);
            OptionalLong v = Numbers.unsigned(c, at, p, 0, family.maxPrefix());
            if (v.isEmpty()) {
                c.error(at, "Invalid address prefix length " + p + " for address " + text + ", expected 0-"
                        + family.maxPrefix() + " - using " + len);
            } else {
                len = (int) v.getAsLong();
            }
        }
        Optional<InetAddress> a = InetText.parse(addr);
        if (a.isEmpty()) {
            if (report) {
                c.error(at, "VRRP parsed invalid IP " + text + ", expected an IPv4 or IPv6 address. skipping IP...");
            }
            return Optional.empty();
        }
        return Optional.of(new IpPrefix(a.get(), len));
    }

    /** parse_route: an address/prefix or default/any/all (empty prefix, family unspecified). */
    private static Optional<Optional<IpPrefix>> route(String text, SourceLocation at, BindContext c) {
        if (text.equals("default") || text.equals("any") || text.equals("all")) {
            return Optional.of(Optional.empty());
        }
        if (text.equals("default6")) {
            c.note(at, "'default6' is deprecated - please replace with 'inet6 default'");
            return Optional.of(Optional.empty());
        }
        Optional<IpPrefix> p = address(text, true, at, c, true);
        return p.isEmpty() ? Optional.empty() : Optional.of(p);
    }

    /**
     * One line of virtual_ipaddress(_excluded) or static_ipaddress. Empty when keepalived skips
     * the address.
     */
    static Optional<IpAddressSpec> ipAddress(ConfigNode line, boolean isStatic, BindContext c) {
        List<String> w = line.words();
        SourceLocation at = line.location();
        String first = w.get(0);
        Optional<IpPrefix> addr = address(first, true, at, c, true);
        if (addr.isEmpty()) {
            return Optional.empty();
        }
        AddressFamily family = addr.get().family();
        int prefixLen = addr.get().prefixLength();
        String dev = null;
        String scope = null;
        String label = null;
        InetAddress peer = null;
        InetAddress brd = null;
        int brdSpecial = 0;
        boolean haveBroadcast = false;
        boolean home = false;
        boolean nodad = false;
        boolean mngtmp = false;
        boolean noprefixroute = false;
        boolean autojoin = false;
        boolean noTrack = false;
        boolean useVmac = false;
        Long preferred = null;
        String trackGroup = null;
        for (int i = 1; i < w.size(); i++) {
            String opt = w.get(i);
            boolean hasParam = i + 1 < w.size();
            boolean needsParam = Set.of("dev", "scope", "broadcast", "brd", "label", "peer", "preferred_lft")
                    .contains(opt) || (isStatic && opt.equals("track_group"));
            if (needsParam && !hasParam) {
                c.error(at, "No " + opt + " parameter specified for " + first + ", expected " + opt + " VALUE"
                        + " - skipping the address");
                return Optional.empty();
            }
            switch (opt) {
                case "dev" -> {
                    if (dev != null) {
                        c.error(at, "Cannot specify ipaddress device more than once for " + first
                                + " - skipping the address");
                        return Optional.empty();
                    }
                    String name = w.get(++i);
                    if (!c.useInterface(name, at)) {
                        c.error(at, "WARNING - interface " + name + " for ip address " + first + " doesn't exist");
                        return Optional.empty();
                    }
                    dev = name;
                }
                case "scope" -> {
                    String s = w.get(++i);
                    if (!validScope(s)) {
                        c.error(at, "Invalid scope '" + s + "' specified for " + first + ", expected global, site,"
                                + " link, host, nowhere or 0-255 - ignoring");
                    } else {
                        scope = s;
                    }
                }
                case "broadcast", "brd" -> {
                    String b = w.get(++i);
                    if (family == AddressFamily.IPV6) {
                        c.error(at, "Cannot assign a broadcast " + b + " to the IPv6 address " + first
                                + " - skipping the address");
                        return Optional.empty();
                    }
                    haveBroadcast = true;
                    if (b.equals("-")) {
                        brdSpecial = -2;
                    } else if (b.equals("+")) {
                        brdSpecial = -1;
                    } else {
                        Optional<InetAddress> ba = InetText.parseV4(b);
                        if (ba.isEmpty()) {
                            c.error(at, "Invalid broadcast " + b + ", expected an IPv4 address, + or - "
                                    + "- skipping the address");
                            return Optional.empty();
                        }
                        brd = ba.get();
                    }
                }
                case "label" -> {
                    String l = w.get(++i);
                    if (l.length() >= 16) {
                        c.error(at, "Address label " + l + " is longer than maximum length 15 - removing address");
                        return Optional.empty();
                    }
                    label = l;
                }
                case "peer" -> {
                    String p = w.get(++i);
                    if (peer != null) {
                        c.error(at, "Peer " + p + " - another peer has already been specified");
                        continue;
                    }
                    Optional<IpPrefix> pp = address(p, false, at, c, true);
                    if (pp.isEmpty()) {
                        c.error(at, "Invalid peer address " + p);
                    } else if (pp.get().family() != family) {
                        c.error(at, "Peer address " + p + " does not match address family");
                    } else {
                        if (prefixLen != family.maxPrefix()) {
                            c.error(at, "Cannot specify address prefix when specifying peer address - ignoring");
                        }
                        peer = pp.get().address();
                        prefixLen = pp.get().prefixLength();
                    }
                }
                case "home" -> home = true;
                case "-nodad" -> nodad = true;
                case "mngtmpaddr" -> mngtmp = true;
                case "noprefixroute" -> noprefixroute = true;
                case "autojoin" -> autojoin = true;
                case "no_track" -> noTrack = true;
                case "preferred_lft" -> {
                    String p = w.get(++i);
                    if (p.equals("forever")) {
                        preferred = 0xFFFF_FFFFL;
                    } else {
                        OptionalLong v = Numbers.unsigned(c, at, p, 0, Numbers.UINT_MAX);
                        if (v.isPresent()) {
                            preferred = v.getAsLong();
                        } else {
                            c.error(at, "preferred_lft " + p + " is invalid, expected seconds or forever");
                        }
                    }
                }
                default -> {
                    if (isStatic && opt.equals("track_group")) {
                        String g = w.get(++i);
                        if (trackGroup != null) {
                            c.error(at, "track_group " + g + " is a duplicate");
                            i = w.size();
                        } else if (c.trackGroups.stream().noneMatch(t -> t.name.equals(g))) {
                            c.error(at, "track_group " + g + " not found, expected a track_group declared before");
                        } else {
                            trackGroup = g;
                        }
                    } else if (!isStatic && opt.equals("use_vmac")) {
                        useVmac = true;
                    } else {
                        c.error(at, "Unknown configuration entry '" + opt + "' for ip address - ignoring");
                    }
                }
            }
        }
        if (haveBroadcast && peer != null) {
            c.error(at, "Cannot specify broadcast and peer addresses - ignoring broadcast address");
            brd = null;
        } else if (brdSpecial < 0 && prefixLen <= 30) {
            byte[] base = (peer != null ? peer : addr.get().address()).getAddress().clone();
            long v = ((base[0] & 0xFFL) << 24) | ((base[1] & 0xFFL) << 16) | ((base[2] & 0xFFL) << 8) | (base[3] & 0xFFL);
            long mask = prefixLen == 0 ? 0xFFFF_FFFFL : (0xFFFF_FFFFL >>> prefixLen);
            v = brdSpecial == -1 ? (v | mask) : (v & ~mask & 0xFFFF_FFFFL);
            brd = InetText.parseV4(((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "."
                    + (v & 0xFF)).orElseThrow();
        } else if (brdSpecial < 0) {
            c.error(at, "Address prefix length " + prefixLen + " too long for broadcast");
        }
        if (isStatic && dev == null) {
            String def = c.global.defaultInterface != null ? c.global.defaultInterface : "eth0";
            if (!c.useInterface(def, at)) {
                c.report(ConfigErrorKind.FATAL, at, "Static address " + first + " requires either an interface or"
                        + " the default interface (" + def + ") must exist");
                return Optional.empty();
            }
            dev = def;
        }
        if (family == AddressFamily.IPV6) {
            if (scope != null) {
                c.error(at, "Cannot specify scope for IPv6 addresses (" + first + ") - ignoring scope");
                scope = null;
            }
            if (label != null) {
                c.error(at, "Cannot specify label for IPv6 addresses (" + first + ") - ignoring label");
                label = null;
            }
            if (preferred == null) {
                preferred = prefixLen == 128 ? 0L : 0xFFFF_FFFFL;
            }
        }
        if (trackGroup != null && dev == null) {
            c.error(at, "Static address cannot have track_group if interface not specified");
            trackGroup = null;
        }
        return Optional.of(new IpAddressSpec(addr.get().address(), prefixLen, Optional.ofNullable(dev),
                Optional.ofNullable(brd), Optional.ofNullable(scope), Optional.ofNullable(label),
                Optional.ofNullable(peer), home, nodad, mngtmp, noprefixroute, autojoin, noTrack, useVmac,
                preferred == null ? OptionalLong.empty() : OptionalLong.of(preferred),
                Optional.ofNullable(trackGroup), w, at));
    }

    private static String param(ConfigNode line, int i) throws ConfigFatalException {
        if (i >= line.words().size()) {
            throw new ConfigFatalException(new Diagnostic(ConfigErrorKind.MISSING_PARAMETER, line.location(),
                    "'" + line.words().get(i - 1) + "' in '" + String.join(" ", line.words())
                            + "' is missing its value"));
        }
        return line.words().get(i);
    }

    /** Route options that take one value (iproute2's), beyond those checked below. */
    private static final Set<String> ONE_VALUE = Set.of("hoplimit", "advmss", "rtt", "rttvar", "reordering", "window",
            "cwnd", "ssthresh", "realms", "rto_min", "initcwnd", "initrwnd", "features", "quickack", "congctl",
            "pref", "ttl-propagate", "fastopen_no_cookie", "expires", "mtu", "encap");
    private static final Set<String> LOCKABLE = Set.of("mtu", "advmss", "reordering", "window", "cwnd", "ssthresh",
            "rtt", "rttvar", "rto_min", "hoplimit", "initcwnd", "initrwnd", "congctl");

    /** One line of static_routes / virtual_routes; empty when keepalived drops it. */
    static Optional<RouteSpec> route(ConfigNode line, boolean allowTrackGroup, BindContext c)
            throws ConfigFatalException {
        List<String> w = line.words();
        SourceLocation at = line.location();
        AddressFamily family = null;
        Optional<IpPrefix> dst = null;
        String dstText = null;
        String type = "unicast";
        InetAddress via = null;
        InetAddress src = null;
        String dev = null;
        String table = null;
        Long metric = null;
        boolean noTrack = false;
        String trackGroup = null;
        boolean hadProtocol = false;
        String protocol = null;
        boolean hadOr = false;
        int i = 0;
        while (i < w.size()) {
            String opt = w.get(i);
            switch (opt) {
                case "inet6", "inet" -> {
                    AddressFamily f = opt.equals("inet") ? AddressFamily.IPV4 : AddressFamily.IPV6;
                    if (family == null) {
                        family = f;
                    } else if (family != f) {
                        c.error(at, opt + " specified for " + (family == AddressFamily.IPV4 ? "IPv4" : "IPv6")
                                + " route - skipping the route");
                        return Optional.empty();
                    }
                }
                case "src" -> {
                    String v = param(line, ++i);
                    Optional<IpPrefix> p = address(v, false, at, c, true);
                    if (p.isEmpty()) {
                        c.error(at, "invalid route src address " + v + " - skipping the route");
                        return Optional.empty();
                    }
                    if (family == null) {
                        family = p.get().family();
                    } else if (family != p.get().family()) {
                        c.error(at, "Cannot mix IPv4 and IPv6 addresses for route - skipping the route");
                        return Optional.empty();
                    }
                    src = p.get().address();
                }
                case "as" -> {
                    if (param(line, ++i).equals("to")) {
                        i++;
                    }
                    c.error(at, "\"as to\" for MPLS only - ignoring");
                }
                case "via", "gw" -> {
                    if (opt.equals("gw")) {
                        c.deprecated(at, "\"gw\" for routes is deprecated. Please use \"via\"");
                    }
                    String v = param(line, ++i);
                    AddressFamily f = family;
                    if (v.equals("inet") || v.equals("inet6")) {
                        f = v.equals("inet") ? AddressFamily.IPV4 : AddressFamily.IPV6;
                        v = param(line, ++i);
                    }
                    Optional<IpPrefix> p = address(v, false, at, c, true);
                    if (p.isEmpty()) {
                        c.error(at, "invalid route via address " + v + " - skipping the route");
                        return Optional.empty();
                    }
                    if ((f != null && f != p.get().family()) || (family != null && family != p.get().family())) {
                        c.error(at, "Cannot mix IPv4 and IPv6 addresses for route - skipping the route");
                        return Optional.empty();
                    }
                    family = p.get().family();
                    via = p.get().address();
                }
                case "from" -> {
                    String v = param(line, ++i);
                    Optional<Optional<IpPrefix>> p = route(v, at, c);
                    if (p.isEmpty()) {
                        c.error(at, "invalid route from address " + v + " - skipping the route");
                        return Optional.empty();
                    }
                    if (p.get().isEmpty() || p.get().get().family() != AddressFamily.IPV6) {
                        c.error(at, "route from address only supported with IPv6 (" + v + ") - skipping the route");
                        return Optional.empty();
                    }
                    if (family == AddressFamily.IPV4) {
                        c.error(at, "Cannot mix IPv4 and IPv6 addresses for route - skipping the route");
                        return Optional.empty();
                    }
                    family = AddressFamily.IPV6;
                }
                case "tos", "dsfield" -> {
                    String v = param(line, ++i);
                    if (!isByte(v) && !v.matches("0x[0-9a-fA-F]{1,2}")) {
                        c.error(at, "TOS value " + v + " is invalid - skipping the route");
                        return Optional.empty();
                    }
                }
                case "table" -> {
                    String v = param(line, ++i);
                    if (!validTable(v)) {
                        c.error(at, "Routing table " + v + " not found for route, expected a number or local, main,"
                                + " default - skipping the route");
                        return Optional.empty();
                    }
                    table = v;
                }
                case "protocol", "proto" -> {
                    String v = param(line, ++i);
                    if (!PROTOCOLS.contains(v) && !isByte(v)) {
                        c.error(at, "Protocol " + v + " not found or invalid for route - skipping the route");
                        return Optional.empty();
                    }
                    hadProtocol = true;
                    protocol = v;
                }
                case "scope" -> {
                    String v = param(line, ++i);
                    if (!validScope(v)) {
                        c.error(at, "Scope " + v + " not found or invalid for route - skipping the route");
                        return Optional.empty();
                    }
                }
                case "metric", "priority", "preference" -> {
                    String v = param(line, ++i);
                    OptionalLong m = Numbers.unsigned(c, at, v, 0, Numbers.UINT_MAX);
                    if (m.isEmpty()) {
                        c.error(at, "Invalid metric " + v + " specified for route - skipping the route");
                        return Optional.empty();
                    }
                    metric = m.getAsLong();
                }
                case "dev", "oif" -> {
                    String v = param(line, ++i);
                    if (!c.useInterface(v, at)) {
                        c.error(at, "WARNING - interface " + v + " for VROUTE nexthop doesn't exist - skipping the"
                                + " route");
                        return Optional.empty();
                    }
                    dev = v;
                }
                case "onlink", "add", "prepend", "append" -> {
                }
                case "or" -> {
                    c.deprecated(at, "\"or\" for routes is deprecated. Please use \"nexthop via A nexthop via B\"");
                    String v = param(line, ++i);
                    if (hadOr) {
                        c.error(at, "\"or\" route already specified - ignoring subsequent");
                    } else if (address(v, false, at, c, true).isEmpty()) {
                        c.error(at, "Invalid \"or\" address " + v + " - skipping the route");
                        return Optional.empty();
                    }
                    hadOr = true;
                }
                case "nexthop" -> {
                    if (hadOr) {
                        c.error(at, "Cannot specify nexthops with \"or\" route - skipping the route");
                        return Optional.empty();
                    }
                    for (int k = i + 1; k < w.size(); k++) {
                        if ((w.get(k).equals("dev")) && k + 1 < w.size() && !c.useInterface(w.get(k + 1), at)) {
                            c.error(at, "WARNING - interface " + w.get(k + 1) + " for VROUTE nexthop doesn't exist");
                        }
                    }
                    i = w.size();
                    continue;
                }
                case "no_track" -> noTrack = true;
                case "vrf" -> {
                    String v = param(line, ++i);
                    if (!c.useInterface(v, at)) {
                        c.error(at, "VRF " + v + " not found for route - skipping the route");
                        return Optional.empty();
                    }
                }
                default -> {
                    if (allowTrackGroup && opt.equals("track_group")) {
                        String g = param(line, ++i);
                        if (trackGroup != null) {
                            c.error(at, "track_group " + g + " is a duplicate");
                        } else if (c.trackGroups.stream().noneMatch(t -> t.name.equals(g))) {
                            c.error(at, "track_group " + g + " not found");
                        } else {
                            trackGroup = g;
                        }
                    } else if (ONE_VALUE.contains(opt)) {
                        String v = param(line, ++i);
                        if (v.equals("lock") && LOCKABLE.contains(opt)) {
                            param(line, ++i);
                        }
                    } else {
                        String d = opt;
                        if (d.equals("to")) {
                            d = param(line, ++i);
                        }
                        if (ROUTE_TYPES.contains(d)) {
                            type = d;
                            d = param(line, ++i);
                        }
                        Optional<Optional<IpPrefix>> p = route(d, at, c);
                        if (p.isEmpty()) {
                            c.error(at, "unknown route keyword " + d + ", expected a destination or a route option"
                                    + " - skipping the route");
                            return Optional.empty();
                        }
                        if (p.get().isPresent()) {
                            AddressFamily f = p.get().get().family();
                            if (family != null && family != f) {
                                c.error(at, "Cannot mix IPv4 and IPv6 addresses for route (" + d + ") - skipping"
                                        + " the route");
                                return Optional.empty();
                            }
                            family = f;
                        }
                        dst = p.get();
                        dstText = d;
                    }
                }
            }
            i++;
        }
        if (dst == null) {
            c.error(at, "Route must have a destination - skipping the route");
            return Optional.empty();
        }
        if (!noTrack) {
            if (hadProtocol && !protocol.equals("keepalived") && !protocol.equals("18")) {
                c.error(at, "Route cannot be tracked if protocol is not keepalived(18), resetting protocol");
            }
            if (dev == null) {
                c.error(at, "Warning - cannot track route " + dstText + " with no interface specified, not tracking");
                noTrack = true;
            }
        }
        if (trackGroup != null && dev == null) {
            c.error(at, "Static route cannot have track group if no oif specified");
            trackGroup = null;
        }
        return Optional.of(new RouteSpec(family == null ? AddressFamily.IPV4 : family, dst, type,
                Optional.ofNullable(via), Optional.ofNullable(src), Optional.ofNullable(dev),
                Optional.ofNullable(table), metric == null ? OptionalLong.empty() : OptionalLong.of(metric), noTrack,
                Optional.ofNullable(trackGroup), w, at));
    }

    /** Rule options that take one value and need no check here. */
    private static final Set<String> RULE_ONE_VALUE = Set.of("realms", "suppress_prefixlength", "sup_pl",
            "suppress_ifgroup", "sup_group", "tunnel-id", "uidrange", "ipproto", "sport", "dport");

    /** One line of static_rules / virtual_rules; empty when keepalived drops it. */
    static Optional<RuleSpec> rule(ConfigNode line, boolean allowTrackGroup, BindContext c, int[] nextPreference)
            throws ConfigFatalException {
        List<String> w = line.words();
        SourceLocation at = line.location();
        AddressFamily family = null;
        Optional<IpPrefix> from = Optional.empty();
        Optional<IpPrefix> to = Optional.empty();
        String action = null;
        String table = null;
        Long preference = null;
        Long gotoTarget = null;
        String iif = null;
        String oif = null;
        String fwmark = null;
        boolean noTrack = false;
        String trackGroup = null;
        boolean tableOption = false;
        for (int i = 0; i < w.size(); i++) {
            String opt = w.get(i);
            switch (opt) {
                case "inet", "inet6" -> {
                    AddressFamily f = opt.equals("inet") ? AddressFamily.IPV4 : AddressFamily.IPV6;
                    if (family == null) {
                        family = f;
                    } else if (family != f) {
                        c.error(at, opt + " specified for " + (family == AddressFamily.IPV4 ? "IPv4" : "IPv6")
                                + " rule - skipping the rule");
                        return Optional.empty();
                    }
                }
                case "from", "to" -> {
                    String v = param(line, ++i);
                    Optional<Optional<IpPrefix>> p = route(v, at, c);
                    if (p.isEmpty()) {
                        c.error(at, "Invalid rule " + opt + " address " + v + " - skipping the rule");
                        return Optional.empty();
                    }
                    if (p.get().isPresent()) {
                        AddressFamily f = p.get().get().family();
                        if (family != null && family != f) {
                            c.error(at, "rule specification has mixed IPv4 and IPv6 - skipping the rule");
                            return Optional.empty();
                        }
                        family = f;
                    }
                    if (opt.equals("from")) {
                        from = p.get();
                    } else {
                        to = p.get();
                    }
                }
                case "table", "lookup" -> {
                    String v = param(line, ++i);
                    if (!validTable(v)) {
                        c.error(at, "Routing table " + v + " not found for rule - skipping the rule");
                        return Optional.empty();
                    }
                    if (v.equals("0") || v.equals("unspec")) {
                        c.error(at, "Table 0 is not valid - skipping the rule");
                        return Optional.empty();
                    }
                    if (action != null) {
                        c.error(at, "Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable"
                                + " for rule - skipping the rule");
                        return Optional.empty();
                    }
                    table = v;
                    action = "table";
                }
                case "not" -> {
                }
                case "preference", "order", "priority" -> {
                    String v = param(line, ++i);
                    OptionalLong p = Numbers.unsigned(c, at, v, 0, Numbers.UINT_MAX);
                    if (p.isEmpty()) {
                        c.error(at, "Invalid rule preference " + v + " specified - skipping the rule");
                        return Optional.empty();
                    }
                    preference = p.getAsLong();
                }
                case "tos", "dsfield" -> {
                    String v = param(line, ++i);
                    if (!isByte(v) && !v.matches("0x[0-9a-fA-F]{1,2}")) {
                        c.error(at, "TOS value " + v + " is invalid - skipping the rule");
                        return Optional.empty();
                    }
                }
                case "fwmark" -> fwmark = param(line, ++i);
                case "dev", "iif", "oif" -> {
                    String v = param(line, ++i);
                    if (!c.useInterface(v, at)) {
                        c.error(at, "WARNING - interface " + v + " for rule doesn't exist - skipping the rule");
                        return Optional.empty();
                    }
                    if (opt.equals("oif")) {
                        oif = v;
                    } else {
                        iif = v;
                    }
                }
                case "l3mdev" -> {
                    if (action != null) {
                        c.error(at, "Cannot specify l3mdev with other action - skipping the rule");
                        return Optional.empty();
                    }
                    action = "l3mdev";
                }
                case "protocol" -> param(line, ++i);
                case "no_track" -> noTrack = true;
                default -> {
                    if (allowTrackGroup && opt.equals("track_group")) {
                        String g = param(line, ++i);
                        if (trackGroup != null) {
                            c.error(at, "track_group " + g + " is a duplicate");
                        } else if (c.trackGroups.stream().noneMatch(t -> t.name.equals(g))) {
                            c.error(at, "track_group " + g + " not found");
                        } else {
                            trackGroup = g;
                        }
                    } else if (RULE_ONE_VALUE.contains(opt)) {
                        param(line, ++i);
                        if (opt.startsWith("realms") || opt.startsWith("sup")) {
                            tableOption = true;
                        }
                    } else {
                        String a = opt.equals("type") ? param(line, ++i) : opt;
                        String act;
                        if (a.equals("goto")) {
                            String v = param(line, ++i);
                            OptionalLong t = Numbers.unsigned(c, at, v, 0, Numbers.UINT_MAX);
                            if (t.isEmpty()) {
                                c.error(at, "Invalid target " + v + " specified - skipping the rule");
                                return Optional.empty();
                            }
                            gotoTarget = t.getAsLong();
                            act = "goto";
                        } else if (a.equals("nop") || a.equals("blackhole") || a.equals("unreachable")
                                || a.equals("prohibit")) {
                            act = a;
                        } else if (ROUTE_TYPES.contains(a)) {
                            c.error(at, "Invalid rule action " + a + " - skipping the rule");
                            return Optional.empty();
                        } else {
                            c.error(at, "Unknown rule option " + a + " - skipping the rule");
                            return Optional.empty();
                        }
                        if (action != null) {
                            c.error(at, "Cannot specify more than one of table/nop/goto/blackhole/prohibit/"
                                    + "unreachable/l3mdev for rule - skipping the rule");
                            return Optional.empty();
                        }
                        action = act;
                    }
                }
            }
        }
        if ("goto".equals(action)) {
            if (preference == null) {
                c.error(at, "Invalid rule - goto target " + gotoTarget + " specified without preference - skipping");
                return Optional.empty();
            }
            if (preference >= gotoTarget) {
                c.error(at, "Invalid rule - preference " + preference + " >= goto target " + gotoTarget
                        + " - skipping");
                return Optional.empty();
            }
        }
        if (action == null) {
            c.error(at, "No action specified for rule, expected table, goto, nop, blackhole, unreachable, prohibit"
                    + " or l3mdev - ignoring");
            return Optional.empty();
        }
        if (!action.equals("table") && tableOption) {
            c.error(at, "suppressor/realm specified for non table action - skipping");
            return Optional.empty();
        }
        if (trackGroup != null && iif == null) {
            c.error(at, "Static rule cannot have track_group if dev/iif not specified");
            trackGroup = null;
        }
        AddressFamily f = family == null ? AddressFamily.IPV4 : family;
        if (preference == null) {
            int idx = f == AddressFamily.IPV4 ? 0 : 1;
            preference = (long) nextPreference[idx]--;
            c.error(at, "Rule has no preference specified - setting to " + preference
                    + ". This is probably not what you want.");
        }
        return Optional.of(new RuleSpec(f, from, to, action, Optional.ofNullable(table), preference,
                Optional.ofNullable(iif), Optional.ofNullable(oif), Optional.ofNullable(fwmark), noTrack,
                Optional.ofNullable(trackGroup), w, at));
    }
}
