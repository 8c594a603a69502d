package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * One {@code heartbeat_path INTERFACE PEER [PEER...]} line of a vrrp_instance (javakeepalived's
 * own keyword): a second way for the instance's adverts to reach the other nodes. Every advert the
 * instance sends also goes, unicast with TTL 255, to each peer through {@code interfaceName}, from
 * this node's address there; adverts the peers send that way count as if heard on the VRRP path,
 * so that one cut cable does not make a second master.
 *
 * @param interfaceName the interface of the second path (not the instance's VRRP interface)
 * @param peers         the other nodes' addresses on that path, of the instance's family
 */
public record HeartbeatPath(String interfaceName, List<InetAddress> peers, SourceLocation location) {
    public HeartbeatPath {
        Objects.requireNonNull(interfaceName, "interfaceName");
        peers = List.copyOf(peers);
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("a heartbeat path needs a peer");
        }
    }
}
