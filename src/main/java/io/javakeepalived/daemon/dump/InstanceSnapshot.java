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
 * The values come in themed parts; where keepalived has a default for a part, the part has a
 * constant or a factory holding it, so a producer spells out only what differs.
 *
 * @param identity      which virtual router this is
 * @param status        where its state machine stands
 * @param transport     how its adverts travel (multicast or unicast, source address, sockets)
 * @param garp          gratuitous ARP / unsolicited NA pacing after becoming master
 * @param priority      priority and preemption
 * @param adverts       advert interval, the receive checks and authentication
 * @param addresses     VIPs, excluded VIPs, virtual routes and rules
 * @param tracked       what the instance tracks, with the weights in force
 * @param notifications notify scripts and notification settings
 * @param counters      counters ({@link VrrpCounters#snapshot()}); a missing counter is 0
 */
public record InstanceSnapshot(Identity identity, Status status, Transport transport, Garp garp, Priority priority,
                               Adverts adverts, Addresses addresses, TrackedObjects tracked, Notify notifications,
                               Map<VrrpCounter, Long> counters) {

    public InstanceSnapshot {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(garp, "garp");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(adverts, "adverts");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(tracked, "tracked");
        Objects.requireNonNull(notifications, "notifications");
        counters = Map.copyOf(counters);
    }

    /** The value of {@code counter}, 0 if absent. */
    public long counter(VrrpCounter counter) {
        Long v = counters.get(counter);
        return v == null ? 0 : v;
    }

    /** keepalived prints {@code Flags: none} only when no flag bit at all is set. */
    boolean anyFlag() {
        Unicast u = transport.unicast();
        return u.inUse() || u.configured() || u.duplicateVrid() || u.faultNoPeers() || transport.dontTrackPrimary()
                || adverts.skipCheckAdvAddr() || transport.sourceIpFromConfig() || u.checkSource()
                || addresses.promoteSecondaries() || priority.nopreempt() || status.faults().duplicateVrid()
                || identity.vmacInterface() != null;
    }

    /**
     * Which virtual router this is: RFC 5798's (interface, VRID) pair in an address family, and
     * the name the configuration gives it. The metrics label an instance with name, interface and VRID.
     *
     * @param name          instance name ({@code vrrp_instance NAME})
     * @param version       VRRP version, 2 or 3
     * @param vrid          virtual router id
     * @param ipv6          IPv6 instance (prints {@code Using Native IPv6})
     * @param interfaceName interface, or null ({@code not configured})
     * @param vmacInterface VMAC interface name, or null (keepalived.json {@code vmac_ifname})
     * @param syncGroup     sync group name, or null
     */
    public record Identity(String name, int version, int vrid, boolean ipv6, String interfaceName,
                           String vmacInterface, String syncGroup) {

        public Identity {
            Objects.requireNonNull(name, "name");
        }

        /** A VRRPv2 IPv4 instance on {@code interfaceName}, without VMAC or sync group. */
        public static Identity of(String name, int vrid, String interfaceName) {
            return new Identity(name, 2, vrid, false, interfaceName, null, null);
        }
    }

    /**
     * Where the state machine stands.
     *
     * @param state                 current state
     * @param wantState             state it is heading for ({@code wantstate})
     * @param master                the master as a BACKUP last heard it
     * @param faults                what holds or may hold it in FAULT
     * @param lastTransition        time of the last state change (microseconds kept)
     * @param readTimeout           when the current timer (advert or master down) fires; null prints DISABLED
     * @param masterDownTimerMicros Master_Down_Interval in microseconds
     * @param splitBrain            split brain seen as MASTER (javakeepalived's; keepalived has none)
     */
    public record Status(InstanceState state, InstanceState wantState, MasterSeen master, Faults faults,
                         Instant lastTransition, Instant readTimeout, long masterDownTimerMicros,
                         SplitBrainSeen splitBrain) {

        public Status {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(wantState, "wantState");
            Objects.requireNonNull(master, "master");
            Objects.requireNonNull(faults, "faults");
            Objects.requireNonNull(lastTransition, "lastTransition");
            Objects.requireNonNull(splitBrain, "splitBrain");
        }

        /** Without split brain seen. */
        public Status(InstanceState state, InstanceState wantState, MasterSeen master, Faults faults,
                      Instant lastTransition, Instant readTimeout, long masterDownTimerMicros) {
            this(state, wantState, master, faults, lastTransition, readTimeout, masterDownTimerMicros,
                    SplitBrainSeen.NONE);
        }

        /** Settled in {@code state}: no master heard, no faults, no timer armed, never changed. */
        public static Status of(InstanceState state) {
            return new Status(state, state, MasterSeen.NONE, Faults.NONE, Instant.EPOCH, null, 0);
        }
    }

    /**
     * Split brain as this instance saw it while MASTER: another MASTER of its VRID heard
     * ({@link io.javakeepalived.vrrp.SplitBrain}, with the time on the wall clock).
     *
     * @param episodes     episodes since start; 0 = never, and the dumps then show nothing of it
     * @param since        when the last episode began
     * @param peer         the other master then
     * @param peerPriority its advertised priority then
     * @param ourPriority  our effective priority then
     */
    public record SplitBrainSeen(long episodes, Instant since, String peer, int peerPriority, int ourPriority) {

        public static final SplitBrainSeen NONE = new SplitBrainSeen(0, Instant.EPOCH, null, 0, 0);

        public boolean seen() {
            return episodes > 0;
        }
    }

    /**
     * The current master as a BACKUP knows it from its adverts.
     *
     * @param router               its address, or null if none was heard
     * @param priority             its priority (0 if unknown)
     * @param advertIntervalMicros its advert interval (v3 BACKUP; 0 if unknown)
     */
    public record MasterSeen(String router, int priority, long advertIntervalMicros) {

        public static final MasterSeen NONE = new MasterSeen(null, 0, 0);
    }

    /**
     * The fault counts keepalived keeps per instance.
     *
     * @param config        configuration faults
     * @param scriptIf      interface and track script faults currently counted
     * @param duplicateVrid in fault because of a duplicate VRID
     * @param scriptsInit   track scripts still in their initial state
     */
    public record Faults(int config, int scriptIf, boolean duplicateVrid, int scriptsInit) {

        public static final Faults NONE = new Faults(0, 0, false, 0);
    }

    /**
     * How adverts travel.
     *
     * @param sourceIp           source address in use, or null ({@code (none)})
     * @param sourceIpFromConfig the source comes from {@code unicast_src_ip}/{@code mcast_src_ip}
     * @param multicastAddress   multicast group adverts go to
     * @param multicastIfindex   IPv6 only: the group's scope ifindex
     * @param unicast            the unicast settings
     * @param dontTrackPrimary   {@code dont_track_primary}
     * @param fdIn               receive socket fd; -1 prints {@code No sockets allocated}
     * @param fdOut              send socket fd
     * @param kernelRxBufSize    {@code kernel_rx_buf_size}; 0 if not set
     * @param heartbeatPaths     {@code heartbeat_path} (javakeepalived's own), each as
     *                           {@code INTERFACE peers PEER...}; empty if none
     */
    public record Transport(String sourceIp, boolean sourceIpFromConfig, String multicastAddress,
                            int multicastIfindex, Unicast unicast, boolean dontTrackPrimary, int fdIn, int fdOut,
                            long kernelRxBufSize, List<String> heartbeatPaths) {

        /** keepalived's IPv4 multicast group for VRRP (RFC 5798 section 5.1.1.2). */
        public static final String VRRP_GROUP4 = "224.0.0.18";

        public Transport {
            Objects.requireNonNull(multicastAddress, "multicastAddress");
            Objects.requireNonNull(unicast, "unicast");
            heartbeatPaths = List.copyOf(heartbeatPaths);
        }

        /** Without heartbeat paths (keepalived's own fields only). */
        public Transport(String sourceIp, boolean sourceIpFromConfig, String multicastAddress, int multicastIfindex,
                         Unicast unicast, boolean dontTrackPrimary, int fdIn, int fdOut, long kernelRxBufSize) {
            this(sourceIp, sourceIpFromConfig, multicastAddress, multicastIfindex, unicast, dontTrackPrimary, fdIn,
                    fdOut, kernelRxBufSize, List.of());
        }

        /** IPv4 multicast from {@code sourceIp} (null: none yet) on the sockets {@code fdIn}/{@code fdOut}. */
        public static Transport multicast(String sourceIp, int fdIn, int fdOut) {
            return new Transport(sourceIp, false, VRRP_GROUP4, 0, Unicast.NONE, false, fdIn, fdOut, 0);
        }
    }

    /**
     * The unicast settings; keepalived prints most of them only while unicast is in use.
     *
     * @param inUse          sends unicast adverts
     * @param configured     unicast peers configured (even if multicast is used)
     * @param duplicateVrid  unicast with VRID duplication
     * @param faultNoPeers   {@code unicast_fault_no_peer}
     * @param ttl            unicast TTL; -1 when not set
     * @param checkSource    {@code check_unicast_src}
     * @param peers          unicast peers
     * @param checksumCompat checksum compatibility ({@code no}, {@code never}, {@code config}, {@code auto})
     */
    public record Unicast(boolean inUse, boolean configured, boolean duplicateVrid, boolean faultNoPeers, int ttl,
                          boolean checkSource, List<PeerInfo> peers, String checksumCompat) {

        /** Multicast: no peers, no TTL, no source check. */
        public static final Unicast NONE = new Unicast(false, false, false, false, -1, false, List.of(), "no");

        public Unicast {
            peers = List.copyOf(peers);
            Objects.requireNonNull(checksumCompat, "checksumCompat");
        }
    }

    /**
     * Gratuitous ARP / unsolicited NA pacing.
     *
     * @param delaySeconds          {@code garp_master_delay}
     * @param repeat                {@code garp_master_repeat}
     * @param refreshSeconds        {@code garp_master_refresh}
     * @param refreshRepeat         {@code garp_master_refresh_repeat}
     * @param lowerPrioDelaySeconds {@code garp_lower_prio_delay}
     * @param lowerPrioRepeat       {@code garp_lower_prio_repeat}
     */
    public record Garp(long delaySeconds, long repeat, long refreshSeconds, long refreshRepeat,
                       long lowerPrioDelaySeconds, long lowerPrioRepeat) {

        /** keepalived's defaults: 5 after 5 s, no refresh, and the same towards a lower priority. */
        public static final Garp DEFAULT = new Garp(5, 5, 0, 1, 5, 5);
    }

    /**
     * Priority and preemption: what decides who is master.
     *
     * @param base               configured priority
     * @param effective          priority after tracking weights
     * @param total              base plus weights before clamping
     * @param accept             {@code accept} mode
     * @param nopreempt          {@code nopreempt}
     * @param preemptDelayMicros {@code preempt_delay}
     */
    public record Priority(int base, int effective, int total, boolean accept, boolean nopreempt,
                           long preemptDelayMicros) {

        /** {@code priority} with no weights in force, preempting at once, accept off. */
        public static Priority of(int priority) {
            return new Priority(priority, priority, priority, false, false, 0);
        }
    }

    /**
     * What the instance sends and what it checks in what it receives.
     *
     * @param intervalMicros       advert interval
     * @param downTimerAdverts     adverts missed before the master is declared down
     * @param lowerPrioNoAdvert    {@code lower_prio_no_advert}
     * @param higherPrioSendAdvert {@code higher_prio_send_advert}
     * @param skipCheckAdvAddr     {@code skip_check_adv_addr}
     * @param strictMode           {@code strict_mode}
     * @param authType             authentication type
     * @param authPassword         the password (printed in clear, as keepalived does), or null
     */
    public record Adverts(long intervalMicros, long downTimerAdverts, boolean lowerPrioNoAdvert,
                          boolean higherPrioSendAdvert, boolean skipCheckAdvAddr, boolean strictMode,
                          AuthType authType, String authPassword) {

        /** keepalived's defaults: every second, down after 3 missed, no authentication. */
        public static final Adverts DEFAULT = new Adverts(1_000_000, 3, false, false, false, false, AuthType.NONE,
                null);

        public Adverts {
            Objects.requireNonNull(authType, "authType");
        }
    }

    /**
     * The addresses the instance owns, each as keepalived formats it, e.g.
     * {@code 10.77.0.100/24 dev eth0 scope global set}.
     *
     * @param vips               VIPs
     * @param excludedVips       excluded VIPs, same form
     * @param virtualRoutes      virtual routes
     * @param virtualRules       virtual rules
     * @param vipSet             the VIPs are currently configured (keepalived.json {@code vipset})
     * @param promoteSecondaries {@code promote_secondaries}
     */
    public record Addresses(List<String> vips, List<String> excludedVips, List<String> virtualRoutes,
                            List<String> virtualRules, boolean vipSet, boolean promoteSecondaries) {

        public static final Addresses NONE = new Addresses(List.of(), List.of(), List.of(), List.of(), false, false);

        public Addresses {
            vips = List.copyOf(vips);
            excludedVips = List.copyOf(excludedVips);
            virtualRoutes = List.copyOf(virtualRoutes);
            virtualRules = List.copyOf(virtualRules);
        }

        /** {@code vips} and {@code excludedVips}, configured now if {@code set}; no routes or rules. */
        public static Addresses of(List<String> vips, List<String> excludedVips, boolean set) {
            return new Addresses(vips, excludedVips, List.of(), List.of(), set, false);
        }
    }

    /**
     * The notify scripts (null where none is configured) and notification settings.
     *
     * @param backup           {@code notify_backup}
     * @param master           {@code notify_master}
     * @param fault            {@code notify_fault}
     * @param stop             {@code notify_stop}
     * @param deleted          {@code notify_deleted} script
     * @param generic          {@code notify} (generic)
     * @param masterRxLowerPri {@code notify_master_rx_lower_pri}
     * @param smtpAlert        {@code smtp_alert}
     * @param notifyDeleted    {@code notify_deleted} (else deleted instances notify Fault)
     * @param priorityChanges  {@code notify_priority_changes}
     */
    public record Notify(NotifyScript backup, NotifyScript master, NotifyScript fault, NotifyScript stop,
                         NotifyScript deleted, NotifyScript generic, NotifyScript masterRxLowerPri, boolean smtpAlert,
                         boolean notifyDeleted, boolean priorityChanges) {

        public static final Notify NONE = new Notify(null, null, null, null, null, null, null, false, false, false);

        /** The scripts a sync group can have too, nothing else set. */
        public static Notify of(NotifyScript backup, NotifyScript master, NotifyScript fault, NotifyScript stop,
                                NotifyScript generic) {
            return new Notify(backup, master, fault, stop, null, generic, null, false, false, false);
        }
    }
}
