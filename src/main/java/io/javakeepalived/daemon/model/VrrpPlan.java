package io.javakeepalived.daemon.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the VRRP loop runs, derived from a {@link io.javakeepalived.config.model.KeepalivedConfig}
 * by {@link ConfigMapping#plan}.
 *
 * @param instances        the instances that can run, in configuration order
 * @param syncGroups       sync groups whose members are all in {@link #instances}
 * @param logUnknownVrids  global_defs {@code vrrp_log_unknown_vrids}
 * @param problems         one log line per thing that cannot be run as configured (an instance
 *                         left out, a feature not implemented); the rest still runs
 * @param statics          {@code static_ipaddress}, {@code static_routes}, {@code static_rules}
 */
public record VrrpPlan(List<InstancePlan> instances, List<SyncGroupPlan> syncGroups, boolean logUnknownVrids,
                       List<String> problems, StaticPlan statics) {
    public VrrpPlan {
        instances = List.copyOf(instances);
        syncGroups = List.copyOf(syncGroups);
        problems = List.copyOf(problems);
        Objects.requireNonNull(statics, "statics");
    }

    /** A plan without static addresses, routes or rules. */
    public VrrpPlan(List<InstancePlan> instances, List<SyncGroupPlan> syncGroups, boolean logUnknownVrids,
                    List<String> problems) {
        this(instances, syncGroups, logUnknownVrids, problems, StaticPlan.NONE);
    }

    public Optional<InstancePlan> instance(String name) {
        Objects.requireNonNull(name, "name");
        return instances.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
