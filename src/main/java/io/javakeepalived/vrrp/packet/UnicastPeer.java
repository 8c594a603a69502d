package io.javakeepalived.vrrp.packet;

import java.net.InetAddress;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One {@code unicast_peer} entry: address and the optional {@code min_ttl} / {@code max_ttl}
 * (keepalived defaults 0 and 255). Giving either turns on the source-address check for the
 * instance, exactly as {@code check_unicast_src} does (keepalived vrrp_data.c).
 */
public record UnicastPeer(InetAddress address, OptionalInt minTtl, OptionalInt maxTtl) {

    public UnicastPeer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(minTtl, "minTtl");
        Objects.requireNonNull(maxTtl, "maxTtl");
        minTtl.ifPresent(t -> checkTtl("min_ttl", t));
        maxTtl.ifPresent(t -> checkTtl("max_ttl", t));
    }

    public static UnicastPeer of(InetAddress address) {
        return new UnicastPeer(address, OptionalInt.empty(), OptionalInt.empty());
    }

    public static UnicastPeer of(InetAddress address, int minTtl, int maxTtl) {
        return new UnicastPeer(address, OptionalInt.of(minTtl), OptionalInt.of(maxTtl));
    }

    /** True if min_ttl or max_ttl was configured. */
    public boolean hasTtlRange() {
        return minTtl.isPresent() || maxTtl.isPresent();
    }

    public int effectiveMinTtl() {
        return minTtl.orElse(0);
    }

    public int effectiveMaxTtl() {
        return maxTtl.orElse(255);
    }

    private static void checkTtl(String what, int ttl) {
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException(what + " out of range 0..255: " + ttl);
        }
    }
}
