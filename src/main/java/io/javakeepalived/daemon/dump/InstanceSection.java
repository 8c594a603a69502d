package io.javakeepalived.daemon.dump;

import static io.javakeepalived.daemon.dump.DumpText.line;
import static io.javakeepalived.daemon.dump.DumpText.list;
import static io.javakeepalived.daemon.dump.DumpText.notifyScript;
import static io.javakeepalived.daemon.dump.DumpText.tf;
import static io.javakeepalived.daemon.dump.DumpText.trackedObjects;
import static io.javakeepalived.daemon.dump.DumpText.yn;

import io.javakeepalived.vrrp.packet.AuthType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * One {@code VRRP Instance} block of keepalived.data's {@code VRRP Topology} section
 * (vrrp_data.c {@code dump_vrrp}).
 */
final class InstanceSection {

    private InstanceSection() {
    }

    static void write(StringBuilder o, InstanceSnapshot v, ZoneId zone) {
        InstanceSnapshot.Identity id = v.identity();
        InstanceSnapshot.Status st = v.status();
        line(o, " VRRP Instance = " + id.name());
        line(o, "   VRRP Version = " + id.version());
        if (id.syncGroup() != null) {
            line(o, "   Sync group = " + id.syncGroup());
        }
        if (id.ipv6()) {
            line(o, "   Using Native IPv6");
        }
        line(o, "   State = " + st.state().text());
        InstanceSnapshot.MasterSeen m = st.master();
        if (st.state() == InstanceState.BACKUP) {
            line(o, "   Master router = " + (m.router() != null ? m.router() : unspecified(id.ipv6())));
            line(o, "   Master priority = " + m.priority());
            if (id.version() == 3) {
                line(o, "   Master advert int = " + String.format(Locale.ROOT, "%.2f",
                        m.advertIntervalMicros() / 1e6) + " sec");
            }
        }
        flags(o, v);
        line(o, "   Wantstate = " + st.wantState().text());
        faultsAndTimers(o, st, zone);
        line(o, "   Interface = " + (id.interfaceName() != null ? id.interfaceName() : "not configured"));
        transport(o, v);
        garp(o, v.garp());
        adverts(o, v);
        addresses(o, v.addresses());
        unicastAndSockets(o, v.transport());
        list(o, "   Virtual Routes :", v.addresses().virtualRoutes());
        list(o, "   Virtual Rules :", v.addresses().virtualRules());
        trackedObjects(o, v.tracked(), "   Tracked processes :");
        notify(o, v.notifications());
    }

    private static void flags(StringBuilder o, InstanceSnapshot v) {
        if (v.anyFlag()) {
            InstanceSnapshot.Unicast u = v.transport().unicast();
            line(o, "   Flags:");
            if (u.inUse()) {
                line(o, "     Using unicast" + (u.duplicateVrid() ? " with VRID duplication" : ""));
            } else if (u.configured()) {
                line(o, "     Unicast config option specified but using multicast");
            }
            if (u.faultNoPeers()) {
                line(o, "     If unicast go to fault state if no peers");
            }
        } else {
            line(o, "   Flags: none");
        }
    }

    private static void faultsAndTimers(StringBuilder o, InstanceSnapshot.Status st, ZoneId zone) {
        InstanceSnapshot.Faults f = st.faults();
        line(o, "   Number of config faults = " + f.config());
        line(o, "   Number of interface and track script faults = " + f.scriptIf());
        if (f.duplicateVrid()) {
            line(o, "   Duplicate VRID");
        }
        line(o, "   Number of track scripts init = " + f.scriptsInit());
        line(o, "   Last transition = " + stamp(st.lastTransition(), zone));
        if (st.readTimeout() == null) {
            line(o, "   Read timeout = DISABLED");
        } else {
            line(o, "   Read timeout = " + stamp(st.readTimeout(), zone));
        }
        line(o, "   Master down timer = " + st.masterDownTimerMicros() + " usecs");
        InstanceSnapshot.SplitBrainSeen sb = st.splitBrain();
        if (sb.seen()) {
            // javakeepalived's own lines, only once it happened: keepalived's readers skip unknown keys
            line(o, "   Split brain episodes = " + sb.episodes());
            line(o, "   Split brain last = " + stamp(sb.since(), zone) + " with " + sb.peer() + " priority "
                    + sb.peerPriority() + ", ours " + sb.ourPriority());
        }
    }

    private static void transport(StringBuilder o, InstanceSnapshot v) {
        InstanceSnapshot.Transport t = v.transport();
        if (t.dontTrackPrimary()) {
            line(o, "   VRRP interface tracking disabled");
        }
        if (v.adverts().skipCheckAdvAddr()) {
            line(o, "   Skip checking advert IP addresses");
        }
        if (v.adverts().strictMode()) {
            line(o, "   Enforcing strict VRRP compliance");
        }
        line(o, "   Using src_ip = " + (t.sourceIp() != null ? t.sourceIp() : "(none)")
                + (t.sourceIpFromConfig() ? " (from configuration)" : ""));
        if (!t.unicast().inUse()) {
            if (!v.identity().ipv6()) {
                line(o, "   Multicast address " + t.multicastAddress());
            } else {
                line(o, "   Multicast address " + t.multicastAddress() + ", ifindex " + t.multicastIfindex());
            }
        }
    }

    private static void garp(StringBuilder o, InstanceSnapshot.Garp g) {
        line(o, "   Gratuitous ARP delay = " + g.delaySeconds());
        line(o, "   Gratuitous ARP repeat = " + g.repeat());
        line(o, "   Gratuitous ARP refresh = " + g.refreshSeconds());
        line(o, "   Gratuitous ARP refresh repeat = " + g.refreshRepeat());
        line(o, "   Gratuitous ARP lower priority delay = " + g.lowerPrioDelaySeconds());
        line(o, "   Gratuitous ARP lower priority repeat = " + g.lowerPrioRepeat());
    }

    private static void adverts(StringBuilder o, InstanceSnapshot v) {
        InstanceSnapshot.Adverts a = v.adverts();
        InstanceSnapshot.Priority p = v.priority();
        int version = v.identity().version();
        line(o, "   Down timer adverts = " + a.downTimerAdverts());
        line(o, "   Send advert after receive lower priority advert = " + tf(!a.lowerPrioNoAdvert()));
        line(o, "   Send advert after receive higher priority advert = " + tf(a.higherPrioSendAdvert()));
        line(o, "   Virtual Router ID = " + v.identity().vrid());
        line(o, "   Priority = " + p.base());
        line(o, "   Effective priority = " + p.effective());
        line(o, "   Total priority = " + p.total());
        if (version == 2) {
            line(o, "   Advert interval = " + a.intervalMicros() / 1_000_000 + " sec");
        } else {
            line(o, "   Advert interval = " + a.intervalMicros() / 1000 + " milli-sec");
        }
        if (v.status().state() == InstanceState.BACKUP && version == 3) {
            line(o, "   Master advert interval = " + v.status().master().advertIntervalMicros() / 1000 + " milli-sec");
        }
        line(o, "   Accept = " + (p.accept() ? "enabled" : "disabled"));
        line(o, "   Preempt = " + (p.nopreempt() ? "disabled" : "enabled"));
        if (p.preemptDelayMicros() != 0) {
            line(o, "   Preempt delay = " + CFormat.g(p.preemptDelayMicros() / 1e6) + " secs");
        }
        line(o, "   Promote_secondaries = " + (v.addresses().promoteSecondaries() ? "enabled" : "disabled"));
        if (a.authType() != AuthType.NONE) {
            line(o, "   Authentication type = " + (a.authType() == AuthType.IP_AH ? "IPSEC_AH" : "SIMPLE_PASSWORD"));
            if (a.authType() != AuthType.IP_AH) {
                line(o, "   Password = " + (a.authPassword() != null ? a.authPassword() : ""));
            }
        } else if (version == 2) {
            line(o, "   Authentication type = none");
        }
        if (v.transport().kernelRxBufSize() != 0) {
            line(o, "   Kernel rx buffer size = " + v.transport().kernelRxBufSize());
        }
    }

    private static void addresses(StringBuilder o, InstanceSnapshot.Addresses a) {
        if (!a.vips().isEmpty()) {
            line(o, "   Virtual IP (" + a.vips().size() + "):");
            for (String ip : a.vips()) {
                line(o, "     " + ip);
            }
        }
        list(o, "   Virtual IP Excluded :", a.excludedVips());
    }

    private static void unicastAndSockets(StringBuilder o, InstanceSnapshot.Transport t) {
        InstanceSnapshot.Unicast u = t.unicast();
        if (u.inUse()) {
            if (u.ttl() != -1) {
                line(o, "   Unicast TTL = " + u.ttl());
            }
            line(o, "   Check unicast src : " + yn(u.checkSource()));
            line(o, "   Unicast Peer :");
            for (PeerInfo p : u.peers()) {
                line(o, "     " + p.address() + " min_ttl " + p.minTtl() + " max_ttl " + p.maxTtl());
            }
            line(o, "   Unicast checksum compatibility = " + u.checksumCompat());
        }
        if (t.fdIn() >= 0) {
            line(o, "   fd_in " + t.fdIn() + ", fd_out " + t.fdOut());
        } else {
            line(o, "   No sockets allocated");
        }
        // javakeepalived's own, after keepalived's socket line: keepalived-exporter reads only
        // the lines it knows
        for (String h : t.heartbeatPaths()) {
            line(o, "   Heartbeat path = " + h);
        }
    }

    private static void notify(StringBuilder o, InstanceSnapshot.Notify n) {
        line(o, "   Using smtp notification = " + yn(n.smtpAlert()));
        line(o, "   Notify deleted = " + (n.notifyDeleted() ? "Deleted" : "Fault"));
        notifyScript(o, n.backup(), "Backup");
        notifyScript(o, n.master(), "Master");
        notifyScript(o, n.fault(), "Fault");
        notifyScript(o, n.stop(), "Stop");
        notifyScript(o, n.deleted(), "Deleted");
        notifyScript(o, n.generic(), "Generic");
        notifyScript(o, n.masterRxLowerPri(), "Master rx lower pri");
        line(o, "   Notify priority changes = " + tf(n.priorityChanges()));
    }

    /** What {@code inet_sockaddrtos} prints for an unset address. */
    private static String unspecified(boolean ipv6) {
        return ipv6 ? "::" : "0.0.0.0";
    }

    private static String stamp(Instant t, ZoneId zone) {
        return CFormat.secondsDotMicros(t) + " (" + CFormat.ctimeMicros(t, zone) + ")";
    }
}
