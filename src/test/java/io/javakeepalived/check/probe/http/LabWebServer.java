package io.javakeepalived.check.probe.http;

import io.javakeepalived.testsupport.netns.NetnsLab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A real server for the probe tests: a listening socket made inside a lab node's namespace,
 * served by plain threads of the test JVM, one per connection, each running the test's handler.
 * It records the request heads and the SNI names it was sent.
 */
final class LabWebServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    interface Handler {
        void serve(Socket socket, LabWebServer server) throws Exception;
    }

    private final ServerSocket listener;
    private final Handler handler;
    private final List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> sniNames = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;

    private LabWebServer(ServerSocket listener, Handler handler) {
        this.listener = listener;
        this.handler = handler;
        this.acceptor = new Thread(this::acceptLoop, "lab-web-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static LabWebServer plain(NetnsLab lab, NetnsLab.Node node, int port, Handler handler) throws IOException {
        return new LabWebServer(lab.call(node, () -> bound(new ServerSocket(), node.ipv4(), port)), handler);
    }

    static LabWebServer plainIpv6(NetnsLab lab, NetnsLab.Node node, int port, Handler handler) throws IOException {
        return new LabWebServer(lab.call(node, () -> bound(new ServerSocket(), node.ipv6(), port)), handler);
    }

    static LabWebServer tls(NetnsLab lab, NetnsLab.Node node, int port, SSLContext context, Handler handler)
            throws IOException {
        return new LabWebServer(lab.call(node, () -> bound(context.getServerSocketFactory().createServerSocket(),
                node.ipv4(), port)), handler);
    }

    private static ServerSocket bound(ServerSocket s, String address, int port) throws IOException {
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(address, port));
        return s;
    }

    /** Request heads received, in order. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** SNI host names received (one entry per TLS connection, "" when none was sent). */
    List<String> sniNames() {
        synchronized (sniNames) {
            return List.copyOf(sniNames);
        }
    }

    int connections() {
        return accepted.size();
    }

    /** Reads the request head (to the empty line, at most 8 KiB) and records it. */
    String readRequest(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (head.size() < 8192) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                break;
            }
        }
        if (s instanceof SSLSocket tls) {
            List<SNIServerName> names = ((ExtendedSSLSession) tls.getSession()).getRequestedServerNames();
            sniNames.add(names.isEmpty() ? "" : ((SNIHostName) names.get(0)).getAsciiName());
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        requests.add(text);
        return text;
    }

    /** A handler that reads the request and answers {@code statusLine} with {@code body}, then closes. */
    static Handler answering(String statusLine, String body) {
        return (s, server) -> {
            server.readRequest(s);
            OutputStream out = s.getOutputStream();
            out.write((statusLine + "\r\nContent-Type: text/html\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.close();
        };
    }

    /** Blocks the handler's thread until the peer closes (or the server is closed). */
    static void waitForClose(Socket s) {
        try {
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // discard
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            accepted.add(s);
            Thread t = new Thread(() -> {
                try {
                    handler.serve(s, this);
                } catch (Exception e) {
                    // the client went away: what the hostile handlers expect
                } finally {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "lab-web-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (accepted) {
            for (Socket s : accepted) {
                s.close();
            }
        }
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
