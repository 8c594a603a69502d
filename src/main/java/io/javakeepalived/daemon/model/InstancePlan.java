package io.javakeepalived.daemon.model;

import io.javakeepalived.config.model.HeartbeatPath;
import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.Trackers;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.Vip;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code vrrp_instance} as the daemon runs it: the core's {@link InstanceSettings} plus what
 * only the daemon needs, grouped by theme so that a new setting joins one small record and
 * nobody builds a plan positionally. Start from {@link #of} (keepalived's defaults) and name what
 * differs with the {@code with...} methods.
 *
 * <p>{@link #settings()} has no primary address until {@link #withPrimaryAddress} is called with
 * the result of {@link PrimaryAddress#resolve}: the configured {@code mcast_src_ip} /
 * {@code unicast_src_ip} is kept in {@link #source()}, the interface's own address is only known
 * on the host.
 *
 * @param settings      the state machine's and the wire's settings; its VIPs are {@link Vip}s
 * @param configFault   keepalived keeps the instance in FAULT because of its configuration
 * @param syncGroup     the {@code vrrp_sync_group} it belongs to
 * @param notifyScripts the notify scripts (not run yet)
 * @param source        where its adverts come from
 * @param addresses     the addresses it installs besides its advertised VIPs, and which it watches
 * @param announcing    the pacing of its gratuitous ARPs and unsolicited NAs
 * @param kernel        what it changes in the kernel besides addresses
 * @param heartbeatPaths {@code heartbeat_path}: second paths its adverts go out and come in on
 * @param shown         what only the dumps read
 */
public record InstancePlan(InstanceSettings settings, boolean configFault, Optional<String> syncGroup,
                           NotifyScripts notifyScripts, Source source, Addresses addresses, Announcing announcing,
                           KernelSide kernel, List<HeartbeatPath> heartbeatPaths, Shown shown) {

    public InstancePlan {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(syncGroup, "syncGroup");
        Objects.requireNonNull(notifyScripts, "notifyScripts");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(announcing, "announcing");
        Objects.requireNonNull(kernel, "kernel");
        heartbeatPaths = List.copyOf(heartbeatPaths);
        Objects.requireNonNull(shown, "shown");
    }

    /**
     * The advert source.
     *
     * @param configured {@code mcast_src_ip} / {@code unicast_src_ip}
     * @param tracked    {@code track_src_ip}: while the configured source is not on the interface,
     *                   the instance is in FAULT (without it the configured source is used as is)
     */
    public record Source(Optional<InetAddress> configured, boolean tracked) {
        /** keepalived's default: the interface's own address. */
        public static final Source INTERFACE = new Source(Optional.empty(), false);

        public Source {
            Objects.requireNonNull(configured, "configured");
        }

        /** {@code mcast_src_ip} / {@code unicast_src_ip} without {@code track_src_ip}. */
        public static Source configured(InetAddress address) {
            return new Source(Optional.of(address), false);
        }
    }

    /**
     * @param excludedVips  {@code virtual_ipaddress_excluded}: installed with the VIPs, not advertised
     * @param untrackedVips the VIPs (and excluded VIPs) written with {@code no_track}: their removal
     *                      by someone else is not watched
     */
    public record Addresses(List<Vip> excludedVips, List<Vip> untrackedVips) {
        /** keepalived's default: no excluded VIPs, every VIP watched. */
        public static final Addresses NONE = new Addresses(List.of(), List.of());

        public Addresses {
            excludedVips = List.copyOf(excludedVips);
            untrackedVips = List.copyOf(untrackedVips);
        }
    }

    /**
     * @param garpInterval {@code vrrp_garp_interval}: pause between gratuitous ARPs; 0 = none
     * @param gnaInterval  {@code vrrp_gna_interval}: pause between unsolicited NAs; 0 = none
     */
    public record Announcing(Duration garpInterval, Duration gnaInterval) {
        /** keepalived's default: no pause. */
        public static final Announcing UNPACED = new Announcing(Duration.ZERO, Duration.ZERO);

        public Announcing {
            Objects.requireNonNull(garpInterval, "garpInterval");
            Objects.requireNonNull(gnaInterval, "gnaInterval");
        }
    }

    /**
     * @param routing            {@code virtual_routes} and {@code virtual_rules}: installed after the
     *                           VIPs on entering MASTER, removed before them on leaving it
     * @param promoteSecondaries {@code promote_secondaries}: the kernel's setting of that name is
     *                           turned on for its interface
     * @param vmac               {@code use_vmac}: the macvlan the instance's VIPs (and, unless
     *                           {@code vmac_xmit_base}, its adverts) go on
     */
    public record KernelSide(RoutingPlan routing, boolean promoteSecondaries, Optional<VmacPlan> vmac) {
        /** keepalived's default: no routes or rules, the kernel's setting untouched, no VMAC. */
        public static final KernelSide NONE = new KernelSide(RoutingPlan.NONE, false, Optional.empty());

        public KernelSide {
            Objects.requireNonNull(routing, "routing");
            Objects.requireNonNull(vmac, "vmac");
        }
    }

    /**
     * What keepalived.data shows of the instance and nothing in the daemon acts on (mail and the
     * trackers run from the configuration itself).
     *
     * @param smtpAlert {@code smtp_alert}, resolved through the sync group and global defaults
     * @param trackers  its track_interface / track_file / track_process / track_bfd lines, its
     *                  sync group's added for what it does not track itself (keepalived's
     *                  {@code sync_group_tracking_init}); scripts and references are shown from
     *                  their trackers' published views
     */
    public record Shown(boolean smtpAlert, Trackers trackers) {
        public static final Shown NONE = new Shown(false, Trackers.NONE);

        public Shown {
            Objects.requireNonNull(trackers, "trackers");
        }
    }

    /**
     * A plan with keepalived's defaults around {@code settings}: not in a sync group, no notify
     * scripts, the interface's address as source, no excluded VIPs and every VIP watched, unpaced
     * announcements, nothing else changed in the kernel.
     */
    public static InstancePlan of(InstanceSettings settings) {
        return new InstancePlan(settings, false, Optional.empty(), NotifyScripts.NONE, Source.INTERFACE,
                Addresses.NONE, Announcing.UNPACED, KernelSide.NONE, List.of(), Shown.NONE);
    }

    public InstancePlan withConfigFault(boolean fault) {
        return new InstancePlan(settings, fault, syncGroup, notifyScripts, source, addresses, announcing, kernel,
                heartbeatPaths, shown);
    }

    public InstancePlan withSyncGroup(Optional<String> group) {
        return new InstancePlan(settings, configFault, group, notifyScripts, source, addresses, announcing, kernel,
                heartbeatPaths, shown);
    }

    public InstancePlan withNotifyScripts(NotifyScripts n) {
        return new InstancePlan(settings, configFault, syncGroup, n, source, addresses, announcing, kernel,
                heartbeatPaths, shown);
    }

    public InstancePlan withSource(Source s) {
        return new InstancePlan(settings, configFault, syncGroup, notifyScripts, s, addresses, announcing, kernel,
                heartbeatPaths, shown);
    }

    public InstancePlan withAddresses(Addresses a) {
        return new InstancePlan(settings, configFault, syncGroup, notifyScripts, source, a, announcing, kernel,
                heartbeatPaths, shown);
    }

    /** The same plan with other GARP / NA pacing (e.g. a {@code garp_group} for its interface). */
    public InstancePlan withAnnouncing(Announcing a) {
        return new InstancePlan(settings, configFault, syncGroup, notifyScripts, source, addresses, a, kernel,
                heartbeatPaths, shown);
    }

    public InstancePlan withKernel(KernelSide k) {
        return new InstancePlan(settings, configFault, syncGroup, notifyScripts, source, addresses, announcing, k,
                heartbeatPaths, shown);
    }

    /** The same plan with second paths for its adverts ({@code heartbeat_path}). */
    public InstancePlan withHeartbeatPaths(List<HeartbeatPath> paths) {
        return new InstancePlan(settings, configFault, syncGroup, notifyScripts, source, addresses, announcing, kernel,
                paths, shown);
    }

    /** The same plan with what the dumps show of it besides. */
    public InstancePlan withShown(Shown s) {
        return new InstancePlan(settings, configFault, syncGroup, notifyScripts, source, addresses, announcing, kernel,
                heartbeatPaths, s);
    }

    /** The same plan with the advert source (RFC primary address) set; null: it has none (FAULT). */
    public InstancePlan withPrimaryAddress(InetAddress primary) {
        return new InstancePlan(settings.toBuilder().primaryAddress(primary).build(), configFault, syncGroup,
                notifyScripts, source, addresses, announcing, kernel, heartbeatPaths, shown);
    }

    public String name() {
        return settings.name();
    }

    /**
     * The interface the instance's VRRP socket is on: its {@code interface}, or its VMAC unless
     * {@code vmac_xmit_base}.
     */
    public String interfaceName() {
        return settings.wire().interfaceName();
    }

    /**
     * The interface whose address is the advert source: the configured {@code interface} (a
     * VMAC has no address of its own, keepalived sends from its base's).
     */
    public String sourceInterface() {
        return kernel.vmac().map(VmacPlan::baseInterface).orElse(interfaceName());
    }

    /** The advertised VIPs ({@code virtual_ipaddress}), in order. */
    public List<Vip> vips() {
        return settings.vips();
    }

    /** VIPs then excluded VIPs: everything installed while MASTER. */
    public List<Vip> allAddresses() {
        List<Vip> out = new ArrayList<>(vips());
        out.addAll(addresses.excludedVips());
        return out;
    }

    /** Whether someone else removing {@code v} is to be noticed (it was not written with {@code no_track}). */
    public boolean watches(Vip v) {
        return !addresses.untrackedVips().contains(v);
    }
}
