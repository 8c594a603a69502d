package io.javakeepalived.testsupport.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A real server for probe tests: a listening socket (opened in whatever network namespace the
 * constructing thread is in) and a daemon thread that runs {@link Conversation} for each client.
 * What clients sent, line by line, is kept for the test to look at.
 */
public final class TcpPeer implements AutoCloseable {

    /** What the server does with one accepted client. */
    @FunctionalInterface
    public interface Conversation {
        void talk(Socket client, TcpPeer peer) throws IOException;
    }

    private final ServerSocket server;
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    public TcpPeer(InetAddress address, Conversation conversation) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(address, 0));
        thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    conversation.talk(s, this);
                } catch (IOException e) {
                    // the client went away or the test closed us: next client
                }
            }
        }, "tcp-peer");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Lines the clients sent, without their CRLF. */
    public List<String> heard() {
        synchronized (heard) {
            return List.copyOf(heard);
        }
    }

    /** Reads one line from the client (up to LF), records and returns it; null at EOF. */
    public String readLine(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.append((char) c);
        }
        if (c < 0 && b.length() == 0) {
            return null;
        }
        String line = b.toString().replace("\r", "");
        heard.add(line);
        return line;
    }

    public static void send(Socket client, String text) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Holds the client open without a word until it goes away. */
    public static void silence(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        while (in.read() >= 0) {
            // discard
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
