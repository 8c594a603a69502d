package io.javakeepalived.check.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.probe.ProbeRig;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP_GET against real web servers in another namespace, one attempt at a time through the
 * ProbeRig: what the server sees, what the probe concludes and logs, and what a hostile server
 * costs (a timeout, and no channel left open).
 */
class HttpGetProbeIT {
    static NetnsLab lab;
    static NetnsLab.Node client;
    static NetnsLab.Node server;

    @BeforeAll
    static void lab() throws Exception {
        lab = NetnsLab.create("client", "server");
        client = lab.node("client");
        server = lab.node("server");
    }

    @AfterAll
    static void teardown() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    /** The one HTTP_GET / SSL_GET of a config with one real server (the server node) on {@code port}. */
    static HttpCheck check(String kind, int port, String... checkerLines) {
        String text = "virtual_server 10.213.0.100 " + port + " {\n protocol TCP\n lb_kind NAT\n lb_algo rr\n"
                + " real_server " + server.ipv4() + " " + port + " {\n  " + kind + " {\n   connect_timeout 1\n"
                + "   log_all_failures\n   " + String.join("\n   ", checkerLines) + "\n  }\n }\n}\n";
        KeepalivedConfig config = ConfigFixture.model(ConfigFixture.load0(text));
        VirtualServer vs = config.virtualServers().get(0);
        RealServer rs = vs.realServers().get(0);
        try {
            return HttpCheck.of(vs, rs, (Checker.Http) rs.checkers().get(0),
                    kind.equals("SSL_GET") ? Optional.of(TlsClient.from(config.ssl())) : Optional.empty());
        } catch (TlsSetupException e) {
            throw new AssertionError(e);
        }
    }

    /** One attempt from the client node; asserts it left nothing open or armed behind. */
    static Attempt attempt(HttpCheck check, CheckerStanding standing) throws Exception {
        return lab.call(client, () -> {
            try (ProbeRig rig = new ProbeRig()) {
                long t0 = System.nanoTime();
                ProbeResult result = rig.run(check.newProbe(standing), Duration.ofSeconds(10));
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                rig.idle(Duration.ofMillis(200)); // a late callback would fail run()'s "done twice"
                assertEquals(0, rig.openChannels(), "channels left open");
                return new Attempt(result, rig.logged(), took);
            }
        });
    }

    record Attempt(ProbeResult result, List<String> logged, Duration took) {
    }

    static final CheckerStanding DOWN = new CheckerStanding(false, true);
    static final CheckerStanding UP = new CheckerStanding(true, true);

    static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void a200PassesAndTheServerSeesKeepalivedsRequest() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab, server, 8001, LabWebServer.answering("HTTP/1.0 200 OK", "fine"))) {
            Attempt a = attempt(check("HTTP_GET", 8001, "url {", " path /health", "}"), DOWN);
            assertEquals(ProbeResult.Success.plain(), a.result());
            assertEquals(List.of("HTTP status code success to [10.213.0.2]:tcp:8001 url(/health)"), a.logged());
            assertEquals(List.of("GET /health HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: 10.213.0.2:8001\r\n\r\n"),
                    web.requests());
        }
    }

    @Test
    void a503FailsWithKeepalivedsLineWhileTheCheckerIsUp() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab, server, 8002,
                LabWebServer.answering("HTTP/1.1 503 Service Unavailable", "busy"))) {
            Attempt a = attempt(check("HTTP_GET", 8002, "url {", " path /", "}"), UP);
            assertEquals(new ProbeResult.Failure("status code 503"), a.result());
            assertEquals(List.of("HTTP status code error to server [10.213.0.2]:tcp:8002."), a.logged());
        }
    }

    @Test
    void statusCodeListsDecide() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab, server, 8003,
                LabWebServer.answering("HTTP/1.1 503 Service Unavailable", "maintenance"))) {
            Attempt a = attempt(check("HTTP_GET", 8003, "url {", " path /", " status_code 200 500-503", "}"), UP);
            assertEquals(ProbeResult.Success.plain(), a.result());
            assertEquals(List.of(), a.logged(), "an up checker's success is not logged");
        }
    }

    @Test
    void theDigestOfTheBodyDecides() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab, server, 8004, LabWebServer.answering("HTTP/1.0 200 OK", "page v2"))) {
            Attempt wrong = attempt(check("HTTP_GET", 8004, "url {", " path /", " digest " + md5("page v1"), "}"), UP);
            assertEquals(new ProbeResult.Failure("MD5 digest mismatch"), wrong.result());
            assertEquals(List.of("MD5 digest error to server [10.213.0.2]:tcp:8004."), wrong.logged());
            Attempt right = attempt(check("HTTP_GET", 8004, "url {", " path /", " digest " + md5("page v2"), "}"), DOWN);
            assertEquals(ProbeResult.Success.plain(), right.result());
            assertEquals(List.of("MD5 digest success to [10.213.0.2]:tcp:8004 url(/)"), right.logged());
        }
    }

    @Test
    void theRegexDecidesAndRegexNoMatchInverts() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab, server, 8005,
                LabWebServer.answering("HTTP/1.0 200 OK", "x".repeat(20_000) + "state=RUNNING" + "y".repeat(5000)))) {
            assertEquals(ProbeResult.Success.plain(),
                    attempt(check("HTTP_GET", 8005, "url {", " path /", " regex \"state=(RUNNING|READY)\"", "}"), UP)
                            .result());
            Attempt miss = attempt(check("HTTP_GET", 8005, "url {", " path /", " regex state=STOPPED", "}"), UP);
            assertEquals(new ProbeResult.Failure("regex did not match"), miss.result());
            assertEquals(List.of("Regex match failed server [10.213.0.2]:tcp:8005."), miss.logged());
            Attempt inverted = attempt(check("HTTP_GET", 8005, "url {", " path /", " regex RUNNING", " regex_no_match",
                    "}"), UP);
            assertEquals(new ProbeResult.Failure("regex matched"), inverted.result());
        }
    }

    @Test
    void virtualhostAndHttp11AreWhatTheServerSees() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab, server, 8006, LabWebServer.answering("HTTP/1.1 200 OK", "ok"))) {
            Attempt a = attempt(check("HTTP_GET", 8006, "virtualhost www.example.com", "http_protocol 1.1",
                    "url {", " path /a", "}", "url {", " path /b", " virtualhost api.example.com", "}"), UP);
            assertEquals(ProbeResult.Success.plain(), a.result());
            assertEquals(List.of(
                    "GET /a HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: www.example.com\r\n\r\n",
                    "GET /b HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: api.example.com\r\n\r\n"),
                    web.requests(), "every url on a connection of its own, in order");
        }
    }

    @Test
    void theFirstFailingUrlEndsTheAttempt() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab, server, 8007, (s, srv) -> {
            String req = srv.readRequest(s);
            String status = req.startsWith("GET /bad ") ? "HTTP/1.0 404 Not Found" : "HTTP/1.0 200 OK";
            s.getOutputStream().write((status + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        })) {
            Attempt a = attempt(check("HTTP_GET", 8007, "url {", " path /good", "}", "url {", " path /bad", "}",
                    "url {", " path /never", "}"), UP);
            assertEquals(new ProbeResult.Failure("status code 404"), a.result());
            assertEquals(2, web.requests().size(), web.requests().toString());
        }
    }

    @Test
    void aRefusedConnectionFails() throws Exception {
        Attempt a = attempt(check("HTTP_GET", 8008, "url {", " path /", "}"), UP);
        assertEquals(ProbeResult.Failure.class, a.result().getClass());
        assertEquals(List.of("Connection failed server [10.213.0.2]:tcp:8008."), a.logged());
    }

    // hostile servers: each costs one socket and a timeout

    @Test
    void aOneMegabyteStatusLineIsCutOffAtOnce() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab, server, 8010, (s, srv) -> {
            srv.readRequest(s);
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.0 200 ".getBytes(StandardCharsets.ISO_8859_1));
            out.write("A".repeat(1 << 20).getBytes(StandardCharsets.ISO_8859_1));
            LabWebServer.waitForClose(s);
        })) {
            Attempt a = attempt(check("HTTP_GET", 8010, "url {", " path /", "}"), UP);
            assertEquals(new ProbeResult.Failure("response head over its limits"), a.result());
            assertEquals(List.of("Read, no data received from  server [10.213.0.2]:tcp:8010."), a.logged());
            assertTrue(a.took().compareTo(Duration.ofMillis(900)) < 0, "did not wait for a timeout: " + a.took());
        }
    }

    @Test
    void headersThatNeverEndTimeOutAtTheExchangeDeadline() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab, server, 8011, (s, srv) -> {
            srv.readRequest(s);
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.0 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; ; i++) { // a header every 0.2 s: never idle for connect_timeout
                out.write(("X-Slow-" + i + ": y\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread.sleep(200);
            }
        })) {
            Attempt a = attempt(check("HTTP_GET", 8011, "url {", " path /", "}"), UP);
            assertEquals(new ProbeResult.Failure("timeout"), a.result());
            assertEquals(List.of("Timeout HTTP read server [10.213.0.2]:tcp:8011."), a.logged());
            assertTrue(a.took().compareTo(Duration.ofMillis(2900)) > 0 && a.took().compareTo(Duration.ofMillis(4000)) < 0,
                    "3 x connect_timeout: " + a.took());
        }
    }

    @Test
    void aFloodOfHeadersIsCutOffAtTheHeaderCount() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab, server, 8012, (s, srv) -> {
            srv.readRequest(s);
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.0 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; ; i++) {
                out.write(("X-Flood-" + i + ": y\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        })) {
            Attempt a = attempt(check("HTTP_GET", 8012, "url {", " path /", "}"), UP);
            assertEquals(new ProbeResult.Failure("response head over its limits"), a.result());
            assertTrue(a.took().compareTo(Duration.ofMillis(900)) < 0, a.took().toString());
        }
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOut() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab, server, 8013, (s, srv) -> LabWebServer.waitForClose(s))) {
            Attempt a = attempt(check("HTTP_GET", 8013, "url {", " path /", "}"), UP);
            assertEquals(new ProbeResult.Failure("timeout"), a.result());
            assertEquals(List.of("Timeout WEB read server [10.213.0.2]:tcp:8013."), a.logged());
            assertTrue(a.took().compareTo(Duration.ofMillis(950)) > 0 && a.took().compareTo(Duration.ofMillis(2000)) < 0,
                    "connect_timeout: " + a.took());
        }
    }

    @Test
    void aTlsHandshakeThatStallsTimesOutAsConnecting() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab, server, 8014, (s, srv) -> LabWebServer.waitForClose(s))) {
            Attempt a = attempt(check("SSL_GET", 8014, "url {", " path /", "}"), UP);
            assertEquals(new ProbeResult.Failure("timeout"), a.result());
            assertEquals(List.of("Timeout connecting server [10.213.0.2]:tcp:8014."), a.logged());
            assertTrue(a.took().compareTo(Duration.ofMillis(950)) > 0 && a.took().compareTo(Duration.ofMillis(2000)) < 0,
                    "connect_timeout: " + a.took());
        }
    }
}
