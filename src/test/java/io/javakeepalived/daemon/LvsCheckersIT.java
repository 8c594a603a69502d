package io.javakeepalived.daemon;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.LabServers;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped jar's LVS health checkers against real servers in another namespace (TCP listeners,
 * a web server, scripts): what an operator sees in the log and what notify_up / notify_down and
 * the MISC_CHECK script are given.
 */
class LvsCheckersIT {
    @TempDir
    Path dir;

    private DaemonLab dl;
    private Node director;
    private Node real;
    private final List<ServerSocket> listeners = new ArrayList<>();
    /** What {@link #serveHttp} answers: its status line. */
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
        for (ServerSocket s : listeners) {
            s.close();
        }
        if (dl != null) {
            dl.close();
        }
    }

    /** An executable script in the temp dir. */
    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** A TCP listener on the real server's address (in its namespace) that accepts and closes. */
    private ServerSocket listen(int port) throws Exception {
        ServerSocket s = LabServers.listen(dl.lab(), real, port, LabServers.ACCEPT_AND_CLOSE);
        listeners.add(s);
        return s;
    }

    /** A web server on the real server's address that reads a request head and answers {@code status}. */
    private void serveHttp(int port, Supplier<String> status) throws Exception {
        listeners.add(LabServers.listen(dl.lab(), real, port, c -> {
            InputStream in = c.getInputStream();
            for (int b, state = 0; state < 4 && (b = in.read()) >= 0; ) {
                state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
            }
            OutputStream out = c.getOutputStream();
            out.write((status.get() + "\r\nContent-Length: 2\r\n\r\nok").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }));
    }

    private static String global() {
        return "global_defs {\n    script_user root\n    enable_script_security\n}\n";
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            return List.of("unreadable: " + e);
        }
    }

    @Test
    void aTcpServerGoesDownAfterItsRetriesAndComesBackWithItsNotifyScripts() throws Exception {
        Path notes = dir.resolve("notify.log");
        Path recorder = script("notify.sh", "echo \"$*\" >> " + notes);
        ServerSocket server = listen(8080);
        String rs = "[" + real.ipv4() + "]:tcp:8080";
        String vs = "[10.213.0.100]:tcp:80";
        Daemon d = dl.start(director, global() + "virtual_server 10.213.0.100 80 {\n    protocol TCP\n"
                + "    lb_algo rr\n    lb_kind NAT\n    delay_loop 1\n"
                + "    real_server " + real.ipv4() + " 8080 {\n"
                + "        notify_up \"" + recorder + " up " + real.ipv4() + "\"\n"
                + "        notify_down \"" + recorder + " down " + real.ipv4() + "\"\n"
                + "        TCP_CHECK {\n            connect_timeout 1\n            retry 2\n"
                + "            delay_before_retry 1\n        }\n    }\n}\n");
        d.awaitLogged("TCP connection to " + rs + " success.", 15_000);
        assertEquals(List.of(), lines(notes), "no notify for a server that starts up (no rs_init_notifies)");

        server.close();
        long t0 = System.nanoTime();
        d.awaitLogged("TCP_CHECK on service " + rs + " failed after 2 retries.", 10_000);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        // the first failure comes within a delay_loop, then retry 2 × delay_before_retry 1 s
        assertTrue(ms >= 1_900 && ms < 4_500, "down " + ms + " ms after the server closed");
        d.awaitLogged("Removing service " + rs + " from VS " + vs, 1_000);
        DaemonLab.await("notify_down", 5_000, () -> lines(notes).size() == 1, d);
        assertEquals(List.of("down " + real.ipv4()), lines(notes));

        listen(8080);
        d.awaitLogged("Adding service " + rs + " to VS " + vs, 5_000);
        DaemonLab.await("notify_up", 5_000, () -> lines(notes).size() == 2, d);
        assertEquals(List.of("down " + real.ipv4(), "up " + real.ipv4()), lines(notes), "in order, with their arguments");
        assertEquals(2, d.count("TCP connection to " + rs + " success."));

        d.signal("USR1");
        Path data = d.tmpdir().resolve("keepalived_check.data");
        DaemonLab.await("keepalived_check.data", 5_000, () -> Files.exists(data), d);
        DaemonLab.await("keepalived_check.data written", 5_000, () -> lines(data).size() > 5, d);
        List<String> dump = lines(data);
        // keepalived's order: the LVS topology, then the checkers
        assertEquals("------< LVS Topology >------", dump.get(0));
        assertTrue(dump.contains("   RIP = " + real.ipv4() + ", RPORT = 8080, WEIGHT = 1 EFF WEIGHT = 1"), dump.toString());
        int checkers = dump.indexOf("------< Health checkers >------");
        assertTrue(checkers > dump.indexOf("   alive = 1"), dump.toString());
        assertEquals(" " + vs + " -> " + rs, dump.get(checkers + 1));
        assertTrue(dump.contains("   Up = yes"), dump.toString());
        assertTrue(dump.contains("   Retries = 2"), dump.toString());
        assertTrue(dump.contains("     Dest = [" + real.ipv4() + "]:8080"), dump.toString());
        assertTrue(dump.contains("   Keepalive method = TCP_CHECK"), dump.toString());
    }

    @Test
    void aReloadKeepsTheRealServersThatStayAndChecksTheNewOnes() throws Exception {
        listen(8080);
        String kept = "[" + real.ipv4() + "]:tcp:8080";
        String added = "[" + real.ipv4() + "]:tcp:8081";
        String head = global() + "virtual_server 10.213.0.100 80 {\n    protocol TCP\n    delay_loop 1\n";
        String rs8080 = "    real_server " + real.ipv4() + " 8080 {\n        TCP_CHECK {\n            retry 0\n"
                + "        }\n    }\n";
        String rs8081 = rs8080.replace("8080", "8081");
        Daemon d = dl.start(director, head + rs8080 + "}\n");
        d.awaitLogged("TCP connection to " + kept + " success.", 15_000);

        Files.writeString(dir.resolve("director.conf"), head + rs8080 + rs8081 + "}\n");
        d.signal("HUP");
        d.awaitLogged("TCP_CHECK on service " + added + " failed.", 10_000);
        d.awaitLogged("Removing service " + added + " from VS [10.213.0.100]:tcp:80", 5_000);
        NetnsLab.sleep(1_500);
        assertEquals(1, d.count("TCP connection to " + kept + " success."), "the kept server did not start over");
        assertEquals(0, d.linesContaining("Removing service " + kept).size());
    }

    @Test
    void aReloadThatAddsTheFirstPingCheckRunsIt() throws Exception {
        // the daemon opens its ICMP echo port only when something pings: here the reload does
        listen(8080);
        String head = global() + "virtual_server 10.213.0.100 80 {\n    protocol TCP\n    delay_loop 1\n"
                + "    real_server " + real.ipv4() + " 8080 {\n        TCP_CHECK {\n            retry 0\n"
                + "        }\n    }\n}\n";
        Daemon d = dl.start(director, head);
        d.awaitLogged("TCP connection to [" + real.ipv4() + "]:tcp:8080 success.", 15_000);

        Files.writeString(dir.resolve("director.conf"), head + "virtual_server 10.213.0.101 0 {\n    protocol TCP\n"
                + "    delay_loop 1\n    real_server " + real.ipv4() + " {\n        PING_CHECK {\n"
                + "            connect_timeout 1\n            retry 0\n        }\n    }\n}\n");
        d.signal("HUP");
        d.awaitLogged("ICMP connection to [" + real.ipv4() + "]:tcp:0 success.", 15_000);
        assertEquals(0, d.linesContaining("cannot run: no ICMP echo socket").size(), d::output);
    }

    @Test
    void miscCheckExitCodesAndMiscDynamicWeights() throws Exception {
        Path code = dir.resolve("code");
        Files.writeString(code, "0");
        Path check = script("misc.sh", "exit $(cat " + code + ")");
        String rs = "[" + real.ipv4() + "]:tcp:8080";
        String vs = "[10.213.0.100]:tcp:80";
        Daemon d = dl.start(director, global() + "virtual_server 10.213.0.100 80 {\n    protocol TCP\n"
                + "    delay_loop 1\n"
                + "    real_server " + real.ipv4() + " 8080 {\n        weight 5\n"
                + "        MISC_CHECK {\n            misc_path " + check + "\n            misc_dynamic\n"
                + "        }\n    }\n}\n");
        String by = "Misc check for [" + rs + " VS " + vs + "] by [" + check + "] ";
        d.awaitLogged(by + "succeeded.", 15_000);
        Files.writeString(code, "12");
        d.awaitLogged("Changing weight from 5 to 10 for active service " + rs + " of VS " + vs, 5_000);
        Files.writeString(code, "1");
        d.awaitLogged(by + "failed with retry disabled (exited with status 1).", 5_000);
        d.awaitLogged("Removing service " + rs + " from VS " + vs, 1_000);
        Files.writeString(code, "0");
        d.awaitLogged("Adding service " + rs + " to VS " + vs, 5_000);
        assertEquals(2, d.count(by + "succeeded."));
    }

    @Test
    void aWebServerAnswering503GoesDownAfterItsRetriesAndComesBackOn200() throws Exception {
        Path notes = dir.resolve("notify.log");
        Path recorder = script("notify.sh", "echo \"$*\" >> " + notes);
        serveHttp(8080, () -> status);
        String rs = "[" + real.ipv4() + "]:tcp:8080";
        String httpGet = """
                        HTTP_GET {
                            url {
                                path /health
                                status_code 200
                            }
                            connect_timeout 1
                            retry 2
                            delay_before_retry 1
                            log_all_failures
                        }
                """;
        Daemon d = dl.start(director, global() + "virtual_server 10.213.0.100 80 {\n    protocol TCP\n    lb_algo rr\n"
                + "    lb_kind NAT\n    delay_loop 1\n    real_server " + real.ipv4() + " 8080 {\n"
                + "        notify_up \"" + recorder + " up\"\n        notify_down \"" + recorder + " down\"\n"
                + httpGet + "    }\n}\n");
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
        d.awaitLogged("Removing service " + rs + " from VS [10.213.0.100]:tcp:80", 1_000);
        DaemonLab.await("notify_down", 5_000, () -> lines(notes).size() == 1, d);

        status = "HTTP/1.0 200 OK";
        d.awaitLogged("HTTP status code success to " + rs + " url(/health)", 5_000);
        d.awaitLogged("Adding service " + rs + " to VS [10.213.0.100]:tcp:80", 1_000);
        DaemonLab.await("notify_up", 5_000, () -> lines(notes).size() == 2, d);
        assertEquals(List.of("down", "up"), lines(notes));
        assertEquals(2, d.count("Remote Web server " + rs + " succeed on service."));
        assertEquals(3, d.count("HTTP status code error to server " + rs + "."), "down, failures are not logged");
    }

    @Test
    void dashCRunsTheCheckersAndNoVrrpInstance() throws Exception {
        listen(8080);
        String rs = "[" + real.ipv4() + "]:tcp:8080";
        String config = global() + DaemonLab.vrrpInstance("VI_1", 51, 150, "    advert_int 1\n", "10.213.0.200/24")
                + "virtual_server 10.213.0.100 80 {\n    protocol TCP\n    delay_loop 1\n"
                + "    real_server " + real.ipv4() + " 8080 {\n        TCP_CHECK {\n            retry 0\n"
                + "        }\n    }\n}\n";
        Daemon d = dl.start(director, "director", config, DaemonLab.jarCommand("-n", "-l", "-D", "-C"));
        d.awaitLogged("TCP connection to " + rs + " success.", 15_000);
        NetnsLab.sleep(4_000); // past the 3 adverts and skew after which VI_1 would have been master
        assertEquals(List.of(), d.linesContaining("Entering"), "no VRRP instance runs with -C");
        String addresses = dl.lab().exec(director.ns(), "ip", "-4", "addr", "show", "dev", "eth0").output();
        assertTrue(!addresses.contains("10.213.0.200"), addresses);
    }

    @Test
    void aPingCheckThroughTheDaemonsEchoPortLosesAndRegainsAnUnreachableServer() throws Exception {
        String rs = "[" + real.ipv4() + "]:tcp:0";
        Daemon d = dl.start(director, global() + "virtual_server 10.213.0.100 0 {\n    protocol TCP\n"
                + "    delay_loop 1\n    real_server " + real.ipv4() + " {\n        PING_CHECK {\n"
                + "            connect_timeout 1\n            retry 0\n        }\n    }\n}\n");
        d.awaitLogged("ICMP connection to " + rs + " success.", 15_000);
        dl.lab().carrierDown(real);
        d.awaitLogged("ICMP CHECK on service " + rs + " failed.", 10_000);
        d.awaitLogged("Removing service " + rs + " from VS [10.213.0.100]:tcp:0", 1_000);
        dl.lab().carrierUp(real);
        d.awaitLogged("Adding service " + rs + " to VS [10.213.0.100]:tcp:0", 10_000);
        assertEquals(2, d.count("ICMP connection to " + rs + " success."));
    }
}
