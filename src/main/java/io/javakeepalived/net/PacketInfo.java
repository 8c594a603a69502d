package io.javakeepalived.net;

import io.javakeepalived.util.AddressText;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The holder behind {@link ReceivedPacketInfo}: one per socket, refilled by every receive, so the
 * receive path allocates nothing; the {@link InetAddress} getters allocate only when the address
 * changed since the previous packet.
 */
final class PacketInfo implements ReceivedPacketInfo {
    boolean ipv6;
    final byte[] source = new byte[16];
    final byte[] destination = new byte[16];
    int ttl;
    int ifindex;
    int length;
    int receivedLength;
    int ipHeaderLength;
    int ipTotalLength;
    private InetAddress cachedSource;
    private final byte[] cachedSourceRaw = new byte[16];
    private InetAddress cachedDestination;
    private final byte[] cachedDestinationRaw = new byte[16];

    @Override
    public boolean isIpv6() {
        return ipv6;
    }

    /** TTL (IPv4, from the IP header) or hop limit (IPv6, from IPV6_HOPLIMIT); -1 if the kernel gave none. */
    @Override
    public int ttl() {
        return ttl;
    }

    /** Arrival interface from IPV6_PKTINFO; 0 for IPv4 (the socket is bound to one interface). */
    @Override
    public int interfaceIndex() {
        return ifindex;
    }

    /** Bytes placed in the caller's buffer. */
    @Override
    public int length() {
        return length;
    }

    /** True when the packet was longer than the buffer (keepalived logs and skips such packets). */
    @Override
    public boolean truncated() {
        return receivedLength > length;
    }

    /** The packet's real length as the kernel reported it. */
    @Override
    public int receivedLength() {
        return receivedLength;
    }

    /** IPv4: IHL × 4, the offset of the VRRP (or AH) header in the buffer; 0 for IPv6. */
    @Override
    public int ipHeaderLength() {
        return ipHeaderLength;
    }

    /** IPv4: the header's total length field (keepalived checks it against the received length); 0 for IPv6. */
    @Override
    public int ipTotalLength() {
        return ipTotalLength;
    }

    @Override
    public InetAddress source() {
        cachedSource = materialize(source, cachedSource, cachedSourceRaw);
        return cachedSource;
    }

    @Override
    public InetAddress destination() {
        cachedDestination = materialize(destination, cachedDestination, cachedDestinationRaw);
        return cachedDestination;
    }

    @Override
    public boolean isMulticastDestination() {
        return ipv6 ? (destination[0] & 0xff) == 0xff : (destination[0] & 0xf0) == 0xe0;
    }

    private InetAddress materialize(byte[] raw, InetAddress cached, byte[] cachedRaw) {
        int n = ipv6 ? 16 : 4;
        boolean cachedV6 = cached instanceof java.net.Inet6Address;
        if (cached != null && cachedV6 == ipv6 && Arrays.equals(cachedRaw, 0, n, raw, 0, n)) {
            return cached;
        }
        System.arraycopy(raw, 0, cachedRaw, 0, n);
        try {
            return InetAddress.getByAddress(Arrays.copyOf(raw, n));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "PacketInfo[" + AddressText.ntop(source()) + " > " + AddressText.ntop(destination())
                + " ttl " + ttl + " len " + receivedLength + "]";
    }
}
