package io.javakeepalived.vrrp.packet;

import java.net.InetAddress;

/**
 * What the IP layer said about a received advert.
 *
 * @param family      IPv4 or IPv6
 * @param source      IP source address (keepalived's {@code pkt_saddr}; master election compares it)
 * @param destination IP destination; null for IPv6 if the caller had no IPV6_PKTINFO
 * @param ttl         IPv4 TTL or IPv6 hop limit, -1 if unknown (no IPV6_HOPLIMIT cmsg)
 * @param multicast   destination is a multicast address (false if unknown)
 */
public record ReceiveMeta(IpFamily family, InetAddress source, InetAddress destination, int ttl, boolean multicast) {
}
