package io.javakeepalived.vrrp.packet;

/**
 * Outcome of {@link VrrpCodec#parseIpv4}/{@link VrrpCodec#parseIpv6}: the raw packet view, or a
 * {@link Rejection} ({@link RejectReason#RUNT} / {@link RejectReason#BAD_IP_HEADER}) when there
 * is not even a VRRP header to look at.
 */
public sealed interface ParseResult permits ReceivedPacket, Rejection {
}
