package io.javakeepalived.check.probe.socket;

import io.javakeepalived.config.model.Checker;
import io.javakeepalived.util.AddressText;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelectableChannel;

/**
 * Channels for one attempt, opened as keepalived's layer4.c opens its sockets: bound to
 * {@code bindto}/{@code bind_port} when given, then connected to {@code connect_ip:connect_port}.
 *
 * <p>{@code bind_if} (SO_BINDTODEVICE) and {@code fwmark} (SO_MARK) have no java.nio option and
 * are not applied to these channels (PING_CHECK's bind_if is: it goes through the ICMP port).
 */
public final class ProbeSockets {

    private ProbeSockets() {
    }

    /** A non-blocking TCP channel whose connect has been started (finish it on OP_CONNECT). */
    public static SocketChannel startTcp(Checker.Connection c) throws IOException {
        return connected(SocketChannel.open(family(c.connectIp())), c, SocketChannel::connect);
    }

    /**
     * A non-blocking, connected UDP channel: the kernel then hands it only the target's datagrams,
     * and an ICMP port unreachable shows as {@link java.net.PortUnreachableException} on read.
     */
    public static DatagramChannel connectUdp(Checker.Connection c) throws IOException {
        return connected(DatagramChannel.open(family(c.connectIp())), c, DatagramChannel::connect);
    }

    private interface Connect<C> {
        void to(C channel, InetSocketAddress target) throws IOException;
    }

    private static <C extends AbstractSelectableChannel & NetworkChannel> C connected(C ch, Checker.Connection c,
                                                                                      Connect<C> connect)
            throws IOException {
        try {
            ch.configureBlocking(false);
            bind(c, ch);
            connect.to(ch, new InetSocketAddress(c.connectIp(), c.connectPort()));
            return ch;
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** keepalived's {@code inet_sockaddrtopair}: "[10.0.0.2]:25", "[fd00::2]:25". */
    public static String pair(Checker.Connection c) {
        return "[" + AddressText.ntop(c.connectIp()) + "]:" + c.connectPort();
    }

    public static void closeQuietly(Channel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing a socket we give up on: nothing left to report
        }
    }

    private static void bind(Checker.Connection c, NetworkChannel ch) throws IOException {
        if (c.bindTo().isPresent() || c.bindPort() != 0) {
            InetAddress local = c.bindTo().orElse(null);
            ch.bind(local == null ? new InetSocketAddress(c.bindPort()) : new InetSocketAddress(local, c.bindPort()));
        }
    }

    private static StandardProtocolFamily family(InetAddress a) {
        return a instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }
}
