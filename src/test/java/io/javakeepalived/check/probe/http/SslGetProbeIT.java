package io.javakeepalived.check.probe.http;

import io.javakeepalived.check.probe.CheckerStanding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.check.probe.ProbeResult;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SSL_GET against a TLS server with a self-signed certificate (made by keytool for the test):
 * the certificate is not verified (as keepalived), SNI only with enable_sni, and a client
 * certificate from the SSL block's PEM files (made by openssl) reaches the server.
 */
class SslGetProbeIT {
    static HttpLab lab;
    static Path dir;
    static SSLContext serverTls;

    @BeforeAll
    static void setUp() throws Exception {
        lab = new HttpLab();
        dir = Files.createTempDirectory("jk-sslget");
        run("keytool", "-genkeypair", "-alias", "web", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=www.example.com", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", dir.resolve("web.p12").toString(), "-storepass", "changeit", "-keypass", "changeit");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(dir.resolve("web.p12").toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), new TrustManager[] {new AnyClient()}, null);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (lab != null) {
            lab.close();
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ":\n" + out);
    }

    /** One attempt and what the TLS server saw. */
    record Served(HttpLab.Attempt attempt, List<String> sniNames, List<String> requests) {
    }

    /** One SSL_GET attempt against a TLS server answering {@code statusLine} and {@code body}. */
    private static Served againstTlsServer(int port, String statusLine, String body, CheckerStanding standing,
                                           String... checkerLines) throws Exception {
        try (LabWebServer web = LabWebServer.tls(lab.lab, lab.server, port, serverTls,
                LabWebServer.answering(statusLine, body))) {
            HttpLab.Attempt a = lab.attempt(lab.check("SSL_GET", port, checkerLines), standing);
            return new Served(a, web.sniNames(), web.requests());
        }
    }

    @Test
    void aSelfSignedServerPassesAndSeesSniAndTheVirtualhost() throws Exception {
        Served s = againstTlsServer(8443, "HTTP/1.1 200 OK", "secure", HttpLab.DOWN, "virtualhost www.example.com",
                "enable_sni", "url {", " path /tls", "}");
        assertEquals(ProbeResult.Success.plain(), s.attempt().result());
        assertEquals(List.of("HTTP status code success to [10.213.0.2]:tcp:8443 url(/tls)"), s.attempt().logged());
        assertEquals(List.of("www.example.com"), s.sniNames());
        assertEquals(List.of("GET /tls HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: www.example.com\r\n\r\n"),
                s.requests());
    }

    @Test
    void aLargeBodyStreamsThroughTlsToTheRegexAtItsEnd() throws Exception {
        String page = "<p>filler</p>".repeat(300_000) + "<b>status: green</b>"; // about 4 MB
        Served s = againstTlsServer(8448, "HTTP/1.0 200 OK", page, HttpLab.DOWN, "url {", " path /",
                " regex \"status: green\"", "}");
        assertEquals(ProbeResult.Success.plain(), s.attempt().result());
        assertEquals(List.of("Regex match success to [10.213.0.2]:tcp:8448 url(/)"), s.attempt().logged());
    }

    @Test
    void withoutEnableSniNoServerNameIsSent() throws Exception {
        Served s = againstTlsServer(8444, "HTTP/1.0 200 OK", "secure", HttpLab.UP, "virtualhost www.example.com",
                "url {", " path /", "}");
        assertEquals(ProbeResult.Success.plain(), s.attempt().result());
        assertEquals(List.of(""), s.sniNames());
    }

    @Test
    void statusAndReadFailuresOverTlsUseKeepalivedsWords() throws Exception {
        Served refused = againstTlsServer(8445, "HTTP/1.0 500 Oops", "x", HttpLab.UP, "url {", " path /", "}");
        assertEquals(new ProbeResult.Failure("HTTP status code error to server [10.213.0.2]:tcp:8445."), refused.attempt().result());
        assertEquals(List.of(), refused.attempt().logged(), "the engine logs it, when keepalived would");
        try (LabWebServer silent = LabWebServer.tls(lab.lab, lab.server, 8446, serverTls, (s, srv) -> {
            srv.readRequest(s); // handshake done, request read, then nothing
            LabWebServer.waitForClose(s);
        })) {
            HttpLab.Attempt a = lab.attempt(lab.check("SSL_GET", 8446, "url {", " path /", "}"), HttpLab.UP);
            assertEquals(new ProbeResult.Failure("Timeout WEB read server [10.213.0.2]:tcp:8446."), a.result());
            assertEquals(List.of(), a.logged(), "the engine logs it, when keepalived would");
        }
    }

    @Test
    void aPlainHttpServerOnTheTlsPortIsAHandshakeError() throws Exception {
        try (LabWebServer plain = LabWebServer.plain(lab.lab, lab.server, 8449, (s, srv) -> {
            // a ClientHello has no empty line to wait for: answer it at once, as web servers do
            s.getOutputStream().write("HTTP/1.0 400 Bad Request\r\n\r\nthis is not TLS"
                    .getBytes(StandardCharsets.ISO_8859_1));
            LabWebServer.waitForClose(s);
        })) {
            HttpLab.Attempt a = lab.attempt(lab.check("SSL_GET", 8449, "url {", " path /", "}"), HttpLab.UP);
            assertEquals(new ProbeResult.Failure("SSL handshake/communication error connecting to server [10.213.0.2]:tcp:8449."), a.result());
            assertEquals(List.of(), a.logged(), "the engine logs it, when keepalived would");
            assertTrue(a.took().compareTo(Duration.ofMillis(900)) < 0, "no timeout needed: " + a.took());
        }
    }

    @Test
    void theSslBlocksClientCertificateReachesTheServer() throws Exception {
        Path cert = dir.resolve("client.pem");
        Path key = dir.resolve("client.key");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                cert.toString(), "-subj", "/CN=checker.example.com", "-days", "2");
        List<String> peers = Collections.synchronizedList(new ArrayList<>());
        try (LabWebServer web = LabWebServer.tls(lab.lab, lab.server, 8447, serverTls, (s, srv) -> {
            ((SSLSocket) s).setNeedClientAuth(true);
            srv.readRequest(s);
            X509Certificate peer = (X509Certificate) ((SSLSocket) s).getSession().getPeerCertificates()[0];
            peers.add(peer.getSubjectX500Principal().getName());
            s.getOutputStream().write("HTTP/1.0 200 OK\r\n\r\nhello".getBytes(StandardCharsets.ISO_8859_1));
        })) {
            HttpLab.Attempt a = lab.attempt(lab.check("SSL {\n certificate " + cert + "\n key " + key + "\n}\n",
                    "SSL_GET", 8447, "url {", " path /", "}"), HttpLab.UP);
            assertEquals(ProbeResult.Success.plain(), a.result());
            assertEquals(List.of("CN=checker.example.com"), peers);
        }
    }

    /** The test server asks for a client certificate only to see which one came. */
    private static final class AnyClient implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
