package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.IpPrefix;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;

/**
 * The readers address, route and rule lines share (iproute2's vocabulary, as keepalived's
 * vrrp_ipaddress.c, vrrp_iproute.c and vrrp_iprule.c accept it): addresses and prefixes,
 * scopes, tables, TOS, the address family keyword, interfaces and track groups.
 */
final class IpOptions {
    private IpOptions() {
    }

    private static final Set<String> SCOPES = Set.of("global", "universe", "site", "link", "host", "nowhere");
    private static final Set<String> TABLES = Set.of("local", "main", "default", "unspec");
    /** Route types (rtnetlink's RTN_*); a rule names some of them as its action. */
    static final Set<String> ROUTE_TYPES = Set.of("unicast", "local", "broadcast", "anycast", "multicast",
            "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve");

    static boolean validScope(String s) {
        return SCOPES.contains(s) || isByte(s);
    }

    static boolean isByte(String s) {
        try {
            int v = Integer.parseInt(s);
            return v >= 0 && v <= 255;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A table name iproute2 knows or a 32-bit number. */
    static boolean validTable(String s) {
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
    static Optional<IpPrefix> address(String text, boolean allowMask, SourceLocation at, BindContext c) {
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
        // keepalived takes the family from a ':' anywhere in the word, prefix included, and parses
        // the address in that family: "10.0.0.1/x:y" is no IPv6 address, so the line is skipped
        // (kept, it became an IPv4 address with a /128 that no interface can carry)
        if (a.isEmpty() || AddressFamily.of(a.get()) != family && addr.indexOf(':') < 0) {
            c.error(at, "VRRP parsed invalid IP " + text + ", expected an IPv4 or IPv6 address. skipping IP...");
            return Optional.empty();
        }
        return Optional.of(new IpPrefix(a.get(), len));
    }

    /**
     * parse_route: an address/prefix or default/any/all (an empty prefix: any address of the
     * family). Empty when the text is not an address.
     */
    static Optional<Optional<IpPrefix>> destination(String text, SourceLocation at, BindContext c) {
        if (text.equals("default") || text.equals("any") || text.equals("all")) {
            return Optional.of(Optional.empty());
        }
        if (text.equals("default6")) {
            c.note(at, "'default6' is deprecated - please replace with 'inet6 default'");
            return Optional.of(Optional.empty());
        }
        Optional<IpPrefix> p = address(text, true, at, c);
        return p.isEmpty() ? Optional.empty() : Optional.of(p);
    }

    /** inet / inet6 before the route or rule: a second, different family drops the line. */
    static boolean familyKeyword(IpWords.Draft d, IpWords w, String noun) {
        String opt = w.option();
        AddressFamily f = opt.equals("inet") ? AddressFamily.IPV4 : AddressFamily.IPV6;
        if (d.family == null) {
            d.family = f;
        } else if (d.family != f) {
            w.error(opt + " specified for " + (d.family == AddressFamily.IPV4 ? "IPv4" : "IPv6") + " " + noun
                    + " - skipping the " + noun);
            return false;
        }
        return true;
    }

    /** tos / dsfield: a byte, decimal or 0xNN. */
    static boolean tos(IpWords w, String noun) throws ConfigFatalException {
        String v = w.value();
        if (!isByte(v) && !v.matches("0x[0-9a-fA-F]{1,2}")) {
            w.error("TOS value " + v + " is invalid - skipping the " + noun);
            return false;
        }
        return true;
    }

    /**
     * An interface named on the line; one that does not exist (and is not dynamic) drops the
     * line with the message given.
     */
    static boolean existingInterface(IpWords w, String name, String message) {
        if (!w.c.useInterface(name, w.at)) {
            w.error(message);
            return false;
        }
        return true;
    }

    /**
     * track_group NAME on a static line: the group must be declared before it and given once.
     *
     * @param notFoundDetail what keepalived's "not found" message adds for this kind of line
     */
    static void trackGroup(IpWords.Draft d, String name, IpWords w, String notFoundDetail) {
        if (d.trackGroup != null) {
            w.error("track_group " + name + " is a duplicate");
        } else if (w.c.trackGroups.stream().noneMatch(t -> t.name.equals(name))) {
            w.error("track_group " + name + " not found" + notFoundDetail);
        } else {
            d.trackGroup = name;
        }
    }

    /** A 32-bit unsigned number (metric, preference, goto target). */
    static OptionalLong uint32(IpWords w, String v) {
        return Numbers.unsigned(w.c, w.at, v, 0, Numbers.UINT_MAX);
    }

    /** An option with a 32-bit unsigned value (metric, preference); an invalid one drops the line. */
    static <D> IpWords.Option<D> uint32Option(Function<String, String> invalid, ObjLongConsumer<D> set) {
        return (d, w) -> {
            String v = w.value();
            OptionalLong n = uint32(w, v);
            if (n.isEmpty()) {
                w.error(invalid.apply(v));
                return false;
            }
            set.accept(d, n.getAsLong());
            return true;
        };
    }

    /** The options of a static route or rule: those of a virtual one and track_group. */
    static <D extends IpWords.Draft> Map<String, IpWords.Option<D>> withTrackGroup(
            Map<String, IpWords.Option<D>> options) {
        Map<String, IpWords.Option<D>> t = new HashMap<>(options);
        t.put("track_group", (d, w) -> {
            trackGroup(d, w.value(), w, "");
            return true;
        });
        return t;
    }
}
