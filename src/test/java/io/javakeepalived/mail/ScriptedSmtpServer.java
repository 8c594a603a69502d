package io.javakeepalived.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A one-connection SMTP peer on loopback for the dialogue tests: it sends {@code greeting}, then
 * answers each command line with {@code reply.apply(line)} (null = say nothing), takes a DATA
 * payload up to its lone dot and answers it with {@code reply.apply("<data>")}. It records what it
 * received, commands and payload alike, exactly as sent.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    private final List<String> received = new ArrayList<>();
    private volatile String data = "";

    ScriptedSmtpServer(String greeting, Function<String, String> reply) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(greeting, reply), "smtp-peer");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    synchronized List<String> received() {
        return List.copyOf(received);
    }

    String data() {
        return data;
    }

    private void serve(String greeting, Function<String, String> reply) {
        try (Socket s = server.accept()) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            send(out, greeting);
            StringBuilder payload = null;
            int c;
            StringBuilder line = new StringBuilder();
            while ((c = in.read()) >= 0) {
                line.append((char) c);
                if (c != '\n') {
                    continue;
                }
                String l = line.toString();
                line.setLength(0);
                if (payload != null) {
                    payload.append(l);
                    if (l.equals(".\r\n")) {
                        data = payload.toString();
                        payload = null;
                        send(out, reply.apply("<data>"));
                    }
                    continue;
                }
                synchronized (this) {
                    received.add(l);
                }
                String r = reply.apply(l.strip());
                send(out, r);
                if (l.startsWith("DATA") && r != null && r.startsWith("354")) {
                    payload = new StringBuilder();
                }
            }
        } catch (IOException e) {
            // the client went away: the test looks at what was received
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        if (text != null) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
