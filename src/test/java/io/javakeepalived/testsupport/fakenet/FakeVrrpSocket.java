package io.javakeepalived.testsupport.fakenet;

import io.javakeepalived.net.ReceivedPacketInfo;
import io.javakeepalived.net.VrrpSocket;
import io.javakeepalived.net.VrrpSocketOptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A VRRP socket in memory: what the daemon sends goes to a {@link SentDatagram} consumer (a
 * simulated wire); nothing is ever queued for reading, whoever drives the test hands received
 * packets to the socket's demultiplexer itself.
 */
public final class FakeVrrpSocket implements VrrpSocket {
    private final VrrpSocketOptions options;
    private final int fd;
    private final Consumer<SentDatagram> wire;
    private boolean closed;

    public FakeVrrpSocket(VrrpSocketOptions options, int fd, Consumer<SentDatagram> wire) {
        this.options = options;
        this.fd = fd;
        this.wire = wire;
    }

    @Override
    public int fd() {
        return fd;
    }

    @Override
    public boolean isIpv6() {
        return options.ipv6();
    }

    @Override
    public String interfaceName() {
        return options.interfaceName();
    }

    @Override
    public int interfaceIndex() {
        return 0;
    }

    @Override
    public void send(ByteBuffer vrrp, InetAddress source, InetAddress destination, int ttl) throws IOException {
        requireOpen();
        wire.accept(new SentDatagram(options, remaining(vrrp), source, destination, ttl));
    }

    @Override
    public void sendIpv4Datagram(ByteBuffer datagram) throws IOException {
        requireOpen();
        byte[] b = remaining(datagram);
        wire.accept(new SentDatagram(options, b, ipv4(b, 12), ipv4(b, 16), b[8] & 0xff));
    }

    /** The simulation hands packets to the demultiplexers itself; nothing is ever queued here. */
    @Override
    public ReceivedPacketInfo receive(ByteBuffer into) {
        return null;
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "fake " + options;
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("socket closed");
        }
    }

    private static byte[] remaining(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static InetAddress ipv4(byte[] header, int at) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(header, at, at + 4));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // 4 bytes are always an address
        }
    }
}
