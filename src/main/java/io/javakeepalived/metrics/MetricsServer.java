package io.javakeepalived.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Prometheus endpoint: {@code GET /metrics} on the JDK's own HTTP server (module
 * jdk.httpserver, part of every Java 17 runtime including Debian's headless one), one worker
 * thread, so the daemon carries no HTTP or metrics library.
 *
 * <p>Each scrape asks the VRRP loop for a snapshot through a {@link Scraper} (at most one per
 * {@link #MIN_INTERVAL}, waiting at most {@link #TIMEOUT}) and renders it on the worker thread;
 * the loop never formats text and never waits for a client. Other paths get 404, other methods
 * 405. The server binds in the network namespace of the thread that starts it (the daemon's
 * main thread, not a {@code net_namespace} the VRRP loop may run in).
 */
public final class MetricsServer implements AutoCloseable {

    /** Longest a scrape waits for the VRRP loop before reporting {@code keepalived_up 0}. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Scrapes closer together than this share one snapshot. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(500);

    private static final byte[] INDEX = "javakeepalived: metrics at /metrics\n".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService worker;
    private final Scraper scraper;

    private MetricsServer(HttpServer server, ExecutorService worker, Scraper scraper) {
        this.server = server;
        this.worker = worker;
        this.scraper = scraper;
    }

    /**
     * Binds {@code address} and serves until {@link #close()}.
     *
     * @throws IOException if the address cannot be bound (in use, not local, no permission)
     */
    public static MetricsServer start(InetSocketAddress address, SnapshotSource source) throws IOException {
        return start(address, new Scraper(source, TIMEOUT, MIN_INTERVAL, System::nanoTime));
    }

    static MetricsServer start(InetSocketAddress address, Scraper scraper) throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics");
            t.setDaemon(true);
            return t;
        });
        MetricsServer m = new MetricsServer(server, worker, scraper);
        server.createContext("/", m::handle);
        server.setExecutor(worker);
        server.start();
        return m;
    }

    /** Where it listens (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String method = x.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                x.getResponseHeaders().set("Allow", "GET, HEAD");
                x.sendResponseHeaders(405, -1);
                return;
            }
            String path = x.getRequestURI().getPath();
            byte[] body;
            String type;
            if ("/metrics".equals(path)) {
                body = scraper.scrape().render().getBytes(StandardCharsets.UTF_8);
                type = PrometheusText.CONTENT_TYPE;
            } else if ("/".equals(path)) {
                body = INDEX;
                type = "text/plain; charset=utf-8";
            } else {
                x.sendResponseHeaders(404, -1);
                return;
            }
            x.getResponseHeaders().set("Content-Type", type);
            x.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream o = x.getResponseBody()) {
                    o.write(body);
                }
            }
        }
    }

    /** Stops listening at once; a scrape in progress is cut off. */
    @Override
    public void close() {
        server.stop(0);
        worker.shutdownNow();
    }
}
