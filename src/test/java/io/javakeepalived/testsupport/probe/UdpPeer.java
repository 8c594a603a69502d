package io.javakeepalived.testsupport.probe;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A UDP real server for probe tests (a DNS responder, an echo, a hostile one): a socket opened in
 * the constructing thread's network namespace and a daemon thread that answers each datagram
 * with what {@link Responder} returns. Requests are kept for the test to look at.
 */
public final class UdpPeer implements AutoCloseable {

    /** The datagrams to send back for one request (none: stay silent). */
    @FunctionalInterface
    public interface Responder {
        List<byte[]> answer(byte[] request);
    }

    private final DatagramSocket socket;
    private final List<byte[]> heard = Collections.synchronizedList(new ArrayList<>());

    public UdpPeer(InetAddress address, Responder responder) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(address, 0));
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65536];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    byte[] request = Arrays.copyOf(p.getData(), p.getLength());
                    heard.add(request);
                    for (byte[] reply : responder.answer(request)) {
                        socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                    }
                } catch (IOException e) {
                    // closed by the test, or one bad send: keep serving until closed
                }
            }
        }, "udp-peer");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<byte[]> heard() {
        synchronized (heard) {
            return List.copyOf(heard);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
