package io.javakeepalived.testsupport.netns;

import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Real servers for the checker tests: a TCP listener on a lab node's address, in its namespace,
 * that handles each connection on a daemon thread and closes it. Closing the returned socket
 * stops it (a later connect is refused).
 */
public final class LabServers {
    private LabServers() {
    }

    /** What the server does with one accepted connection before closing it. */
    @FunctionalInterface
    public interface Handler {
        void serve(Socket connection) throws IOException;
    }

    /** Accepts and closes at once: enough for a TCP_CHECK. */
    public static final Handler ACCEPT_AND_CLOSE = c -> c.getInputStream().available();

    public static ServerSocket listen(NetnsLab lab, Node node, int port, Handler handler) throws IOException {
        ServerSocket s = lab.call(node, () -> {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getByName(node.ipv4()), port), 100);
            return ss;
        });
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                    handler.serve(c);
                } catch (IOException e) {
                    if (s.isClosed()) {
                        return;
                    }
                }
            }
        }, node.name() + "-server-" + port);
        t.setDaemon(true);
        t.start();
        return s;
    }
}
