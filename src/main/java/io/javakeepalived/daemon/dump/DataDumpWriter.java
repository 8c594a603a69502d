package io.javakeepalived.daemon.dump;

import static io.javakeepalived.daemon.dump.DumpText.line;
import static io.javakeepalived.daemon.dump.DumpText.list;
import static io.javakeepalived.daemon.dump.DumpText.notifyScript;
import static io.javakeepalived.daemon.dump.DumpText.tf;
import static io.javakeepalived.daemon.dump.DumpText.tracked;
import static io.javakeepalived.daemon.dump.DumpText.yn;

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
        GlobalsSection.write(o, s.globals(), true);
        list(o, "------< Static Addresses >------", s.staticAddresses());
        list(o, "------< Static Routes >------", s.staticRoutes());
        list(o, "------< Static Rules >------", s.staticRules());
        if (!s.instances().isEmpty()) {
            line(o, "------< VRRP Topology >------");
            for (InstanceSnapshot i : s.instances()) {
                InstanceSection.write(o, i, zone);
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
    public static String renderParent(ConfiguredGlobals g) {
        StringBuilder o = new StringBuilder(4096);
        GlobalsSection.write(o, g, false);
        return o.toString();
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
        g.notifyPriorityChanges().ifPresent(on -> line(o, "   Notify priority changes = " + yn(on)));
        TrackedObjects t = g.tracked();
        tracked(o, "   Tracked interfaces :", t.interfaces(), " weight ");
        tracked(o, "   Tracked scripts :", t.scripts(), " weight ");
        tracked(o, "   Tracked files :", t.files(), ", weight ");
        tracked(o, "   Tracked process :", t.processes(), ", weight ");
        tracked(o, "   Tracked BFDs :", t.bfds(), ": weight ");
        SyncGroupSnapshot.Notify n = g.notifyScripts();
        notifyScript(o, n.backup(), "Backup");
        notifyScript(o, n.master(), "Master");
        notifyScript(o, n.fault(), "Fault");
        notifyScript(o, n.stop(), "Stop");
        notifyScript(o, n.generic(), "Generic");
    }

    static void script(StringBuilder o, ScriptSnapshot s) {
        line(o, " VRRP Script = " + s.name());
        line(o, "   Command = " + s.command().commandText());
        ScriptSnapshot.Settings c = s.settings();
        line(o, "   Interval = " + c.intervalSeconds() + " sec");
        line(o, "   Timeout = " + c.timeoutSeconds() + " sec");
        line(o, "   Weight = " + c.weight() + (c.weightReverse() ? " reverse" : ""));
        line(o, "   Rise = " + c.rise());
        line(o, "   Fall = " + c.fall());
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
