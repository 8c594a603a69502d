package io.javakeepalived.daemon.dump;

import io.javakeepalived.vrrp.packet.AuthType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * keepalived.data (SIGUSR1) in keepalived 2.2.7's layout (vrrp_data.c {@code dump_data_vrrp},
 * global_data.c {@code dump_global_data}, vrrp_if.c {@code dump_if}). keepalived-exporter reads
 * the {@code VRRP Topology} and {@code VRRP Scripts} sections: instance lines start with
 * {@code " VRRP Instance = "}, properties with three spaces and {@code key = value} (or
 * {@code key:}), list items with five spaces. Lines that describe build features javakeepalived
 * does not have (nftables, libnftnl version, VMAC/IPVLAN details, track file/process/BFD
 * sections, GARP delay groups, static track groups) are left out.
 */
public final class DataDumpWriter {

    private DataDumpWriter() {
    }

    /** The VRRP process's keepalived.data, time stamps in the system zone. */
    public static String render(VrrpStateSnapshot s) {
        return render(s, ZoneId.systemDefault());
    }

    /** The VRRP process's keepalived.data, time stamps in {@code zone}. */
    public static String render(VrrpStateSnapshot s, ZoneId zone) {
        StringBuilder o = new StringBuilder(8192);
        globals(o, s.globals(), true);
        section(o, "Static Addresses", s.staticAddresses());
        section(o, "Static Routes", s.staticRoutes());
        section(o, "Static Rules", s.staticRules());
        if (!s.instances().isEmpty()) {
            line(o, "------< VRRP Topology >------");
            for (InstanceSnapshot i : s.instances()) {
                instance(o, i, zone);
            }
        }
        if (!s.sockPool().isEmpty()) {
            line(o, "------< VRRP Sockpool >------");
            for (SockPoolEntry e : s.sockPool()) {
                sock(o, e);
            }
        }
        if (!s.syncGroups().isEmpty()) {
            line(o, "------< VRRP Sync groups >------");
            for (SyncGroupSnapshot g : s.syncGroups()) {
                syncGroup(o, g);
            }
        }
        if (!s.scripts().isEmpty()) {
            line(o, "------< VRRP Scripts >------");
            for (ScriptSnapshot sc : s.scripts()) {
                script(o, sc);
            }
        }
        if (!s.interfaces().isEmpty()) {
            line(o, "------< Interfaces >------");
            for (InterfaceSnapshot i : s.interfaces()) {
                iface(o, i);
            }
        }
        return o.toString();
    }

    /**
     * The parent process's keepalived_parent.data: the global definitions only, without the
     * VRRP-only {@code Default interface} line, values as configured (unresolved ones print
     * 4294967295, as keepalived's parent does).
     */
    public static String renderParent(GlobalDefinitions g) {
        StringBuilder o = new StringBuilder(4096);
        globals(o, g, false);
        return o.toString();
    }

    private static void line(StringBuilder o, String s) {
        o.append(s).append('\n');
    }

    private static void section(StringBuilder o, String title, List<String> items) {
        if (!items.isEmpty()) {
            line(o, "------< " + title + " >------");
            for (String s : items) {
                line(o, "     " + s);
            }
        }
    }

    private static String tf(boolean b) {
        return b ? "true" : "false";
    }

    private static String yn(boolean b) {
        return b ? "yes" : "no";
    }

    private static String alert(Boolean b) {
        return b == null ? "unset" : b ? "on" : "off";
    }

    private static String fifoLine(String what, FifoInfo f) {
        return " " + what + " = " + f.name() + ", uid:gid " + f.uid() + ":" + f.gid();
    }

    // ------------------------------------------------------------------ global definitions

    static void globals(StringBuilder o, GlobalDefinitions g, boolean vrrpProcess) {
        line(o, "------< Global definitions >------");
        line(o, " Network namespace = " + (g.networkNamespace() != null ? g.networkNamespace() : "(default)"));
        line(o, " Network namespace ipvs = " + (g.networkNamespaceIpvs() == null ? "(main namespace)"
                : g.networkNamespaceIpvs().isEmpty() ? "(default)" : g.networkNamespaceIpvs()));
        if (g.instanceName() != null) {
            line(o, " Instance name = " + g.instanceName());
        }
        if (g.processName() != null) {
            line(o, " Parent process name = " + g.processName());
        }
        if (g.vrrpProcessName() != null) {
            line(o, " VRRP process name = " + g.vrrpProcessName());
        }
        if (g.routerId() != null) {
            line(o, " Router ID = " + g.routerId());
        }
        if (g.smtpServer() != null) {
            line(o, " Smtp server = " + g.smtpServer());
            line(o, " Smtp server port = " + g.smtpServerPort());
        }
        if (g.smtpHeloName() != null) {
            line(o, " Smtp HELO name = " + g.smtpHeloName());
        }
        if (g.smtpConnectTimeoutSeconds() != 0) {
            line(o, " Smtp server connection timeout = " + g.smtpConnectTimeoutSeconds());
        }
        if (g.emailFrom() != null) {
            line(o, " Email notification from = " + g.emailFrom());
            line(o, " Email notification to:");
            for (String e : g.emails()) {
                line(o, "   " + e);
            }
        }
        line(o, " Default smtp_alert = " + alert(g.smtpAlert()));
        line(o, " Default smtp_alert_vrrp = " + alert(g.smtpAlertVrrp()));
        line(o, " Default smtp_alert_checker = " + alert(g.smtpAlertChecker()));
        line(o, " Checkers log all failures = " + tf(g.checkerLogAllFailures()));
        if (g.reloadCheckConfig() != null) {
            line(o, " Test config before reload, log to " + g.reloadCheckConfig());
        } else {
            line(o, " No test config before reload");
        }
        if (g.dataUseInstance()) {
            line(o, " Use instance name in data dumps");
        }
        line(o, " Dynamic interfaces = " + tf(g.dynamicInterfaces()));
        if (g.dynamicInterfaces()) {
            line(o, " Allow interface changes = " + tf(g.allowIfChanges()));
        }
        if (g.noEmailFaults()) {
            line(o, " Send emails for fault transitions = off");
        }
        if (vrrpProcess) {
            line(o, " Default interface = " + g.defaultInterface());
        }
        line(o, " Disable local IGMP = " + yn(g.disableLocalIgmp()));
        line(o, " LVS flush = " + tf(g.lvsFlush()));
        line(o, " LVS flush on stop = " + g.lvsFlushOnStop());
        fifo(o, "Global notify fifo", g.notifyFifo());
        fifo(o, "VRRP notify fifo", g.vrrpNotifyFifo());
        line(o, " FIFO write vrrp states on reload = " + tf(g.fifoWriteVrrpStatesOnReload()));
        line(o, " VRRP notify priority changes = " + tf(g.vrrpNotifyPriorityChanges()));
        line(o, " VRRP IPv4 mcast group = " + g.vrrpMcastGroup4());
        line(o, " VRRP IPv6 mcast group = " + g.vrrpMcastGroup6());
        line(o, " Gratuitous ARP delay = " + g.garpDelaySeconds());
        line(o, " Gratuitous ARP repeat = " + g.garpRepeat());
        line(o, " Gratuitous ARP refresh timer = " + g.garpRefreshSeconds());
        line(o, " Gratuitous ARP refresh repeat = " + g.garpRefreshRepeat());
        line(o, " Gratuitous ARP lower priority delay = " + g.garpLowerPrioDelaySeconds());
        line(o, " Gratuitous ARP lower priority repeat = " + g.garpLowerPrioRepeat());
        line(o, " Num adverts before down = " + g.downTimerAdverts());
        if (g.vmacGarpIntervalSeconds() != null) {
            line(o, " Gratuitous ARP for each secondary " + (g.vmacGarpAllInterfaces() ? "i/f" : "VMAC") + " = "
                    + g.vmacGarpIntervalSeconds() + "s");
        }
        line(o, " Send advert after receive lower priority advert = " + tf(!g.lowerPrioNoAdvert()));
        line(o, " Send advert after receive higher priority advert = " + tf(g.higherPrioSendAdvert()));
        line(o, " Gratuitous ARP interval = " + CFormat.f(g.garpIntervalMicros() / 1e6));
        line(o, " Gratuitous NA interval = " + CFormat.f(g.gnaIntervalMicros() / 1e6));
        line(o, " VRRP default protocol version = " + g.vrrpVersion());
        line(o, " VRRP check unicast_src = " + tf(g.checkUnicastSrc()));
        line(o, " VRRP skip check advert addresses = " + tf(g.skipCheckAdvAddr()));
        line(o, " VRRP strict mode = " + tf(g.strict()));
        line(o, " Max auto priority = " + (g.maxAutoPriority() == -1 ? "Disabled" : Integer.toString(g.maxAutoPriority())));
        line(o, " Min auto priority delay = " + g.minAutoPriorityDelayMicros() + " usecs");
        line(o, " VRRP process priority = " + g.vrrpProcessPriority());
        line(o, " VRRP don't swap = " + tf(g.vrrpNoSwap()));
        line(o, " VRRP realtime priority = " + g.vrrpRealtimePriority());
        line(o, " VRRP realtime limit = " + g.vrrpRealtimeLimit());
        line(o, " Checker process priority = " + g.checkerProcessPriority());
        line(o, " Checker don't swap = " + tf(g.checkerNoSwap()));
        line(o, " Checker realtime priority = " + g.checkerRealtimePriority());
        line(o, " Checker realtime limit = " + g.checkerRealtimeLimit());
        line(o, " BFD process priority = " + g.bfdProcessPriority());
        line(o, " BFD don't swap = " + tf(g.bfdNoSwap()));
        line(o, " BFD realtime priority = " + g.bfdRealtimePriority());
        line(o, " BFD realtime limit = " + g.bfdRealtimeLimit());
        line(o, " SNMP vrrp " + able(g.snmpVrrp()));
        line(o, " SNMP checker " + able(g.snmpChecker()));
        line(o, " SNMP RFCv2 " + able(g.snmpRfcV2()));
        line(o, " SNMP RFCv3 " + able(g.snmpRfcV3()));
        line(o, " SNMP traps " + able(g.snmpTraps()));
        line(o, " SNMP socket = " + (g.snmpSocket() != null ? g.snmpSocket() : "default (unix:/var/agentx/master)"));
        line(o, " DBus " + able(g.dbus()));
        line(o, " DBus service name = " + (g.dbusServiceName() != null ? g.dbusServiceName() : ""));
        line(o, " Script security " + able(g.scriptSecurity()));
        if (g.defaultScriptUid() != null && g.defaultScriptGid() != null) {
            line(o, " Default script uid:gid " + g.defaultScriptUid() + ":" + g.defaultScriptGid());
        }
        line(o, " vrrp_netlink_cmd_rcv_bufs = " + g.vrrpNetlinkCmdRcvBufs());
        line(o, " vrrp_netlink_cmd_rcv_bufs_force = " + bit(g.vrrpNetlinkCmdRcvBufsForce()));
        line(o, " vrrp_netlink_monitor_rcv_bufs = " + g.vrrpNetlinkMonitorRcvBufs());
        line(o, " vrrp_netlink_monitor_rcv_bufs_force = " + bit(g.vrrpNetlinkMonitorRcvBufsForce()));
        line(o, " process_monitor_rcv_bufs = " + g.processMonitorRcvBufs());
        line(o, " process_monitor_rcv_bufs_force = " + bit(g.processMonitorRcvBufsForce()));
        line(o, " lvs_netlink_cmd_rcv_bufs = " + g.lvsNetlinkCmdRcvBufs());
        line(o, " lvs_netlink_cmd_rcv_bufs_force = " + bit(g.lvsNetlinkCmdRcvBufsForce()));
        line(o, " lvs_netlink_monitor_rcv_bufs = " + g.lvsNetlinkMonitorRcvBufs());
        line(o, " lvs_netlink_monitor_rcv_bufs_force = " + bit(g.lvsNetlinkMonitorRcvBufsForce()));
        line(o, " rs_init_notifies = " + g.rsInitNotifies());
        line(o, " no_checker_emails = " + g.noCheckerEmails());
        if (g.rxBufsLine() != null) {
            line(o, " " + g.rxBufsLine());
        }
        line(o, " rx_bufs_multiples = " + g.rxBufsMultiples());
        line(o, " umask = 0" + Integer.toOctalString(g.umask()));
        if (g.vrrpStartupDelayMicros() != 0) {
            line(o, " vrrp_startup_delay = " + CFormat.g(g.vrrpStartupDelayMicros() / 1e6));
        }
        if (g.logUnknownVrids()) {
            line(o, " log_unknown_vrids");
        }
        if (g.vmacPrefix() != null) {
            line(o, " VMAC prefix = " + g.vmacPrefix());
        }
        if (g.vmacAddrPrefix() != null) {
            line(o, " VMAC address prefix = " + g.vmacAddrPrefix());
        }
    }

    private static void fifo(StringBuilder o, String what, FifoInfo f) {
        if (f == null) {
            return;
        }
        line(o, fifoLine(what, f));
        if (f.script() != null) {
            NotifyScript s = f.script();
            line(o, " " + what + " script = " + s.commandText() + ", uid:gid " + s.uid() + ":" + s.gid());
        }
    }

    private static String able(boolean b) {
        return b ? "enabled" : "disabled";
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }

    // ------------------------------------------------------------------ instances

    static void instance(StringBuilder o, InstanceSnapshot v, ZoneId zone) {
        line(o, " VRRP Instance = " + v.name());
        line(o, "   VRRP Version = " + v.version());
        if (v.syncGroup() != null) {
            line(o, "   Sync group = " + v.syncGroup());
        }
        if (v.ipv6()) {
            line(o, "   Using Native IPv6");
        }
        line(o, "   State = " + v.state().text());
        if (v.state() == InstanceState.BACKUP) {
            line(o, "   Master router = " + (v.masterRouter() != null ? v.masterRouter() : unspecified(v.ipv6())));
            line(o, "   Master priority = " + v.masterPriority());
            if (v.version() == 3) {
                line(o, "   Master advert int = " + String.format(java.util.Locale.ROOT, "%.2f",
                        v.masterAdvertIntervalMicros() / 1e6) + " sec");
            }
        }
        if (v.anyFlag()) {
            line(o, "   Flags:");
            if (v.unicast()) {
                line(o, "     Using unicast" + (v.unicastDuplicateVrid() ? " with VRID duplication" : ""));
            } else if (v.unicastConfigured()) {
                line(o, "     Unicast config option specified but using multicast");
            }
            if (v.unicastFaultNoPeers()) {
                line(o, "     If unicast go to fault state if no peers");
            }
        } else {
            line(o, "   Flags: none");
        }
        line(o, "   Wantstate = " + v.wantState().text());
        line(o, "   Number of config faults = " + v.numConfigFaults());
        line(o, "   Number of interface and track script faults = " + v.numScriptIfFaults());
        if (v.duplicateVridFault()) {
            line(o, "   Duplicate VRID");
        }
        line(o, "   Number of track scripts init = " + v.numScriptInit());
        line(o, "   Last transition = " + stamp(v.lastTransition(), zone));
        if (v.readTimeout() == null) {
            line(o, "   Read timeout = DISABLED");
        } else {
            line(o, "   Read timeout = " + stamp(v.readTimeout(), zone));
        }
        line(o, "   Master down timer = " + v.masterDownTimerMicros() + " usecs");
        line(o, "   Interface = " + (v.interfaceName() != null ? v.interfaceName() : "not configured"));
        if (v.dontTrackPrimary()) {
            line(o, "   VRRP interface tracking disabled");
        }
        if (v.skipCheckAdvAddr()) {
            line(o, "   Skip checking advert IP addresses");
        }
        if (v.strictMode()) {
            line(o, "   Enforcing strict VRRP compliance");
        }
        line(o, "   Using src_ip = " + (v.sourceIp() != null ? v.sourceIp() : "(none)")
                + (v.sourceIpFromConfig() ? " (from configuration)" : ""));
        if (!v.unicast()) {
            if (!v.ipv6()) {
                line(o, "   Multicast address " + v.multicastAddress());
            } else {
                line(o, "   Multicast address " + v.multicastAddress() + ", ifindex " + v.multicastIfindex());
            }
        }
        line(o, "   Gratuitous ARP delay = " + v.garpDelaySeconds());
        line(o, "   Gratuitous ARP repeat = " + v.garpRepeat());
        line(o, "   Gratuitous ARP refresh = " + v.garpRefreshSeconds());
        line(o, "   Gratuitous ARP refresh repeat = " + v.garpRefreshRepeat());
        line(o, "   Gratuitous ARP lower priority delay = " + v.garpLowerPrioDelaySeconds());
        line(o, "   Gratuitous ARP lower priority repeat = " + v.garpLowerPrioRepeat());
        line(o, "   Down timer adverts = " + v.downTimerAdverts());
        line(o, "   Send advert after receive lower priority advert = " + tf(!v.lowerPrioNoAdvert()));
        line(o, "   Send advert after receive higher priority advert = " + tf(v.higherPrioSendAdvert()));
        line(o, "   Virtual Router ID = " + v.vrid());
        line(o, "   Priority = " + v.basePriority());
        line(o, "   Effective priority = " + v.effectivePriority());
        line(o, "   Total priority = " + v.totalPriority());
        if (v.version() == 2) {
            line(o, "   Advert interval = " + v.advertIntervalMicros() / 1_000_000 + " sec");
        } else {
            line(o, "   Advert interval = " + v.advertIntervalMicros() / 1000 + " milli-sec");
        }
        if (v.state() == InstanceState.BACKUP && v.version() == 3) {
            line(o, "   Master advert interval = " + v.masterAdvertIntervalMicros() / 1000 + " milli-sec");
        }
        line(o, "   Accept = " + (v.accept() ? "enabled" : "disabled"));
        line(o, "   Preempt = " + (v.nopreempt() ? "disabled" : "enabled"));
        if (v.preemptDelayMicros() != 0) {
            line(o, "   Preempt delay = " + CFormat.g(v.preemptDelayMicros() / 1e6) + " secs");
        }
        line(o, "   Promote_secondaries = " + (v.promoteSecondaries() ? "enabled" : "disabled"));
        if (v.authType() != AuthType.NONE) {
            line(o, "   Authentication type = " + (v.authType() == AuthType.IP_AH ? "IPSEC_AH" : "SIMPLE_PASSWORD"));
            if (v.authType() != AuthType.IP_AH) {
                line(o, "   Password = " + (v.authPassword() != null ? v.authPassword() : ""));
            }
        } else if (v.version() == 2) {
            line(o, "   Authentication type = none");
        }
        if (v.kernelRxBufSize() != 0) {
            line(o, "   Kernel rx buffer size = " + v.kernelRxBufSize());
        }
        if (!v.vips().isEmpty()) {
            line(o, "   Virtual IP (" + v.vips().size() + "):");
            for (String ip : v.vips()) {
                line(o, "     " + ip);
            }
        }
        if (!v.excludedVips().isEmpty()) {
            line(o, "   Virtual IP Excluded :");
            for (String ip : v.excludedVips()) {
                line(o, "     " + ip);
            }
        }
        if (v.unicast()) {
            if (v.unicastTtl() != -1) {
                line(o, "   Unicast TTL = " + v.unicastTtl());
            }
            line(o, "   Check unicast src : " + yn(v.checkUnicastSrc()));
            line(o, "   Unicast Peer :");
            for (PeerInfo p : v.unicastPeers()) {
                line(o, "     " + p.address() + " min_ttl " + p.minTtl() + " max_ttl " + p.maxTtl());
            }
            line(o, "   Unicast checksum compatibility = " + v.unicastChecksumCompat());
        }
        if (v.fdIn() >= 0) {
            line(o, "   fd_in " + v.fdIn() + ", fd_out " + v.fdOut());
        } else {
            line(o, "   No sockets allocated");
        }
        list(o, "   Virtual Routes :", v.virtualRoutes());
        list(o, "   Virtual Rules :", v.virtualRules());
        tracked(o, "   Tracked interfaces :", v.trackInterfaces(), " weight ");
        tracked(o, "   Tracked scripts :", v.trackScripts(), " weight ");
        tracked(o, "   Tracked files :", v.trackFiles(), ", weight ");
        tracked(o, "   Tracked processes :", v.trackProcesses(), ", weight ");
        tracked(o, "   Tracked BFDs :", v.trackBfds(), ": weight ");
        line(o, "   Using smtp notification = " + yn(v.smtpAlert()));
        line(o, "   Notify deleted = " + (v.notifyDeleted() ? "Deleted" : "Fault"));
        notify(o, v.notifyBackup(), "Backup");
        notify(o, v.notifyMaster(), "Master");
        notify(o, v.notifyFault(), "Fault");
        notify(o, v.notifyStop(), "Stop");
        notify(o, v.notifyDeletedScript(), "Deleted");
        notify(o, v.notifyGeneric(), "Generic");
        notify(o, v.notifyMasterRxLowerPri(), "Master rx lower pri");
        line(o, "   Notify priority changes = " + tf(v.notifyPriorityChanges()));
    }

    /** What {@code inet_sockaddrtos} prints for an unset address. */
    private static String unspecified(boolean ipv6) {
        return ipv6 ? "::" : "0.0.0.0";
    }

    private static String stamp(Instant t, ZoneId zone) {
        return CFormat.secondsDotMicros(t) + " (" + CFormat.ctimeMicros(t, zone) + ")";
    }

    private static void list(StringBuilder o, String header, List<String> items) {
        if (!items.isEmpty()) {
            line(o, header);
            for (String s : items) {
                line(o, "     " + s);
            }
        }
    }

    private static void tracked(StringBuilder o, String header, List<Tracked> items, String sep) {
        if (!items.isEmpty()) {
            line(o, header);
            for (Tracked t : items) {
                line(o, "     " + t.name() + sep + t.weight() + t.reverseSuffix());
            }
        }
    }

    private static void notify(StringBuilder o, NotifyScript s, String type) {
        if (s != null) {
            line(o, "   " + type + " state transition script = " + s.commandText() + ", uid:gid " + s.uid() + ":"
                    + s.gid());
        }
    }

    // ------------------------------------------------------------------ other sections

    static void sock(StringBuilder o, SockPoolEntry e) {
        line(o, " fd_in " + e.fdIn() + " fd_out = " + e.fdOut());
        line(o, "   Interface = " + e.interfaceName());
        line(o, "   Family = " + (e.ipv6() ? "IPv6" : "IPv4"));
        line(o, "   Protocol = " + (e.ah() ? "AH" : "VRRP"));
        line(o, "   Type = " + (e.unicastSource() != null ? "Unicast" : "Multicast"));
        if (e.unicastSource() != null) {
            line(o, "   Address = " + e.unicastSource());
        }
        line(o, "   Rx buf size = " + e.rxBufSize());
        line(o, "   VRRP instances");
        for (SockPoolEntry.Member m : e.members()) {
            line(o, "     " + m.instance() + " vrid " + m.vrid());
        }
    }

    static void syncGroup(StringBuilder o, SyncGroupSnapshot g) {
        line(o, " VRRP Sync Group = " + g.name() + ", " + g.state().text());
        line(o, "   Num member fault " + g.numMemberFault() + ", num member init " + g.numMemberInit());
        if (!g.members().isEmpty()) {
            line(o, "   VRRP member instances :");
            for (String m : g.members()) {
                line(o, "     " + m);
            }
        }
        if (g.trackingWeight()) {
            line(o, "   sync group tracking weight set");
        }
        line(o, "   Using smtp notification = " + yn(g.smtpAlert()));
        if (g.notifyPriorityChanges() != null) {
            line(o, "   Notify priority changes = " + yn(g.notifyPriorityChanges()));
        }
        tracked(o, "   Tracked interfaces :", g.trackInterfaces(), " weight ");
        tracked(o, "   Tracked scripts :", g.trackScripts(), " weight ");
        tracked(o, "   Tracked files :", g.trackFiles(), ", weight ");
        tracked(o, "   Tracked process :", g.trackProcesses(), ", weight ");
        tracked(o, "   Tracked BFDs :", g.trackBfds(), ": weight ");
        notify(o, g.notifyBackup(), "Backup");
        notify(o, g.notifyMaster(), "Master");
        notify(o, g.notifyFault(), "Fault");
        notify(o, g.notifyStop(), "Stop");
        notify(o, g.notifyGeneric(), "Generic");
    }

    static void script(StringBuilder o, ScriptSnapshot s) {
        line(o, " VRRP Script = " + s.name());
        line(o, "   Command = " + s.command().commandText());
        line(o, "   Interval = " + s.intervalSeconds() + " sec");
        line(o, "   Timeout = " + s.timeoutSeconds() + " sec");
        line(o, "   Weight = " + s.weight() + (s.weightReverse() ? " reverse" : ""));
        line(o, "   Rise = " + s.rise());
        line(o, "   Fall = " + s.fall());
        line(o, "   Result = " + s.result());
        line(o, "   Insecure = " + yn(s.insecure()));
        line(o, "   Init state = " + s.initState().text());
        line(o, "   Status = " + s.status());
        line(o, "   Script uid:gid = " + s.command().uid() + ":" + s.command().gid());
        line(o, "   VRRP instances :");
        if (!s.tracking().isEmpty()) {
            line(o, "   Tracking instances :");
            for (TrackingInstance t : s.tracking()) {
                line(o, t.line());
            }
        }
        line(o, "   State = " + s.runState().text());
    }

    static void iface(StringBuilder o, InterfaceSnapshot i) {
        line(o, " Name = " + i.name());
        line(o, "   index = " + i.index() + (i.index() != 0 ? "" : " (deleted)"));
        line(o, "   IPv4 address = " + (i.ipv4() != null ? i.ipv4() : "(none)"));
        list(o, "   Additional IPv4 addresses :", i.extraIpv4());
        line(o, "   IPv6 address = " + (i.ipv6() != null ? i.ipv6() : "(none)"));
        list(o, "   Additional IPv6 addresses :", i.extraIpv6());
        if (i.mac() != null) {
            line(o, "   MAC = " + i.mac());
            line(o, "   MAC broadcast = " + (i.macBroadcast() != null ? i.macBroadcast() : ""));
        }
        line(o, "   State = " + (i.up() ? "" : "not ") + "UP, " + (i.running() ? "" : "not ") + "RUNNING"
                + (!i.broadcast() ? ", no broadcast" : "") + (i.loopback() ? ", loopback" : "")
                + (i.pointToPoint() ? ", point to point" : "") + (i.noArp() ? ", no arp" : "")
                + (!i.multicast() ? ", no multicast" : ""));
        line(o, "   Seen up = " + i.seenUp());
        line(o, "   Delayed state change running = " + tf(i.delayedStateChangeRunning()));
        line(o, "   Up debounce timer = " + i.upDebounceMicros() + "us");
        line(o, "   Down debounce timer = " + i.downDebounceMicros() + "us");
        line(o, "   MTU = " + i.mtu());
        line(o, "   HW Type = " + i.hwType());
        line(o, "   " + i.linkStatusSource());
        if (i.garpIntervalMillis() != null) {
            line(o, "   Gratuitous ARP interval " + i.garpIntervalMillis() + "ms");
        }
        if (i.gnaIntervalMillis() != null) {
            line(o, "   Gratuitous NA interval " + i.gnaIntervalMillis() + "ms");
        }
        if (i.garpAggregationGroup() != 0) {
            line(o, "   Gratuitous ARP aggregation group " + i.garpAggregationGroup());
        }
        line(o, "   Reset ARP config counter " + i.resetArpConfig());
        line(o, "   Original arp_ignore " + i.arpIgnore());
        line(o, "   Original arp_filter " + i.arpFilter());
        if (i.rpFilter() != null) {
            line(o, "   rp_filter " + i.rpFilter());
        }
        line(o, "   Original promote_secondaries " + i.promoteSecondaries());
        line(o, "   Reset promote_secondaries counter " + i.resetPromoteSecondaries());
        if (!i.tracking().isEmpty()) {
            line(o, "   Tracking VRRP instances :");
            for (TrackingInstance t : i.tracking()) {
                line(o, t.line());
            }
        }
    }
}
