package io.javakeepalived.daemon.model;

import io.javakeepalived.config.model.NotifyScripts;
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
 * only the daemon needs (excluded VIPs, GARP pacing, why it must start in FAULT).
 *
 * <p>{@link #settings()} has no primary address until {@link #withPrimaryAddress} is called with
 * the result of {@link PrimaryAddress#resolve}: the configured {@code mcast_src_ip} /
 * {@code unicast_src_ip} is kept in {@link #configuredSource()}, the interface's own address is
 * only known on the host.
 *
 * @param settings         the state machine's and the wire's settings; its VIPs are {@link Vip}s
 * @param configuredSource {@code mcast_src_ip} / {@code unicast_src_ip}
 * @param excludedVips     {@code virtual_ipaddress_excluded}: installed with the VIPs, not advertised
 * @param configFault      keepalived keeps the instance in FAULT because of its configuration
 * @param syncGroup        the {@code vrrp_sync_group} it belongs to
 * @param garpInterval     {@code vrrp_garp_interval}: pause between gratuitous ARPs; 0 = none
 * @param gnaInterval      {@code vrrp_gna_interval}: pause between unsolicited NAs; 0 = none
 * @param notifyScripts    the notify scripts (not run yet)
 * @param trackSource      {@code track_src_ip}: while the configured source is not on the interface,
 *                         the instance is in FAULT (without it the configured source is used as is)
 * @param untrackedVips    the VIPs (and excluded VIPs) written with {@code no_track}: their removal by
 *                         someone else is not watched
 * @param routing          {@code virtual_routes} and {@code virtual_rules}: installed after the VIPs
 *                         on entering MASTER, removed before them on leaving it
 * @param promoteSecondaries {@code promote_secondaries}: the kernel's setting of that name is turned
 *                         on for its interface
 * @param vmac             {@code use_vmac}: the macvlan the instance's VIPs (and, unless
 *                         {@code vmac_xmit_base}, its adverts) go on
 */
public record InstancePlan(InstanceSettings settings, Optional<InetAddress> configuredSource, List<Vip> excludedVips,
                           boolean configFault, Optional<String> syncGroup, Duration garpInterval,
                           Duration gnaInterval, NotifyScripts notifyScripts, boolean trackSource,
                           List<Vip> untrackedVips, RoutingPlan routing, boolean promoteSecondaries,
                           Optional<VmacPlan> vmac) {

    public InstancePlan {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(configuredSource, "configuredSource");
        excludedVips = List.copyOf(excludedVips);
        Objects.requireNonNull(syncGroup, "syncGroup");
        Objects.requireNonNull(garpInterval, "garpInterval");
        Objects.requireNonNull(gnaInterval, "gnaInterval");
        Objects.requireNonNull(notifyScripts, "notifyScripts");
        untrackedVips = List.copyOf(untrackedVips);
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(vmac, "vmac");
    }

    /**
     * A plan that watches its source and all its VIPs as keepalived does by default, without
     * virtual routes or rules and without {@code promote_secondaries}.
     */
    public InstancePlan(InstanceSettings settings, Optional<InetAddress> configuredSource, List<Vip> excludedVips,
                        boolean configFault, Optional<String> syncGroup, Duration garpInterval, Duration gnaInterval,
                        NotifyScripts notifyScripts) {
        this(settings, configuredSource, excludedVips, configFault, syncGroup, garpInterval, gnaInterval,
                notifyScripts, false, List.of(), RoutingPlan.NONE, false, Optional.empty());
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
        return vmac.map(VmacPlan::baseInterface).orElse(interfaceName());
    }

    /** The advertised VIPs ({@code virtual_ipaddress}), in order. */
    public List<Vip> vips() {
        return settings.vips();
    }

    /** VIPs then excluded VIPs: everything installed while MASTER. */
    public List<Vip> allAddresses() {
        List<Vip> out = new ArrayList<>(vips());
        out.addAll(excludedVips);
        return out;
    }

    /** The same plan with other GARP / NA pacing (a {@code garp_group} for its interface). */
    public InstancePlan withGarpIntervals(Duration garp, Duration gna) {
        return new InstancePlan(settings, configuredSource, excludedVips, configFault, syncGroup, garp, gna,
                notifyScripts, trackSource, untrackedVips, routing, promoteSecondaries, vmac);
    }

    /** The same plan with the advert source (RFC primary address) set; null: it has none (FAULT). */
    public InstancePlan withPrimaryAddress(InetAddress primary) {
        return new InstancePlan(settings.toBuilder().primaryAddress(primary).build(), configuredSource,
                excludedVips, configFault, syncGroup, garpInterval, gnaInterval, notifyScripts, trackSource,
                untrackedVips, routing, promoteSecondaries, vmac);
    }

    /** Whether someone else removing {@code v} is to be noticed (it was not written with {@code no_track}). */
    public boolean watches(Vip v) {
        return !untrackedVips.contains(v);
    }
}
