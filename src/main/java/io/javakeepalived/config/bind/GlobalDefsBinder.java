package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.GlobalDefs;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** {@code global_defs { }} (keepalived/core/global_parser.c). */
final class GlobalDefsBinder {
    private GlobalDefsBinder() {
    }

    /** Keywords keepalived accepts that javakeepalived records but does not act on. */
    private static final Set<String> RECORDED = Set.of(
            "process_names", "vrrp_no_swap", "checker_no_swap", "bfd_no_swap", "enable_traps",
            "enable_snmp_vrrp", "enable_snmp_rfc", "enable_snmp_rfcv2", "enable_snmp_rfcv3", "enable_snmp_checker",
            "enable_dbus", "nftables_ifindex", "nftables_counters", "rs_init_notifies", "no_checker_emails",
            "reload_repeat", "reload_file", "reload_check_config", "data_use_instance", "include_check",
            "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs_force",
            "process_monitor_rcv_bufs_force", "lvs_netlink_cmd_rcv_bufs_force", "lvs_netlink_monitor_rcv_bufs_force",
            "vrrp_cpu_affinity", "checker_cpu_affinity", "bfd_cpu_affinity", "config_save_dir");

    static final KeywordTable<Drafts.Global> TABLE = new KeywordTable<Drafts.Global>("global_defs")
            .line("router_id", (g, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "router_id is missing its name, expected router_id NAME - ignoring");
                } else {
                    g.routerId = n.arg(0);
                }
            })
            .block("notification_email", (g, n, c) -> {
                List<String> items = Blocks.items(n, c);
                if (items.isEmpty()) {
                    c.error(n, "notification_email block is empty, expected one address per line");
                }
                g.emails.addAll(items);
            })
            .line("notification_email_from", (g, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "notification_email_from is missing the address - ignoring");
                } else {
                    g.emailFrom = n.arg(0);
                }
            })
            .line("smtp_server", GlobalDefsBinder::smtpServer)
            .line("smtp_helo_name", (g, n, c) -> {
                if (n.argCount() >= 1) {
                    g.smtpHelo = n.arg(0);
                }
            })
            .line("smtp_connect_timeout", (g, n, c) -> {
                String v = Args.need(n, 0, "a timeout in seconds");
                OptionalLong t = Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX / Numbers.TIMER_HZ);
                if (t.isEmpty()) {
                    c.error(n, "smtp_connect_timeout '" + v + "' is not valid, expected seconds - ignoring");
                    return;
                }
                long s = t.getAsLong();
                if (s == 0) {
                    c.error(n, "smtp_connect_timeout must be greater than 0 - using 1");
                    s = 1;
                }
                g.smtpConnectTimeout = s * Numbers.TIMER_HZ;
            })
            .line("smtp_alert", (g, n, c) -> bool(n, c, "smtp_alert").ifPresent(b -> g.smtpAlert = b))
            .line("smtp_alert_vrrp", (g, n, c) -> bool(n, c, "smtp_alert_vrrp").ifPresent(b -> g.smtpAlertVrrp = b))
            .line("smtp_alert_checker",
                    (g, n, c) -> bool(n, c, "smtp_alert_checker").ifPresent(b -> g.smtpAlertChecker = b))
            .line("no_email_faults", (g, n, c) -> g.noEmailFaults = true)
            .line("checker_log_all_failures",
                    (g, n, c) -> bool(n, c, "checker_log_all_failures").ifPresent(b -> g.checkerLogAllFailures = b))
            .line("script_user", (g, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "script_user is missing the user name, expected script_user USER [GROUP]");
                    return;
                }
                g.scriptUser = n.arg(0);
                g.scriptGroup = n.arg(1);
                if (!c.scriptUsers().setDefault(n.arg(0), n.arg(1), n.location())) {
                    c.error(n, "Error setting global script uid/gid: user '" + n.arg(0) + "'"
                            + (n.arg(1) != null ? " or group '" + n.arg(1) + "'" : "") + " does not exist");
                }
            })
            .line("enable_script_security", (g, n, c) -> g.scriptSecurity = true)
            .line("startup_script", (g, n, c) -> startStopScript(g, n, c, true))
            .line("shutdown_script", (g, n, c) -> startStopScript(g, n, c, false))
            .line("startup_script_timeout", (g, n, c) -> startStopTimeout(g, n, c, true))
            .line("shutdown_script_timeout", (g, n, c) -> startStopTimeout(g, n, c, false))
            .line("max_auto_priority", (g, n, c) -> {
                if (n.argCount() < 1) {
                    g.maxAutoPriority = 99;
                    return;
                }
                OptionalLong p = Numbers.signed(c, n.location(), n.arg(0), -1, 99);
                if (p.isEmpty()) {
                    c.error(n, "max_auto_priority '" + n.arg(0) + "' must be in [0, 99] (or -1 to disable) - ignoring");
                } else {
                    g.maxAutoPriority = (int) p.getAsLong();
                }
            })
            .line("min_auto_priority_delay", (g, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "min_auto_priority_delay requires a delay in microseconds");
                    return;
                }
                OptionalLong p = Numbers.signed(c, n.location(), n.arg(0), 1, 10_000_000);
                if (p.isEmpty()) {
                    c.error(n, "min_auto_priority_delay '" + n.arg(0) + "' must be in [1, 10000000] - ignoring");
                } else {
                    g.minAutoPriorityDelay = p.getAsLong();
                }
            })
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
            .line("lvs_timeouts", GlobalDefsBinder::lvsTimeouts)
            .line("lvs_flush", (g, n, c) -> g.lvsFlush = true)
            .line("lvs_flush_on_stop", GlobalDefsBinder::flushOnStop)
            .line("lvs_flush_onstop", (g, n, c) -> {
                c.note(n.location(), "'lvs_flush_onstop' is deprecated - please use 'lvs_flush_on_stop'");
                flushOnStop(g, n, c);
            })
            .line("lvs_sync_daemon", GlobalDefsBinder::lvsSyncDaemon)
            .line("vrrp_mcast_group4", (g, n, c) -> mcastGroup(g, n, c, AddressFamily.IPV4))
            .line("vrrp_mcast_group6", (g, n, c) -> mcastGroup(g, n, c, AddressFamily.IPV6))
            .line("vrrp_garp_master_delay", (g, n, c) -> seconds(n, c, "vrrp_garp_master_delay", 0)
                    .ifPresent(s -> g.garpDelay = s * Numbers.TIMER_HZ))
            .line("vrrp_garp_master_repeat", (g, n, c) -> repeat(n, c, "vrrp_garp_master_repeat")
                    .ifPresent(r -> g.garpRep = (int) r))
            .line("vrrp_garp_master_refresh", (g, n, c) -> {
                String v = Args.need(n, 0, "a refresh interval in seconds");
                OptionalLong s = Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX);
                if (s.isEmpty()) {
                    c.error(n, "vrrp_garp_master_refresh '" + v + "' is not valid, expected seconds - using 0 (off)");
                }
                g.garpRefresh = s.orElse(0);
            })
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
            .line("vrrp_garp_extra_if", GlobalDefsBinder::garpExtraIf)
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
            })
            .line("nftables_priority", (g, n, c) -> intSetting(g, n, c, Integer.MIN_VALUE, Integer.MAX_VALUE))
            .line("nftables_ipvs", (g, n, c) -> {
                if (g.nftablesIpvs != null) {
                    c.error(n, "ipvs nftables already specified - ignoring");
                    return;
                }
                g.nftablesIpvs = n.argCount() >= 1 ? n.arg(0) : "keepalived_ipvs";
            })
            .line("nftables_ipvs_priority", (g, n, c) -> intSetting(g, n, c, Integer.MIN_VALUE, Integer.MAX_VALUE))
            .line("nftables_ipvs_start_fwmark", (g, n, c) -> {
                String v = Args.need(n, 0, "a firewall mark 1-4294967295");
                if (Numbers.unsigned(c, n.location(), v, 1, Numbers.UINT_MAX).isPresent()) {
                    record(g, n);
                }
            })
            .line("vrrp_check_unicast_src", (g, n, c) -> g.checkUnicastSrc = true)
            .line("vrrp_skip_check_adv_addr", (g, n, c) -> g.skipCheckAdvAddr = true)
            .line("vrrp_strict", (g, n, c) -> g.strict = true)
            .line("vrrp_priority", GlobalDefsBinder::niceValue)
            .line("checker_priority", GlobalDefsBinder::niceValue)
            .line("bfd_priority", GlobalDefsBinder::niceValue)
            .line("vrrp_rt_priority", GlobalDefsBinder::realtimePriority)
            .line("checker_rt_priority", GlobalDefsBinder::realtimePriority)
            .line("bfd_rt_priority", GlobalDefsBinder::realtimePriority)
            .line("vrrp_rlimit_rttime", GlobalDefsBinder::rlimit)
            .line("checker_rlimit_rttime", GlobalDefsBinder::rlimit)
            .line("bfd_rlimit_rttime", GlobalDefsBinder::rlimit)
            .line("vrrp_rlimit_rtime", GlobalDefsBinder::rlimit)
            .line("checker_rlimit_rtime", GlobalDefsBinder::rlimit)
            .line("bfd_rlimit_rtime", GlobalDefsBinder::rlimit)
            .line("process_name", GlobalDefsBinder::processName)
            .line("vrrp_process_name", GlobalDefsBinder::processName)
            .line("checker_process_name", GlobalDefsBinder::processName)
            .line("bfd_process_name", GlobalDefsBinder::processName)
            .line("lvs_process_name", (g, n, c) -> {
                c.note(n.location(), "'lvs_process_name' is deprecated - please use 'checker_process_name'");
                processName(g, n, c);
            })
            .line("notify_fifo", (g, n, c) -> fifo(g.fifoAll, n, c, ""))
            .line("notify_fifo_script", (g, n, c) -> fifoScript(g.fifoAll, n, c, ""))
            .line("vrrp_notify_fifo", (g, n, c) -> fifo(g.fifoVrrp, n, c, "vrrp_"))
            .line("vrrp_notify_fifo_script", (g, n, c) -> fifoScript(g.fifoVrrp, n, c, "vrrp_"))
            .line("lvs_notify_fifo", (g, n, c) -> fifo(g.fifoLvs, n, c, "lvs_"))
            .line("lvs_notify_fifo_script", (g, n, c) -> fifoScript(g.fifoLvs, n, c, "lvs_"))
            .line("vrrp_notify_priority_changes",
                    (g, n, c) -> bool(n, c, "vrrp_notify_priority_changes").ifPresent(b -> g.notifyPriorityChanges = b))
            .line("fifo_write_vrrp_states_on_reload", (g, n, c) -> g.fifoWriteOnReload = true)
            .line("snmp_socket", (g, n, c) -> {
                if (n.argCount() != 1) {
                    c.error(n, n.argCount() == 0 ? "snmp_socket is missing the socket name"
                            : "Too many parameters for snmp_socket, expected one socket - ignoring");
                    return;
                }
                record(g, n);
            })
            .line("enable_snmp_keepalived", (g, n, c) -> {
                c.note(n.location(), "'enable_snmp_keepalived' is deprecated - please use 'enable_snmp_vrrp'");
                record(g, n);
            })
            .line("dbus_service_name", (g, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "dbus_service_name is missing the name - ignoring");
                } else {
                    record(g, n);
                }
            })
            .line("vrrp_netlink_cmd_rcv_bufs", GlobalDefsBinder::bufferSize)
            .line("vrrp_netlink_monitor_rcv_bufs", GlobalDefsBinder::bufferSize)
            .line("process_monitor_rcv_bufs", GlobalDefsBinder::bufferSize)
            .line("lvs_netlink_cmd_rcv_bufs", GlobalDefsBinder::bufferSize)
            .line("lvs_netlink_monitor_rcv_bufs", GlobalDefsBinder::bufferSize)
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
                record(g, n);
            })
            .line("vrrp_rx_bufs_multiplier", (g, n, c) -> {
                if (n.argCount() != 1) {
                    c.error(n, "Invalid vrrp_rx_bufs_multiplier, expected one number");
                    return;
                }
                if (Numbers.unsigned(c, n.location(), n.arg(0), 1, Numbers.UINT_MAX).isEmpty()) {
                    c.error(n, "Invalid vrrp_rx_bufs_multiplier " + n.arg(0));
                } else {
                    record(g, n);
                }
            })
            .line("vrrp_startup_delay", (g, n, c) -> NumberArg.decimal(n, c, "a delay in seconds", Numbers.TIMER_HZ / 1000, Numbers.UINT_MAX, Numbers.TIMER_DIGITS,
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
            })
            .line("umask", (g, n, c) -> {
                String v = Args.need(n, 0, "a umask (number or IWGRP|IWOTH style bits)");
                if (Character.isDigit(v.charAt(0))) {
                    if (n.argCount() != 1) {
                        c.error(n, "Extra parameters to umask, expected one value");
                        return;
                    }
                    try {
                        long m = Long.decode(v.length() > 1 && v.startsWith("0") && !v.startsWith("0x")
                                ? "0" + v.substring(1) : v);
                        if (m < 0 || (m & ~0777) != 0) {
                            c.error(n, "invalid umask value " + v + ", expected bits within 0777");
                            return;
                        }
                    } catch (NumberFormatException e) {
                        c.error(n, "invalid umask value " + v);
                        return;
                    }
                } else if (!Args.rest(n, 0).replace(" ", "").matches("(I[RWX](USR|GRP|OTH))(\\|I[RWX](USR|GRP|OTH))*")) {
                    c.error(n, "Invalid umask syntax " + Args.rest(n, 0) + ", expected bits like IWGRP|IWOTH");
                    return;
                }
                record(g, n);
            })
            .line("random_seed", (g, n, c) -> {
                String v = Args.need(n, 0, "a number");
                if (Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX).isEmpty()) {
                    c.error(n, "random_seed " + v + " invalid");
                } else {
                    record(g, n);
                }
            })
            .line("reload_time_file", (g, n, c) -> {
                if (n.argCount() != 1) {
                    c.error(n, "reload_time_file invalid, expected one file name");
                } else {
                    record(g, n);
                }
            })
            .line("tmp_config_directory", (g, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "tmp_config_directory missing directory name");
                } else {
                    record(g, n);
                }
            })
            .accepted(RECORDED, (g, n, c) -> record(g, n));

    private static void record(Drafts.Global g, ConfigNode n) {
        g.other.put(n.keyword(), List.copyOf(n.args()));
    }

    private static Optional<Boolean> bool(ConfigNode n, BindContext c, String what) {
        if (n.argCount() < 1) {
            return Optional.of(true);
        }
        Optional<Boolean> b = Numbers.bool(n.arg(0));
        if (b.isEmpty()) {
            c.error(n, "Invalid value '" + n.arg(0) + "' for " + what + ", expected on/off, true/false or yes/no");
        }
        return b;
    }

    /** Like {@link #bool} but a bad value is only reported (keepalived keeps the old value). */
    private static Optional<Boolean> boolDefaultTrue(ConfigNode n, BindContext c) {
        return bool(n, c, n.keyword());
    }

    private static OptionalLong seconds(ConfigNode n, BindContext c, String what, long min)
            throws ConfigFatalException {
        String v = Args.need(n, 0, "a number of seconds");
        OptionalLong s = Numbers.unsigned(c, n.location(), v, min, Numbers.UINT_MAX / Numbers.TIMER_HZ);
        if (s.isEmpty()) {
            c.error(n, what + " '" + v + "' is not valid, expected whole seconds - ignoring");
        }
        return s;
    }

    private static OptionalLong repeat(ConfigNode n, BindContext c, String what) throws ConfigFatalException {
        String v = Args.need(n, 0, "a repeat count");
        OptionalLong r = Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX);
        if (r.isEmpty()) {
            c.error(n, what + " '" + v + "' is not valid - ignoring");
            return r;
        }
        if (r.getAsLong() == 0) {
            c.error(n, what + " must be greater than 0 - using 1");
            return OptionalLong.of(1);
        }
        return r;
    }

    private static long garpInterval(ConfigNode n, BindContext c, String what, long old) throws ConfigFatalException {
        String v = Args.need(n, 0, "an interval in seconds, 0.000001 - 4294.967295");
        OptionalLong i = Numbers.decimal(c, n.location(), v, 1, Numbers.UINT_MAX, Numbers.TIMER_DIGITS);
        if (i.isEmpty()) {
            c.error(n, what + " '" + v + "' is invalid, expected 0.000001 - 4294.967295 seconds"
                    + (v.equals("0") ? " (leave it out for no pacing)" : ""));
            return old;
        }
        if (i.getAsLong() >= Numbers.TIMER_HZ) {
            c.note(n.location(), "The " + what + " is very large - " + v + " seconds");
        }
        return i.getAsLong();
    }

    private static void smtpServer(Drafts.Global g, ConfigNode n, BindContext c) throws ConfigFatalException {
        String host = Args.need(n, 0, "an address or host name, optionally followed by a port");
        int port = 25;
        if (n.argCount() >= 2) {
            OptionalLong p = Numbers.unsigned(c, n.location(), n.arg(1), 1, 65535);
            if (p.isEmpty()) {
                c.error(n, "Invalid smtp server " + host + " " + n.arg(1) + ", expected a port 1-65535");
                return;
            }
            port = (int) p.getAsLong();
        }
        if (InetText.parse(host).isEmpty() && !host.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
            c.error(n, "Invalid smtp server " + host + ", expected an IP address or a host name");
            return;
        }
        g.smtpHost = host;
        g.smtpPort = port;
    }

    private static void startStopScript(Drafts.Global g, ConfigNode n, BindContext c, boolean startup)
            throws ConfigFatalException {
        String type = startup ? "startup" : "shutdown";
        if ((startup ? g.startupScript : g.shutdownScript) != null) {
            c.error(n, type + " script already specified - ignoring");
            return;
        }
        if (n.argCount() < 1) {
            c.error(n, type + "_script is missing the command");
            return;
        }
        Optional<io.javakeepalived.config.model.ScriptCommand> s = Scripts.notifyLine(n, type, c);
        if (s.isEmpty()) {
            c.error(n, "Invalid " + type + " script");
            return;
        }
        if (startup) {
            g.startupScript = s.get();
            if (g.startupTimeout == 0) {
                g.startupTimeout = 10;
            }
        } else {
            g.shutdownScript = s.get();
            if (g.shutdownTimeout == 0) {
                g.shutdownTimeout = 10;
            }
        }
    }

    private static void startStopTimeout(Drafts.Global g, ConfigNode n, BindContext c, boolean startup) {
        String type = startup ? "startup" : "shutdown";
        if (n.argCount() < 1) {
            c.error(n, type + "_script_timeout requires a value in seconds");
            return;
        }
        OptionalLong t = Numbers.unsigned(c, n.location(), n.arg(0), 1, 1000);
        if (t.isEmpty()) {
            c.error(n, type + "_script_timeout '" + n.arg(0) + "' must be in [1, 1000] - ignoring");
        } else if (startup) {
            g.startupTimeout = (int) t.getAsLong();
        } else {
            g.shutdownTimeout = (int) t.getAsLong();
        }
    }

    private static void lvsTimeouts(Drafts.Global g, ConfigNode n, BindContext c) {
        if (n.argCount() < 2) {
            c.error(n, "lvs_timeouts requires at least one option, expected tcp|tcpfin|udp SECONDS");
            return;
        }
        List<String> a = n.args();
        for (int i = 0; i < a.size(); i++) {
            String opt = a.get(i);
            if (!opt.equals("tcp") && !opt.equals("tcpfin") && !opt.equals("udp")) {
                c.error(n, "Unknown option " + opt + " specified for lvs_timeouts, expected tcp, tcpfin or udp");
                continue;
            }
            if (i == a.size() - 1) {
                c.error(n, "No value specified for lvs_timeouts " + opt + " - ignoring");
                continue;
            }
            OptionalLong v = Numbers.unsigned(c, n.location(), a.get(i + 1), 0, 86400L * 31);
            if (v.isEmpty()) {
                c.error(n, "Invalid lvs_timeouts " + opt + " (" + a.get(i + 1) + ") - ignoring");
            } else if (opt.equals("tcp")) {
                g.lvsTcp = (int) v.getAsLong();
            } else if (opt.equals("tcpfin")) {
                g.lvsTcpFin = (int) v.getAsLong();
            } else {
                g.lvsUdp = (int) v.getAsLong();
            }
            i++;
        }
    }

    private static void flushOnStop(Drafts.Global g, ConfigNode n, BindContext c) {
        if (n.argCount() == 0) {
            g.lvsFlushOnStop = GlobalDefs.FlushOnStop.FULL;
        } else if (n.arg(0).equals("VS")) {
            g.lvsFlushOnStop = GlobalDefs.FlushOnStop.VS;
        } else {
            c.error(n, "Unknown lvs_flush_on_stop type " + n.arg(0) + ", expected nothing or VS");
        }
    }

    private static void lvsSyncDaemon(Drafts.Global g, ConfigNode n, BindContext c) {
        if (g.lvsSync != null) {
            c.error(n, "lvs_sync_daemon has already been specified as " + g.lvsSync.interfaceName + " - ignoring");
            return;
        }
        if (n.argCount() < 1) {
            c.error(n, "lvs_sync_daemon requires an interface");
            return;
        }
        if (n.arg(0).length() >= 16) {
            c.error(n, "lvs_sync_daemon interface name '" + n.arg(0) + "' too long - ignoring");
            return;
        }
        Drafts.LvsSync s = new Drafts.LvsSync();
        s.interfaceName = n.arg(0);
        List<String> a = n.args();
        for (int i = 1; i < a.size(); i++) {
            String opt = a.get(i);
            boolean hasValue = i + 1 < a.size();
            switch (opt) {
                case "inst" -> {
                    if (s.instance != null) {
                        c.error(n, "lvs_sync_daemon vrrp instance has already been specified as " + s.instance);
                    } else if (hasValue) {
                        s.instance = a.get(i + 1);
                    }
                    i++;
                }
                case "id", "maxlen", "port", "ttl" -> {
                    if (!hasValue) {
                        c.error(n, "No value specified for lvs_sync_daemon " + opt + " - ignoring");
                        continue;
                    }
                    long max = opt.equals("id") ? 255 : opt.equals("maxlen") ? 65535 - 28 : opt.equals("port") ? 65535
                            : 255;
                    long min = opt.equals("id") ? 0 : 1;
                    OptionalLong v = Numbers.unsigned(c, n.location(), a.get(i + 1), min, max);
                    if (v.isEmpty()) {
                        c.error(n, "Invalid lvs_sync_daemon " + opt + " (" + a.get(i + 1) + ") - ignoring");
                    } else {
                        int val = (int) v.getAsLong();
                        switch (opt) {
                            case "id" -> s.syncId = val;
                            case "maxlen" -> s.maxLength = val;
                            case "port" -> s.port = val;
                            default -> s.ttl = val;
                        }
                    }
                    i++;
                }
                case "group" -> {
                    if (!hasValue) {
                        c.error(n, "No value specified for lvs_sync_daemon group - ignoring");
                        continue;
                    }
                    Optional<InetAddress> addr = InetText.parse(a.get(i + 1));
                    if (addr.isEmpty() || !addr.get().isMulticastAddress()) {
                        c.error(n, "lvs_sync_daemon group address " + a.get(i + 1) + " is not a multicast address"
                                + " - ignoring");
                    } else {
                        s.group = addr.get();
                    }
                    i++;
                }
                default -> {
                    if (i == 1) {
                        s.instance = opt;
                    } else if (i == 2) {
                        OptionalLong v = Numbers.unsigned(c, n.location(), opt, 0, 255);
                        if (v.isEmpty()) {
                            c.error(n, "Invalid syncid (" + opt + ") - defaulting to vrid");
                        } else {
                            c.error(n, "Please use keyword \"id\" before lvs_sync_daemon SYNCID");
                            s.syncId = (int) v.getAsLong();
                        }
                    } else {
                        c.error(n, "Unknown option " + opt + " specified for lvs_sync_daemon");
                    }
                }
            }
        }
        g.lvsSync = s;
    }

    private static void mcastGroup(Drafts.Global g, ConfigNode n, BindContext c, AddressFamily family)
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

    private static void garpExtraIf(Drafts.Global g, ConfigNode n, BindContext c) {
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

    private static void intSetting(Drafts.Global g, ConfigNode n, BindContext c, long min, long max)
            throws ConfigFatalException {
        String v = Args.need(n, 0, "an integer");
        if (Numbers.signed(c, n.location(), v, min, max).isPresent()) {
            record(g, n);
        }
    }

    private static void niceValue(Drafts.Global g, ConfigNode n, BindContext c) {
        if (n.argCount() < 1) {
            c.error(n, "No process priority specified for " + n.keyword() + ", expected a nice value -20..19");
            return;
        }
        if (Numbers.signed(c, n.location(), n.arg(0), -20, 19).isEmpty()) {
            c.error(n, "Invalid " + n.keyword() + " specified, expected a nice value -20..19");
            return;
        }
        record(g, n);
    }

    private static void realtimePriority(Drafts.Global g, ConfigNode n, BindContext c) {
        if (n.argCount() < 1) {
            c.error(n, "No real-time priority specified for " + n.keyword() + ", expected 1-99");
            return;
        }
        OptionalLong p = Numbers.signed(c, n.location(), n.arg(0), Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (p.isEmpty()) {
            c.error(n, n.keyword() + " '" + n.arg(0) + "' invalid, expected 1-99");
            return;
        }
        if (p.getAsLong() < 1) {
            c.error(n, n.keyword() + " " + p.getAsLong() + " less than minimum 1 - setting to minimum");
        } else if (p.getAsLong() > 99) {
            c.error(n, n.keyword() + " " + p.getAsLong() + " greater than maximum 99 - setting to maximum");
        }
        g.other.put(n.keyword(), List.of(Long.toString(Math.max(1, Math.min(99, p.getAsLong())))));
    }

    private static void rlimit(Drafts.Global g, ConfigNode n, BindContext c) throws ConfigFatalException {
        if (n.keyword().endsWith("rlimit_rtime")) {
            c.note(n.location(), "Keyword '" + n.keyword() + "' is deprecated - please use '"
                    + n.keyword().replace("rlimit_rtime", "rlimit_rttime") + "'");
        }
        String v = Args.need(n, 0, "a limit in microseconds");
        if (Numbers.unsigned(c, n.location(), v, 1, Numbers.UINT_MAX).isEmpty()) {
            c.error(n, "Invalid " + n.keyword() + " real-time limit - " + v);
            return;
        }
        record(g, n);
    }

    private static void processName(Drafts.Global g, ConfigNode n, BindContext c) throws ConfigFatalException {
        String v = Args.need(n, 0, "a process name");
        if (v.length() >= 16) {
            c.error(n, "Process name " + v + " more than 15 characters, truncating");
            v = v.substring(0, 15);
        }
        g.other.put(n.keyword(), List.of(v));
    }

    private static void bufferSize(Drafts.Global g, ConfigNode n, BindContext c) {
        if (n.argCount() < 1) {
            c.error(n, n.keyword() + " size missing");
            return;
        }
        if (Numbers.unsigned(c, n.location(), n.arg(0), 0, Numbers.UINT_MAX).isEmpty()) {
            c.error(n, n.keyword() + " size (" + n.arg(0) + ") invalid");
            return;
        }
        record(g, n);
    }

    private static void fifo(Drafts.Fifo f, ConfigNode n, BindContext c, String type) {
        if (n.argCount() < 1) {
            c.error(n, "No " + type + "notify_fifo name specified, expected a path");
            return;
        }
        if (f.path != null) {
            c.error(n, type + "notify_fifo already specified - ignoring " + n.arg(0));
            return;
        }
        if (n.argCount() > 1) {
            if (c.scriptUsers().resolve(n.arg(1), n.arg(2), n.location()).isEmpty()) {
                c.note(n.location(), "Invalid user/group for " + type + "fifo " + n.arg(0) + " - ignoring");
                return;
            }
            f.user = n.arg(1);
            f.group = n.arg(2);
        } else if (c.scriptUsers().defaultUser(n.location()).isEmpty()) {
            c.note(n.location(), "Failed to set default user for " + type + "fifo " + n.arg(0) + " - ignoring");
            return;
        }
        f.path = n.arg(0);
    }

    private static void fifoScript(Drafts.Fifo f, ConfigNode n, BindContext c, String type)
            throws ConfigFatalException {
        if (n.argCount() < 1) {
            c.error(n, "No " + type + "notify_fifo_script specified, expected a command");
            return;
        }
        if (f.script != null) {
            c.error(n, type + "notify_fifo_script already specified - ignoring " + n.arg(0));
            return;
        }
        Scripts.notifyLine(n, type + "notify_fifo", c).ifPresent(s -> f.script = s);
    }
}
