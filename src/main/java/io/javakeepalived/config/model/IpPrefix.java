package io.javakeepalived.config.model;

import java.net.InetAddress;
import java.util.Objects;

/** An address with a prefix length ({@code 10.0.0.0/24}); a bare address has the host length. */
public record IpPrefix(InetAddress address, int prefixLength) {
    public IpPrefix {
        Objects.requireNonNull(address, "address");
    }

    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    @Override
    public String toString() {
        return Text.address(address) + "/" + prefixLength;
    }
}
