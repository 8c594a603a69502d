package io.javakeepalived.vrrp.packet;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Address family of a VRRP instance; fixes the size of each address in an advert. */
public enum IpFamily {
    IPV4(4),
    IPV6(16);

    private final int addressLength;

    IpFamily(int addressLength) {
        this.addressLength = addressLength;
    }

    /** Bytes per address on the wire: 4 or 16. */
    public int addressLength() {
        return addressLength;
    }

    /** True if {@code address} belongs to this family (an IPv4-mapped Inet6Address is IPv6). */
    public boolean matches(InetAddress address) {
        return this == IPV4 ? address instanceof Inet4Address : address instanceof Inet6Address;
    }

    public static IpFamily of(InetAddress address) {
        return address instanceof Inet4Address ? IPV4 : IPV6;
    }
}
