package io.javakeepalived.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.track.CheckerLoop;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Issue 15: at 1,000 checks a second, what the checker loop allocates per check is what its
 * garbage collections cost. 200 real servers checked every second against a local listener; the
 * checker thread's allocated bytes over the 800 checks after a warm-up (4 s when nothing is
 * loaded), divided by the connections the listener served. The sample is a count of checks, not
 * a stretch of time, so a loaded machine makes it slower but not smaller. Most of a TCP check's is the JDK's socket (the channel, its file descriptor,
 * its locks and cleaner); these pin the totals so that what the engine, the loop and the probes
 * add does not grow unnoticed.
 */
class CheckLoopAllocationTest {
    private static final int SERVERS = 200;
    /** Four rounds of every real server: enough checks that the division is not the JIT's noise. */
    private static final int SAMPLE = 4 * SERVERS;
    /** Ten times the 4 s the sample takes on an idle machine; only a stalled checker loop misses it. */
    private static final long SAMPLE_DEADLINE_MS = 40_000;
    /** Real servers answer concurrently, so the stub is never what limits the check rate. */
    private static final int STUB_THREADS = 4;
    /** Measured 2026-12-07: see the test. The bound leaves room for the JIT's moods, not for a new per-check object graph. */
    private static final long BYTES_PER_TCP_CHECK = 3_000;
    /**
     * Measured 2026-12-07: 9,987 bytes per check before the read buffer was shared and the head's
     * line buffer grown lazily (two 4 KiB arrays per exchange), 1,852 after.
     */
    private static final long BYTES_PER_HTTP_CHECK = 4_000;
    private static final byte[] ANSWER = "HTTP/1.0 200 OK\r\nServer: lab\r\nContent-Length: 2\r\n\r\nok"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void aTcpCheckOnTheLoopAllocatesAFewKilobytes() throws Exception {
        long bytes = bytesPerCheck("TCP_CHECK {\n   connect_timeout 2\n   warmup 1\n  }", s -> { });
        System.out.println("checker loop: " + bytes + " bytes per TCP check");
        assertTrue(bytes <= BYTES_PER_TCP_CHECK, bytes + " bytes allocated per check (bound " + BYTES_PER_TCP_CHECK + ")");
    }

    @Test
    void anHttpGetCheckOnTheLoopAllocatesAFewKilobytes() throws Exception {
        long bytes = bytesPerCheck("HTTP_GET {\n   url {\n    path /\n    status_code 200\n   }\n"
                + "   connect_timeout 2\n   warmup 1\n  }", CheckLoopAllocationTest::answer);
        System.out.println("checker loop: " + bytes + " bytes per HTTP_GET check");
        assertTrue(bytes <= BYTES_PER_HTTP_CHECK, bytes + " bytes allocated per check (bound " + BYTES_PER_HTTP_CHECK + ")");
    }

    /** Reads the request's head, then answers 200 (closing with the request unread would reset). */
    private static void answer(Socket s) throws IOException {
        InputStream in = new BufferedInputStream(s.getInputStream()); // one read(2) per request, not per byte
        int matched = 0;
        for (int b = in.read(); b >= 0 && matched < 4; b = in.read()) {
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        s.getOutputStream().write(ANSWER);
    }

    private interface Server {
        void serve(Socket s) throws IOException;
    }

    /** Runs SERVERS real servers with {@code checker} against one listener; bytes per check served. */
    private static long bytesPerCheck(String checker, Server server) throws Exception {
        try (ServerSocket up = new ServerSocket()) {
            up.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0), 4096); // all of 127/8
            AtomicLong served = new AtomicLong();
            ExecutorService answering = Executors.newFixedThreadPool(STUB_THREADS, r -> {
                Thread t = new Thread(r, "real-server");
                t.setDaemon(true);
                return t;
            });
            Thread acceptor = new Thread(() -> {
                while (!up.isClosed()) {
                    try {
                        Socket accepted = up.accept();
                        answering.execute(() -> {
                            try (Socket s = accepted) {
                                server.serve(s);
                                served.incrementAndGet();
                            } catch (IOException e) {
                                // the checker gave up on this one; it is not a check served
                            }
                        });
                    } catch (IOException e) {
                        if (up.isClosed()) {
                            return;
                        }
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            StringBuilder conf = new StringBuilder("virtual_server 10.0.0.1 80 {\n protocol TCP\n delay_loop 1\n");
            for (int i = 0; i < SERVERS; i++) {
                conf.append(" real_server 127.0.1.").append(1 + i).append(' ').append(up.getLocalPort())
                        .append(" {\n  ").append(checker).append("\n }\n");
            }
            KeepalivedConfig config = CheckConfigs.load(conf.append("}\n").toString());
            HealthOutput quiet = new LinesOnlyOutput(line -> { });
            CheckerLoop loop = new CheckerLoop((i, e) -> { }, (l, s) -> { });
            CheckEngine engine = new CheckEngine(new LoopProbeIo(loop, quiet), quiet, HealthVerdicts.NONE,
                    w -> (long) (Math.random() * w));
            loop.start();
            loop.execute(() -> engine.start(config, new Probes(run -> null, config, Optional::empty, line -> { })));
            loop.release();
            long[] thread = new long[1];
            loop.execute(() -> thread[0] = Thread.currentThread().getId());
            try {
                Thread.sleep(4_000); // the first round, the JIT's warm-up
                long bytes0 = allocatedBytes(thread[0]);
                long checks0 = served.get();
                long deadline = System.nanoTime() + SAMPLE_DEADLINE_MS * 1_000_000;
                while (served.get() - checks0 < SAMPLE && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                long bytes = allocatedBytes(thread[0]) - bytes0;
                long checks = served.get() - checks0;
                assertTrue(checks >= SAMPLE, "checks served in " + SAMPLE_DEADLINE_MS / 1000 + " s: " + checks
                        + " (" + SERVERS + " real servers at delay_loop 1)");
                return bytes / checks;
            } finally {
                loop.close();
                answering.shutdownNow();
            }
        }
    }

    private static long allocatedBytes(long thread) {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getThreadAllocatedBytes(thread);
    }
}
