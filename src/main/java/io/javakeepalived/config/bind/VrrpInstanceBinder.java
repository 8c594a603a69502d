package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.host.InterfaceInfo;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.VrrpInstance;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** {@code vrrp_instance NAME { }} (keepalived/vrrp/vrrp_parser.c). */
final class VrrpInstanceBinder {
    private VrrpInstanceBinder() {
    }

    static final KeywordTable<Drafts.Instance> AUTH = new KeywordTable<Drafts.Instance>("authentication")
            .line("auth_type", (v, n, c) -> {
                String t = Args.need(n, 0, "PASS or AH");
                switch (t) {
                    case "PASS" -> v.authType = VrrpInstance.AuthType.PASS;
                    case "AH" -> v.authType = VrrpInstance.AuthType.AH;
                    default -> c.error(n, "(" + v.name + ") unknown authentication type '" + t
                            + "', expected PASS or AH");
                }
            })
            .line("auth_pass", (v, n, c) -> {
                String p = Args.need(n, 0, "a password of up to 8 characters");
                if (p.length() > 8) {
                    c.error(n, "(" + v.name + ") Truncating auth_pass to 8 characters: VRRPv2 carries only 8");
                    p = p.substring(0, 8);
                }
                v.authPass = p;
            });

    static final KeywordTable<Drafts.Instance> TABLE = new KeywordTable<Drafts.Instance>("vrrp_instance")
            .line("use_vmac", VrrpInstanceBinder::useVmac)
            .line("use_vmac_addr", (v, n, c) -> v.vmacAddr = true)
            .line("vmac_xmit_base", (v, n, c) -> v.xmitBase = true)
            .line("use_ipvlan", VrrpInstanceBinder::useIpvlan)
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
            .line("state", (v, n, c) -> {
                String s = Args.need(n, 0, "MASTER or BACKUP");
                if (s.equals("MASTER")) {
                    v.want = Drafts.WantState.MASTER;
                } else if (s.equals("BACKUP")) {
                    if (v.want == Drafts.WantState.MASTER) {
                        c.error(n, "(" + v.name + ") state previously set as MASTER - ignoring BACKUP");
                    } else {
                        v.want = Drafts.WantState.BACKUP;
                    }
                } else {
                    c.error(n, "(" + v.name + ") unknown state '" + s + "', expected MASTER or BACKUP - defaulting"
                            + " to BACKUP");
                    v.want = Drafts.WantState.BACKUP;
                }
            })
            .line("interface", VrrpInstanceBinder::interfaceLine)
            .line("vrf", VrrpInstanceBinder::vrf)
            .line("dont_track_primary", (v, n, c) -> v.dontTrackPrimary = true)
            .block("track_interface", (v, n, c) -> TrackerLines.interfaces(v.name, n, v.trackers.interfaces, c))
            .block("track_script", (v, n, c) -> TrackerLines.scripts(v.name, n, v.trackers.scripts, c))
            .block("track_file", (v, n, c) -> TrackerLines.files(v.name, n, v.trackers.files, c))
            .block("track_process", (v, n, c) -> TrackerLines.processes(v.name, n, v.trackers.processes, c))
            .block("track_bfd", (v, n, c) -> TrackerLines.bfds(v.name, n, v.trackers.bfds, c))
            .line("mcast_src_ip", VrrpInstanceBinder::sourceAddress)
            .line("unicast_src_ip", (v, n, c) -> {
                v.unicastConfigured = true;
                sourceAddress(v, n, c);
            })
            .line("mcast_dst_ip", VrrpInstanceBinder::mcastDestination)
            .line("track_src_ip", (v, n, c) -> v.trackSaddr = true)
            .line("virtual_router_id", (v, n, c) -> NumberArg.unsigned(n, c, "a virtual router id 1-255", 1, 255,
                    s -> "(" + v.name + "): VRID '" + s + "' not valid - must be between 1 & 255")
                    .ifPresent(value -> v.vrid = (int) value))
            .line("unicast_ttl", (v, n, c) -> NumberArg.unsigned(n, c, "a TTL 0-255", 0, 255,
                    s -> "(" + v.name + "): TTL '" + s + "' not valid - must be between 0 & 255")
                    .ifPresent(value -> v.ttl = (int) value))
            .line("version", (v, n, c) -> {
                String s = Args.need(n, 0, "2 or 3");
                OptionalLong ver = Numbers.signed(c, n.location(), s, 2, 3);
                if (ver.isEmpty()) {
                    c.error(n, "(" + v.name + "): Version must be either 2 or 3");
                    return;
                }
                int version = (int) ver.getAsLong();
                if ((v.version != 0 && v.version != version) || (version == 2 && v.family == AddressFamily.IPV6)) {
                    c.error(n, "(" + v.name + ") vrrp_version " + version + " conflicts with configured or deduced"
                            + " version " + (v.version != 0 ? v.version : 3) + "; ignoring.");
                    return;
                }
                v.version = version;
            })
            .line("priority", (v, n, c) -> {
                String s = Args.need(n, 0, "an integer 1-255");
                OptionalLong p = Numbers.unsigned(c, n.location(), s, 1, 255);
                if (p.isEmpty()) {
                    c.error(n, "(" + v.name + ") Priority '" + s + "' not valid! must be between 1 & 255."
                            + " Using default 100");
                    v.priority = 100;
                } else {
                    v.priority = (int) p.getAsLong();
                }
            })
            .line("advert_int", (v, n, c) -> {
                String s = Args.need(n, 0, "an interval in seconds, 0.01-255");
                OptionalLong a = Numbers.decimal(c, n.location(), s, Numbers.TIMER_HZ / 100, 255 * Numbers.TIMER_HZ,
                        Numbers.TIMER_DIGITS);
                if (a.isEmpty() || a.getAsLong() == 0) {
                    c.error(n, "(" + v.name + ") Advert interval (" + s + ") not valid! Must be 0.01-255 seconds"
                            + " - ignoring");
                } else {
                    v.advertInt = a.getAsLong();
                }
            })
            .block("authentication", (v, n, c) -> AUTH.dispatch(v, n.children(), c))
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
            .line("linkbeat_use_polling", (v, n, c) -> {
                v.linkbeatPolling = true;
                c.deprecated(n.location(), "(" + v.name + ") 'linkbeat_use_polling' in vrrp instance deprecated"
                        + " - use a top-level linkbeat_interfaces { IF } block");
            })
            .block("virtual_routes", (v, n, c) -> {
                for (ConfigNode line : Blocks.lines(n, c)) {
                    RouteLine.read(line, false, c).ifPresent(v.routes::add);
                }
            })
            .block("virtual_rules", (v, n, c) -> {
                for (ConfigNode line : Blocks.lines(n, c)) {
                    RuleLine.read(line, false, c, c.nextRulePreference).ifPresent(v.rules::add);
                }
            })
            .line("accept", (v, n, c) -> v.accept = true)
            .line("no_accept", (v, n, c) -> v.accept = false)
            .line("skip_check_adv_addr", (v, n, c) -> boolArg(v, n, c, "skip_check_adv_addr",
                    b -> v.skipCheckAdvAddr = v.skipCheckAdvAddr || b, true))
            .line("strict_mode", (v, n, c) -> boolArg(v, n, c, "strict_mode", b -> v.strict = b, false))
            .line("preempt", (v, n, c) -> v.nopreempt = false)
            .line("nopreempt", (v, n, c) -> v.nopreempt = true)
            .line("preempt_delay", (v, n, c) -> {
                String s = Args.need(n, 0, "a delay in seconds, 0-1000");
                OptionalLong d = Numbers.decimal(c, n.location(), s, 0, 1000 * Numbers.TIMER_HZ, Numbers.TIMER_DIGITS);
                if (d.isEmpty()) {
                    c.error(n, "(" + v.name + ") Preempt_delay not valid! must be between 0-1000 seconds");
                    v.preemptDelay = 0;
                } else {
                    v.preemptDelay = d.getAsLong();
                }
            })
            .line("debug", (v, n, c) -> NumberArg.unsigned(n, c, "a debug level 0-4", 0, 4,
                    s -> "(" + v.name + ") Debug value '" + s + "' not valid; must be between 0-4")
                    .ifPresent(value -> v.debug = (int) value))
            .line("notify_master", (v, n, c) -> notify(v, n, c, v.notify.master != null, s -> {
                v.notify.master = s;
            }))
            .line("notify_backup", (v, n, c) -> notify(v, n, c, v.notify.backup != null, s -> {
                v.notify.backup = s;
            }))
            .line("notify_fault", (v, n, c) -> notify(v, n, c, v.notify.fault != null, s -> {
                v.notify.fault = s;
            }))
            .line("notify_stop", (v, n, c) -> notify(v, n, c, v.notify.stop != null, s -> {
                v.notify.stop = s;
            }))
            .line("notify", (v, n, c) -> notify(v, n, c, v.notify.generic != null, s -> {
                v.notify.generic = s;
            }))
            .line("notify_master_rx_lower_pri", (v, n, c) -> notify(v, n, c, v.notify.masterRxLowerPri != null, s -> {
                v.notify.masterRxLowerPri = s;
            }))
            .line("notify_deleted", (v, n, c) -> {
                if (v.notify.notifyDeleted) {
                    c.error(n, "(" + v.name + ") notify_deleted already specified - ignoring " + Args.rest(n, 0));
                    return;
                }
                if (n.argCount() >= 1) {
                    Scripts.notifyLine(n, "notify", c).ifPresent(s -> v.notify.deleted = s);
                }
                v.notify.notifyDeleted = true;
            })
            .line("smtp_alert", (v, n, c) -> boolArg(v, n, c, "smtp_alert", b -> v.smtpAlert = b, true))
            .line("notify_priority_changes", (v, n, c) -> boolArg(v, n, c, "notify_priority_changes",
                    b -> v.notifyPriorityChanges = b, true))
            .line("lvs_sync_daemon_interface", (v, n, c) -> {
                c.deprecated(n.location(), "(" + v.name + ") Specifying lvs_sync_daemon_interface against a vrrp is"
                        + " deprecated. Please use lvs_sync_daemon " + Args.rest(n, 0) + " in global_defs");
                if (c.global.lvsSync != null) {
                    c.error(n, "(" + v.name + ") lvs_sync_daemon_interface has already been specified as "
                            + c.global.lvsSync.interfaceName + " - ignoring");
                    return;
                }
                String ifname = Args.need(n, 0, "an interface name");
                Drafts.LvsSync s = new Drafts.LvsSync();
                s.interfaceName = ifname;
                s.instance = v.name;
                c.global.lvsSync = s;
                v.lvsSyncInterface = ifname;
            })
            .line("garp_master_delay", (v, n, c) -> wholeSeconds(v, n, c, Numbers.UINT_MAX / Numbers.TIMER_HZ)
                    .ifPresent(s -> v.garpDelay = s * Numbers.TIMER_HZ))
            .line("garp_master_refresh", (v, n, c) -> {
                String s = Args.need(n, 0, "a refresh interval in seconds");
                OptionalLong r = Numbers.unsigned(c, n.location(), s, 0, Numbers.UINT_MAX);
                if (r.isEmpty()) {
                    c.error(n, "(" + v.name + "): Invalid garp_master_refresh '" + s + "' - using 0 (off)");
                }
                v.garpRefresh = r.orElse(0);
            })
            .line("garp_master_repeat", (v, n, c) -> repeat(v, n, c).ifPresent(r -> v.garpRep = r))
            .line("garp_master_refresh_repeat", (v, n, c) -> repeat(v, n, c).ifPresent(r -> v.garpRefreshRep = r))
            .line("garp_lower_prio_delay", (v, n, c) -> wholeSeconds(v, n, c, Numbers.UINT_MAX / Numbers.TIMER_HZ)
                    .ifPresent(s -> v.garpLowerPrioDelay = s * Numbers.TIMER_HZ))
            .line("garp_lower_prio_repeat", (v, n, c) -> NumberArg.unsigned(n, c, "a repeat count", 0, Numbers.INT_MAX,
                    s -> "(" + v.name + "): Invalid garp_lower_prio_repeat '" + s + "'")
                    .ifPresent(value -> v.garpLowerPrioRep = (int) value))
            .line("down_timer_adverts", (v, n, c) -> NumberArg.unsigned(n, c, "a number of adverts 1-100", 1, 100,
                    s -> "(" + v.name + "): Invalid down_timer_adverts [1:100] '" + s + "'")
                    .ifPresent(value -> v.downTimerAdverts = (int) value))
            .line("garp_extra_if", VrrpInstanceBinder::garpExtraIf)
            .line("vmac_garp_intvl", (v, n, c) -> {
                c.deprecated(n.location(), "Keyword \"vmac_garp_intvl\" is deprecated - please use \"garp_extra_if\"");
                garpExtraIf(v, n, c);
            })
            .line("lower_prio_no_advert", (v, n, c) -> boolArg(v, n, c, "lower_prio_no_advert",
                    b -> v.lowerPrioNoAdvert = b, true))
            .line("higher_prio_send_advert", (v, n, c) -> boolArg(v, n, c, "higher_prio_send_advert",
                    b -> v.higherPrioSendAdvert = b, true))
            .line("kernel_rx_buf_size", (v, n, c) -> {
                if (n.argCount() == 1) {
                    OptionalLong s = Numbers.unsigned(c, n.location(), n.arg(0), 0, Numbers.UINT_MAX);
                    if (s.isPresent()) {
                        v.kernelRxBufSize = (int) Math.min(Integer.MAX_VALUE, s.getAsLong());
                        return;
                    }
                }
                c.error(n, "(" + v.name + ") invalid kernel_rx_buf_size specified, expected one size in bytes");
            });

    /** alloc_vrrp: a new instance takes the global defaults as they are at this point. */
    static Drafts.Instance newInstance(String name, SourceLocation at, BindContext c) {
        Drafts.Global g = c.global;
        Drafts.Instance v = new Drafts.Instance();
        v.name = name;
        v.location = at;
        v.garpRep = g.garpRep;
        v.garpRefresh = g.garpRefresh;
        v.garpRefreshRep = g.garpRefreshRep;
        v.garpDelay = g.garpDelay;
        v.downTimerAdverts = g.downTimerAdverts;
        v.skipCheckAdvAddr = g.skipCheckAdvAddr;
        return v;
    }

    /** vrrp_end_handler: checks made when the instance's block closes. */
    static void end(Drafts.Instance v, BindContext c) {
        if (v.unicastConfigured && (v.vmac || v.ipvlan != null)) {
            if (v.interfaceName == null || !v.interfaceUsable) {
                c.error(v.location, "(" + v.name + "): Cannot use VMAC/ipvlan with unicast and no interface"
                        + " - clearing use_vmac");
                v.vmac = false;
                v.ipvlan = null;
                v.vmacName = null;
            } else if (!v.xmitBase) {
                c.error(v.location, "(" + v.name + ") unicast with use_vmac requires vmac_xmit_base - setting");
                v.xmitBase = true;
            }
        }
        if (v.peers.isEmpty() && v.ttl != -1) {
            c.error(v.location, "(" + v.name + "): Cannot use unicast_ttl without unicast peers - resetting");
            v.ttl = 0;
        }
        if (v.interfaceName == null) {
            v.linkbeatPolling = false;
        }
    }

    private interface Fatal<T> {
        T get() throws ConfigFatalException;
    }

    private static void boolArg(Drafts.Instance v, ConfigNode n, BindContext c, String what, Consumer<Boolean> set,
                                boolean bare) {
        if (n.argCount() >= 1) {
            Optional<Boolean> b = Numbers.bool(n.arg(0));
            if (b.isEmpty()) {
                c.error(n, "(" + v.name + ") invalid " + what + " " + n.arg(0) + ", expected on/off - ignoring");
                return;
            }
            set.accept(b.get());
        } else {
            set.accept(bare);
        }
    }

    private static void notify(Drafts.Instance v, ConfigNode n, BindContext c, boolean already,
                               Consumer<ScriptCommand> set) throws ConfigFatalException {
        if (already) {
            c.error(n, "(" + v.name + ") " + n.keyword() + " script already specified - ignoring "
                    + Args.need(n, 0, "a command"));
            return;
        }
        Scripts.notifyLine(n, "notify", c).ifPresent(set);
    }

    private static OptionalLong wholeSeconds(Drafts.Instance v, ConfigNode n, BindContext c, long max)
            throws ConfigFatalException {
        String s = Args.need(n, 0, "a number of seconds");
        OptionalLong r = Numbers.unsigned(c, n.location(), s, 0, max);
        if (r.isEmpty()) {
            c.error(n, "(" + v.name + "): " + n.keyword() + " '" + s + "' invalid, expected whole seconds - ignoring");
        }
        return r;
    }

    private static Optional<Integer> repeat(Drafts.Instance v, ConfigNode n, BindContext c)
            throws ConfigFatalException {
        String s = Args.need(n, 0, "a repeat count");
        OptionalLong r = Numbers.unsigned(c, n.location(), s, 0, Numbers.UINT_MAX);
        if (r.isEmpty()) {
            c.error(n, "(" + v.name + "): " + n.keyword() + " '" + s + "' invalid - ignoring");
            return Optional.empty();
        }
        if (r.getAsLong() == 0) {
            c.error(n, "(" + v.name + "): " + n.keyword() + " must be greater than 0, setting to 1");
            return Optional.of(1);
        }
        return Optional.of((int) Math.min(Integer.MAX_VALUE, r.getAsLong()));
    }

    private static void garpExtraIf(Drafts.Instance v, ConfigNode n, BindContext c) {
        Long delay = null;
        for (String w : n.args()) {
            if (w.equals("all")) {
                v.garpExtraIfAll = true;
            } else {
                OptionalLong d = Numbers.unsigned(c, n.location(), w, 0, 86400);
                if (d.isEmpty()) {
                    c.error(n, "(" + v.name + "): " + n.keyword() + " '" + w + "' invalid, expected 0-86400 seconds"
                            + " - ignoring");
                    return;
                }
                delay = d.getAsLong();
            }
        }
        if (delay == null) {
            c.error(n, "(" + v.name + "): " + n.keyword() + " specified without time - ignoring");
            return;
        }
        v.garpExtraIf = delay.intValue();
    }

    private static boolean devNameValid(String name) {
        return !name.isEmpty() && name.length() < 16 && !name.equals(".") && !name.equals("..")
                && name.chars().noneMatch(ch -> ch == '/' || ch == ':' || Character.isWhitespace(ch));
    }

    private static void useVmac(Drafts.Instance v, ConfigNode n, BindContext c) {
        v.vmac = true;
        boolean macSet = false;
        for (int i = 0; i < n.argCount() && i < 2; i++) {
            String w = n.arg(i);
            if (w.indexOf(':') >= 0) {
                if (macSet) {
                    c.error(n, "(" + v.name + ") VMAC interface address already specified");
                    continue;
                }
                String[] parts = w.endsWith(":") ? w.substring(0, w.length() - 1).split(":", -1) : w.split(":", -1);
                boolean ok = (parts.length == 5 || parts.length == 6);
                int[] bytes = new int[parts.length];
                for (int k = 0; ok && k < parts.length; k++) {
                    ok = parts[k].matches("[0-9A-Fa-f]{1,2}");
                    if (ok) {
                        bytes[k] = Integer.parseInt(parts[k], 16);
                    }
                }
                if (!ok) {
                    c.error(n, "(" + v.name + ") VMAC invalid MAC address " + w + ", expected 5 or 6 hex octets"
                            + " - ignored");
                } else if ((bytes[0] & 1) != 0) {
                    c.error(n, "(" + v.name + ") VMAC MAC address is multicast " + w + " - ignoring");
                } else if (bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0x5e && bytes[3] == 0
                        && (bytes[4] == 1 || bytes[4] == 2)) {
                    c.error(n, "(" + v.name + ") VMAC MAC address not allowed to be an RFC5798 address (" + w
                            + ") - ignoring");
                } else {
                    v.vmacMac = w;
                    v.vmacMacUsesVrid = parts.length == 5;
                    macSet = true;
                }
            } else {
                if (v.vmacName != null) {
                    c.error(n, "(" + v.name + ") VMAC interface name already specified");
                    continue;
                }
                if (!devNameValid(w)) {
                    c.error(n, "(" + v.name + ") VMAC interface name '" + w + "' too long or invalid characters"
                            + " - ignoring");
                    continue;
                }
                Optional<Drafts.Instance> other = c.instances.stream()
                        .filter(o -> o != v && w.equals(o.vmacName)).findFirst();
                if (other.isPresent()) {
                    c.error(n, "(" + v.name + ") VRRP instance " + other.get().name + " is already using " + w
                            + " - ignoring name");
                    continue;
                }
                v.vmacName = w;
            }
        }
    }

    private static void useIpvlan(Drafts.Instance v, ConfigNode n, BindContext c) {
        if (v.ipvlan != null) {
            c.error(n, "(" + v.name + ") use_ipvlan already specified");
            return;
        }
        String mode = "bridge";
        boolean hadMode = false;
        String name = null;
        IpPrefix addr = null;
        for (String w : n.args()) {
            if (w.equals("bridge") || w.equals("private") || w.equals("vepa")) {
                if (hadMode) {
                    c.error(n, "(" + v.name + ") ipvlan type already specified - ignoring '" + w + "'");
                } else {
                    mode = w;
                    hadMode = true;
                }
                continue;
            }
            Optional<IpPrefix> p = InetText.prefix(w, -1);
            if (p.isPresent()) {
                if (addr != null) {
                    c.error(n, "(" + v.name + ") ipvlan address already specified - ignoring '" + w + "'");
                    continue;
                }
                if (v.family == null) {
                    v.family = p.get().family();
                } else if (v.family != p.get().family()) {
                    c.error(n, "(" + v.name + ") ipvlan address [" + w + "] MUST match vrrp instance family !!!"
                            + " Skipping...");
                    continue;
                }
                addr = p.get();
                if (v.saddr == null) {
                    v.saddr = addr.address();
                }
                continue;
            }
            if (name != null) {
                c.error(n, "(" + v.name + ") IPVLAN interface already specified - ignoring '" + w + "'");
                continue;
            }
            if (w.length() >= 16) {
                c.error(n, "(" + v.name + ") IPVLAN interface name '" + w + "' too long - ignoring");
                continue;
            }
            name = w;
            v.vmacName = w;
        }
        v.ipvlan = new VrrpInstance.Ipvlan(Optional.ofNullable(name), Optional.ofNullable(addr), mode);
    }

    private static void unicastPeer(Drafts.Instance v, ConfigNode line, BindContext c) {
        SourceLocation at = line.location();
        String addrText = line.keyword();
        Optional<InetAddress> a = InetText.sockaddr(addrText);
        if (a.isEmpty()) {
            c.error(at, "(" + v.name + ") malformed unicast peer address [" + addrText + "], expected an IP address."
                    + " Skipping...");
            return;
        }
        AddressFamily f = AddressFamily.of(a.get());
        if (v.family == null) {
            v.family = f;
        } else if (v.family != f) {
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

    private static void interfaceLine(Drafts.Instance v, ConfigNode n, BindContext c) throws ConfigFatalException {
        String name = Args.need(n, 0, "an interface name");
        if (name.length() >= 16) {
            c.error(n, "(" + v.name + ") Interface name '" + name + "' too long, expected at most 15 characters"
                    + " - ignoring");
            return;
        }
        v.interfaceName = name;
        v.interfaceLocation = n.location();
        v.interfaceUsable = c.useInterface(name, n.location());
        if (!v.interfaceUsable) {
            c.error(n, "WARNING - interface " + name + " for vrrp_instance " + v.name + " doesn't exist");
            v.interfaceName = null;
            return;
        }
        Optional<InterfaceInfo> info = c.interfaceInfo(name);
        if (info.isPresent() && info.get().isLoopback()) {
            c.error(n, "(" + v.name + ") cannot use a loopback interface (" + name + ") for vrrp - ignoring");
            v.interfaceName = null;
            v.interfaceUsable = false;
        }
    }

    private static void vrf(Drafts.Instance v, ConfigNode n, BindContext c) throws ConfigFatalException {
        String name = Args.need(n, 0, "a VRF interface name");
        if (name.length() >= 16) {
            c.error(n, "(" + v.name + ") VRF interface name '" + name + "' too long - ignoring");
            return;
        }
        if (v.interfaceName != null) {
            c.error(n, "(" + v.name + ") Cannot specify VRF interface and interface - ignoring");
            return;
        }
        if (v.vrf != null) {
            c.error(n, "(" + v.name + ") VRF interface already specified as '" + v.vrf + "' - ignoring");
            return;
        }
        if (!c.useInterface(name, n.location())) {
            c.error(n, "(" + v.name + ") WARNING - VRF interface " + name + " doesn't exist");
            return;
        }
        if (c.interfaceInfo(name).map(InterfaceInfo::isLoopback).orElse(false)) {
            c.error(n, "(" + v.name + ") cannot use a loopback interface (" + name + ") for VRF - ignoring");
            return;
        }
        v.vrf = name;
    }

    private static void sourceAddress(Drafts.Instance v, ConfigNode n, BindContext c) throws ConfigFatalException {
        String s = Args.need(n, 0, "an IP address");
        Optional<InetAddress> a = InetText.sockaddr(s);
        if (a.isEmpty()) {
            c.error(n, "(" + v.name + ") malformed src address[" + s + "], expected an IP address. Skipping...");
            return;
        }
        AddressFamily f = AddressFamily.of(a.get());
        if (v.family == null) {
            v.family = f;
        } else if (v.family != f) {
            c.error(n, "(" + v.name + ") instance and src address[" + s + "] MUST be of the same family !!!"
                    + " Skipping...");
            v.saddr = null;
            return;
        }
        v.saddr = a.get();
    }

    private static void mcastDestination(Drafts.Instance v, ConfigNode n, BindContext c) throws ConfigFatalException {
        String s = Args.need(n, 0, "a multicast address");
        Optional<InetAddress> a = InetText.sockaddr(s);
        if (a.isEmpty()) {
            c.error(n, "(" + v.name + ") malformed mcast dest address " + s + ". Skipping...");
            return;
        }
        AddressFamily f = AddressFamily.of(a.get());
        if (v.family == null) {
            v.family = f;
        } else if (v.family != f) {
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

    private static void vip(Drafts.Instance v, ConfigNode line, BindContext c) throws ConfigFatalException {
        Optional<IpAddressSpec> a = AddressLine.read(line, false, c);
        if (a.isEmpty()) {
            return;
        }
        AddressFamily f = a.get().family();
        if (v.family == null) {
            v.family = f;
        } else if (v.family != f) {
            c.error(line.location(), "(" + v.name + "): address family must match VRRP instance [" + line.keyword()
                    + "] - ignoring (use virtual_ipaddress_excluded for the other family)");
            return;
        }
        v.vips.add(a.get());
    }

    /** vrrp_instance NAME { }: a name given once; the block is read into a new draft. */
    static void instance(ConfigNode n, BindContext c) throws ConfigFatalException {
        if (n.argCount() != 1) {
            c.error(n, "vrrp_instance must have a name, expected vrrp_instance NAME { } - skipping");
            return;
        }
        String name = n.arg(0);
        if (c.instance(name) != null) {
            c.error(n, "vrrp instance " + name + " already defined - skipping");
            return;
        }
        Drafts.Instance v = VrrpInstanceBinder.newInstance(name, n.location(), c);
        c.instances.add(v);
        VrrpInstanceBinder.TABLE.dispatch(v, n.children(), c);
        VrrpInstanceBinder.end(v, c);
    }
}
