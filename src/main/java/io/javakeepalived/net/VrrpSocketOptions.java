package io.javakeepalived.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * How to open a {@link RawVrrpSocket}.
 *
 * @param interfaceName the interface adverts go out of (and, for multicast, come in on)
 * @param ipv6 address family
 * @param multicastGroup group to join and send to (224.0.0.18 / ff02::12 normally); null for unicast
 * @param unicastLocal for unicast: the local address the receive side binds to (unicast_src_ip); null for multicast
 * @param protocol 112, or 51 for VRRPv2 with AH
 * @param receiveBufferSize SO_RCVBUF of the receive side, 0 for the system default
 */
public record VrrpSocketOptions(String interfaceName, boolean ipv6, InetAddress multicastGroup,
                                InetAddress unicastLocal, int protocol, int receiveBufferSize) {
    public static final InetAddress VRRP_GROUP_V4 = literal(new byte[] {(byte) 224, 0, 0, 18});
    public static final InetAddress VRRP_GROUP_V6 = literal(new byte[] {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12});

    public VrrpSocketOptions {
        NetInterfaces.checkName(interfaceName);
        if ((multicastGroup == null) == (unicastLocal == null)) {
            throw new IllegalArgumentException("give exactly one of multicastGroup and unicastLocal");
        }
        InetAddress a = multicastGroup != null ? multicastGroup : unicastLocal;
        if ((a instanceof Inet6Address) != ipv6) {
            throw new IllegalArgumentException(a + " is not an " + (ipv6 ? "IPv6" : "IPv4") + " address");
        }
        if (multicastGroup != null && !multicastGroup.isMulticastAddress()) {
            throw new IllegalArgumentException(multicastGroup + " is not a multicast group");
        }
        if (protocol <= 0 || protocol > 255) {
            throw new IllegalArgumentException("protocol " + protocol);
        }
    }

    /** Multicast on {@code ifname} with the standard VRRP group of the family. */
    public static VrrpSocketOptions multicast(String ifname, boolean ipv6) {
        return multicast(ifname, ipv6 ? VRRP_GROUP_V6 : VRRP_GROUP_V4);
    }

    /** Multicast on {@code ifname} with a configured group (vrrp_mcast_group4/6). */
    public static VrrpSocketOptions multicast(String ifname, InetAddress group) {
        Objects.requireNonNull(group);
        return new VrrpSocketOptions(ifname, group instanceof Inet6Address, group, null, VrrpSocket.IPPROTO_VRRP, 0);
    }

    /** Unicast on {@code ifname}, receiving adverts addressed to {@code local}. */
    public static VrrpSocketOptions unicast(String ifname, InetAddress local) {
        Objects.requireNonNull(local);
        return new VrrpSocketOptions(ifname, local instanceof Inet6Address, null, local, VrrpSocket.IPPROTO_VRRP, 0);
    }

    public VrrpSocketOptions withProtocol(int p) {
        return new VrrpSocketOptions(interfaceName, ipv6, multicastGroup, unicastLocal, p, receiveBufferSize);
    }

    public VrrpSocketOptions withReceiveBufferSize(int bytes) {
        return new VrrpSocketOptions(interfaceName, ipv6, multicastGroup, unicastLocal, protocol, bytes);
    }

    public boolean isMulticast() {
        return multicastGroup != null;
    }

    private static InetAddress literal(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
