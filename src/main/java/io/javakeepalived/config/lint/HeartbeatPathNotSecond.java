package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.HeartbeatPath;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VrrpInstance;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A heartbeat_path that is not a second path. Why it bites: a path over the instance's own VRRP
 * interface is cut by the same cable as the adverts, so it prevents no split brain; a peer that
 * is this node's own address means the node hears its own adverts there and nobody else's.
 */
final class HeartbeatPathNotSecond implements Check {

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        List<ConfigWarning> out = new ArrayList<>();
        for (VrrpInstance v : config.instances()) {
            for (HeartbeatPath p : v.heartbeatPaths()) {
                if (v.interfaceName().filter(p.interfaceName()::equals).isPresent()) {
                    out.add(new ConfigWarning(p.location(), "(" + v.name() + ") heartbeat_path on " + p.interfaceName()
                            + " is the instance's own VRRP interface - a cable cut there silences both; name a"
                            + " second interface (another cable, switch or VLAN)"));
                }
                for (InetAddress peer : p.peers()) {
                    Addresses.ownAddress(node, peer).ifPresent(own -> out.add(new ConfigWarning(p.location(),
                            "(" + v.name() + ") heartbeat_path peer " + Addresses.text(peer) + " is this node's own"
                            + " address - list the other nodes' addresses on " + p.interfaceName())));
                }
            }
        }
        return out;
    }
}
