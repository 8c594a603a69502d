package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.GlobalDefs;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The LVS half of {@code global_defs} (global_parser.c, the keywords under _WITH_LVS_): IPVS
 * timeouts, flushing on start and stop, the IPVS sync daemon and the nftables table for
 * fwmark-based virtual servers.
 */
final class LvsGlobals {
    private LvsGlobals() {
    }

    /** This area's part of the global_defs table ({@link GlobalDefsBinder#TABLE}). */
    static final KeywordTable<GlobalDrafts.Global> KEYWORDS = new KeywordTable<GlobalDrafts.Global>("global_defs")
            .line("lvs_timeouts", LvsGlobals::lvsTimeouts)
            .line("lvs_flush", (g, n, c) -> g.lvsFlush = true)
            .line("lvs_flush_on_stop", LvsGlobals::flushOnStop)
            .line("lvs_flush_onstop", (g, n, c) -> {
                c.note(n.location(), "'lvs_flush_onstop' is deprecated - please use 'lvs_flush_on_stop'");
                flushOnStop(g, n, c);
            })
            .line("lvs_sync_daemon", LvsGlobals::lvsSyncDaemon)
            .line("nftables_ipvs", (g, n, c) -> {
                if (g.nftablesIpvs != null) {
                    c.error(n, "ipvs nftables already specified - ignoring");
                    return;
                }
                g.nftablesIpvs = n.argCount() >= 1 ? n.arg(0) : "keepalived_ipvs";
            })
            .line("nftables_ipvs_priority", (g, n, c)
                    -> GlobalDefsBinder.intSetting(g, n, c, Integer.MIN_VALUE, Integer.MAX_VALUE))
            .line("nftables_ipvs_start_fwmark", (g, n, c) -> {
                String v = Args.need(n, 0, "a firewall mark 1-4294967295");
                if (Numbers.unsigned(c, n.location(), v, 1, Numbers.UINT_MAX).isPresent()) {
                    GlobalDefsBinder.record(g, n);
                }
            });

    private static void lvsTimeouts(GlobalDrafts.Global g, ConfigNode n, BindContext c) {
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

    private static void flushOnStop(GlobalDrafts.Global g, ConfigNode n, BindContext c) {
        if (n.argCount() == 0) {
            g.lvsFlushOnStop = GlobalDefs.FlushOnStop.FULL;
        } else if (n.arg(0).equals("VS")) {
            g.lvsFlushOnStop = GlobalDefs.FlushOnStop.VS;
        } else {
            c.error(n, "Unknown lvs_flush_on_stop type " + n.arg(0) + ", expected nothing or VS");
        }
    }

    private static void lvsSyncDaemon(GlobalDrafts.Global g, ConfigNode n, BindContext c) {
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
        GlobalDrafts.LvsSync s = new GlobalDrafts.LvsSync();
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
}
