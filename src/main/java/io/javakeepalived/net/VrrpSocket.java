package io.javakeepalived.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * One VRRP endpoint: an (interface, family, multicast group or unicast address) pair, able to send
 * adverts and to receive them. The daemon's event loop owns it; it is not thread-safe. The real
 * implementation is {@link RawVrrpSocket}; tests substitute their own.
 *
 * <p>Receiving is non-blocking: poll {@link #fd()} for input, then call {@link #receive} until it
 * returns {@code false}.
 */
public interface VrrpSocket extends Closeable {
    /** IANA protocol number of VRRP. */
    int IPPROTO_VRRP = 112;
    /** IPsec AH, used by VRRPv2 {@code auth_type AH}. */
    int IPPROTO_AH = 51;

    /** The receive descriptor, to poll for input. */
    int fd();

    boolean isIpv6();

    /** Name of the interface this socket is bound to. */
    String interfaceName();

    int interfaceIndex();

    /**
     * Sends one VRRP message: the bytes from {@code vrrp}'s position to its limit (the position is
     * not moved). IPv4: an IP header is put in front (TOS 0xc0, TTL {@code ttl}, the socket's next
     * identification, no DF, header checksum, {@code source} as source). IPv6: {@code source}
     * goes in IPV6_PKTINFO and must be an address of this host (usually the link-local one), hop
     * limit {@code ttl}, traffic class 0xc0; the kernel fills in the VRRP checksum at offset 6.
     *
     * @param ttl 255 for multicast; unicast_ttl for unicast
     */
    void send(ByteBuffer vrrp, InetAddress source, InetAddress destination, int ttl) throws IOException;

    /**
     * IPv4 only: sends a datagram whose IP header the caller built (e.g. with AH). The destination
     * is read from the header; the kernel recomputes the header checksum and total length.
     */
    void sendIpv4Datagram(ByteBuffer datagram) throws IOException;

    /**
     * Receives one packet if one is queued. The buffer is cleared and filled from index 0, then
     * flipped: IPv4 gives the whole datagram starting with its IP header; IPv6 gives the VRRP
     * message (raw IPv6 sockets never see the IPv6 header). Source, destination and TTL/hop
     * limit are in the returned view, which the socket refills on its next receive.
     *
     * @return null when nothing is queued (EAGAIN)
     */
    ReceivedPacketInfo receive(ByteBuffer into) throws IOException;

    @Override
    void close();
}
