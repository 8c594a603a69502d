package io.javakeepalived.daemon;

import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.NativeNetwork;
import io.javakeepalived.net.RtnetlinkSession;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;

/**
 * The VIPs a killed predecessor left, removed when this daemon will not run its VRRP loop (the
 * configuration cannot be loaded): otherwise a node that is not master would keep answering for
 * them for as long as the configuration stays broken, while the real master answers too. The
 * loop removes them itself when it starts ({@link VipInstaller#removeStale}).
 */
public final class StaleAddresses {
    private StaleAddresses() {
    }

    /**
     * Removes every address marked as ours in the calling thread's network namespace; problems
     * are logged, never thrown. Call only when no other daemon runs (the pid file says so).
     */
    public static void remove(NativeNetwork network, Logger log) {
        try (RtnetlinkSession rtnl = network.openRtnetlink()) {
            Map<String, LinkInfo> links = new HashMap<>();
            for (LinkInfo l : rtnl.links()) {
                links.put(l.name(), l);
            }
            // without a configuration, static addresses cannot be told from VIPs: all of ours go
            new VipInstaller(rtnl, links, log).removeStale(a -> false);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot remove the virtual addresses an earlier run left: {}", e.toString());
        }
    }
}
