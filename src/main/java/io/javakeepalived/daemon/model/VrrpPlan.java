package io.javakeepalived.daemon.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the VRRP loop runs, derived from a {@link io.javakeepalived.config.model.KeepalivedConfig}
 * by {@link ConfigMapping#plan}. Start from {@link #of} (keepalived's defaults) and name what differs
 * with the {@code with...} methods.
 *
 * @param instances        the instances that can run, in configuration order
 * @param syncGroups       sync groups whose members are all in {@link #instances}
 * @param logUnknownVrids  global_defs {@code vrrp_log_unknown_vrids}
 * @param problems         one log line per thing that cannot be run as configured (an instance
 *                         left out, a feature not implemented); the rest still runs
 * @param linkDelays       {@code interface_up_down_delays} by interface name, as configured (each
 *                         instance's advert interval caps them at run time)
 * @param statics          {@code static_ipaddress}, {@code static_routes}, {@code static_rules}
 * @param noAccept         the no_accept firewall: which instances, which nftables table
 */
public record VrrpPlan(List<InstancePlan> instances, List<SyncGroupPlan> syncGroups, boolean logUnknownVrids,
                       List<String> problems, Map<String, LinkDelays> linkDelays, StaticPlan statics,
                       NoAcceptPlan noAccept) {
    public VrrpPlan {
        Objects.requireNonNull(noAccept, "noAccept");
        instances = List.copyOf(instances);
        syncGroups = List.copyOf(syncGroups);
        problems = List.copyOf(problems);
        linkDelays = Map.copyOf(linkDelays);
        Objects.requireNonNull(statics, "statics");
    }

    /**
     * A plan of these instances with keepalived's defaults: no sync groups, unknown VRIDs not
     * logged, no problems, no debounce delays, no static addresses, routes or rules, no no_accept
     * firewall.
     */
    public static VrrpPlan of(List<InstancePlan> instances) {
        return new VrrpPlan(instances, List.of(), false, List.of(), Map.of(), StaticPlan.NONE, NoAcceptPlan.NONE);
    }

    /** The same plan with only these instances and sync groups (a reload that could not add some). */
    public VrrpPlan withInstances(List<InstancePlan> instances, List<SyncGroupPlan> syncGroups) {
        return new VrrpPlan(instances, syncGroups, logUnknownVrids, problems, linkDelays, statics, noAccept);
    }

    public VrrpPlan withSyncGroups(List<SyncGroupPlan> groups) {
        return withInstances(instances, groups);
    }

    public VrrpPlan withLogUnknownVrids(boolean log) {
        return new VrrpPlan(instances, syncGroups, log, problems, linkDelays, statics, noAccept);
    }

    public VrrpPlan withProblems(List<String> lines) {
        return new VrrpPlan(instances, syncGroups, logUnknownVrids, lines, linkDelays, statics, noAccept);
    }

    public VrrpPlan withLinkDelays(Map<String, LinkDelays> delays) {
        return new VrrpPlan(instances, syncGroups, logUnknownVrids, problems, delays, statics, noAccept);
    }

    public VrrpPlan withStatics(StaticPlan s) {
        return new VrrpPlan(instances, syncGroups, logUnknownVrids, problems, linkDelays, s, noAccept);
    }

    public VrrpPlan withNoAccept(NoAcceptPlan n) {
        return new VrrpPlan(instances, syncGroups, logUnknownVrids, problems, linkDelays, statics, n);
    }

    /** The debounce delays of {@code ifname}: its line, capped by every instance on it. */
    public LinkDelays linkDelays(String ifname) {
        LinkDelays d = linkDelays.getOrDefault(ifname, LinkDelays.NONE);
        for (InstancePlan p : instances) {
            if (p.interfaceName().equals(ifname)) {
                d = d.cappedFor(Duration.ofMillis(p.settings().advertIntervalCs() * 10L),
                        p.settings().downTimerAdverts());
            }
        }
        return d;
    }

    public Optional<InstancePlan> instance(String name) {
        Objects.requireNonNull(name, "name");
        return instances.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
