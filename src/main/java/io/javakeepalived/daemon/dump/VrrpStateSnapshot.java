package io.javakeepalived.daemon.dump;

import java.util.List;
import java.util.Objects;

/**
 * Everything the VRRP dumps show, frozen at one moment: the daemon builds it on its VRRP thread
 * when USR1, USR2 or the JSON request arrives, then hands it to {@link DataDumpWriter},
 * {@link StatsDumpWriter}, {@link JsonDumpWriter} (through {@link DumpFiles}) on any thread.
 *
 * @param globals         the configuration's global settings, which the data dump formats
 * @param staticAddresses {@code static_ipaddress} entries as text
 * @param staticRoutes    {@code static_routes} entries as text
 * @param staticRules     {@code static_rules} entries as text
 * @param instances       VRRP instances, in configuration order
 * @param sockPool        VRRP socket pool
 * @param syncGroups      sync groups
 * @param scripts         {@code vrrp_script}s
 * @param interfaces      interfaces known to the VRRP process
 * @param references      {@code vrrp_reference}s, one per interface they are checked over
 */
public record VrrpStateSnapshot(ConfiguredGlobals globals, List<String> staticAddresses, List<String> staticRoutes,
        List<String> staticRules, List<InstanceSnapshot> instances, List<SockPoolEntry> sockPool,
        List<SyncGroupSnapshot> syncGroups, List<ScriptSnapshot> scripts, List<InterfaceSnapshot> interfaces,
        List<ReferenceSnapshot> references) {

    public VrrpStateSnapshot {
        Objects.requireNonNull(globals, "globals");
        staticAddresses = List.copyOf(staticAddresses);
        staticRoutes = List.copyOf(staticRoutes);
        staticRules = List.copyOf(staticRules);
        instances = List.copyOf(instances);
        sockPool = List.copyOf(sockPool);
        syncGroups = List.copyOf(syncGroups);
        scripts = List.copyOf(scripts);
        interfaces = List.copyOf(interfaces);
        references = List.copyOf(references);
    }

    /** Without references. */
    public VrrpStateSnapshot(ConfiguredGlobals globals, List<String> staticAddresses, List<String> staticRoutes,
            List<String> staticRules, List<InstanceSnapshot> instances, List<SockPoolEntry> sockPool,
            List<SyncGroupSnapshot> syncGroups, List<ScriptSnapshot> scripts, List<InterfaceSnapshot> interfaces) {
        this(globals, staticAddresses, staticRoutes, staticRules, instances, sockPool, syncGroups, scripts, interfaces,
                List.of());
    }

    /** The same with {@code next} as the references. */
    public VrrpStateSnapshot withReferences(List<ReferenceSnapshot> next) {
        return new VrrpStateSnapshot(globals, staticAddresses, staticRoutes, staticRules, instances, sockPool,
                syncGroups, scripts, interfaces, next);
    }

    /** The same with {@code next} as the sync groups. */
    public VrrpStateSnapshot withSyncGroups(List<SyncGroupSnapshot> next) {
        return new VrrpStateSnapshot(globals, staticAddresses, staticRoutes, staticRules, instances, sockPool,
                next, scripts, interfaces, references);
    }

    /** The same with {@code addresses} as the static addresses and {@code pool} as the socket pool. */
    public VrrpStateSnapshot withStaticAddressesAndSockPool(List<String> addresses, List<SockPoolEntry> pool) {
        return new VrrpStateSnapshot(globals, addresses, staticRoutes, staticRules, instances, pool, syncGroups,
                scripts, interfaces, references);
    }

    /** A snapshot of instances and scripts only (no statics, sockets, groups or interfaces). */
    public static VrrpStateSnapshot of(ConfiguredGlobals globals, List<InstanceSnapshot> instances,
            List<ScriptSnapshot> scripts) {
        return new VrrpStateSnapshot(globals, List.of(), List.of(), List.of(), instances, List.of(), List.of(), scripts,
                List.of());
    }
}
