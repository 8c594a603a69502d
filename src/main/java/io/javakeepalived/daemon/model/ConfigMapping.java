package io.javakeepalived.daemon.model;

import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.GarpGroup;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.InterfaceSetting;
import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.net.VipDropRules;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.WireSettings;
import io.javakeepalived.vrrp.packet.ReceivePolicy.OldUnicastChecksum;
import io.javakeepalived.vrrp.packet.UnicastPeer;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * From the configuration model (defaults resolved, keepalived's corrections applied by the
 * binder) to what the daemon runs: {@link InstanceSettings} and {@link WireSettings} for the
 * core, {@link Vip}s for rtnetlink. Pure.
 *
 * <p>Not carried over yet, each reported in {@link VrrpPlan#problems()}: {@code use_ipvlan} (the
 * instance runs on its base interface), track_bfd; a route or rule line it cannot install.
 */
public final class ConfigMapping {

    private ConfigMapping() {
    }

    /** Thrown when an instance cannot be run as configured; the message is a log line. */
    public static final class UnsupportedInstanceException extends Exception {
        public UnsupportedInstanceException(String message) {
            super(message);
        }
    }

    /** The whole VRRP side of a configuration. Instances that cannot run are left out and reported. */
    public static VrrpPlan plan(KeepalivedConfig config) {
        GlobalDefs g = config.global();
        List<InstancePlan> instances = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (VrrpInstance v : config.instances()) {
            try {
                instances.add(withGarpGroup(instance(v, g, problems), config.garpGroups())
                        .withShown(ShownTrackers.of(v, config.syncGroups())));
            } catch (UnsupportedInstanceException e) {
                problems.add(e.getMessage());
            }
        }
        Set<String> planned = new LinkedHashSet<>();
        instances.forEach(i -> planned.add(i.name()));
        List<SyncGroupPlan> groups = new ArrayList<>();
        for (SyncGroup sg : config.syncGroups()) {
            List<String> members = sg.members().stream().filter(planned::contains).toList();
            if (members.size() != sg.members().size()) {
                problems.add("VRRP_Group(" + sg.name() + ") runs without the instance(s) left out: "
                        + sg.members().stream().filter(m -> !planned.contains(m)).toList());
            }
            if (!members.isEmpty()) {
                groups.add(new SyncGroupPlan(sg.name(), members, new SyncGroupPlan.Shown(sg.notifyScripts(),
                        sg.trackers(), sg.smtpAlert(), sg.trackingWeight(), sg.notifyPriorityChanges())));
            }
        }
        Map<String, LinkDelays> delays = new HashMap<>();
        for (InterfaceSetting d : config.interfaceDelays()) {
            delays.put(d.interfaceName(), new LinkDelays(d.downDelay().orElse(Duration.ZERO),
                    d.upDelay().orElse(Duration.ZERO)));
        }
        StaticPlan statics = RoutingMapping.statics(config, problems);
        return VrrpPlan.of(instances)
                .withSyncGroups(groups)
                .withLogUnknownVrids(g.vrrp().logUnknownVrids())
                .withLinkDelays(delays)
                .withStatics(statics)
                .withNoAccept(noAccept(config, planned))
                .withProblems(problems);
    }

    /**
     * keepalived turns its nftables table on (named {@code keepalived} unless {@code nftables}
     * says otherwise) as soon as one instance is not in accept mode and not the address owner.
     */
    static NoAcceptPlan noAccept(KeepalivedConfig config, Set<String> planned) {
        GlobalDefs.VrrpGlobals g = config.global().vrrp();
        Set<String> dropping = new LinkedHashSet<>();
        for (VrrpInstance v : config.instances()) {
            if (!v.accept() && v.priority() != 255 && planned.contains(v.name())) {
                dropping.add(v.name());
            }
        }
        return new NoAcceptPlan(new VipDropRules(g.nftablesTable().orElse(VipDropRules.DEFAULT_TABLE),
                g.nftablesPriority(), g.nftablesCounters()), dropping);
    }

    /**
     * keepalived gives each interface one GARP pacing: its {@code garp_group}'s intervals (an
     * interval the group leaves out is 0, as in keepalived), else the global
     * {@code vrrp_garp_interval} / {@code vrrp_gna_interval}. Here the instance's interface decides
     * for all its VIPs.
     */
    static InstancePlan withGarpGroup(InstancePlan p, List<GarpGroup> groups) {
        for (GarpGroup gg : groups) {
            if (gg.interfaces().contains(p.interfaceName())) {
                return p.withAnnouncing(new InstancePlan.Announcing(gg.garpInterval().orElse(Duration.ZERO),
                        gg.gnaInterval().orElse(Duration.ZERO)));
            }
        }
        return p;
    }

    /**
     * One instance.
     *
     * @param problems receives a line for each setting that is not carried out (the instance runs)
     * @throws UnsupportedInstanceException if the instance cannot run at all
     */
    public static InstancePlan instance(VrrpInstance v, GlobalDefs g, List<String> problems)
            throws UnsupportedInstanceException {
        String n = "(" + v.name() + ") ";
        String ifname = v.interfaceName().orElseThrow(() -> new UnsupportedInstanceException(n
                + "has no interface - javakeepalived cannot choose one yet; instance not started"));
        if (v.ipvlan().isPresent()) {
            problems.add(n + "use_ipvlan is not implemented yet - running on " + ifname);
        }
        Optional<VmacPlan> vmac = v.vmac().map(m -> new VmacPlan(m.interfaceName(), ifname,
                VmacPlan.mac(v.vrid(), v.family() == AddressFamily.IPV6, m.mac()), v.vmacXmitBase(),
                v.family() == AddressFamily.IPV6));
        if (!v.trackers().bfds().isEmpty()) {
            problems.add(n + "track_bfd is not implemented - ignored");
        }
        RoutingPlan routing = RoutingMapping.routing(v.virtualRoutes(), v.virtualRules(), n + "virtual", problems);

        StandardProtocolFamily family = v.family() == AddressFamily.IPV6 ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET;
        WireSettings.Builder wire = WireSettings.builder()
                .interfaceName(vmac.filter(m -> !m.xmitBase()).map(VmacPlan::name).orElse(ifname))
                .unicast(v.unicast())
                .unicastTtl(v.unicastTtl())
                .checkUnicastSrc(v.checkUnicastSource())
                .skipCheckAdvAddr(v.skipCheckAdvAddr())
                .oldUnicastChecksum(v.oldUnicastChecksum() ? OldUnicastChecksum.CONFIGURED : OldUnicastChecksum.DETECT);
        if (v.unicast()) {
            List<UnicastPeer> peers = new ArrayList<>();
            for (VrrpInstance.UnicastPeer p : v.unicastPeers()) {
                peers.add(p.minTtl() == 0 && p.maxTtl() == 255 ? UnicastPeer.of(p.address())
                        : UnicastPeer.of(p.address(), p.minTtl(), p.maxTtl()));
            }
            wire.unicastPeers(peers);
        }
        if (v.authentication().isPresent() && v.version() == 2) {
            VrrpInstance.Authentication auth = v.authentication().get();
            if (auth.type() == VrrpInstance.AuthType.AH) {
                wire.ahPass(auth.password());
            } else {
                wire.authPass(auth.password());
            }
        }
        if (v.mcastDestination().isPresent()) {
            InetAddress group = v.mcastDestination().get();
            if (group instanceof Inet6Address g6) {
                wire.multicastGroup6(g6);
            } else {
                wire.multicastGroup4((Inet4Address) group);
            }
        }

        List<Vip> vips = new ArrayList<>();
        List<Vip> untracked = new ArrayList<>();
        for (IpAddressSpec s : v.virtualAddresses()) {
            vips.add(vip(s, ifname));
            if (s.noTrack()) {
                untracked.add(vips.get(vips.size() - 1));
            }
        }
        List<Vip> excluded = new ArrayList<>();
        for (IpAddressSpec s : v.excludedAddresses()) {
            excluded.add(vip(s, ifname));
            if (s.noTrack()) {
                untracked.add(excluded.get(excluded.size() - 1));
            }
        }

        VrrpInstance.Garp garp = v.garp();
        InstanceSettings settings;
        try {
            settings = InstanceSettings.builder(v.name(), v.vrid())
                    .version(v.version())
                    .family(family)
                    .priority(v.priority())
                    .advertIntervalCs(v.advertIntervalCentis())
                    .initialState(v.state() == VrrpInstance.InitialState.MASTER ? VrrpState.MASTER : VrrpState.BACKUP)
                    .nopreempt(v.nopreempt())
                    .preemptDelay(v.preemptDelay())
                    .vips(vips)
                    .downTimerAdverts(v.downTimerAdverts())
                    .lowerPrioNoAdvert(v.lowerPrioNoAdvert())
                    .higherPrioSendAdvert(v.higherPrioSendAdvert())
                    .garpMasterDelay(garp.masterDelay())
                    .garpMasterRepeat(garp.masterRepeat())
                    .garpMasterRefresh(garp.masterRefresh())
                    .garpMasterRefreshRepeat(garp.masterRefreshRepeat())
                    .garpLowerPrioDelay(garp.lowerPrioDelay())
                    .garpLowerPrioRepeat(garp.lowerPrioRepeat())
                    .minGarp(g.vrrp().minGarp())
                    .startupDelay(g.vrrp().startupDelay())
                    .wire(wire.build())
                    .notifyPriorityChanges(v.notifyPriorityChanges())
                    .strict(v.strictMode())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UnsupportedInstanceException(n + "cannot be run: " + e.getMessage());
        }
        Optional<InetAddress> source = v.sourceAddress();
        if (source.isPresent() && (source.get() instanceof Inet6Address) != (family == StandardProtocolFamily.INET6)) {
            problems.add(n + "source address " + source.get().getHostAddress() + " is not of the instance's family"
                    + " - using the interface's address");
            source = Optional.empty();
        }
        return InstancePlan.of(settings)
                .withConfigFault(v.configFault())
                .withSyncGroup(v.syncGroup())
                .withNotifyScripts(v.notifyScripts())
                .withSource(new InstancePlan.Source(source, v.trackSourceAddress() && source.isPresent()))
                .withAddresses(new InstancePlan.Addresses(excluded, untracked))
                .withAnnouncing(new InstancePlan.Announcing(g.vrrp().garpInterval(), g.vrrp().gnaInterval()))
                .withKernel(new InstancePlan.KernelSide(routing, v.promoteSecondaries(), vmac))
                .withHeartbeatPaths(v.heartbeatPaths());
    }

    /**
     * A {@code virtual_ipaddress} / {@code virtual_ipaddress_excluded} line of an instance.
     *
     * @param defaultDevice the instance's interface, for lines without {@code dev}
     */
    static Vip vip(IpAddressSpec spec, String defaultDevice) {
        return new Vip(spec.address(), spec.prefixLength(), spec.device().orElse(defaultDevice), spec.broadcast(),
                spec.scope().map(Scopes::parse).orElse(0), spec.label(), spec.noPrefixRoute(),
                spec.preferredLifetime().orElse(Vip.FOREVER));
    }
}
