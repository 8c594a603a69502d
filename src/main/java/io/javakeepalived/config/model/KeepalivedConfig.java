package io.javakeepalived.config.model;

import io.javakeepalived.config.Diagnostic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole keepalived.conf, bound and validated as keepalived 2.2.7 would.
 *
 * @param references        the vrrp_reference blocks (javakeepalived's own keyword), in file order
 * @param vrrpStartFailure  set when keepalived's VRRP process would refuse to start with this
 *                          configuration (non-existent interface without dynamic_interfaces,
 *                          an instance without virtual_router_id, duplicate VRIDs, ...): the
 *                          diagnostic that decided it. The model is still complete (defaults
 *                          resolved) so that it can be dumped.
 */
public record KeepalivedConfig(TopLevel topLevel, GlobalDefs global, List<IpAddressSpec> staticAddresses,
                               List<RouteSpec> staticRoutes, List<RuleSpec> staticRules,
                               List<StaticTrackGroup> trackGroups, List<GarpGroup> garpGroups,
                               List<InterfaceSetting> linkbeatInterfaces, List<InterfaceSetting> interfaceDelays,
                               List<VrrpScript> scripts, List<TrackFile> trackFiles,
                               List<TrackProcess> trackProcesses, List<ReferenceAddress> references,
                               List<BfdInstance> bfdInstances,
                               List<SyncGroup> syncGroups, List<VrrpInstance> instances,
                               List<VirtualServerGroup> virtualServerGroups, List<VirtualServer> virtualServers,
                               Optional<SslContext> ssl, Optional<Diagnostic> vrrpStartFailure) {
    public KeepalivedConfig {
        Objects.requireNonNull(topLevel, "topLevel");
        Objects.requireNonNull(global, "global");
        staticAddresses = List.copyOf(staticAddresses);
        staticRoutes = List.copyOf(staticRoutes);
        staticRules = List.copyOf(staticRules);
        trackGroups = List.copyOf(trackGroups);
        garpGroups = List.copyOf(garpGroups);
        linkbeatInterfaces = List.copyOf(linkbeatInterfaces);
        interfaceDelays = List.copyOf(interfaceDelays);
        scripts = List.copyOf(scripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
        references = List.copyOf(references);
        bfdInstances = List.copyOf(bfdInstances);
        syncGroups = List.copyOf(syncGroups);
        instances = List.copyOf(instances);
        virtualServerGroups = List.copyOf(virtualServerGroups);
        virtualServers = List.copyOf(virtualServers);
    }

    public Optional<VrrpInstance> instance(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<VrrpScript> script(String name) {
        return scripts.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<ReferenceAddress> reference(String name) {
        return references.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Whether keepalived would run its VRRP half with this configuration. */
    public boolean vrrpRunnable() {
        return vrrpStartFailure.isEmpty();
    }

    /**
     * What keepalived's checker process alone runs ({@code -C}): this configuration without the
     * VRRP side (instances, sync groups, references, static addresses, routes and rules, and what kept VRRP from
     * starting); the virtual servers, the SSL block and the track files of FILE_CHECK stay.
     */
    public KeepalivedConfig withoutVrrp() {
        return new KeepalivedConfig(topLevel, global, List.of(), List.of(), List.of(), trackGroups, garpGroups,
                linkbeatInterfaces, interfaceDelays, scripts, trackFiles, trackProcesses, List.of(), bfdInstances,
                List.of(), List.of(), virtualServerGroups, virtualServers, ssl, Optional.empty());
    }
}
