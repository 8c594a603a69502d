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
                line(o, "   Master advert int = " + String.format(Locale.ROOT, "%.2f",
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
        trackedObjects(o, v.tracked(), "   Tracked processes :");
        line(o, "   Using smtp notification = " + yn(v.smtpAlert()));
        line(o, "   Notify deleted = " + (v.notifyDeleted() ? "Deleted" : "Fault"));
        notifyScript(o, v.notifyBackup(), "Backup");
        notifyScript(o, v.notifyMaster(), "Master");
        notifyScript(o, v.notifyFault(), "Fault");
        notifyScript(o, v.notifyStop(), "Stop");
        notifyScript(o, v.notifyDeletedScript(), "Deleted");
        notifyScript(o, v.notifyGeneric(), "Generic");
        notifyScript(o, v.notifyMasterRxLowerPri(), "Master rx lower pri");
        line(o, "   Notify priority changes = " + tf(v.notifyPriorityChanges()));
    }

    /** What {@code inet_sockaddrtos} prints for an unset address. */
    private static String unspecified(boolean ipv6) {
        return ipv6 ? "::" : "0.0.0.0";
    }

    private static String stamp(Instant t, ZoneId zone) {
        return CFormat.secondsDotMicros(t) + " (" + CFormat.ctimeMicros(t, zone) + ")";
    }
}
