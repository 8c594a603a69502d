package io.javakeepalived.daemon;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped jar's HTTP_GET against a real web server in another namespace whose status the
 * test turns from 200 to 503 and back: keepalived's lines, its timing and the notify scripts.
 */
class LvsHttpCheckerIT {
    @TempDir
    Path dir;

    private DaemonLab dl;
    private Node director;
    private Node real;
    private ServerSocket web;
    /** What the web server answers: its status line. */
    private volatile String status = "HTTP/1.0 200 OK";

    @BeforeEach
    void setUp() throws Exception {
        NetnsLab.requireRoot();
        dl = DaemonLab.create(dir, "director", "real");
        director = dl.node("director");
        real = dl.node("real");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (web != null) {
            web.close();
        }
        if (dl != null) {
            dl.close();
        }
    }

    /** A web server on the real server's address that reads a request head and answers {@link #status}. */
    private void serveHttp(int port) throws Exception {
        web = dl.lab().call(real, () -> {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getByName(real.ipv4()), port), 100);
            return ss;
        });
        Thread t = new Thread(() -> {
            while (!web.isClosed()) {
                try (Socket c = web.accept()) {
                    readHead(c.getInputStream());
                    OutputStream out = c.getOutputStream();
                    out.write((status + "\r\nContent-Length: 2\r\n\r\nok").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    if (web.isClosed()) {
                        return;
                    }
                }
            }
        }, "web-" + port);
        t.setDaemon(true);
        t.start();
    }

    private static void readHead(InputStream in) throws IOException {
        int state = 0;
        for (int b; state < 4 && (b = in.read()) >= 0; ) {
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
    }

    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            return List.of("unreadable: " + e);
        }
    }

    @Test
    void aWebServerAnswering503GoesDownAfterItsRetriesAndComesBackOn200() throws Exception {
        Path notes = dir.resolve("notify.log");
        Path recorder = script("notify.sh", "echo \"$*\" >> " + notes);
        serveHttp(8080);
        String rs = "[" + real.ipv4() + "]:tcp:8080";
        String vs = "[10.213.0.100]:tcp:80";
        Daemon d = dl.start(director, "global_defs {\n    script_user root\n    enable_script_security\n}\n"
                + "virtual_server 10.213.0.100 80 {\n    protocol TCP\n    lb_algo rr\n    lb_kind NAT\n"
                + "    delay_loop 1\n"
                + "    real_server " + real.ipv4() + " 8080 {\n"
                + "        notify_up \"" + recorder + " up\"\n"
                + "        notify_down \"" + recorder + " down\"\n"
                + "        HTTP_GET {\n            url {\n                path /health\n                status_code 200\n"
                + "            }\n            connect_timeout 1\n            retry 2\n            delay_before_retry 1\n"
                + "            log_all_failures\n        }\n    }\n}\n");
        d.awaitLogged("Remote Web server " + rs + " succeed on service.", 15_000);
        assertEquals(0, d.linesContaining("is not implemented").size(), "HTTP_GET runs");

        status = "HTTP/1.0 503 Service Unavailable";
        long t0 = System.nanoTime();
        d.awaitLogged("HTTP_CHECK on service " + rs + " failed after 2 retries.", 10_000);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        // the first failure within a delay_loop, then retry 2 × delay_before_retry 1 s
        assertTrue(ms >= 1_900 && ms < 4_500, "down " + ms + " ms after the server turned 503");
        assertEquals(3, d.count("HTTP status code error to server " + rs + "."),
                "log_all_failures: the first failure and both retries");
        d.awaitLogged("Removing service " + rs + " from VS " + vs, 1_000);
        DaemonLab.await("notify_down", 5_000, () -> lines(notes).size() == 1, d);

        status = "HTTP/1.0 200 OK";
        d.awaitLogged("HTTP status code success to " + rs + " url(/health)", 5_000);
        d.awaitLogged("Adding service " + rs + " to VS " + vs, 1_000);
        DaemonLab.await("notify_up", 5_000, () -> lines(notes).size() == 2, d);
        assertEquals(List.of("down", "up"), lines(notes));
        assertEquals(2, d.count("Remote Web server " + rs + " succeed on service."));
        assertEquals(3, d.count("HTTP status code error to server " + rs + "."), "down, failures are not logged");
    }
}
