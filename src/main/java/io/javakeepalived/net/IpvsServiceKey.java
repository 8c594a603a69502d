package io.javakeepalived.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * What names an IPVS service to the kernel: protocol, address and port, or a firewall mark of one
 * address family. A fwmark service carries no protocol, address or port here (the kernel
 * ignores them for it), so a key decoded from a dump equals the key it was added with.
 *
 * @param protocol IPPROTO_TCP (6), IPPROTO_UDP (17) or IPPROTO_SCTP (132); 0 for a fwmark service
 */
public record IpvsServiceKey(boolean ipv6, int protocol, InetAddress address, int port, long fwmark) {
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int SCTP = 132;

    public IpvsServiceKey {
        if (fwmark == 0) {
            Objects.requireNonNull(address, "address");
            if ((address instanceof Inet6Address) != ipv6) {
                throw new IllegalArgumentException("address " + address + " is not of the service's family");
            }
        } else {
            protocol = 0;
            address = null;
            port = 0;
        }
    }

    public static IpvsServiceKey of(int protocol, InetAddress address, int port) {
        return new IpvsServiceKey(address instanceof Inet6Address, protocol, address, port, 0);
    }

    public static IpvsServiceKey fwmark(long mark, boolean ipv6) {
        return new IpvsServiceKey(ipv6, 0, null, 0, mark);
    }

    public boolean isFwmark() {
        return fwmark != 0;
    }

    /** As keepalived names a service in its IPVS error lines: {@code 10.0.0.1:tcp:80}, {@code Fwm 1 inet6}. */
    public String describe() {
        if (isFwmark()) {
            return "Fwm " + fwmark + (ipv6 ? " inet6" : "");
        }
        String p = switch (protocol) {
            case TCP -> "tcp";
            case UDP -> "udp";
            case SCTP -> "sctp";
            default -> Integer.toString(protocol);
        };
        return address.getHostAddress() + ":" + p + ":" + port;
    }
}
