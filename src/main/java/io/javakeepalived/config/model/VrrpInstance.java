package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code vrrp_instance NAME { }} after keepalived's completion (vrrp_complete_instance): every
 * default resolved, every correction keepalived makes applied.
 *
 * @param state            initial wanted state; derived from the priority when not configured
 *                         (255 = MASTER), cleared to BACKUP where keepalived clears it
 * @param interfaceName    the configured interface (before any VMAC)
 * @param vmac             use_vmac: the macvlan name (default {@code vrrp.VRID}) and MAC
 * @param sourceAddress    mcast_src_ip / unicast_src_ip
 * @param unicast          adverts go to {@link #unicastPeers} (a unicast keyword and at least one peer)
 * @param unicastConfigured some unicast keyword was given (with no peers keepalived falls back to
 *                         multicast, or FAULT with unicast_fault_no_peer)
 * @param mcastDestination where multicast adverts go (vrrp_mcast_group4/6 unless mcast_dst_ip)
 * @param priority         1..255; 255 = address owner
 * @param advertInterval   v2: whole seconds 1..255; v3: centiseconds 0.01..40.95 s
 * @param authentication   VRRPv2 only; cleared for v3, strict mode, IPv6+AH, missing password
 * @param accept           accept mode (default on, off in strict mode unless owner)
 * @param nopreempt        do not preempt a lower-priority master (cleared for state MASTER / owner)
 * @param preemptDelay     0 = none
 * @param configFault      keepalived keeps the instance in FAULT because of its configuration
 *                         (vmac on a non-Ethernet interface, no multicast, unicast without peers
 *                         and unicast_fault_no_peer, ...)
 * @param heartbeatPaths   {@code heartbeat_path} lines (javakeepalived's own): second paths for the adverts
 */
public record VrrpInstance(String name, InitialState state, Optional<String> interfaceName, Optional<String> vrf,
                           Optional<Vmac> vmac, boolean useVmacAddr, boolean vmacXmitBase, Optional<Ipvlan> ipvlan,
                           boolean dontTrackPrimary, Trackers trackers, Optional<InetAddress> sourceAddress,
                           boolean trackSourceAddress, boolean unicast, boolean unicastConfigured,
                           List<UnicastPeer> unicastPeers, boolean unicastFaultNoPeer, boolean checkUnicastSource,
                           int unicastTtl, boolean oldUnicastChecksum, Optional<InetAddress> mcastDestination,
                           int vrid, int version, AddressFamily family, int priority, Duration advertInterval,
                           Optional<Authentication> authentication, List<IpAddressSpec> virtualAddresses,
                           List<IpAddressSpec> excludedAddresses, boolean promoteSecondaries,
                           List<RouteSpec> virtualRoutes, List<RuleSpec> virtualRules, boolean accept,
                           boolean nopreempt, Duration preemptDelay, boolean skipCheckAdvAddr, boolean strictMode,
                           int debug, NotifyScripts notifyScripts, boolean notifyPriorityChanges, boolean smtpAlert,
                           Garp garp, int downTimerAdverts, boolean lowerPrioNoAdvert, boolean higherPrioSendAdvert,
                           OptionalInt kernelRxBufSize, boolean linkbeatUsePolling,
                           Optional<String> lvsSyncDaemonInterface, Optional<String> syncGroup, boolean configFault,
                           List<HeartbeatPath> heartbeatPaths, SourceLocation location) {

    public VrrpInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        unicastPeers = List.copyOf(unicastPeers);
        heartbeatPaths = List.copyOf(heartbeatPaths);
        virtualAddresses = List.copyOf(virtualAddresses);
        excludedAddresses = List.copyOf(excludedAddresses);
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
    }

    /** Priority 255: the address owner. */
    public boolean isAddressOwner() {
        return priority == 255;
    }

    /** The advert interval in centiseconds, as VRRPv3 carries it. */
    public int advertIntervalCentis() {
        return (int) (advertInterval.toMillis() / 10);
    }

    public enum InitialState { MASTER, BACKUP }

    /**
     * use_vmac [NAME] [MAC].
     *
     * @param interfaceName  the macvlan's name (configured, else {@code <vmac_prefix>.VRID})
     * @param mac            configured MAC; a 5-octet MAC gets the VRID appended
     */
    public record Vmac(String interfaceName, Optional<String> mac) {
    }

    /** use_ipvlan [NAME] [IP/MASK] [bridge|private|vepa]. */
    public record Ipvlan(Optional<String> interfaceName, Optional<IpPrefix> address, String mode) {
    }

    /** A unicast_peer line: address and the TTL range accepted from it (0..255 unless set). */
    public record UnicastPeer(InetAddress address, int minTtl, int maxTtl, SourceLocation location) {
    }

    public enum AuthType { PASS, AH }

    /** authentication { auth_type PASS|AH; auth_pass P }: P has at most 8 characters. */
    public record Authentication(AuthType type, String password) {
        @Override
        public String toString() {
            return "Authentication[type=" + type + ", password=<hidden>]";
        }
    }

    /**
     * The gratuitous ARP / unsolicited NA settings (instance values, else global_defs).
     *
     * @param extraIfInterval  garp_extra_if seconds; 0 = off
     */
    public record Garp(Duration masterDelay, int masterRepeat, Duration masterRefresh, int masterRefreshRepeat,
                       Duration lowerPrioDelay, int lowerPrioRepeat, int extraIfInterval, boolean extraIfAll) {
    }
}
