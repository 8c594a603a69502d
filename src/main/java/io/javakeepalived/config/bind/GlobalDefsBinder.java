package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.FileCreationMask;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code global_defs { }} (keepalived/core/global_parser.c). keepalived installs the block's
 * keywords in groups - those every process reads, then the VRRP, checker and BFD ones - and so
 * does this table: the general keywords are here, the rest come from {@link VrrpGlobals},
 * {@link LvsGlobals}, {@link ProcessGlobals} and {@link NotifyGlobals}. Values land in the
 * global draft as read; nothing is resolved until the whole file is read, except what
 * keepalived also copies at once (the VRRP defaults an instance starts from, see
 * {@code VrrpInstanceBinder.newInstance}).
 */
final class GlobalDefsBinder {
    private GlobalDefsBinder() {
    }

    /** Keywords keepalived accepts that javakeepalived records but does not act on. */
    private static final Set<String> RECORDED = Set.of(
            "process_names", "enable_traps",
            "enable_snmp_vrrp", "enable_snmp_rfc", "enable_snmp_rfcv2", "enable_snmp_rfcv3", "enable_snmp_checker",
            "enable_dbus", "nftables_ifindex", "rs_init_notifies", "no_checker_emails",
            "reload_repeat", "reload_file", "reload_check_config", "data_use_instance", "include_check",
            "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs_force",
            "process_monitor_rcv_bufs_force", "lvs_netlink_cmd_rcv_bufs_force", "lvs_netlink_monitor_rcv_bufs_force",
            "config_save_dir");

    static final KeywordTable<GlobalDrafts.Global> TABLE = new KeywordTable<GlobalDrafts.Global>("global_defs")
            .with(NotifyGlobals.KEYWORDS)
            .with(ProcessGlobals.KEYWORDS)
            .with(VrrpGlobals.KEYWORDS)
            .with(LvsGlobals.KEYWORDS)
            .line("router_id", (g, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "router_id is missing its name, expected router_id NAME - ignoring");
                } else {
                    g.routerId = n.arg(0);
                }
            })
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
            .line("umask", (g, n, c) -> {
                String v = Args.need(n, 0, "a umask (number or IWGRP|IWOTH style bits)");
                if (Character.isDigit(v.charAt(0))) {
                    if (n.argCount() != 1) {
                        c.error(n, "Extra parameters to umask, expected one value");
                        return;
                    }
                    if (FileCreationMask.number(v).isEmpty()) {
                        c.error(n, "invalid umask value " + v + ", expected bits within 0777");
                        return;
                    }
                }
                OptionalInt mask = FileCreationMask.parse(n.args());
                if (mask.isEmpty()) {
                    c.error(n, "Invalid umask syntax " + Args.rest(n, 0) + ", expected bits like IWGRP|IWOTH");
                    return;
                }
                g.umask = mask.getAsInt();
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

    // ------------------------------------------------ readers the global_defs areas share

    /** A keyword javakeepalived accepts but does not act on: kept as written for the dump. */
    static void record(GlobalDrafts.Global g, ConfigNode n) {
        g.other.put(n.keyword(), List.copyOf(n.args()));
    }

    /** An optional on/off: a bare keyword means on; a bad value is reported and nothing is set. */
    static Optional<Boolean> bool(ConfigNode n, BindContext c, String what) {
        if (n.argCount() < 1) {
            return Optional.of(true);
        }
        Optional<Boolean> b = Numbers.bool(n.arg(0));
        if (b.isEmpty()) {
            c.error(n, "Invalid value '" + n.arg(0) + "' for " + what + ", expected on/off, true/false or yes/no");
        }
        return b;
    }

    /** An integer setting that is only recorded (nftables priorities). */
    static void intSetting(GlobalDrafts.Global g, ConfigNode n, BindContext c, long min, long max)
            throws ConfigFatalException {
        String v = Args.need(n, 0, "an integer");
        if (Numbers.signed(c, n.location(), v, min, max).isPresent()) {
            record(g, n);
        }
    }
}
