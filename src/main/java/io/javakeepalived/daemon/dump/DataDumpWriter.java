package io.javakeepalived.daemon.dump;

import static io.javakeepalived.daemon.dump.DumpText.line;
import static io.javakeepalived.daemon.dump.DumpText.list;
import static io.javakeepalived.daemon.dump.DumpText.notifyScript;
import static io.javakeepalived.daemon.dump.DumpText.tf;
import static io.javakeepalived.daemon.dump.DumpText.trackedObjects;
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
 * sections, GARP delay groups, static track groups) are left out. javakeepalived's own reference
 * trackers get a {@code VRRP References} section after the scripts and {@code Tracked references}
 * lines in the instances, in the scripts' style, and each {@code heartbeat_path} a
 * {@code Heartbeat path = } line after the instance's sockets; keepalived-exporter skips them.
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
        if (!s.references().isEmpty()) {
            line(o, "------< VRRP References >------");
            for (ReferenceSnapshot r : s.references()) {
                reference(o, r);
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
        trackedObjects(o, g.tracked(), "   Tracked process :");
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

    /** javakeepalived's reference tracker, laid out like a VRRP Script. */
    static void reference(StringBuilder o, ReferenceSnapshot r) {
        line(o, " VRRP Reference = " + r.name());
        line(o, "   Address = " + r.address());
        if (r.interfaceName() != null) {
            line(o, "   Interface = " + r.interfaceName());
        }
        ReferenceSnapshot.Settings c = r.settings();
        line(o, "   Interval = " + c.interval() + " sec");
        line(o, "   Timeout = " + c.timeout() + " sec");
        line(o, "   Weight = " + c.weight());
        line(o, "   Rise = " + c.rise());
        line(o, "   Fall = " + c.fall());
        line(o, "   Result = " + r.result());
        line(o, "   Status = " + r.status());
        if (r.lastRoundTripMicros() >= 0) {
            line(o, "   Last round trip = " + r.lastRoundTripMicros() + " us");
        }
        line(o, "   Echo requests = " + r.requests() + ", missed = " + r.misses());
        if (!r.tracking().isEmpty()) {
            line(o, "   Tracking instances :");
            for (TrackingInstance t : r.tracking()) {
                line(o, t.line());
            }
        }
    }

    static void iface(StringBuilder o, InterfaceSnapshot i) {
        line(o, " Name = " + i.name());
        line(o, "   index = " + i.index() + (i.index() != 0 ? "" : " (deleted)"));
        InterfaceSnapshot.Addresses a = i.addresses();
        line(o, "   IPv4 address = " + (a.ipv4() != null ? a.ipv4() : "(none)"));
        list(o, "   Additional IPv4 addresses :", a.extraIpv4());
        line(o, "   IPv6 address = " + (a.ipv6() != null ? a.ipv6() : "(none)"));
        list(o, "   Additional IPv6 addresses :", a.extraIpv6());
        if (a.mac() != null) {
            line(o, "   MAC = " + a.mac());
            line(o, "   MAC broadcast = " + (a.macBroadcast() != null ? a.macBroadcast() : ""));
        }
        InterfaceSnapshot.Flags f = i.flags();
        line(o, "   State = " + (f.up() ? "" : "not ") + "UP, " + (f.running() ? "" : "not ") + "RUNNING"
                + (!f.broadcast() ? ", no broadcast" : "") + (f.loopback() ? ", loopback" : "")
                + (f.pointToPoint() ? ", point to point" : "") + (f.noArp() ? ", no arp" : "")
                + (!f.multicast() ? ", no multicast" : ""));
        InterfaceSnapshot.Link l = i.link();
        line(o, "   Seen up = " + l.seenUp());
        line(o, "   Delayed state change running = " + tf(l.delayedStateChangeRunning()));
        line(o, "   Up debounce timer = " + l.upDebounceMicros() + "us");
        line(o, "   Down debounce timer = " + l.downDebounceMicros() + "us");
        line(o, "   MTU = " + l.mtu());
        line(o, "   HW Type = " + l.hwType());
        line(o, "   " + l.linkStatusSource());
        InterfaceSnapshot.Announcements g = i.announcements();
        if (g.garpIntervalMillis() != null) {
            line(o, "   Gratuitous ARP interval " + g.garpIntervalMillis() + "ms");
        }
        if (g.gnaIntervalMillis() != null) {
            line(o, "   Gratuitous NA interval " + g.gnaIntervalMillis() + "ms");
        }
        if (g.garpAggregationGroup() != 0) {
            line(o, "   Gratuitous ARP aggregation group " + g.garpAggregationGroup());
        }
        InterfaceSnapshot.Sysctls c = i.sysctls();
        line(o, "   Reset ARP config counter " + c.resetArpConfig());
        line(o, "   Original arp_ignore " + c.arpIgnore());
        line(o, "   Original arp_filter " + c.arpFilter());
        if (c.rpFilter() != null) {
            line(o, "   rp_filter " + c.rpFilter());
        }
        line(o, "   Original promote_secondaries " + c.promoteSecondaries());
        line(o, "   Reset promote_secondaries counter " + c.resetPromoteSecondaries());
        if (!i.tracking().isEmpty()) {
            line(o, "   Tracking VRRP instances :");
            for (TrackingInstance t : i.tracking()) {
                line(o, t.line());
            }
        }
    }
}
