package io.javakeepalived.config.status;

import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.bind.AcceptedKeywords.Block;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the running daemon does with every keyword the binder accepts: the registry that keeps
 * a keyword from being accepted and then silently ignored.
 *
 * <p>How to classify a keyword (a new one in a binder table fails {@code KeywordSupportTest}
 * until it is here): follow what its handler fills in (config.bind) through the model
 * (config.model) to a reader at run time: daemon.model.ConfigMapping and the VRRP loop, track,
 * notify, cli. {@link #acted} when the daemon does with it what keepalived does; otherwise
 * {@link #notImplemented} with what the operator loses. Shown only in the dumps does not count
 * (unless keepalived too only shows it). Acted on in part is NOT_IMPLEMENTED, the missing part
 * named, or split by argument ({@link #byFirstArgument}).
 */
public final class KeywordSupport {
    private KeywordSupport() {
    }

    private static final String LVS = "not implemented: IPVS is programmed and health checkers run, but there are no"
            + " nftables fwmarks and none of these settings";
    private static final String NO_SOCKET_OPTION = "the JDK has no SO_BINDTODEVICE / SO_MARK: the check is not"
            + " bound to an interface or marked";
    private static final String MISC_FAILURES = "only the failures that change a checker's state are logged";
    private static final String SNMP = "SNMP is not implemented";
    private static final String DBUS = "DBus is not implemented";
    private static final String BFD = "BFD is not implemented";
    private static final String VMAC_ADDR = "no VMAC is created for VIPs on another interface or of the other"
            + " family; they go on their interface with its own MAC";
    private static final String IPVLAN = "no ipvlan interface is created; the instance runs on its base interface";
    private static final String ONE_PROCESS = "javakeepalived is one JVM process and does not apply keepalived's"
            + " per-process settings";
    private static final String NETLINK_BUFS = "netlink buffer sizes are left at the kernel's default";
    private static final String LINKBEAT = "link state comes from rtnetlink events only, as they happen; no"
            + " MII/ETHTOOL/ioctl polling (only drivers that never report carrier changes need it)";
    private static final String INSTANCE_NAMES = "pid and data files are not named after the instance";
    private static final String RELOAD_FILES = "reload bookkeeping files are not written";

    private static final Map<Block, Map<String, KeywordStatus>> STATUS = new EnumMap<>(Block.class);
    /** blocks the daemon ignores whole (LVS, BFD): every keyword in them, now and future */
    private static final Map<Block, KeywordStatus> WHOLE_BLOCK = new EnumMap<>(Block.class);
    /** keyword → first argument → status, where one value of a keyword works and another does not */
    private static final Map<Block, Map<String, Map<String, KeywordStatus>>> BY_ARGUMENT = new EnumMap<>(Block.class);

    static {
        acted(Block.ROOT, "global_defs", "vrrp_instance", "vrrp_script", "track_file", "vrrp_track_file",
                "vrrp_track_process", "vrrp_sync_group", "garp_group", "net_namespace", "interface_up_down_delays");
        acted(Block.ROOT, "static_ipaddress", "static_routes", "static_rules");
        // javakeepalived's own: the reference-address tracker (keepalived warns about it and reads on)
        acted(Block.ROOT, "vrrp_reference");
        acted(Block.VRRP_REFERENCE, "address", "interface", "interval", "timeout", "rise", "fall", "weight");
        acted(Block.VRRP_INSTANCE, "track_reference");
        // javakeepalived's own: a second heartbeat path (a line, so keepalived only warns)
        acted(Block.VRRP_INSTANCE, "heartbeat_path");
        notImplemented(Block.ROOT, "static track groups are not implemented", "track_group");
        acted(Block.ROOT, "virtual_server", "virtual_server_group");
        notImplemented(Block.ROOT, "IPVS is programmed in the daemon's own network namespace", "net_namespace_ipvs");
        notImplemented(Block.ROOT, BFD, "bfd_instance");
        notImplemented(Block.ROOT, LINKBEAT, "linkbeat_use_polling", "linkbeat_interfaces");
        notImplemented(Block.ROOT, "no ipsets are used (no firewall rules are installed)", "namespace_with_ipsets");
        notImplemented(Block.ROOT, INSTANCE_NAMES, "use_pid_dir", "instance");
        notImplemented(Block.ROOT, "one process: there are no child processes to wait for", "child_wait_time");

        acted(Block.GLOBAL_DEFS, "script_user", "enable_script_security", "vrrp_mcast_group4", "vrrp_mcast_group6",
                "vrrp_garp_master_delay", "vrrp_garp_master_repeat", "vrrp_garp_master_refresh",
                "vrrp_garp_master_refresh_repeat", "vrrp_garp_lower_prio_delay", "vrrp_garp_lower_prio_repeat",
                "vrrp_down_timer_adverts", "vrrp_garp_interval", "vrrp_gna_interval", "vrrp_min_garp",
                "vrrp_lower_prio_no_advert", "vrrp_higher_prio_send_advert", "vrrp_version", "vrrp_check_unicast_src",
                "vrrp_skip_check_adv_addr", "notify_fifo", "notify_fifo_script", "vrrp_notify_fifo",
                "vrrp_notify_fifo_script", "fifo_write_vrrp_states_on_reload", "vrrp_startup_delay",
                "log_unknown_vrids");
        // late, deleted and re-created interfaces are taken up from rtnetlink events; allow_if_changes
        // only changes keepalived's start-up checks, which the binder makes
        acted(Block.GLOBAL_DEFS, "dynamic_interfaces");
        // applied by the reader itself, while the configuration is read
        acted(Block.GLOBAL_DEFS, "include_check");
        // the mail alerts of VRRP instances and sync groups (package mail); router_id starts their subject
        acted(Block.GLOBAL_DEFS, "router_id", "notification_email", "notification_email_from", "smtp_server",
                "smtp_helo_name", "smtp_connect_timeout", "smtp_alert", "smtp_alert_vrrp", "no_email_faults");
        // the checker and quorum alerts of the LVS checkers (CheckerKind.alertBody, VirtualServerHealth)
        acted(Block.GLOBAL_DEFS, "smtp_alert_checker", "no_checker_emails");
        acted(Block.GLOBAL_DEFS, "lvs_timeouts", "lvs_flush", "lvs_flush_on_stop", "lvs_flush_onstop");
        // the kernel's connection-sync daemons, switched as the instance they follow changes state
        acted(Block.GLOBAL_DEFS, "lvs_sync_daemon");
        // the checkers' VS/RS up and down lines, to lvs_notify_fifo and notify_fifo
        acted(Block.GLOBAL_DEFS, "lvs_notify_fifo", "lvs_notify_fifo_script");
        notImplemented(Block.GLOBAL_DEFS, LVS, "nftables_ipvs", "nftables_ipvs_priority",
                "nftables_ipvs_start_fwmark", "lvs_netlink_cmd_rcv_bufs",
                "lvs_netlink_monitor_rcv_bufs", "lvs_netlink_cmd_rcv_bufs_force",
                "lvs_netlink_monitor_rcv_bufs_force", "rs_init_notifies", "checker_process_name", "lvs_process_name");
        notImplemented(Block.GLOBAL_DEFS, BFD, "bfd_priority", "bfd_rt_priority", "bfd_rlimit_rttime",
                "bfd_rlimit_rtime", "bfd_process_name", "bfd_no_swap", "bfd_cpu_affinity");
        notImplemented(Block.GLOBAL_DEFS, ONE_PROCESS + " (process names)", "process_name", "vrrp_process_name",
                "process_names");
        // applied to the VRRP and checker loop threads (daemon.sched.ProcessTuning)
        acted(Block.GLOBAL_DEFS, "vrrp_priority", "vrrp_rt_priority", "vrrp_rlimit_rttime", "vrrp_rlimit_rtime",
                "vrrp_no_swap", "vrrp_cpu_affinity", "checker_priority", "checker_rt_priority", "checker_rlimit_rttime",
                "checker_rlimit_rtime", "checker_no_swap", "checker_cpu_affinity", "max_auto_priority",
                "min_auto_priority_delay");
        acted(Block.GLOBAL_DEFS, "startup_script", "shutdown_script", "startup_script_timeout",
                "shutdown_script_timeout");
        notImplemented(Block.GLOBAL_DEFS, "an instance without interface is not started (static addresses"
                + " without dev do use it)", "default_interface");
        notImplemented(Block.GLOBAL_DEFS, "local IGMP reports are not disabled", "disable_local_igmp");
        notImplemented(Block.GLOBAL_DEFS, "no extra gratuitous ARPs on other interfaces", "vrrp_garp_extra_if",
                "vrrp_vmac_garp_intvl");
        // no_accept's nftables table (vrrp_iptables: keepalived built without iptables uses nftables too)
        acted(Block.GLOBAL_DEFS, "vrrp_iptables", "nftables", "nftables_priority", "nftables_counters", "vrrp_strict");
        notImplemented(Block.GLOBAL_DEFS, "it concerns IPv6 link-local VIPs, and only IPv4 VIPs are filtered for"
                + " no_accept", "nftables_ifindex");
        notImplemented(Block.GLOBAL_DEFS, SNMP, "snmp_socket", "enable_snmp_keepalived", "enable_traps",
                "enable_snmp_vrrp", "enable_snmp_rfc", "enable_snmp_rfcv2", "enable_snmp_rfcv3", "enable_snmp_checker");
        notImplemented(Block.GLOBAL_DEFS, DBUS, "dbus_service_name", "enable_dbus");
        notImplemented(Block.GLOBAL_DEFS, NETLINK_BUFS, "vrrp_netlink_cmd_rcv_bufs", "vrrp_netlink_monitor_rcv_bufs",
                "process_monitor_rcv_bufs", "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs_force",
                "process_monitor_rcv_bufs_force");
        notImplemented(Block.GLOBAL_DEFS, "the VRRP socket's receive buffer is left at the kernel's default",
                "vrrp_rx_bufs_policy", "vrrp_rx_bufs_multiplier");
        acted(Block.GLOBAL_DEFS, "vrrp_notify_priority_changes");
        acted(Block.GLOBAL_DEFS, "vmac_prefix");
        notImplemented(Block.GLOBAL_DEFS, VMAC_ADDR, "vmac_addr_prefix");
        acted(Block.GLOBAL_DEFS, "umask");
        notImplemented(Block.GLOBAL_DEFS, "the random number generator is not seeded with it", "random_seed");
        notImplemented(Block.GLOBAL_DEFS, RELOAD_FILES, "reload_time_file", "reload_repeat", "reload_file",
                "config_save_dir", "tmp_config_directory");
        notImplemented(Block.GLOBAL_DEFS, "the configuration is always checked before a reload, but this log file"
                + " is not written", "reload_check_config");
        notImplemented(Block.GLOBAL_DEFS, INSTANCE_NAMES, "data_use_instance");

        acted(Block.VRRP_INSTANCE, "unicast_peer", "unicast_fault_no_peer", "check_unicast_src",
                "old_unicast_checksum", "native_ipv6", "state", "interface", "dont_track_primary", "track_interface",
                "track_script", "track_file", "track_process", "mcast_src_ip", "unicast_src_ip", "mcast_dst_ip",
                "virtual_router_id", "unicast_ttl", "version", "priority", "advert_int", "authentication",
                "virtual_ipaddress", "virtual_ipaddress_excluded", "skip_check_adv_addr", "preempt", "nopreempt",
                "preempt_delay", "notify_master", "notify_backup", "notify_fault", "notify_stop", "notify",
                "notify_master_rx_lower_pri", "notify_deleted", "garp_master_delay", "garp_master_refresh",
                "garp_master_repeat", "garp_master_refresh_repeat", "garp_lower_prio_delay", "garp_lower_prio_repeat",
                "down_timer_adverts", "lower_prio_no_advert", "higher_prio_send_advert", "track_src_ip");
        // accept mode is what happens when nothing filters traffic to the VIPs
        acted(Block.VRRP_INSTANCE, "accept");
        // keepalived 2.2.7 too only shows the instance's debug level in its dump
        acted(Block.VRRP_INSTANCE, "debug");
        acted(Block.VRRP_INSTANCE, "use_vmac", "vmac_xmit_base");
        notImplemented(Block.VRRP_INSTANCE, VMAC_ADDR, "use_vmac_addr");
        notImplemented(Block.VRRP_INSTANCE, IPVLAN, "use_ipvlan");
        notImplemented(Block.VRRP_INSTANCE, "the instance's sockets and VIPs are not put in the VRF", "vrf");
        notImplemented(Block.VRRP_INSTANCE, BFD, "track_bfd");
        acted(Block.VRRP_INSTANCE, "promote_secondaries");
        notImplemented(Block.VRRP_INSTANCE, LINKBEAT, "linkbeat_use_polling");
        acted(Block.VRRP_INSTANCE, "virtual_routes", "virtual_rules");
        acted(Block.VRRP_INSTANCE, "no_accept", "strict_mode"); // IPv4 VIPs; IPv6 ones are warned about at start
        acted(Block.VRRP_INSTANCE, "smtp_alert");
        acted(Block.VRRP_INSTANCE, "notify_priority_changes");
        acted(Block.VRRP_INSTANCE, "lvs_sync_daemon_interface"); // the old form of lvs_sync_daemon IF VI
        notImplemented(Block.VRRP_INSTANCE, "no extra gratuitous ARPs on other interfaces", "garp_extra_if",
                "vmac_garp_intvl");
        notImplemented(Block.VRRP_INSTANCE, "the VRRP socket's receive buffer is left at the kernel's default",
                "kernel_rx_buf_size");

        acted(Block.AUTHENTICATION, "auth_type", "auth_pass");

        acted(Block.VRRP_SCRIPT, "script", "interval", "timeout", "weight", "rise", "fall", "user", "init_fail");
        acted(Block.TRACK_FILE, "file", "weight", "init_file");
        acted(Block.VRRP_TRACK_PROCESS, "process", "param_match", "weight", "quorum", "quorum_max", "delay",
                "terminate_delay", "fork_delay", "full_command");
        acted(Block.VRRP_SYNC_GROUP, "group", "track_interface", "track_script", "track_file", "track_process",
                "notify_master", "notify_backup", "notify_fault", "notify_stop", "notify", "global_tracking",
                "sync_group_tracking_weight", "track_reference");
        notImplemented(Block.VRRP_SYNC_GROUP, BFD, "track_bfd");
        acted(Block.VRRP_SYNC_GROUP, "smtp_alert");
        acted(Block.VRRP_SYNC_GROUP, "notify_priority_changes");
        acted(Block.GARP_GROUP, "garp_interval", "gna_interval", "interface", "interfaces");

        wholeBlock("static track groups are not implemented", Block.TRACK_GROUP);
        wholeBlock(BFD, Block.BFD_INSTANCE, Block.BFD_CHECK);
        healthCheckers();
        ipvsTable();
    }

    /** What the checker engine acts on (schedule, quorum, notify scripts, every checker but BFD). */
    private static void healthCheckers() {
        String[] timing = {"retry", "delay_before_retry", "warmup", "delay_loop", "alpha"};
        String[] connection = {"connect_timeout", "connect_port", "connect_ip", "bindto", "bind_port",
            "log_all_failures"};
        acted(Block.GLOBAL_DEFS, "checker_log_all_failures");
        acted(Block.VIRTUAL_SERVER, timing);
        acted(Block.VIRTUAL_SERVER, "connect_timeout", "quorum_up", "quorum_down", "omega", "virtualhost");
        // checks only while the address is on the host, as keepalived (IPVS is programmed all the same)
        acted(Block.VIRTUAL_SERVER, "ha_suspend");
        acted(Block.VIRTUAL_SERVER, "smtp_alert");
        notImplemented(Block.VIRTUAL_SERVER, SNMP, "snmp_name");
        acted(Block.REAL_SERVER, timing);
        acted(Block.REAL_SERVER, "connect_timeout", "notify_up", "notify_down", "TCP_CHECK", "MISC_CHECK", "FILE_CHECK",
                "HTTP_GET", "SSL_GET", "SMTP_CHECK", "DNS_CHECK", "UDP_CHECK", "PING_CHECK", "virtualhost");
        notImplemented(Block.REAL_SERVER, BFD, "BFD_CHECK");
        acted(Block.REAL_SERVER, "smtp_alert");
        notImplemented(Block.REAL_SERVER, SNMP, "snmp_name");
        for (Block b : new Block[] {Block.TCP_CHECK, Block.HTTP_GET, Block.SMTP_CHECK, Block.SMTP_HOST,
            Block.DNS_CHECK, Block.UDP_CHECK}) {
            acted(b, timing);
            acted(b, connection);
            notImplemented(b, NO_SOCKET_OPTION, "bind_if", "fwmark");
        }
        acted(Block.HTTP_GET, "nb_get_retry", "url", "virtualhost", "http_protocol", "enable_sni");
        notImplemented(Block.HTTP_GET, "after a failure while down the next check waits delay_loop, as without it",
                "fast_recovery");
        acted(Block.URL, "path", "digest", "status_code", "virtualhost", "regex", "regex_no_match",
                "regex_min_offset", "regex_max_offset", "regex_stack");
        notImplemented(Block.URL, "java.util.regex has caseless, dotall, extended, multiline and ucp; an option it"
                + " cannot give is reported at load and ignored", "regex_options");
        acted(Block.ROOT, "SSL");
        acted(Block.SSL, "ca", "certificate", "key", "password");
        acted(Block.SMTP_CHECK, "helo_name", "host");
        acted(Block.DNS_CHECK, "type", "name");
        acted(Block.UDP_CHECK, "payload", "require_reply", "min_reply_length", "max_reply_length");
        acted(Block.PING_CHECK, timing);
        acted(Block.PING_CHECK, connection);
        // an echo socket has no port to bind; bind_if is SO_BINDTODEVICE through the native port
        acted(Block.PING_CHECK, "bind_if");
        notImplemented(Block.PING_CHECK, "the echo requests are not marked (SO_MARK)", "fwmark");
        acted(Block.MISC_CHECK, timing);
        acted(Block.MISC_CHECK, "misc_path", "misc_timeout", "misc_dynamic", "user");
        notImplemented(Block.MISC_CHECK, MISC_FAILURES, "log_all_failures");
        acted(Block.FILE_CHECK, "track_file", "weight");
    }

    /** The IPVS table: services, their scheduling and persistence, real servers, sorry server, quorum. */
    private static void ipvsTable() {
        acted(Block.VIRTUAL_SERVER, "real_server", "ip_family", "protocol", "lb_algo", "lvs_sched", "lb_kind",
                "lvs_method", "hashed", "ops", "flag-1", "flag-2", "flag-3", "sh-port", "sh-fallback", "mh-port",
                "mh-fallback", "persistence_timeout", "persistence_granularity", "persistence_engine", "weight",
                "inhibit_on_failure", "sorry_server", "sorry_server_inhibit", "sorry_server_lvs_method", "quorum",
                "hysteresis");
        acted(Block.REAL_SERVER, "weight", "lvs_method", "uthreshold", "lthreshold", "inhibit_on_failure");
    }

    /**
     * The options of a {@code virtual_ipaddress} / {@code virtual_ipaddress_excluded} line that
     * the VIP installer does not carry out (dev, brd, scope, label, noprefixroute, preferred_lft and
     * no_track it does).
     */
    private static final Map<String, KeywordStatus> ADDRESS_OPTIONS = Map.of(
            "peer", KeywordStatus.notImplemented("the VIP is added without its peer address"),
            "home", KeywordStatus.notImplemented("the VIP is added without the home-address flag"),
            "-nodad", KeywordStatus.notImplemented("the VIP goes through duplicate address detection"),
            "mngtmpaddr", KeywordStatus.notImplemented("no temporary addresses are managed for the VIP"),
            "autojoin", KeywordStatus.notImplemented("the VIP's multicast group is not joined"),
            "use_vmac", KeywordStatus.notImplemented(VMAC_ADDR));

    /** The status of {@code keyword} in {@code block}; empty when the binder does not accept it there. */
    public static Optional<KeywordStatus> of(Block block, String keyword) {
        KeywordStatus whole = WHOLE_BLOCK.get(block);
        if (whole != null) {
            return block.keywords().contains(keyword) ? Optional.of(whole) : Optional.empty();
        }
        return Optional.ofNullable(STATUS.getOrDefault(block, Map.of()).get(keyword));
    }

    /** The status of a line as written, its first argument included (auth_type AH). */
    public static Optional<KeywordStatus> of(Block block, ConfigNode line) {
        Map<String, KeywordStatus> split = BY_ARGUMENT.getOrDefault(block, Map.of()).get(line.keyword());
        if (split != null && line.argCount() > 0 && split.containsKey(line.arg(0))) {
            return Optional.of(split.get(line.arg(0)));
        }
        return of(block, line.keyword());
    }

    /** The status of an option word of a VIP line; empty for words that are not options the daemon ignores. */
    public static Optional<KeywordStatus> addressOption(String option) {
        return Optional.ofNullable(ADDRESS_OPTIONS.get(option));
    }

    /** The keywords classified one by one, per block: for the test that none is a typo. */
    static Map<Block, Set<String>> classified() {
        Map<Block, Set<String>> out = new EnumMap<>(Block.class);
        STATUS.forEach((b, m) -> out.put(b, Set.copyOf(m.keySet())));
        BY_ARGUMENT.forEach((b, m) -> out.merge(b, Set.copyOf(m.keySet()), (x, y) -> {
            Set<String> u = new java.util.HashSet<>(x);
            u.addAll(y);
            return Set.copyOf(u);
        }));
        return out;
    }

    private static void acted(Block block, String... keywords) {
        put(block, KeywordStatus.ACTED, keywords);
    }

    private static void notImplemented(Block block, String reason, String... keywords) {
        put(block, KeywordStatus.notImplemented(reason), keywords);
    }

    private static void put(Block block, KeywordStatus status, String... keywords) {
        Map<String, KeywordStatus> m = STATUS.computeIfAbsent(block, b -> new HashMap<>());
        for (String k : keywords) {
            if (m.put(k, status) != null) {
                throw new IllegalStateException("keyword " + k + " of " + block + " classified twice");
            }
        }
    }

    private static void wholeBlock(String reason, Block... blocks) {
        for (Block b : blocks) {
            WHOLE_BLOCK.put(b, KeywordStatus.notImplemented(reason));
        }
    }

    private static void byFirstArgument(Block block, String keyword, String argument, KeywordStatus status) {
        BY_ARGUMENT.computeIfAbsent(block, b -> new HashMap<>()).computeIfAbsent(keyword, k -> new HashMap<>())
                .put(argument, status);
    }
}
