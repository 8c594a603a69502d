package io.javakeepalived.check.probe.http;

import io.javakeepalived.check.probe.CheckerStanding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.check.probe.ProbeResult;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP_GET against real web servers in another namespace, one attempt at a time through the
 * ProbeRig: what the server sees, what the probe concludes and logs, and what a hostile server
 * costs (a timeout, and no channel left open).
 */
class HttpGetProbeIT {
    static HttpLab lab;

    @BeforeAll
    static void lab() throws Exception {
        lab = new HttpLab();
    }

    @AfterAll
    static void teardown() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    static HttpCheck check(String kind, int port, String... checkerLines) {
        return lab.check(kind, port, checkerLines);
    }

    static HttpLab.Attempt attempt(HttpCheck check, CheckerStanding standing) throws Exception {
        return lab.attempt(check, standing);
    }

    static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void a200PassesAndTheServerSeesKeepalivedsRequest() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab.lab, lab.server, 8001, LabWebServer.answering("HTTP/1.0 200 OK", "fine"))) {
            HttpLab.Attempt a = attempt(check("HTTP_GET", 8001, "url {", " path /health", "}"), HttpLab.DOWN);
            assertEquals(ProbeResult.Success.plain(), a.result());
            assertEquals(List.of("HTTP status code success to [10.213.0.2]:tcp:8001 url(/health)"), a.logged());
            assertEquals(List.of("GET /health HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: 10.213.0.2:8001\r\n\r\n"),
                    web.requests());
        }
    }

    @Test
    void a503FailsWithKeepalivedsLineWhileTheCheckerIsUp() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab.lab, lab.server, 8002,
                LabWebServer.answering("HTTP/1.1 503 Service Unavailable", "busy"))) {
            HttpLab.Attempt a = attempt(check("HTTP_GET", 8002, "url {", " path /", "}"), HttpLab.UP);
            assertEquals(new ProbeResult.Failure("HTTP status code error to server [10.213.0.2]:tcp:8002."), a.result());
            assertEquals(List.of(), a.logged(), "the engine logs it, when keepalived would");
        }
    }

    @Test
    void statusCodeListsDecide() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab.lab, lab.server, 8003,
                LabWebServer.answering("HTTP/1.1 503 Service Unavailable", "maintenance"))) {
            HttpLab.Attempt a = attempt(check("HTTP_GET", 8003, "url {", " path /", " status_code 200 500-503", "}"), HttpLab.UP);
            assertEquals(ProbeResult.Success.plain(), a.result());
            assertEquals(List.of(), a.logged(), "an up checker's success is not logged");
        }
    }

    @Test
    void theDigestOfTheBodyDecides() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab.lab, lab.server, 8004, LabWebServer.answering("HTTP/1.0 200 OK", "page v2"))) {
            HttpLab.Attempt wrong = attempt(check("HTTP_GET", 8004, "url {", " path /", " digest " + md5("page v1"), "}"), HttpLab.UP);
            assertEquals(new ProbeResult.Failure("MD5 digest error to server [10.213.0.2]:tcp:8004."), wrong.result());
            assertEquals(List.of(), wrong.logged(), "the engine logs it, when keepalived would");
            HttpLab.Attempt right = attempt(check("HTTP_GET", 8004, "url {", " path /", " digest " + md5("page v2"), "}"), HttpLab.DOWN);
            assertEquals(ProbeResult.Success.plain(), right.result());
            assertEquals(List.of("MD5 digest success to [10.213.0.2]:tcp:8004 url(/)"), right.logged());
        }
    }

    @Test
    void theRegexDecidesAndRegexNoMatchInverts() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab.lab, lab.server, 8005,
                LabWebServer.answering("HTTP/1.0 200 OK", "x".repeat(20_000) + "state=RUNNING" + "y".repeat(5000)))) {
            assertEquals(ProbeResult.Success.plain(),
                    attempt(check("HTTP_GET", 8005, "url {", " path /", " regex \"state=(RUNNING|READY)\"", "}"), HttpLab.UP)
                            .result());
            HttpLab.Attempt miss = attempt(check("HTTP_GET", 8005, "url {", " path /", " regex state=STOPPED", "}"), HttpLab.UP);
            assertEquals(new ProbeResult.Failure("Regex match failed server [10.213.0.2]:tcp:8005."), miss.result());
            assertEquals(List.of(), miss.logged(), "the engine logs it, when keepalived would");
            HttpLab.Attempt inverted = attempt(check("HTTP_GET", 8005, "url {", " path /", " regex RUNNING", " regex_no_match",
                    "}"), HttpLab.UP);
            assertEquals(new ProbeResult.Failure("Regex match failed server [10.213.0.2]:tcp:8005."), inverted.result());
        }
    }

    @Test
    void virtualhostAndHttp11AreWhatTheServerSees() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab.lab, lab.server, 8006, LabWebServer.answering("HTTP/1.1 200 OK", "ok"))) {
            HttpLab.Attempt a = attempt(check("HTTP_GET", 8006, "virtualhost www.example.com", "http_protocol 1.1",
                    "url {", " path /a", "}", "url {", " path /b", " virtualhost api.example.com", "}"), HttpLab.UP);
            assertEquals(ProbeResult.Success.plain(), a.result());
            assertEquals(List.of(
                    "GET /a HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: www.example.com\r\n\r\n",
                    "GET /b HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: api.example.com\r\n\r\n"),
                    web.requests(), "every url on a connection of its own, in order");
        }
    }

    @Test
    void theFirstFailingUrlEndsTheAttempt() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab.lab, lab.server, 8007, (s, srv) -> {
            String req = srv.readRequest(s);
            String status = req.startsWith("GET /bad ") ? "HTTP/1.0 404 Not Found" : "HTTP/1.0 200 OK";
            s.getOutputStream().write((status + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        })) {
            HttpLab.Attempt a = attempt(check("HTTP_GET", 8007, "url {", " path /good", "}", "url {", " path /bad", "}",
                    "url {", " path /never", "}"), HttpLab.UP);
            assertEquals(new ProbeResult.Failure("HTTP status code error to server [10.213.0.2]:tcp:8007."), a.result());
            assertEquals(2, web.requests().size(), web.requests().toString());
        }
    }

    @Test
    void aLargeBodyIsDigestedAsItStreams() throws Exception {
        String page = "0123456789abcdef".repeat(512 * 1024); // 8 MiB
        try (LabWebServer web = LabWebServer.plain(lab.lab, lab.server, 8009, LabWebServer.answering("HTTP/1.0 200 OK", page))) {
            HttpLab.Attempt a = attempt(check("HTTP_GET", 8009, "url {", " path /big", " digest " + md5(page), "}"),
                    HttpLab.DOWN);
            assertEquals(ProbeResult.Success.plain(), a.result());
            assertEquals(List.of("MD5 digest success to [10.213.0.2]:tcp:8009 url(/big)"), a.logged());
        }
    }

    @Test
    void anIpv6RealServerIsReachedAndNamedInBrackets() throws Exception {
        try (LabWebServer web = LabWebServer.plainIpv6(lab.lab, lab.server, 8020,
                LabWebServer.answering("HTTP/1.0 200 OK", "v6"))) {
            HttpLab.Attempt a = attempt(lab.checkIpv6("HTTP_GET", 8020, "url {", " path /", "}"), HttpLab.DOWN);
            assertEquals(ProbeResult.Success.plain(), a.result());
            assertEquals(List.of("HTTP status code success to [fd13::2]:tcp:8020 url(/)"), a.logged());
            assertEquals(List.of("GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: [fd13::2]:8020\r\n\r\n"),
                    web.requests());
        }
    }

    @Test
    void oneUrlAloneCanBeCheckedAsKeepalivedWalksThem() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab.lab, lab.server, 8015, LabWebServer.answering("HTTP/1.0 200 OK", "ok"))) {
            HttpCheck check = check("HTTP_GET", 8015, "url {", " path /a", "}", "url {", " path /b", "}");
            assertEquals(2, check.urlCount());
            assertEquals(ProbeResult.Success.plain(), lab.attempt(check.newProbe(HttpLab.UP, 1)).result());
            assertEquals(1, web.requests().size());
            assertTrue(web.requests().get(0).startsWith("GET /b HTTP/1.0\r\n"), web.requests().toString());
        }
    }

    @Test
    void aShortBodyIsReportedOnceAndStillJudged() throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab.lab, lab.server, 8016, (s, srv) -> {
            srv.readRequest(s);
            s.getOutputStream().write(ascii("HTTP/1.0 200 OK\r\nContent-Length: 100\r\n\r\nshort"));
        })) {
            HttpCheck check = check("HTTP_GET", 8016, "url {", " path /s", "}");
            HttpLab.Attempt first = attempt(check, HttpLab.DOWN);
            assertEquals(ProbeResult.Success.plain(), first.result());
            assertEquals(List.of("http_check for RS [10.213.0.2]:tcp:8016 VS [10.213.0.100]:tcp:8016 url /s:"
                    + " content_length (100) does not match received bytes (5)",
                    "HTTP status code success to [10.213.0.2]:tcp:8016 url(/s)"), first.logged());
            assertEquals(List.of(), attempt(check, HttpLab.UP).logged(), "the same difference is not logged again");
        }
    }

    @Test
    void aRefusedConnectionFails() throws Exception {
        HttpLab.Attempt a = attempt(check("HTTP_GET", 8008, "url {", " path /", "}"), HttpLab.UP);
        assertEquals(new ProbeResult.Failure("Connection failed server [10.213.0.2]:tcp:8008."), a.result());
        assertEquals(List.of(), a.logged(), "the engine logs it, when keepalived would");
    }

    // hostile servers: each costs one socket and a timeout

    /** What a hostile server sends once it has read the request. */
    @FunctionalInterface
    private interface Sender {
        void send(OutputStream out) throws Exception;
    }

    /** One attempt (url /) against a server that reads the request, then runs {@code sender}. */
    private static HttpLab.Attempt againstServerThat(int port, Sender sender) throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab.lab, lab.server, port, (s, srv) -> {
            srv.readRequest(s);
            sender.send(s.getOutputStream());
            LabWebServer.waitForClose(s);
        })) {
            return attempt(check("HTTP_GET", port, "url {", " path /", "}"), HttpLab.UP);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aOneMegabyteStatusLineIsCutOffAtOnce() throws Exception {
        HttpLab.Attempt a = againstServerThat(8010, out -> {
            out.write(ascii("HTTP/1.0 200 "));
            out.write(ascii("A".repeat(1 << 20)));
        });
        assertEquals(new ProbeResult.Failure("Read, no data received from  server [10.213.0.2]:tcp:8010."), a.result());
        assertEquals(List.of(), a.logged(), "the engine logs it, when keepalived would");
        assertTrue(a.took().compareTo(Duration.ofMillis(900)) < 0, "did not wait for a timeout: " + a.took());
    }

    @Test
    void headersThatNeverEndTimeOutAtTheExchangeDeadline() throws Exception {
        HttpLab.Attempt a = againstServerThat(8011, out -> {
            out.write(ascii("HTTP/1.0 200 OK\r\n"));
            for (int i = 0; ; i++) { // a header every 0.2 s: never idle for connect_timeout
                out.write(ascii("X-Slow-" + i + ": y\r\n"));
                out.flush();
                Thread.sleep(200);
            }
        });
        assertEquals(new ProbeResult.Failure("Timeout HTTP read server [10.213.0.2]:tcp:8011."), a.result());
        assertEquals(List.of(), a.logged(), "the engine logs it, when keepalived would");
        // at the deadline, not never (the rig gives up at 10 s); the slack is a loaded machine's
        assertTrue(a.took().compareTo(Duration.ofMillis(2900)) > 0 && a.took().compareTo(Duration.ofMillis(6000)) < 0,
                "3 x connect_timeout: " + a.took());
    }

    @Test
    void aFloodOfHeadersIsCutOffAtTheHeaderCount() throws Exception {
        HttpLab.Attempt a = againstServerThat(8012, out -> {
            out.write(ascii("HTTP/1.0 200 OK\r\n"));
            for (int i = 0; ; i++) {
                out.write(ascii("X-Flood-" + i + ": y\r\n"));
            }
        });
        assertEquals(new ProbeResult.Failure("Read, no data received from  server [10.213.0.2]:tcp:8012."), a.result());
        assertTrue(a.took().compareTo(Duration.ofMillis(900)) < 0, a.took().toString());
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOut() throws Exception {
        silentServerTimesOutAfterConnectTimeout("HTTP_GET", 8013, "Timeout WEB read server [10.213.0.2]:tcp:8013.");
    }

    @Test
    void aTlsHandshakeThatStallsTimesOutAsConnecting() throws Exception {
        silentServerTimesOutAfterConnectTimeout("SSL_GET", 8014, "Timeout connecting server [10.213.0.2]:tcp:8014.");
    }

    /** A server that accepts and never sends a byte: the attempt ends after connect_timeout (1 s). */
    private static void silentServerTimesOutAfterConnectTimeout(String kind, int port, String line) throws Exception {
        try (LabWebServer web = LabWebServer.plain(lab.lab, lab.server, port, (s, srv) -> LabWebServer.waitForClose(s))) {
            HttpLab.Attempt a = attempt(check(kind, port, "url {", " path /", "}"), HttpLab.UP);
            assertEquals(new ProbeResult.Failure(line), a.result());
            assertEquals(List.of(), a.logged(), "the engine logs it, when keepalived would");
            // connect_timeout, not the exchange's 3 s deadline: the slack below it is a loaded machine's
            assertTrue(a.took().compareTo(Duration.ofMillis(950)) > 0 && a.took().compareTo(Duration.ofMillis(2800)) < 0,
                    "connect_timeout: " + a.took());
        }
    }
}
