package io.javakeepalived.daemon.dump;

import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.VrrpCounter;
import io.javakeepalived.vrrp.packet.VrrpCounters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One VRRP instance as keepalived's dumps show it (vrrp_data.c {@code dump_vrrp},
 * vrrp_json.c, vrrp_print.c). Immutable: the daemon builds one per instance, on its VRRP thread,
 * when a dump is asked for. Times and intervals are kept in microseconds as keepalived does.
 *
 * @param name instance name ({@code vrrp_instance NAME})
 * @param version VRRP version, 2 or 3
 * @param syncGroup sync group name, or null
 * @param ipv6 IPv6 instance (prints {@code Using Native IPv6})
 * @param state current state
 * @param wantState state it is heading for ({@code wantstate})
 * @param masterRouter BACKUP only: address of the current master, or null if none seen
 * @param masterPriority priority of the current master (0 if unknown)
 * @param masterAdvertIntervalMicros current master's advert interval (v3 BACKUP; 0 if unknown)
 * @param unicast sends unicast adverts
 * @param unicastConfigured unicast peers configured (even if multicast is used)
 * @param unicastDuplicateVrid unicast with VRID duplication
 * @param unicastFaultNoPeers {@code unicast_fault_no_peer}
 * @param numConfigFaults configuration faults
 * @param numScriptIfFaults interface and track script faults currently counted
 * @param duplicateVridFault in fault because of a duplicate VRID
 * @param numScriptInit track scripts still in their initial state
 * @param lastTransition time of the last state change (microseconds kept)
 * @param readTimeout when the current timer (advert or master down) fires; null prints DISABLED
 * @param masterDownTimerMicros master down interval in microseconds
 * @param vmacInterface VMAC interface name, or null (keepalived.json {@code vmac_ifname})
 * @param interfaceName interface, or null ({@code not configured})
 * @param dontTrackPrimary {@code dont_track_primary}
 * @param skipCheckAdvAddr {@code skip_check_adv_addr}
 * @param strictMode {@code strict_mode}
 * @param sourceIp source address in use, or null ({@code (none)})
 * @param sourceIpFromConfig source address from {@code unicast_src_ip}/{@code mcast_src_ip}
 * @param multicastAddress multicast group adverts go to
 * @param multicastIfindex IPv6 only: the group's scope ifindex
 * @param garpDelaySeconds {@code garp_master_delay}
 * @param garpRepeat {@code garp_master_repeat}
 * @param garpRefreshSeconds {@code garp_master_refresh}
 * @param garpRefreshRepeat {@code garp_master_refresh_repeat}
 * @param garpLowerPrioDelaySeconds {@code garp_lower_prio_delay}
 * @param garpLowerPrioRepeat {@code garp_lower_prio_repeat}
 * @param downTimerAdverts adverts missed before the master is declared down
 * @param lowerPrioNoAdvert {@code lower_prio_no_advert}
 * @param higherPrioSendAdvert {@code higher_prio_send_advert}
 * @param vrid virtual router id
 * @param basePriority configured priority
 * @param effectivePriority priority after tracking weights
 * @param totalPriority base plus weights before clamping
 * @param advertIntervalMicros advert interval
 * @param accept {@code accept} mode
 * @param nopreempt {@code nopreempt}
 * @param preemptDelayMicros {@code preempt_delay}
 * @param promoteSecondaries {@code promote_secondaries}
 * @param authType authentication type
 * @param authPassword the password (printed in clear, as keepalived does), or null
 * @param kernelRxBufSize {@code kernel_rx_buf_size}; 0 if not set
 * @param vips VIPs as keepalived formats them, e.g. {@code 10.77.0.100/24 dev eth0 scope global set}
 * @param excludedVips excluded VIPs, same form
 * @param unicastTtl unicast TTL; -1 when not set
 * @param checkUnicastSrc {@code check_unicast_src}
 * @param unicastPeers unicast peers
 * @param unicastChecksumCompat unicast checksum compatibility ({@code no}, {@code never}, {@code config}, {@code auto})
 * @param fdIn receive socket fd; -1 prints {@code No sockets allocated}
 * @param fdOut send socket fd
 * @param virtualRoutes virtual routes as text
 * @param virtualRules virtual rules as text
 * @param tracked what the instance tracks, with the weights in force
 * @param smtpAlert {@code smtp_alert}
 * @param notifyDeleted {@code notify_deleted} (else deleted instances notify Fault)
 * @param notifyBackup {@code notify_backup}
 * @param notifyMaster {@code notify_master}
 * @param notifyFault {@code notify_fault}
 * @param notifyStop {@code notify_stop}
 * @param notifyDeletedScript {@code notify_deleted} script
 * @param notifyGeneric {@code notify} (generic)
 * @param notifyMasterRxLowerPri {@code notify_master_rx_lower_pri}
 * @param notifyPriorityChanges {@code notify_priority_changes}
 * @param vipSet the VIPs are currently configured (keepalived.json {@code vipset})
 * @param counters counters ({@link VrrpCounters#snapshot()}); a missing counter is 0
 */
public record InstanceSnapshot(
        String name,
        int version,
        String syncGroup,
        boolean ipv6,
        InstanceState state,
        InstanceState wantState,
        String masterRouter,
        int masterPriority,
        long masterAdvertIntervalMicros,
        boolean unicast,
        boolean unicastConfigured,
        boolean unicastDuplicateVrid,
        boolean unicastFaultNoPeers,
        int numConfigFaults,
        int numScriptIfFaults,
        boolean duplicateVridFault,
        int numScriptInit,
        Instant lastTransition,
        Instant readTimeout,
        long masterDownTimerMicros,
        String vmacInterface,
        String interfaceName,
        boolean dontTrackPrimary,
        boolean skipCheckAdvAddr,
        boolean strictMode,
        String sourceIp,
        boolean sourceIpFromConfig,
        String multicastAddress,
        int multicastIfindex,
        long garpDelaySeconds,
        long garpRepeat,
        long garpRefreshSeconds,
        long garpRefreshRepeat,
        long garpLowerPrioDelaySeconds,
        long garpLowerPrioRepeat,
        long downTimerAdverts,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        int vrid,
        int basePriority,
        int effectivePriority,
        int totalPriority,
        long advertIntervalMicros,
        boolean accept,
        boolean nopreempt,
        long preemptDelayMicros,
        boolean promoteSecondaries,
        AuthType authType,
        String authPassword,
        long kernelRxBufSize,
        List<String> vips,
        List<String> excludedVips,
        int unicastTtl,
        boolean checkUnicastSrc,
        List<PeerInfo> unicastPeers,
        String unicastChecksumCompat,
        int fdIn,
        int fdOut,
        List<String> virtualRoutes,
        List<String> virtualRules,
        TrackedObjects tracked,
        boolean smtpAlert,
        boolean notifyDeleted,
        NotifyScript notifyBackup,
        NotifyScript notifyMaster,
        NotifyScript notifyFault,
        NotifyScript notifyStop,
        NotifyScript notifyDeletedScript,
        NotifyScript notifyGeneric,
        NotifyScript notifyMasterRxLowerPri,
        boolean notifyPriorityChanges,
        boolean vipSet,
        Map<VrrpCounter, Long> counters) {

    public InstanceSnapshot {
        vips = List.copyOf(vips);
        excludedVips = List.copyOf(excludedVips);
        unicastPeers = List.copyOf(unicastPeers);
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
        Objects.requireNonNull(tracked, "tracked");
        counters = Map.copyOf(counters);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(wantState, "wantState");
        Objects.requireNonNull(lastTransition, "lastTransition");
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(multicastAddress, "multicastAddress");
        Objects.requireNonNull(unicastChecksumCompat, "unicastChecksumCompat");
    }

    /** The value of {@code counter}, 0 if absent. */
    public long counter(VrrpCounter counter) {
        Long v = counters.get(counter);
        return v == null ? 0 : v;
    }

    /** keepalived prints {@code Flags: none} only when no flag bit at all is set. */
    boolean anyFlag() {
        return unicast || unicastConfigured || unicastDuplicateVrid || unicastFaultNoPeers || dontTrackPrimary
                || skipCheckAdvAddr || sourceIpFromConfig || checkUnicastSrc || promoteSecondaries || nopreempt
                || duplicateVridFault || vmacInterface != null;
    }


    /** A builder with keepalived's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this snapshot's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.version = version;
        b.syncGroup = syncGroup;
        b.ipv6 = ipv6;
        b.state = state;
        b.wantState = wantState;
        b.masterRouter = masterRouter;
        b.masterPriority = masterPriority;
        b.masterAdvertIntervalMicros = masterAdvertIntervalMicros;
        b.unicast = unicast;
        b.unicastConfigured = unicastConfigured;
        b.unicastDuplicateVrid = unicastDuplicateVrid;
        b.unicastFaultNoPeers = unicastFaultNoPeers;
        b.numConfigFaults = numConfigFaults;
        b.numScriptIfFaults = numScriptIfFaults;
        b.duplicateVridFault = duplicateVridFault;
        b.numScriptInit = numScriptInit;
        b.lastTransition = lastTransition;
        b.readTimeout = readTimeout;
        b.masterDownTimerMicros = masterDownTimerMicros;
        b.vmacInterface = vmacInterface;
        b.interfaceName = interfaceName;
        b.dontTrackPrimary = dontTrackPrimary;
        b.skipCheckAdvAddr = skipCheckAdvAddr;
        b.strictMode = strictMode;
        b.sourceIp = sourceIp;
        b.sourceIpFromConfig = sourceIpFromConfig;
        b.multicastAddress = multicastAddress;
        b.multicastIfindex = multicastIfindex;
        b.garpDelaySeconds = garpDelaySeconds;
        b.garpRepeat = garpRepeat;
        b.garpRefreshSeconds = garpRefreshSeconds;
        b.garpRefreshRepeat = garpRefreshRepeat;
        b.garpLowerPrioDelaySeconds = garpLowerPrioDelaySeconds;
        b.garpLowerPrioRepeat = garpLowerPrioRepeat;
        b.downTimerAdverts = downTimerAdverts;
        b.lowerPrioNoAdvert = lowerPrioNoAdvert;
        b.higherPrioSendAdvert = higherPrioSendAdvert;
        b.vrid = vrid;
        b.basePriority = basePriority;
        b.effectivePriority = effectivePriority;
        b.totalPriority = totalPriority;
        b.advertIntervalMicros = advertIntervalMicros;
        b.accept = accept;
        b.nopreempt = nopreempt;
        b.preemptDelayMicros = preemptDelayMicros;
        b.promoteSecondaries = promoteSecondaries;
        b.authType = authType;
        b.authPassword = authPassword;
        b.kernelRxBufSize = kernelRxBufSize;
        b.vips = vips;
        b.excludedVips = excludedVips;
        b.unicastTtl = unicastTtl;
        b.checkUnicastSrc = checkUnicastSrc;
        b.unicastPeers = unicastPeers;
        b.unicastChecksumCompat = unicastChecksumCompat;
        b.fdIn = fdIn;
        b.fdOut = fdOut;
        b.virtualRoutes = virtualRoutes;
        b.virtualRules = virtualRules;
        b.tracked = tracked;
        b.smtpAlert = smtpAlert;
        b.notifyDeleted = notifyDeleted;
        b.notifyBackup = notifyBackup;
        b.notifyMaster = notifyMaster;
        b.notifyFault = notifyFault;
        b.notifyStop = notifyStop;
        b.notifyDeletedScript = notifyDeletedScript;
        b.notifyGeneric = notifyGeneric;
        b.notifyMasterRxLowerPri = notifyMasterRxLowerPri;
        b.notifyPriorityChanges = notifyPriorityChanges;
        b.vipSet = vipSet;
        b.counters = counters;
        return b;
    }

    /** Builder for {@link InstanceSnapshot}; unset values are keepalived's defaults. */
    public static final class Builder {
        private String name;
        private int version = 2;
        private String syncGroup = null;
        private boolean ipv6 = false;
        private InstanceState state = InstanceState.INIT;
        private InstanceState wantState = InstanceState.INIT;
        private String masterRouter = null;
        private int masterPriority = 0;
        private long masterAdvertIntervalMicros = 0;
        private boolean unicast = false;
        private boolean unicastConfigured = false;
        private boolean unicastDuplicateVrid = false;
        private boolean unicastFaultNoPeers = false;
        private int numConfigFaults = 0;
        private int numScriptIfFaults = 0;
        private boolean duplicateVridFault = false;
        private int numScriptInit = 0;
        private Instant lastTransition = Instant.EPOCH;
        private Instant readTimeout = null;
        private long masterDownTimerMicros = 0;
        private String vmacInterface = null;
        private String interfaceName = null;
        private boolean dontTrackPrimary = false;
        private boolean skipCheckAdvAddr = false;
        private boolean strictMode = false;
        private String sourceIp = null;
        private boolean sourceIpFromConfig = false;
        private String multicastAddress = "224.0.0.18";
        private int multicastIfindex = 0;
        private long garpDelaySeconds = 5;
        private long garpRepeat = 5;
        private long garpRefreshSeconds = 0;
        private long garpRefreshRepeat = 1;
        private long garpLowerPrioDelaySeconds = 5;
        private long garpLowerPrioRepeat = 5;
        private long downTimerAdverts = 3;
        private boolean lowerPrioNoAdvert = false;
        private boolean higherPrioSendAdvert = false;
        private int vrid = 0;
        private int basePriority = 100;
        private int effectivePriority = 100;
        private int totalPriority = 100;
        private long advertIntervalMicros = 1_000_000;
        private boolean accept = false;
        private boolean nopreempt = false;
        private long preemptDelayMicros = 0;
        private boolean promoteSecondaries = false;
        private AuthType authType = AuthType.NONE;
        private String authPassword = null;
        private long kernelRxBufSize = 0;
        private List<String> vips = List.of();
        private List<String> excludedVips = List.of();
        private int unicastTtl = -1;
        private boolean checkUnicastSrc = false;
        private List<PeerInfo> unicastPeers = List.of();
        private String unicastChecksumCompat = "no";
        private int fdIn = -1;
        private int fdOut = -1;
        private List<String> virtualRoutes = List.of();
        private List<String> virtualRules = List.of();
        private TrackedObjects tracked = TrackedObjects.NONE;
        private boolean smtpAlert = false;
        private boolean notifyDeleted = false;
        private NotifyScript notifyBackup = null;
        private NotifyScript notifyMaster = null;
        private NotifyScript notifyFault = null;
        private NotifyScript notifyStop = null;
        private NotifyScript notifyDeletedScript = null;
        private NotifyScript notifyGeneric = null;
        private NotifyScript notifyMasterRxLowerPri = null;
        private boolean notifyPriorityChanges = false;
        private boolean vipSet = false;
        private Map<VrrpCounter, Long> counters = Map.of();

        private Builder() {
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder version(int v) {
            version = v;
            return this;
        }

        public Builder syncGroup(String v) {
            syncGroup = v;
            return this;
        }

        public Builder ipv6(boolean v) {
            ipv6 = v;
            return this;
        }

        public Builder state(InstanceState v) {
            state = v;
            return this;
        }

        public Builder wantState(InstanceState v) {
            wantState = v;
            return this;
        }

        public Builder masterRouter(String v) {
            masterRouter = v;
            return this;
        }

        public Builder masterPriority(int v) {
            masterPriority = v;
            return this;
        }

        public Builder masterAdvertIntervalMicros(long v) {
            masterAdvertIntervalMicros = v;
            return this;
        }

        public Builder unicast(boolean v) {
            unicast = v;
            return this;
        }

        public Builder unicastConfigured(boolean v) {
            unicastConfigured = v;
            return this;
        }

        public Builder unicastDuplicateVrid(boolean v) {
            unicastDuplicateVrid = v;
            return this;
        }

        public Builder unicastFaultNoPeers(boolean v) {
            unicastFaultNoPeers = v;
            return this;
        }

        public Builder numConfigFaults(int v) {
            numConfigFaults = v;
            return this;
        }

        public Builder numScriptIfFaults(int v) {
            numScriptIfFaults = v;
            return this;
        }

        public Builder duplicateVridFault(boolean v) {
            duplicateVridFault = v;
            return this;
        }

        public Builder numScriptInit(int v) {
            numScriptInit = v;
            return this;
        }

        public Builder lastTransition(Instant v) {
            lastTransition = v;
            return this;
        }

        public Builder readTimeout(Instant v) {
            readTimeout = v;
            return this;
        }

        public Builder masterDownTimerMicros(long v) {
            masterDownTimerMicros = v;
            return this;
        }

        public Builder vmacInterface(String v) {
            vmacInterface = v;
            return this;
        }

        public Builder interfaceName(String v) {
            interfaceName = v;
            return this;
        }

        public Builder dontTrackPrimary(boolean v) {
            dontTrackPrimary = v;
            return this;
        }

        public Builder skipCheckAdvAddr(boolean v) {
            skipCheckAdvAddr = v;
            return this;
        }

        public Builder strictMode(boolean v) {
            strictMode = v;
            return this;
        }

        public Builder sourceIp(String v) {
            sourceIp = v;
            return this;
        }

        public Builder sourceIpFromConfig(boolean v) {
            sourceIpFromConfig = v;
            return this;
        }

        public Builder multicastAddress(String v) {
            multicastAddress = v;
            return this;
        }

        public Builder multicastIfindex(int v) {
            multicastIfindex = v;
            return this;
        }

        public Builder garpDelaySeconds(long v) {
            garpDelaySeconds = v;
            return this;
        }

        public Builder garpRepeat(long v) {
            garpRepeat = v;
            return this;
        }

        public Builder garpRefreshSeconds(long v) {
            garpRefreshSeconds = v;
            return this;
        }

        public Builder garpRefreshRepeat(long v) {
            garpRefreshRepeat = v;
            return this;
        }

        public Builder garpLowerPrioDelaySeconds(long v) {
            garpLowerPrioDelaySeconds = v;
            return this;
        }

        public Builder garpLowerPrioRepeat(long v) {
            garpLowerPrioRepeat = v;
            return this;
        }

        public Builder downTimerAdverts(long v) {
            downTimerAdverts = v;
            return this;
        }

        public Builder lowerPrioNoAdvert(boolean v) {
            lowerPrioNoAdvert = v;
            return this;
        }

        public Builder higherPrioSendAdvert(boolean v) {
            higherPrioSendAdvert = v;
            return this;
        }

        public Builder vrid(int v) {
            vrid = v;
            return this;
        }

        public Builder basePriority(int v) {
            basePriority = v;
            return this;
        }

        public Builder effectivePriority(int v) {
            effectivePriority = v;
            return this;
        }

        public Builder totalPriority(int v) {
            totalPriority = v;
            return this;
        }

        public Builder advertIntervalMicros(long v) {
            advertIntervalMicros = v;
            return this;
        }

        public Builder accept(boolean v) {
            accept = v;
            return this;
        }

        public Builder nopreempt(boolean v) {
            nopreempt = v;
            return this;
        }

        public Builder preemptDelayMicros(long v) {
            preemptDelayMicros = v;
            return this;
        }

        public Builder promoteSecondaries(boolean v) {
            promoteSecondaries = v;
            return this;
        }

        public Builder authType(AuthType v) {
            authType = v;
            return this;
        }

        public Builder authPassword(String v) {
            authPassword = v;
            return this;
        }

        public Builder kernelRxBufSize(long v) {
            kernelRxBufSize = v;
            return this;
        }

        public Builder vips(List<String> v) {
            vips = v;
            return this;
        }

        public Builder excludedVips(List<String> v) {
            excludedVips = v;
            return this;
        }

        public Builder unicastTtl(int v) {
            unicastTtl = v;
            return this;
        }

        public Builder checkUnicastSrc(boolean v) {
            checkUnicastSrc = v;
            return this;
        }

        public Builder unicastPeers(List<PeerInfo> v) {
            unicastPeers = v;
            return this;
        }

        public Builder unicastChecksumCompat(String v) {
            unicastChecksumCompat = v;
            return this;
        }

        public Builder fdIn(int v) {
            fdIn = v;
            return this;
        }

        public Builder fdOut(int v) {
            fdOut = v;
            return this;
        }

        public Builder virtualRoutes(List<String> v) {
            virtualRoutes = v;
            return this;
        }

        public Builder virtualRules(List<String> v) {
            virtualRules = v;
            return this;
        }

        public Builder tracked(TrackedObjects v) {
            tracked = v;
            return this;
        }

        public Builder smtpAlert(boolean v) {
            smtpAlert = v;
            return this;
        }

        public Builder notifyDeleted(boolean v) {
            notifyDeleted = v;
            return this;
        }

        public Builder notifyBackup(NotifyScript v) {
            notifyBackup = v;
            return this;
        }

        public Builder notifyMaster(NotifyScript v) {
            notifyMaster = v;
            return this;
        }

        public Builder notifyFault(NotifyScript v) {
            notifyFault = v;
            return this;
        }

        public Builder notifyStop(NotifyScript v) {
            notifyStop = v;
            return this;
        }

        public Builder notifyDeletedScript(NotifyScript v) {
            notifyDeletedScript = v;
            return this;
        }

        public Builder notifyGeneric(NotifyScript v) {
            notifyGeneric = v;
            return this;
        }

        public Builder notifyMasterRxLowerPri(NotifyScript v) {
            notifyMasterRxLowerPri = v;
            return this;
        }

        public Builder notifyPriorityChanges(boolean v) {
            notifyPriorityChanges = v;
            return this;
        }

        public Builder vipSet(boolean v) {
            vipSet = v;
            return this;
        }

        public Builder counters(Map<VrrpCounter, Long> v) {
            counters = v;
            return this;
        }

        public InstanceSnapshot build() {
            return new InstanceSnapshot(name, version, syncGroup, ipv6, state, wantState, masterRouter, masterPriority, masterAdvertIntervalMicros, unicast, unicastConfigured, unicastDuplicateVrid, unicastFaultNoPeers, numConfigFaults, numScriptIfFaults, duplicateVridFault, numScriptInit, lastTransition, readTimeout, masterDownTimerMicros, vmacInterface, interfaceName, dontTrackPrimary, skipCheckAdvAddr, strictMode, sourceIp, sourceIpFromConfig, multicastAddress, multicastIfindex, garpDelaySeconds, garpRepeat, garpRefreshSeconds, garpRefreshRepeat, garpLowerPrioDelaySeconds, garpLowerPrioRepeat, downTimerAdverts, lowerPrioNoAdvert, higherPrioSendAdvert, vrid, basePriority, effectivePriority, totalPriority, advertIntervalMicros, accept, nopreempt, preemptDelayMicros, promoteSecondaries, authType, authPassword, kernelRxBufSize, vips, excludedVips, unicastTtl, checkUnicastSrc, unicastPeers, unicastChecksumCompat, fdIn, fdOut, virtualRoutes, virtualRules, tracked, smtpAlert, notifyDeleted, notifyBackup, notifyMaster, notifyFault, notifyStop, notifyDeletedScript, notifyGeneric, notifyMasterRxLowerPri, notifyPriorityChanges, vipSet, counters);
        }
    }
}
