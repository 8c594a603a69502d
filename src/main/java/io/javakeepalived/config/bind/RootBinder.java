package io.javakeepalived.config.bind;


/** The top level of keepalived.conf: which blocks and root keywords exist and who reads them. */
final class RootBinder {
    private RootBinder() {
    }

    static final KeywordTable<BindContext> TABLE = new KeywordTable<BindContext>("the top level")
            .line("linkbeat_use_polling", (c, n, x) -> c.top.linkbeatUsePolling = true)
            .line("net_namespace", (c, n, x) -> {
                if (n.argCount() < 1) {
                    c.error(n, "net_namespace name missing - ignoring");
                } else if (c.top.netNamespace == null) {
                    c.top.netNamespace = n.arg(0);
                } else {
                    c.error(n, "Duplicate net_namespace definition " + n.arg(0) + " - ignoring");
                }
            })
            .line("net_namespace_ipvs", (c, n, x) -> {
                if (c.top.netNamespaceIpvs != null) {
                    c.error(n, "Duplicate net_namespace_ipvs definition " + Args.need(n, 0, "a namespace name")
                            + " - ignoring");
                    return;
                }
                c.top.netNamespaceIpvs = n.argCount() < 1 ? "" : n.arg(0);
            })
            .line("namespace_with_ipsets", (c, n, x) -> c.top.namespaceWithIpsets = true)
            .line("use_pid_dir", (c, n, x) -> c.top.usePidDir = true)
            .line("instance", (c, n, x) -> {
                if (n.argCount() < 1) {
                    c.error(n, "instance name missing - ignoring");
                } else if (c.top.instanceName == null) {
                    c.top.instanceName = n.arg(0);
                } else {
                    c.error(n, "Duplicate instance definition " + n.arg(0) + " - ignoring");
                }
            })
            .line("child_wait_time", (c, n, x) -> NumberArg.unsigned(n, c, "a number of seconds", 0, Numbers.UINT_MAX,
                    v -> "Invalid child_wait_time " + v + ", expected seconds")
                    .ifPresent(s -> c.top.childWaitTime = (int) Math.min(Integer.MAX_VALUE, s)))
            .block("global_defs", (c, n, x) -> GlobalDefsBinder.TABLE.dispatch(c.global, n.children(), c))
            .block("track_group", (c, n, x) -> GroupBlocksBinder.trackGroup(n, c))
            .block("static_ipaddress", (c, n, x) -> StaticBlocksBinder.staticAddresses(n, c))
            .block("static_routes", (c, n, x) -> StaticBlocksBinder.staticRoutes(n, c))
            .block("static_rules", (c, n, x) -> StaticBlocksBinder.staticRules(n, c))
            .block("vrrp_sync_group", (c, n, x) -> GroupBlocksBinder.syncGroup(n, c))
            .block("garp_group", (c, n, x) -> GroupBlocksBinder.garpGroup(n, c))
            .block("linkbeat_interfaces", (c, n, x) -> StaticBlocksBinder.linkbeatInterfaces(n, c))
            .block("vrrp_instance", (c, n, x) -> VrrpInstanceBinder.instance(n, c))
            .block("vrrp_script", (c, n, x) -> TrackedObjectBinder.script(n, c))
            .block("vrrp_reference", (c, n, x) -> ReferenceBinder.reference(n, c))
            .block("vrrp_track_process", (c, n, x) -> TrackProcessBinder.trackProcess(n, c))
            .block("interface_up_down_delays", (c, n, x) -> StaticBlocksBinder.interfaceDelays(n, c))
            .block("bfd_instance", (c, n, x) -> BfdInstanceBinder.bfdInstance(n, c))
            .block("track_file", (c, n, x) -> TrackedObjectBinder.trackFile(n, c))
            .block("vrrp_track_file", (c, n, x) -> TrackedObjectBinder.trackFile(n, c))
            .block("SSL", (c, n, x) -> SslBinder.ssl(n, c))
            .block("virtual_server_group", (c, n, x) -> VirtualServerGroupBinder.virtualServerGroup(n, c))
            .block("virtual_server", (c, n, x) -> VirtualServerBinder.virtualServer(n, c));
}
