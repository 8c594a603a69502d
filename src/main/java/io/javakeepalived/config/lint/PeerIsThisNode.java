package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.ArrayList;
import java.util.List;

/**
 * A unicast_peer that is one of this node's own addresses. Why it bites: the instance sends its
 * adverts to itself, and a peer that should hear them is missing from the list, so both nodes
 * may end up MASTER.
 */
final class PeerIsThisNode implements Check {

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        List<ConfigWarning> out = new ArrayList<>();
        for (VrrpInstance v : config.instances()) {
            for (VrrpInstance.UnicastPeer p : v.unicastPeers()) {
                Addresses.ownAddress(node, p.address()).ifPresent(own -> out.add(new ConfigWarning(p.location(),
                        "(" + v.name() + ") unicast_peer " + Addresses.text(p.address()) + " is this node's own"
                        + " address - the instance sends its adverts to itself and the other nodes never hear"
                        + " them; list only the other nodes' addresses in unicast_peer")));
            }
        }
        return out;
    }
}
