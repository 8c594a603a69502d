package io.javakeepalived.testsupport.fakenet;

import io.javakeepalived.net.VrrpSocketOptions;

import java.net.InetAddress;

/**
 * What a {@link FakeVrrpSocket} was asked to send: a whole IPv4 datagram (header included,
 * {@code source}/{@code destination} read from it) or an IPv6 VRRP payload with the addresses
 * and hop limit the kernel would put around it.
 *
 * @param from the options the sending socket was opened with (interface, family, unicast or not)
 */
public record SentDatagram(VrrpSocketOptions from, byte[] bytes, InetAddress source, InetAddress destination,
                           int hopLimit) {
}
