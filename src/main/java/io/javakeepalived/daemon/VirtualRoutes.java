package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.RoutingPlan;

import java.util.HashMap;
import java.util.Map;

/**
 * Which instances have their {@code virtual_routes} and {@code virtual_rules} in the kernel: put
 * there after the VIPs when an instance becomes MASTER, taken out before the VIPs when it leaves
 * (keepalived's vrrp_state_become_master / vrrp_restore_interface), changed as a diff when a
 * reload changes a master's lines. Loop thread only.
 */
final class VirtualRoutes {
    private final RoutingRequests requests;
    private final Map<String, RoutingPlan> installed = new HashMap<>();

    VirtualRoutes(RoutingRequests requests) {
        this.requests = requests;
    }

    /** The instance became MASTER (its VIPs are up): installs its routes and rules, once. */
    void install(String instance, RoutingPlan p) {
        if (p.isEmpty() || installed.containsKey(instance)) {
            return;
        }
        requests.add("(" + instance + ")", p);
        installed.put(instance, p);
    }

    /** The instance leaves MASTER (its VIPs still up): removes what it installed. */
    void uninstall(String instance) {
        RoutingPlan p = installed.remove(instance);
        if (p != null) {
            requests.remove("(" + instance + ")", p);
        }
    }

    /** A reload gave a master other lines: only the changed ones go and come. */
    void update(String instance, RoutingPlan next) {
        RoutingPlan now = installed.get(instance);
        if (now == null || now.equals(next)) {
            return;
        }
        requests.remove("(" + instance + ")", now.without(next));
        requests.add("(" + instance + ")", next.without(now));
        if (next.isEmpty()) {
            installed.remove(instance);
        } else {
            installed.put(instance, next);
        }
    }

    boolean installed(String instance) {
        return installed.containsKey(instance);
    }
}
