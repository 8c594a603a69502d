package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.VrrpInstance;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a vrrp_instance advertises to whom (vrrp_parser.c): multicast or unicast peers and the
 * source address, the virtual addresses, routes and rules. The first address read fixes the
 * instance's family, as keepalived does; an address of the other family is refused with
 * keepalived's message (virtual_ipaddress_excluded may mix families).
 */
final class InstanceAddressKeywords {
    private InstanceAddressKeywords() {
    }

    /** This theme's part of the vrrp_instance table ({@link VrrpInstanceBinder#TABLE}). */
    static final KeywordTable<VrrpDrafts.Instance> KEYWORDS = new KeywordTable<VrrpDrafts.Instance>("vrrp_instance")
            .block("unicast_peer", (v, n, c) -> {
                v.unicastConfigured = true;
                for (ConfigNode line : Blocks.lines(n, c)) {
                    unicastPeer(v, line, c);
                }
            })
            .line("unicast_fault_no_peer", (v, n, c) -> {
                v.unicastConfigured = true;
                v.unicastFaultNoPeer = true;
            })
            .line("check_unicast_src", (v, n, c) -> {
                v.unicastConfigured = true;
                v.checkUnicastSrc = true;
            })
            .line("old_unicast_checksum", (v, n, c) -> {
                v.unicastConfigured = true;
                if (n.argCount() >= 1) {
                    if (n.arg(0).equals("never")) {
                        v.oldChecksum = false;
                    } else {
                        c.error(n, "(" + v.name + ") Unknown old_unicast_checksum mode " + n.arg(0)
                                + ", expected never - ignoring");
                    }
                } else {
                    v.oldChecksum = true;
                }
            })
            .line("native_ipv6", (v, n, c) -> {
                if (v.family == AddressFamily.IPV4) {
                    c.error(n, "(" + v.name + ") Cannot specify native_ipv6 with IPv4 addresses");
                    return;
                }
                v.family = AddressFamily.IPV6;
                v.version = 3;
            })
            .line("mcast_src_ip", InstanceAddressKeywords::sourceAddress)
            .line("unicast_src_ip", (v, n, c) -> {
                v.unicastConfigured = true;
                sourceAddress(v, n, c);
            })
            .line("mcast_dst_ip", InstanceAddressKeywords::mcastDestination)
            .line("unicast_ttl", (v, n, c) -> NumberArg.unsigned(n, c, "a TTL 0-255", 0, 255,
                    s -> "(" + v.name + "): TTL '" + s + "' not valid - must be between 0 & 255")
                    .ifPresent(value -> v.ttl = (int) value))
            .block("virtual_ipaddress", (v, n, c) -> {
                for (ConfigNode line : Blocks.lines(n, c)) {
                    vip(v, line, c);
                }
            })
            .block("virtual_ipaddress_excluded", (v, n, c) -> {
                for (ConfigNode line : Blocks.lines(n, c)) {
                    AddressLine.read(line, false, c).ifPresent(v.evips::add);
                }
            })
            .line("promote_secondaries", (v, n, c) -> v.promoteSecondaries = true)
            .block("virtual_routes", (v, n, c) -> {
                for (ConfigNode line : Blocks.lines(n, c)) {
                    RouteLine.read(line, false, c).ifPresent(v.routes::add);
                }
            })
            .block("virtual_rules", (v, n, c) -> {
                for (ConfigNode line : Blocks.lines(n, c)) {
                    RuleLine.read(line, false, c, c.nextRulePreference).ifPresent(v.rules::add);
                }
            });

    private static void unicastPeer(VrrpDrafts.Instance v, ConfigNode line, BindContext c) {
        SourceLocation at = line.location();
        String addrText = line.keyword();
        Optional<InetAddress> a = InetText.sockaddr(addrText);
        if (a.isEmpty()) {
            c.error(at, "(" + v.name + ") malformed unicast peer address [" + addrText + "], expected an IP address."
                    + " Skipping...");
            return;
        }
        AddressFamily f = AddressFamily.of(a.get());
        if (!fitsFamily(v, f)) {
            c.error(at, "(" + v.name + ") instance and unicast peer address [" + addrText + "] MUST be of the same"
                    + " family !!! Skipping...");
            return;
        }
        int min = 0;
        int max = 255;
        for (int i = 0; i < line.argCount(); i += 2) {
            if (i + 1 >= line.argCount()) {
                c.error(at, "(" + v.name + ") " + line.arg(i) + " is missing a value");
                break;
            }
            OptionalLong t = Numbers.unsigned(c, at, line.arg(i + 1), 0, 255);
            if (t.isPresent()) {
                if (line.arg(i).equals("min_ttl")) {
                    min = (int) t.getAsLong();
                } else if (line.arg(i).equals("max_ttl")) {
                    max = (int) t.getAsLong();
                } else {
                    c.error(at, "(" + v.name + ") unknown unicast_peer option " + line.arg(i)
                            + ", expected min_ttl or max_ttl");
                    break;
                }
                v.checkUnicastSrc = true;
            }
        }
        if (min > max) {
            c.error(at, "(" + v.name + ") min_ttl " + min + " > max_ttl " + max + " - all packets will be discarded");
        }
        v.peers.add(new VrrpInstance.UnicastPeer(a.get(), min, max, at));
    }

    private static void sourceAddress(VrrpDrafts.Instance v, ConfigNode n, BindContext c) throws ConfigFatalException {
        String s = Args.need(n, 0, "an IP address");
        Optional<InetAddress> a = InetText.sockaddr(s);
        if (a.isEmpty()) {
            c.error(n, "(" + v.name + ") malformed src address[" + s + "], expected an IP address. Skipping...");
            return;
        }
        AddressFamily f = AddressFamily.of(a.get());
        if (!fitsFamily(v, f)) {
            c.error(n, "(" + v.name + ") instance and src address[" + s + "] MUST be of the same family !!!"
                    + " Skipping...");
            v.saddr = null;
            return;
        }
        v.saddr = a.get();
    }

    private static void mcastDestination(VrrpDrafts.Instance v, ConfigNode n, BindContext c)
            throws ConfigFatalException {
        String s = Args.need(n, 0, "a multicast address");
        Optional<InetAddress> a = InetText.sockaddr(s);
        if (a.isEmpty()) {
            c.error(n, "(" + v.name + ") malformed mcast dest address " + s + ". Skipping...");
            return;
        }
        AddressFamily f = AddressFamily.of(a.get());
        if (!fitsFamily(v, f)) {
            c.error(n, "(" + v.name + ") mcast dest address " + s + " MUST match VRRP instance family. Skipping...");
            return;
        }
        if ((f == AddressFamily.IPV4 && !a.get().isMulticastAddress())
                || (f == AddressFamily.IPV6 && !InetText.isLinkLocalMulticast(a.get()))) {
            c.error(n, "(" + v.name + ") mcast_dst_ip " + s + " not" + (f == AddressFamily.IPV6 ? " link-local" : "")
                    + " multicast. Skipping...");
            return;
        }
        v.mcastDst = a.get();
    }

    private static void vip(VrrpDrafts.Instance v, ConfigNode line, BindContext c) throws ConfigFatalException {
        Optional<IpAddressSpec> a = AddressLine.read(line, false, c);
        if (a.isEmpty()) {
            return;
        }
        AddressFamily f = a.get().family();
        if (!fitsFamily(v, f)) {
            c.error(line.location(), "(" + v.name + "): address family must match VRRP instance [" + line.keyword()
                    + "] - ignoring (use virtual_ipaddress_excluded for the other family)");
            return;
        }
        v.vips.add(a.get());
    }

    /** The first address read fixes the instance's family, as keepalived sets vrrp->family then. */
    private static boolean fitsFamily(VrrpDrafts.Instance v, AddressFamily f) {
        if (v.family == null) {
            v.family = f;
        }
        return v.family == f;
    }
}
