package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.IpPrefix;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One line of virtual_ipaddress(_excluded) or static_ipaddress (keepalived's
 * vrrp_ipaddress.c alloc_ipaddress): ADDRESS[/LEN] followed by iproute2's address options.
 */
final class AddressLine {
    private AddressLine() {
    }

    /** Options keepalived reports as missing their value instead of reading past the line. */
    private static final Set<String> WITH_VALUE = Set.of("dev", "scope", "broadcast", "brd", "label", "peer",
            "preferred_lft", "track_group");

    private static final class Draft extends IpWords.Draft {
        final String first;
        final IpPrefix addr;
        int prefixLen;
        String dev;
        String scope;
        String label;
        InetAddress peer;
        InetAddress brd;
        /** broadcast + (-1, all host bits set) or - (-2, all clear), computed when the line is read */
        int brdSpecial;
        boolean haveBroadcast;
        boolean home;
        boolean nodad;
        boolean mngtmp;
        boolean noprefixroute;
        boolean autojoin;
        boolean useVmac;
        Long preferred;

        Draft(String first, IpPrefix addr) {
            this.first = first;
            this.addr = addr;
            this.family = addr.family();
            this.prefixLen = addr.prefixLength();
        }
    }

    private static Map<String, IpWords.Option<Draft>> options() {
        Map<String, IpWords.Option<Draft>> t = new HashMap<>();
        t.put("dev", AddressLine::dev);
        t.put("scope", (d, w) -> {
            String s = w.value();
            if (!IpOptions.validScope(s)) {
                w.error("Invalid scope '" + s + "' specified for " + d.first + ", expected global, site, link,"
                        + " host, nowhere or 0-255 - ignoring");
            } else {
                d.scope = s;
            }
            return true;
        });
        t.put("broadcast", AddressLine::broadcast);
        t.put("brd", AddressLine::broadcast);
        t.put("label", (d, w) -> {
            String l = w.value();
            if (l.length() >= 16) {
                w.error("Address label " + l + " is longer than maximum length 15 - removing address");
                return false;
            }
            d.label = l;
            return true;
        });
        t.put("peer", AddressLine::peer);
        t.put("home", (d, w) -> d.home = true);
        t.put("-nodad", (d, w) -> d.nodad = true);
        t.put("mngtmpaddr", (d, w) -> d.mngtmp = true);
        t.put("noprefixroute", (d, w) -> d.noprefixroute = true);
        t.put("autojoin", (d, w) -> d.autojoin = true);
        t.put("no_track", (d, w) -> d.noTrack = true);
        t.put("preferred_lft", (d, w) -> {
            String p = w.value();
            if (p.equals("forever")) {
                d.preferred = 0xFFFF_FFFFL;
            } else {
                OptionalLong v = Numbers.unsigned(w.c, w.at, p, 0, Numbers.UINT_MAX);
                if (v.isPresent()) {
                    d.preferred = v.getAsLong();
                } else {
                    w.error("preferred_lft " + p + " is invalid, expected seconds or forever");
                }
            }
            return true;
        });
        return t;
    }

    /** static_ipaddress: track_group; a duplicate ends the line. */
    private static final Map<String, IpWords.Option<Draft>> STATIC = options();
    /** virtual_ipaddress: use_vmac puts the address on the instance's vmac. */
    private static final Map<String, IpWords.Option<Draft>> VIRTUAL = options();

    static {
        STATIC.put("track_group", (d, w) -> {
            boolean duplicate = d.trackGroup != null;
            IpOptions.trackGroup(d, w.value(), w, ", expected a track_group declared before");
            if (duplicate) {
                w.skipRest();
            }
            return true;
        });
        VIRTUAL.put("use_vmac", (d, w) -> d.useVmac = true);
    }

    private static boolean unknown(Draft d, IpWords w) {
        w.error("Unknown configuration entry '" + w.option() + "' for ip address - ignoring");
        return true;
    }

    /** The address, or empty when keepalived skips it. */
    static Optional<IpAddressSpec> read(ConfigNode line, boolean isStatic, BindContext c)
            throws ConfigFatalException {
        IpWords w = new IpWords(line, c, 1);
        String first = line.words().get(0);
        Optional<IpPrefix> addr = IpOptions.address(first, true, w.at, c);
        if (addr.isEmpty()) {
            return Optional.empty();
        }
        Draft d = new Draft(first, addr.get());
        Map<String, IpWords.Option<Draft>> table = isStatic ? STATIC : VIRTUAL;
        while (w.hasOption()) {
            String opt = w.option();
            IpWords.Option<Draft> option = table.get(opt);
            if (option != null && WITH_VALUE.contains(opt) && !w.hasValue()) {
                w.error("No " + opt + " parameter specified for " + first + ", expected " + opt + " VALUE"
                        + " - skipping the address");
                return Optional.empty();
            }
            if (!(option != null ? option : (IpWords.Option<Draft>) AddressLine::unknown).read(d, w)) {
                return Optional.empty();
            }
            w.next();
        }
        return complete(d, isStatic, w);
    }

    private static boolean dev(Draft d, IpWords w) throws ConfigFatalException {
        if (d.dev != null) {
            w.error("Cannot specify ipaddress device more than once for " + d.first + " - skipping the address");
            return false;
        }
        String name = w.value();
        if (!IpOptions.existingInterface(w, name, "WARNING - interface " + name + " for ip address " + d.first
                + " doesn't exist")) {
            return false;
        }
        d.dev = name;
        return true;
    }

    private static boolean broadcast(Draft d, IpWords w) throws ConfigFatalException {
        String b = w.value();
        if (d.family == AddressFamily.IPV6) {
            w.error("Cannot assign a broadcast " + b + " to the IPv6 address " + d.first + " - skipping the address");
            return false;
        }
        d.haveBroadcast = true;
        if (b.equals("-")) {
            d.brdSpecial = -2;
        } else if (b.equals("+")) {
            d.brdSpecial = -1;
        } else {
            Optional<InetAddress> ba = InetText.parseV4(b);
            if (ba.isEmpty()) {
                w.error("Invalid broadcast " + b + ", expected an IPv4 address, + or - - skipping the address");
                return false;
            }
            d.brd = ba.get();
        }
        return true;
    }

    private static boolean peer(Draft d, IpWords w) throws ConfigFatalException {
        String p = w.value();
        if (d.peer != null) {
            w.error("Peer " + p + " - another peer has already been specified");
            return true;
        }
        Optional<IpPrefix> pp = IpOptions.address(p, false, w.at, w.c);
        if (pp.isEmpty()) {
            w.error("Invalid peer address " + p);
        } else if (pp.get().family() != d.family) {
            w.error("Peer address " + p + " does not match address family");
        } else {
            if (d.prefixLen != d.family.maxPrefix()) {
                w.error("Cannot specify address prefix when specifying peer address - ignoring");
            }
            d.peer = pp.get().address();
            d.prefixLen = pp.get().prefixLength();
        }
        return true;
    }

    /** What alloc_ipaddress settles once the options are read. */
    private static Optional<IpAddressSpec> complete(Draft d, boolean isStatic, IpWords w) {
        BindContext c = w.c;
        if (d.haveBroadcast && d.peer != null) {
            w.error("Cannot specify broadcast and peer addresses - ignoring broadcast address");
            d.brd = null;
        } else if (d.brdSpecial < 0 && d.prefixLen <= 30) {
            d.brd = broadcastFor(d.peer != null ? d.peer : d.addr.address(), d.prefixLen, d.brdSpecial == -1);
        } else if (d.brdSpecial < 0) {
            w.error("Address prefix length " + d.prefixLen + " too long for broadcast");
        }
        if (isStatic && d.dev == null) {
            String def = c.global.defaultInterface != null ? c.global.defaultInterface : "eth0";
            if (!c.useInterface(def, w.at)) {
                c.report(ConfigErrorKind.FATAL, w.at, "Static address " + d.first + " requires either an interface"
                        + " or the default interface (" + def + ") must exist");
                return Optional.empty();
            }
            d.dev = def;
        }
        if (d.family == AddressFamily.IPV6) {
            if (d.scope != null) {
                w.error("Cannot specify scope for IPv6 addresses (" + d.first + ") - ignoring scope");
                d.scope = null;
            }
            if (d.label != null) {
                w.error("Cannot specify label for IPv6 addresses (" + d.first + ") - ignoring label");
                d.label = null;
            }
            if (d.preferred == null) {
                // a /128 is deprecated at once (preferred_lft 0), as keepalived does for VIPs
                d.preferred = d.prefixLen == 128 ? 0L : 0xFFFF_FFFFL;
            }
        }
        if (d.trackGroup != null && d.dev == null) {
            w.error("Static address cannot have track_group if interface not specified");
            d.trackGroup = null;
        }
        return Optional.of(new IpAddressSpec(d.addr.address(), d.prefixLen, Optional.ofNullable(d.dev),
                Optional.ofNullable(d.brd), Optional.ofNullable(d.scope), Optional.ofNullable(d.label),
                Optional.ofNullable(d.peer), d.home, d.nodad, d.mngtmp, d.noprefixroute, d.autojoin, d.noTrack,
                d.useVmac, d.preferred == null ? OptionalLong.empty() : OptionalLong.of(d.preferred),
                Optional.ofNullable(d.trackGroup), w.words(), w.at));
    }

    /** broadcast + / -: the address with all host bits set or cleared. */
    private static InetAddress broadcastFor(InetAddress base, int prefixLen, boolean allOnes) {
        byte[] b = base.getAddress();
        long v = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
        long mask = prefixLen == 0 ? 0xFFFF_FFFFL : (0xFFFF_FFFFL >>> prefixLen);
        v = allOnes ? (v | mask) : (v & ~mask & 0xFFFF_FFFFL);
        return InetText.parseV4(((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "."
                + (v & 0xFF)).orElseThrow();
    }
}
