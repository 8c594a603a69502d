package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.AddressFamily;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The VRRP half of {@code global_defs} (global_parser.c, the keywords under _WITH_VRRP_): the
 * multicast groups, the gratuitous ARP / unsolicited NA defaults every instance starts from
 * (alloc_vrrp copies them when the instance is read, so a value set after an instance does not
 * reach it), the advert policies, nftables for accept mode, and the interface policy.
 */
final class VrrpGlobals {
    private VrrpGlobals() {
    }

    /** This area's part of the global_defs table ({@link GlobalDefsBinder#TABLE}). */
    static final KeywordTable<GlobalDrafts.Global> KEYWORDS = new KeywordTable<GlobalDrafts.Global>("global_defs")
            .line("dynamic_interfaces", (g, n, c) -> {
                g.dynamicInterfaces = true;
                if (n.argCount() >= 1) {
                    if (n.arg(0).equals("allow_if_changes")) {
                        g.allowIfChanges = true;
                    } else {
                        c.error(n, "Unknown dynamic_interfaces option '" + n.arg(0) + "', expected allow_if_changes");
                    }
                }
            })
            .line("default_interface", (g, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "default_interface requires an interface name");
                } else {
                    g.defaultInterface = n.arg(0);
                }
            })
            .line("disable_local_igmp", (g, n, c) -> g.disableLocalIgmp = true)
            .line("vrrp_mcast_group4", (g, n, c) -> mcastGroup(g, n, c, AddressFamily.IPV4))
            .line("vrrp_mcast_group6", (g, n, c) -> mcastGroup(g, n, c, AddressFamily.IPV6))
            .line("vrrp_garp_master_delay", (g, n, c) -> seconds(n, c, "vrrp_garp_master_delay", 0)
                    .ifPresent(s -> g.garpDelay = s * Numbers.TIMER_HZ))
            .line("vrrp_garp_master_repeat", (g, n, c) -> repeat(n, c, "vrrp_garp_master_repeat")
                    .ifPresent(r -> g.garpRep = (int) r))
            .line("vrrp_garp_master_refresh", (g, n, c) -> g.garpRefresh = NumberArg.unsigned(n, c,
                    "a refresh interval in seconds", 0, Numbers.UINT_MAX,
                    v -> "vrrp_garp_master_refresh '" + v + "' is not valid, expected seconds - using 0 (off)")
                    .orElse(0))
            .line("vrrp_garp_master_refresh_repeat", (g, n, c) -> repeat(n, c, "vrrp_garp_master_refresh_repeat")
                    .ifPresent(r -> g.garpRefreshRep = (int) r))
            .line("vrrp_garp_lower_prio_delay", (g, n, c) -> seconds(n, c, "vrrp_garp_lower_prio_delay", 0)
                    .ifPresent(s -> g.garpLowerPrioDelay = s * Numbers.TIMER_HZ))
            .line("vrrp_garp_lower_prio_repeat", (g, n, c) -> NumberArg.unsigned(n, c, "a repeat count", 0,
                    Numbers.INT_MAX, v -> "vrrp_garp_lower_prio_repeat '" + v + "' is not valid - ignoring")
                    .ifPresent(value -> g.garpLowerPrioRep = (int) value))
            .line("vrrp_down_timer_adverts", (g, n, c) -> NumberArg.unsigned(n, c, "a number of adverts 1-100", 1,
                    100, v -> "vrrp_down_timer_adverts '" + v + "' is not valid, expected 1-100 - ignoring")
                    .ifPresent(value -> g.downTimerAdverts = (int) value))
            .line("vrrp_garp_interval", (g, n, c) -> g.garpInterval = garpInterval(n, c, "vrrp_garp_interval",
                    g.garpInterval))
            .line("vrrp_gna_interval", (g, n, c) -> g.gnaInterval = garpInterval(n, c, "vrrp_gna_interval",
                    g.gnaInterval))
            .line("vrrp_min_garp", (g, n, c) -> {
                boolean on = true;
                if (n.argCount() >= 1) {
                    Optional<Boolean> b = Numbers.bool(n.arg(0));
                    if (b.isEmpty()) {
                        c.error(n, "Invalid value '" + n.arg(0) + "' for vrrp_min_garp, expected on/off");
                        return;
                    }
                    on = b.get();
                }
                if (!on) {
                    return;
                }
                g.minGarp = true;
                if (g.garpRep == 5) {
                    g.garpRep = 1;
                }
                if (g.garpRefreshRep == 1) {
                    g.garpRefreshRep = 0;
                }
                if (g.garpDelay == 5 * Numbers.TIMER_HZ) {
                    g.garpDelay = 0;
                }
            })
            .line("vrrp_garp_extra_if", VrrpGlobals::garpExtraIf)
            .line("vrrp_vmac_garp_intvl", (g, n, c) -> {
                c.deprecated(n.location(), "Keyword \"vrrp_vmac_garp_intvl\" is deprecated - please use"
                        + " \"vrrp_garp_extra_if\"");
                garpExtraIf(g, n, c);
            })
            .line("vrrp_lower_prio_no_advert",
                    (g, n, c) -> boolDefaultTrue(n, c).ifPresent(b -> g.lowerPrioNoAdvert = b))
            .line("vrrp_higher_prio_send_advert",
                    (g, n, c) -> boolDefaultTrue(n, c).ifPresent(b -> g.higherPrioSendAdvert = b))
            .line("vrrp_version", (g, n, c) -> NumberArg.signed(n, c, "2 or 3", 2, 3,
                    v -> "vrrp_version must be either 2 or 3 - ignoring '" + v + "'")
                    .ifPresent(value -> g.vrrpVersion = (int) value))
            .line("vrrp_iptables", (g, n, c) -> {
                c.error(n, "iptables not supported, using nftables instead. Please replace 'vrrp_iptables' and"
                        + " 'vrrp_ipsets' with 'nftables'");
                g.nftables = "keepalived";
            })
            .line("nftables", (g, n, c) -> {
                if (g.nftables != null) {
                    c.error(n, "nftables already specified - ignoring");
                    return;
                }
                if (n.argCount() >= 1 && n.arg(0).length() >= 256) {
                    c.error(n, "nftables table name too long - ignoring");
                    return;
                }
                g.nftables = n.argCount() >= 1 ? n.arg(0) : "keepalived";
                g.nftablesPriority = -1; // keepalived resets it here: a priority given before is lost
            })
            .line("nftables_priority", (g, n, c) -> {
                String v = Args.need(n, 0, "an integer");
                Numbers.signed(c, n.location(), v, Integer.MIN_VALUE, Integer.MAX_VALUE).ifPresent(p -> {
                    GlobalDefsBinder.record(g, n);
                    g.nftablesPriority = (int) p;
                });
            })
            .line("nftables_counters", (g, n, c) -> {
                GlobalDefsBinder.record(g, n);
                g.nftablesCounters = true;
            })
            .line("vrrp_check_unicast_src", (g, n, c) -> g.checkUnicastSrc = true)
            .line("vrrp_skip_check_adv_addr", (g, n, c) -> g.skipCheckAdvAddr = true)
            .line("vrrp_strict", (g, n, c) -> g.strict = true)
            .line("vrrp_rx_bufs_policy", (g, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "vrrp_rx_bufs_policy is missing, expected MTU, ADVERT or a size");
                    return;
                }
                for (String w : n.args()) {
                    if (!w.equalsIgnoreCase("MTU") && !w.equalsIgnoreCase("ADVERT")
                            && Numbers.unsigned(c, n.location(), w, 0, Numbers.UINT_MAX).isEmpty()) {
                        c.error(n, "Invalid vrrp_rx_bufs_policy " + w + ", expected MTU, ADVERT or a size");
                    }
                }
                GlobalDefsBinder.record(g, n);
            })
            .line("vrrp_rx_bufs_multiplier", (g, n, c) -> {
                if (n.argCount() != 1) {
                    c.error(n, "Invalid vrrp_rx_bufs_multiplier, expected one number");
                    return;
                }
                if (Numbers.unsigned(c, n.location(), n.arg(0), 1, Numbers.UINT_MAX).isEmpty()) {
                    c.error(n, "Invalid vrrp_rx_bufs_multiplier " + n.arg(0));
                } else {
                    GlobalDefsBinder.record(g, n);
                }
            })
            .line("vrrp_startup_delay", (g, n, c) -> NumberArg.decimal(n, c, "a delay in seconds",
                    Numbers.TIMER_HZ / 1000, Numbers.UINT_MAX, Numbers.TIMER_DIGITS,
                    v -> "vrrp_startup_delay '" + v + "' is invalid, expected 0.001 - 4294.967295 seconds")
                    .ifPresent(value -> g.startupDelay = value))
            .line("log_unknown_vrids", (g, n, c) -> g.logUnknownVrids = true)
            .line("vmac_prefix", (g, n, c) -> {
                String v = Args.need(n, 0, "an interface name prefix");
                if (g.vmacPrefix != null) {
                    c.error(n, "vmac_prefix has already been specified - ignoring " + v);
                } else {
                    g.vmacPrefix = v;
                }
            })
            .line("vmac_addr_prefix", (g, n, c) -> {
                String v = Args.need(n, 0, "an interface name prefix");
                if (g.vmacAddrPrefix != null) {
                    c.error(n, "vmac_addr_prefix has already been specified - ignoring " + v);
                } else {
                    g.vmacAddrPrefix = v;
                }
            });

    /** Like {@link #bool} but a bad value is only reported (keepalived keeps the old value). */
    private static Optional<Boolean> boolDefaultTrue(ConfigNode n, BindContext c) {
        return GlobalDefsBinder.bool(n, c, n.keyword());
    }

    private static OptionalLong seconds(ConfigNode n, BindContext c, String what, long min)
            throws ConfigFatalException {
        return NumberArg.unsigned(n, c, "a number of seconds", min, Numbers.UINT_MAX / Numbers.TIMER_HZ,
                v -> what + " '" + v + "' is not valid, expected whole seconds - ignoring");
    }

    private static OptionalLong repeat(ConfigNode n, BindContext c, String what) throws ConfigFatalException {
        OptionalLong r = NumberArg.unsigned(n, c, "a repeat count", 0, Numbers.UINT_MAX,
                v -> what + " '" + v + "' is not valid - ignoring");
        if (r.isEmpty()) {
            return r;
        }
        if (r.getAsLong() == 0) {
            c.error(n, what + " must be greater than 0 - using 1");
            return OptionalLong.of(1);
        }
        return r;
    }

    private static long garpInterval(ConfigNode n, BindContext c, String what, long old) throws ConfigFatalException {
        OptionalLong i = NumberArg.decimal(n, c, "an interval in seconds, 0.000001 - 4294.967295", 1,
                Numbers.UINT_MAX, Numbers.TIMER_DIGITS, v -> what + " '" + v + "' is invalid, expected 0.000001 -"
                        + " 4294.967295 seconds" + (v.equals("0") ? " (leave it out for no pacing)" : ""));
        if (i.isEmpty()) {
            return old;
        }
        if (i.getAsLong() >= Numbers.TIMER_HZ) {
            c.note(n.location(), "The " + what + " is very large - " + n.arg(0) + " seconds");
        }
        return i.getAsLong();
    }

    private static void mcastGroup(GlobalDrafts.Global g, ConfigNode n, BindContext c, AddressFamily family)
            throws ConfigFatalException {
        String v = Args.need(n, 0, family == AddressFamily.IPV4 ? "an IPv4 multicast address"
                : "an IPv6 multicast address");
        Optional<InetAddress> a = InetText.parse(v);
        String kw = n.keyword();
        if (a.isEmpty()) {
            c.error(n, "Can't parse " + kw + " [" + v + "], expected a multicast address. Skipping");
            return;
        }
        if (AddressFamily.of(a.get()) != family) {
            c.error(n, kw + " [" + v + "] is not " + (family == AddressFamily.IPV4 ? "IPv4" : "IPv6") + ". Skipping");
            return;
        }
        if (!a.get().isMulticastAddress()) {
            c.error(n, kw + " [" + v + "] is not multicast. Skipping");
            return;
        }
        if (family == AddressFamily.IPV6) {
            if (!InetText.isLinkLocalMulticast(a.get())) {
                c.warning(n.location(), kw + " [" + v + "] should be link-local multicast (ff02::/16)");
            }
            g.mcast6 = a.get();
        } else {
            g.mcast4 = a.get();
        }
    }

    private static void garpExtraIf(GlobalDrafts.Global g, ConfigNode n, BindContext c) {
        long delay = 0;
        boolean all = false;
        for (String w : n.args()) {
            if (w.equals("all")) {
                all = true;
            } else {
                OptionalLong d = Numbers.unsigned(c, n.location(), w, 1, 86400);
                if (d.isEmpty()) {
                    c.error(n, n.keyword() + " '" + w + "' invalid, expected 1-86400 seconds - ignoring");
                    return;
                }
                delay = d.getAsLong();
            }
        }
        if (all) {
            g.garpExtraIfAll = true;
        }
        if (delay == 0) {
            c.error(n, n.keyword() + " specified without time - ignoring");
            return;
        }
        g.garpExtraIf = (int) delay;
    }
}
