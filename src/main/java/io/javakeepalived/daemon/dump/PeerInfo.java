package io.javakeepalived.daemon.dump;

import java.util.Objects;

/**
 * A unicast peer of an instance.
 *
 * @param address peer address text
 * @param minTtl  lowest TTL accepted from it (keepalived's default 0)
 * @param maxTtl  highest TTL accepted (default 255)
 */
public record PeerInfo(String address, int minTtl, int maxTtl) {

    public PeerInfo {
        Objects.requireNonNull(address, "address");
    }

    public static PeerInfo of(String address) {
        return new PeerInfo(address, 0, 255);
    }
}
