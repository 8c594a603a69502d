package io.javakeepalived.testsupport.fakenet;

import io.javakeepalived.net.ReceivedPacketInfo;
import io.javakeepalived.net.VrrpSocket;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/** A VRRP socket that hands everything to another one: tests override what they fake (reads, sends). */
public class DelegatingVrrpSocket implements VrrpSocket {
    private final VrrpSocket real;

    public DelegatingVrrpSocket(VrrpSocket real) {
        this.real = real;
    }

    @Override
    public int fd() {
        return real.fd();
    }

    @Override
    public boolean isIpv6() {
        return real.isIpv6();
    }

    @Override
    public String interfaceName() {
        return real.interfaceName();
    }

    @Override
    public int interfaceIndex() {
        return real.interfaceIndex();
    }

    @Override
    public void send(ByteBuffer vrrp, InetAddress source, InetAddress destination, int ttl) throws IOException {
        real.send(vrrp, source, destination, ttl);
    }

    @Override
    public void sendIpv4Datagram(ByteBuffer datagram) throws IOException {
        real.sendIpv4Datagram(datagram);
    }

    @Override
    public ReceivedPacketInfo receive(ByteBuffer into) throws IOException {
        return real.receive(into);
    }

    @Override
    public void close() {
        real.close();
    }
}
