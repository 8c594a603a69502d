package io.javakeepalived.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The endpoint over real HTTP on the loopback, port chosen by the kernel. */
class MetricsServerTest {

    private static HttpResponse<String> send(InetSocketAddress at, String method, String path) throws Exception {
        HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at.getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20)).build();
        return c.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static MetricsServer start(SnapshotSource source) throws IOException {
        return MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), source);
    }

    @Test
    void metricsPageWithPrometheusContentType() throws Exception {
        try (MetricsServer m = start(answer -> answer.accept(MetricsPageTest.snapshot()))) {
            HttpResponse<String> r = send(m.address(), "GET", "/metrics?x=1");
            assertEquals(200, r.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
            Exposition e = Exposition.parse(r.body());
            assertEquals(1, e.one("keepalived_up").value());
            assertEquals(14, e.one("keepalived_advertisements_sent_total", "iname", "VI_1").value());

            assertEquals(200, send(m.address(), "HEAD", "/metrics").statusCode());
            assertEquals(200, send(m.address(), "GET", "/").statusCode());
            assertEquals(404, send(m.address(), "GET", "/other").statusCode());
            HttpResponse<String> post = send(m.address(), "POST", "/metrics");
            assertEquals(405, post.statusCode());
            assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        }
    }

    @Test
    void silentLoopGivesUpZeroWithinTheTimeout() throws Exception {
        try (MetricsServer m = start(answer -> { })) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = send(m.address(), "GET", "/metrics");
            long took = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(200, r.statusCode());
            assertEquals(0, Exposition.parse(r.body()).one("keepalived_up").value());
            assertTrue(took >= MetricsServer.TIMEOUT.toMillis(), took + " ms");
        }
    }

    private static java.net.Socket connect(MetricsServer m) throws IOException {
        return new java.net.Socket(InetAddress.getLoopbackAddress(), m.address().getPort());
    }

    @Test
    void clientsThatConnectAndSendNothingOrStallMidRequestDoNotFreezeIt() throws Exception {
        try (MetricsServer m = start(answer -> answer.accept(MetricsPageTest.snapshot()))) {
            java.util.List<java.net.Socket> idle = new java.util.ArrayList<>();
            long firstConnect = System.nanoTime();
            try {
                for (int i = 0; i < MetricsServer.MAX_CONNECTIONS - 1; i++) {
                    java.net.Socket s = connect(m);
                    if (i % 2 == 0) { // half of them start a request and never finish it
                        s.getOutputStream().write("GET /metr".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                    idle.add(s);
                }
                HttpResponse<String> r = send(m.address(), "GET", "/metrics");
                long took = (System.nanoTime() - firstConnect) / 1_000_000;
                assertEquals(200, r.statusCode());
                // served after them would be no sooner than their request timeout, counted from their connect
                assertTrue(took < MetricsServer.REQUEST_TIMEOUT.toMillis(), took + " ms: served beside them, not after them");
                // the stalled ones are cut off at the request timeout
                java.net.Socket first = idle.get(0);
                first.setSoTimeout((int) MetricsServer.REQUEST_TIMEOUT.toMillis() + 5000);
                assertEquals(-1, first.getInputStream().read(), "closed by the server");
                took = (System.nanoTime() - firstConnect) / 1_000_000;
                // at its request timeout, not after a second one (slack for a loaded machine's late timer)
                assertTrue(took < 2 * MetricsServer.REQUEST_TIMEOUT.toMillis(), took + " ms");
            } finally {
                for (java.net.Socket s : idle) {
                    s.close();
                }
            }
        }
    }

    @Test
    void connectionsBeyondTheBoundAreClosedAtOnce() throws Exception {
        try (MetricsServer m = start(answer -> answer.accept(MetricsPageTest.snapshot()))) {
            java.util.List<java.net.Socket> held = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < MetricsServer.MAX_CONNECTIONS; i++) {
                    held.add(connect(m));
                }
                Thread.sleep(1_000); // let the server accept them all, also on a loaded machine
                try (java.net.Socket extra = connect(m)) {
                    extra.setSoTimeout((int) MetricsServer.REQUEST_TIMEOUT.toMillis() + 5000);
                    long t0 = System.nanoTime();
                    int got;
                    try {
                        got = extra.getInputStream().read();
                    } catch (java.net.SocketException reset) {
                        got = -1;
                    }
                    assertEquals(-1, got);
                    long took = (System.nanoTime() - t0) / 1_000_000;
                    // an accepted connection that sends nothing would be held until its request timeout
                    assertTrue(took < MetricsServer.REQUEST_TIMEOUT.toMillis() / 2, took + " ms: at once");
                }
            } finally {
                for (java.net.Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void closedServerNoLongerListens() throws Exception {
        InetSocketAddress at;
        try (MetricsServer m = start(answer -> answer.accept(MetricsPageTest.snapshot()))) {
            at = m.address();
        }
        assertThrows(IOException.class, () -> send(at, "GET", "/metrics"));
    }

    @Test
    void portInUseIsAnIoError() throws Exception {
        try (MetricsServer m = start(answer -> { })) {
            assertThrows(IOException.class, () -> MetricsServer.start(m.address(), answer -> { }));
        }
    }
}
