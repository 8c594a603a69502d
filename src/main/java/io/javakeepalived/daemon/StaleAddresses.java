package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.RoutingPlan;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.NativeNetwork;
import io.javakeepalived.net.RtnetlinkSession;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;

/**
 * The VIPs, virtual routes and rules a killed predecessor left, removed when this daemon will not
 * run its VRRP loop (the configuration cannot be loaded): otherwise a node that is not master would
 * keep answering for them for as long as the configuration stays broken, while the real master
 * answers too; a table route a routing daemon (FRR) announces would keep drawing the VIP's traffic
 * here. The loop removes them itself when it starts ({@link VipInstaller#removeStale},
 * {@link StaticSetup#start()}).
 */
public final class StaleAddresses {
    private StaleAddresses() {
    }

    /**
     * Removes every address, route and rule marked as ours in the calling thread's network
     * namespace; problems are logged, never thrown. Call only when no other daemon runs (the pid
     * file says so).
     */
    public static void remove(NativeNetwork network, Logger log) {
        try (RtnetlinkSession rtnl = network.openRtnetlink()) {
            Map<String, LinkInfo> links = new HashMap<>();
            for (LinkInfo l : rtnl.links()) {
                links.put(l.name(), l);
            }
            // without a configuration, static routes and addresses cannot be told from virtual ones:
            // all of ours go, the routes first (a route still announced must not outlive its VIP)
            new RoutingRequests(rtnl, log).removeStale(RoutingPlan.NONE);
            new VipInstaller(rtnl, links, log).removeStale(a -> false);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot remove the virtual addresses and routes an earlier run left: {}", e.toString());
        }
    }
}
