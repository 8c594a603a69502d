package io.javakeepalived.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Prometheus endpoint: {@code GET /metrics} over HTTP/1.1 on one NIO selector thread and one
 * render thread, so the daemon carries no HTTP or metrics library and no client can hold it up.
 *
 * <p>Bounded whatever clients do: at most {@link #MAX_CONNECTIONS} are open at once (more are
 * closed as soon as they are accepted); a request must arrive and its answer leave within
 * {@link #REQUEST_TIMEOUT} of the connect, or the connection is closed; a request head larger than
 * {@link #MAX_HEAD_BYTES} gets 431. Reads and writes never block: a client that connects and sends
 * nothing, or stalls mid-request, or does not read its answer costs a socket and a buffer until
 * its deadline, nothing else. (The JDK's com.sun.net.httpserver, used before, reads a request on
 * its worker thread without a time limit: one stalled client froze every scrape.)
 *
 * <p>Each scrape asks the VRRP loop for a snapshot through a {@link Scraper} (at most one per
 * {@link #MIN_INTERVAL}, waiting at most {@link #TIMEOUT}) and renders it on the render thread;
 * the loop never formats text and never waits for a client. Other paths get 404, other methods
 * 405; every answer closes the connection. The server binds in the network namespace of the
 * thread that starts it (the daemon's main thread, not a {@code net_namespace} the VRRP loop may
 * run in).
 */
public final class MetricsServer implements AutoCloseable {

    /** Longest a scrape waits for the VRRP loop before reporting {@code keepalived_up 0}. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Scrapes closer together than this share one snapshot. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(500);
    /** Connections open at once; Prometheus needs one per scrape. */
    public static final int MAX_CONNECTIONS = 16;
    /** From connect to the last byte of the answer (covers {@link #TIMEOUT}). */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Request line and headers; Prometheus sends about 300 bytes. */
    static final int MAX_HEAD_BYTES = 8192;

    private static final byte[] INDEX = "javakeepalived: metrics at /metrics\n".getBytes(StandardCharsets.UTF_8);

    /** One client connection. */
    private static final class Conn {
        final SocketChannel channel;
        final long deadline;
        final ByteBuffer in = ByteBuffer.allocate(MAX_HEAD_BYTES);
        volatile ByteBuffer out;

        Conn(SocketChannel channel, long deadline) {
            this.channel = channel;
            this.deadline = deadline;
        }
    }

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Scraper scraper;
    private final ExecutorService renderer;
    private final Thread thread;
    private final Set<Conn> open = new HashSet<>();
    private final Queue<Conn> answered = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private MetricsServer(ServerSocketChannel server, Selector selector, Scraper scraper) {
        this.server = server;
        this.selector = selector;
        this.scraper = scraper;
        this.renderer = Executors.newSingleThreadExecutor(r -> daemon(r, "metrics render"));
        this.thread = daemon(this::loop, "metrics");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
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
        ServerSocketChannel server = ServerSocketChannel.open();
        Selector selector = null;
        try {
            server.bind(address, MAX_CONNECTIONS);
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        MetricsServer m = new MetricsServer(server, selector, scraper);
        m.thread.start();
        return m;
    }

    /** Where it listens (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("closed", e);
        }
    }

    private void loop() {
        while (!closed) {
            try {
                selector.select(Math.max(1, Math.min(1000, (nearestDeadline() - System.nanoTime()) / 1_000_000)));
                for (Conn c; (c = answered.poll()) != null; ) {
                    if (c.channel.isOpen()) {
                        c.channel.keyFor(selector).interestOps(SelectionKey.OP_WRITE);
                    }
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    if (!k.isValid()) {
                        continue;
                    }
                    if (k.isAcceptable()) {
                        accept();
                    } else if (k.isReadable()) {
                        read((Conn) k.attachment());
                    } else if (k.isWritable()) {
                        write((Conn) k.attachment());
                    }
                }
                selector.selectedKeys().clear();
                expire();
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                // one bad connection must not end the endpoint; it was closed where it failed
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            if (open.size() >= MAX_CONNECTIONS) {
                ch.setOption(StandardSocketOptions.SO_LINGER, 0); // reset: nothing of ours waits on it
                ch.close();
                continue;
            }
            ch.configureBlocking(false);
            Conn c = new Conn(ch, System.nanoTime() + REQUEST_TIMEOUT.toNanos());
            ch.register(selector, SelectionKey.OP_READ, c);
            open.add(c);
        }
    }

    private void read(Conn c) {
        try {
            if (c.channel.read(c.in) < 0) {
                drop(c);
                return;
            }
        } catch (IOException e) {
            drop(c);
            return;
        }
        Optional<HttpRequestHead> head = HttpRequestHead.parse(c.in);
        if (head.isEmpty() && !c.in.hasRemaining()) {
            answer(c, Response.status(431, "Request Header Fields Too Large"));
        } else if (head.isPresent()) {
            c.channel.keyFor(selector).interestOps(0);
            renderer.execute(() -> {
                c.out = respond(head.get()).bytes();
                answered.add(c);
                selector.wakeup();
            });
        }
    }

    private void answer(Conn c, Response r) {
        c.out = r.bytes();
        c.channel.keyFor(selector).interestOps(SelectionKey.OP_WRITE);
    }

    private void write(Conn c) {
        try {
            c.channel.write(c.out);
            if (!c.out.hasRemaining()) {
                drop(c);
            }
        } catch (IOException e) {
            drop(c);
        }
    }

    private void expire() {
        long now = System.nanoTime();
        for (Conn c : new ArrayList<>(open)) {
            if (now - c.deadline >= 0) {
                drop(c);
            }
        }
    }

    private long nearestDeadline() {
        long nearest = System.nanoTime() + 1_000_000_000L;
        for (Conn c : open) {
            nearest = c.deadline - nearest < 0 ? c.deadline : nearest;
        }
        return nearest;
    }

    private void drop(Conn c) {
        open.remove(c);
        try {
            c.channel.close();
        } catch (IOException e) {
            // closed either way
        }
    }

    /** Render thread: the answer to one request. */
    private Response respond(HttpRequestHead head) {
        boolean isHead = head.method().equals("HEAD");
        if (head.method().isEmpty()) {
            return Response.status(400, "Bad Request");
        }
        if (!isHead && !head.method().equals("GET")) {
            return Response.status(405, "Method Not Allowed").header("Allow", "GET, HEAD");
        }
        Response r;
        if ("/metrics".equals(head.path())) {
            r = Response.ok(PrometheusText.CONTENT_TYPE, scraper.scrape().render().getBytes(StandardCharsets.UTF_8));
        } else if ("/".equals(head.path())) {
            r = Response.ok("text/plain; charset=utf-8", INDEX);
        } else {
            return Response.status(404, "Not Found");
        }
        return isHead ? r.withoutBody() : r;
    }

    /** Stops listening at once; connections in progress are cut off. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        renderer.shutdownNow();
        for (Conn c : new ArrayList<>(open)) {
            drop(c);
        }
        try {
            server.close();
            selector.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /** An HTTP/1.1 answer that closes the connection. */
    private record Response(int status, String reason, List<String> headers, byte[] body, boolean sendBody) {
        static Response status(int status, String reason) {
            return new Response(status, reason, List.of(), new byte[0], true);
        }

        static Response ok(String contentType, byte[] body) {
            return new Response(200, "OK", List.of("Content-Type: " + contentType), body, true);
        }

        Response header(String name, String value) {
            List<String> h = new ArrayList<>(headers);
            h.add(name + ": " + value);
            return new Response(status, reason, h, body, sendBody);
        }

        Response withoutBody() {
            return new Response(status, reason, headers, body, false);
        }

        ByteBuffer bytes() {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
            ByteBuffer b = ByteBuffer.allocate(h.length + (sendBody ? body.length : 0));
            b.put(h);
            if (sendBody) {
                b.put(body);
            }
            return b.flip();
        }
    }
}
