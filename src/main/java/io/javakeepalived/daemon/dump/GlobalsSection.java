package io.javakeepalived.daemon.dump;

import static io.javakeepalived.daemon.dump.DumpText.able;
import static io.javakeepalived.daemon.dump.DumpText.line;
import static io.javakeepalived.daemon.dump.DumpText.tf;
import static io.javakeepalived.daemon.dump.DumpText.yn;

import io.javakeepalived.config.model.FileCreationMask;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.TopLevel;
import io.javakeepalived.util.AddressText;
import java.time.Duration;
import java.util.Optional;

/**
 * keepalived.data's {@code Global definitions} section (global_data.c {@code dump_global_data})
 * read from the configuration model ({@link SchedulingLines} for the process scheduling).
 * Settings javakeepalived does not model (SNMP, DBus, netlink buffers, notify FIFOs,
 * reload_check_config) are shown at keepalived's defaults, as a keepalived without them
 * configured shows them.
 */
final class GlobalsSection {

    /** keepalived's PARAMETER_UNSET ((unsigned)-1): what its parent prints for a value left to default. */
    static final long UNSET = 4294967295L;

    /** The SNMP and DBus lines, between the process scheduling ones and {@code Script security}. */
    private static final String SNMP_DEFAULTS = """
             SNMP vrrp disabled
             SNMP checker disabled
             SNMP RFCv2 disabled
             SNMP RFCv3 disabled
             SNMP traps disabled
             SNMP socket = default (unix:/var/agentx/master)
             DBus disabled
             DBus service name =\s
            """;

    /** Script user and buffer lines after {@code Script security}; scripts run as root by default. */
    private static final String BUFFER_DEFAULTS = """
             Default script uid:gid 0:0
             vrrp_netlink_cmd_rcv_bufs = 0
             vrrp_netlink_cmd_rcv_bufs_force = 0
             vrrp_netlink_monitor_rcv_bufs = 0
             vrrp_netlink_monitor_rcv_bufs_force = 0
             process_monitor_rcv_bufs = 0
             process_monitor_rcv_bufs_force = 0
             lvs_netlink_cmd_rcv_bufs = 0
             lvs_netlink_cmd_rcv_bufs_force = 0
             lvs_netlink_monitor_rcv_bufs = 0
             lvs_netlink_monitor_rcv_bufs_force = 0
             rs_init_notifies = 0
             no_checker_emails = 0
             rx_bufs_multiples = 3
            """;

    private GlobalsSection() {
    }

    /**
     * @param vrrpProcess true for the VRRP process's keepalived.data (with {@code Default
     *                    interface}, lower-priority GARP values resolved); false for the
     *                    parent's keepalived_parent.data, which prints those values
     *                    {@link #UNSET} when they were left to follow the master ones
     */
    static void write(StringBuilder o, ConfiguredGlobals c, boolean vrrpProcess) {
        TopLevel top = c.topLevel();
        GlobalDefs g = c.defs();
        GlobalDefs.VrrpGlobals v = g.vrrp();
        line(o, "------< Global definitions >------");
        line(o, " Network namespace = " + top.netNamespace().orElse("(default)"));
        line(o, " Network namespace ipvs = " + top.netNamespaceIpvs().map(n -> n.isEmpty() ? "(default)" : n)
                .orElse("(main namespace)"));
        top.instanceName().ifPresent(n -> line(o, " Instance name = " + n));
        g.routerId().ifPresent(id -> line(o, " Router ID = " + id));
        g.smtpServer().ifPresent(s -> {
            line(o, " Smtp server = " + s.host());
            line(o, " Smtp server port = " + s.port());
        });
        g.smtpHeloName().ifPresent(h -> line(o, " Smtp HELO name = " + h));
        // keepalived prints "Smtp server connection timeout" only once set; the model cannot tell
        // a configured 30 s from the default one, so the line stays out (as it always has here)
        g.notificationEmailFrom().ifPresent(from -> {
            line(o, " Email notification from = " + from);
            line(o, " Email notification to:");
            for (String e : g.notificationEmails()) {
                line(o, "   " + e);
            }
        });
        line(o, " Default smtp_alert = " + alert(g.smtpAlert()));
        line(o, " Default smtp_alert_vrrp = " + alert(g.smtpAlertVrrp()));
        line(o, " Default smtp_alert_checker = " + alert(g.smtpAlertChecker()));
        line(o, " Checkers log all failures = " + tf(g.checkerLogAllFailures()));
        line(o, " No test config before reload");
        if (c.dataUseInstance()) {
            line(o, " Use instance name in data dumps");
        }
        line(o, " Dynamic interfaces = " + tf(g.dynamicInterfaces()));
        if (g.dynamicInterfaces()) {
            line(o, " Allow interface changes = " + tf(g.allowInterfaceChanges()));
        }
        if (g.noEmailFaults()) {
            line(o, " Send emails for fault transitions = off");
        }
        if (vrrpProcess) {
            line(o, " Default interface = " + g.defaultInterface());
        }
        line(o, " Disable local IGMP = " + yn(v.disableLocalIgmp()));
        line(o, " LVS flush = " + tf(g.lvs().flush()));
        line(o, " LVS flush on stop = " + flushOnStop(g.lvs().flushOnStop()));
        line(o, " FIFO write vrrp states on reload = " + tf(g.fifos().writeVrrpStatesOnReload()));
        line(o, " VRRP notify priority changes = " + tf(v.notifyPriorityChanges()));
        line(o, " VRRP IPv4 mcast group = " + AddressText.ntop(v.mcastGroup4()));
        line(o, " VRRP IPv6 mcast group = " + AddressText.ntop(v.mcastGroup6()));
        garp(o, v, vrrpProcess);
        line(o, " Send advert after receive lower priority advert = " + tf(!v.lowerPrioNoAdvert()));
        line(o, " Send advert after receive higher priority advert = " + tf(v.higherPrioSendAdvert()));
        line(o, " Gratuitous ARP interval = " + CFormat.f(seconds(v.garpInterval())));
        line(o, " Gratuitous NA interval = " + CFormat.f(seconds(v.gnaInterval())));
        line(o, " VRRP default protocol version = " + v.version());
        line(o, " VRRP check unicast_src = " + tf(v.checkUnicastSrc()));
        line(o, " VRRP skip check advert addresses = " + tf(v.skipCheckAdvAddr()));
        line(o, " VRRP strict mode = " + tf(v.strict()));
        line(o, " Max auto priority = " + (g.maxAutoPriority() == -1 ? "Disabled"
                : Integer.toString(g.maxAutoPriority())));
        line(o, " Min auto priority delay = " + micros(g.minAutoPriorityDelay()) + " usecs");
        SchedulingLines.write(o, g);
        o.append(SNMP_DEFAULTS);
        line(o, " Script security " + able(g.enableScriptSecurity()));
        o.append(BUFFER_DEFAULTS);
        line(o, " umask = " + FileCreationMask.octal(g.umask().orElse(FileCreationMask.KEEPALIVED_DEFAULT)));
        if (!v.startupDelay().isZero()) {
            line(o, " vrrp_startup_delay = " + CFormat.g(seconds(v.startupDelay())));
        }
        if (v.logUnknownVrids()) {
            line(o, " log_unknown_vrids");
        }
        v.vmacPrefix().ifPresent(p -> line(o, " VMAC prefix = " + p));
        v.vmacAddrPrefix().ifPresent(p -> line(o, " VMAC address prefix = " + p));
    }

    private static void garp(StringBuilder o, GlobalDefs.VrrpGlobals v, boolean vrrpProcess) {
        line(o, " Gratuitous ARP delay = " + v.garpMasterDelay().toSeconds());
        line(o, " Gratuitous ARP repeat = " + v.garpMasterRepeat());
        line(o, " Gratuitous ARP refresh timer = " + v.garpMasterRefresh().toSeconds());
        line(o, " Gratuitous ARP refresh repeat = " + v.garpMasterRefreshRepeat());
        // the model has resolved the lower-priority values already; the parent shows them unset
        // when they follow the master ones, as keepalived's parent (which never resolves them) does
        boolean delayFollows = !vrrpProcess && v.garpLowerPrioDelay().equals(v.garpMasterDelay());
        boolean repeatFollows = !vrrpProcess && v.garpLowerPrioRepeat() == v.garpMasterRepeat();
        line(o, " Gratuitous ARP lower priority delay = "
                + (delayFollows ? UNSET : v.garpLowerPrioDelay().toSeconds()));
        line(o, " Gratuitous ARP lower priority repeat = " + (repeatFollows ? UNSET : v.garpLowerPrioRepeat()));
        line(o, " Num adverts before down = " + v.downTimerAdverts());
        line(o, " Gratuitous ARP for each secondary " + (v.garpExtraIfAll() ? "i/f" : "VMAC") + " = "
                + v.garpExtraIfInterval() + "s");
    }

    private static String alert(Optional<Boolean> b) {
        return b.map(on -> on ? "on" : "off").orElse("unset");
    }

    private static String flushOnStop(GlobalDefs.FlushOnStop f) {
        return switch (f) {
            case NONE -> "disabled";
            case FULL -> "full";
            case VS -> "VS";
        };
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1_000;
    }

    private static double seconds(Duration d) {
        return micros(d) / 1e6;
    }
}
