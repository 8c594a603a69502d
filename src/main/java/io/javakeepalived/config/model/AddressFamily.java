package io.javakeepalived.config.model;

import java.net.Inet6Address;
import java.net.InetAddress;

/** IPv4 or IPv6, as keepalived's AF_INET / AF_INET6. */
public enum AddressFamily {
    IPV4, IPV6;

    public static AddressFamily of(InetAddress address) {
        return address instanceof Inet6Address ? IPV6 : IPV4;
    }

    /** Host prefix length of the family: 32 or 128. */
    public int maxPrefix() {
        return this == IPV4 ? 32 : 128;
    }
}
