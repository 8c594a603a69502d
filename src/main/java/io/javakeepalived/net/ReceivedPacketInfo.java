package io.javakeepalived.net;

import java.net.InetAddress;

/**
 * What {@link VrrpSocket#receive} learnt about one packet besides its bytes. The socket owns the
 * object and refills it on every receive: read it before the next one.
 */
public interface ReceivedPacketInfo {

    boolean isIpv6();

    /** TTL (IPv4, from the IP header) or hop limit (IPv6, from IPV6_HOPLIMIT); -1 if the kernel gave none. */
    int ttl();

    /** Arrival interface from IPV6_PKTINFO; 0 for IPv4 (the socket is bound to one interface). */
    int interfaceIndex();

    /** Bytes placed in the caller's buffer. */
    int length();

    /** True when the packet was longer than the buffer (keepalived logs and skips such packets). */
    boolean truncated();

    /** The packet's real length as the kernel reported it. */
    int receivedLength();

    /** IPv4: IHL × 4, the offset of the VRRP (or AH) header in the buffer; 0 for IPv6. */
    int ipHeaderLength();

    /** IPv4: the header's total length field (keepalived checks it against the received length); 0 for IPv6. */
    int ipTotalLength();

    InetAddress source();

    InetAddress destination();

    boolean isMulticastDestination();
}
