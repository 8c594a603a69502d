package io.javakeepalived.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.track.CheckerLoop;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Issue 15: at 1,000 checks a second, what the checker loop allocates per check is what its
 * garbage collections cost. 200 real servers checked every second by TCP_CHECK against a local
 * listener; the checker thread's allocated bytes over 4 s after a warm-up, divided by the
 * connections the listener accepted. Most of it is the JDK's socket (the channel, its file
 * descriptor, its locks and cleaner); this pins the total so that what the engine and the loop add
 * does not grow unnoticed.
 */
class CheckLoopAllocationTest {
    private static final int SERVERS = 200;
    /** Measured 2026-12-07: see the test. The bound leaves room for the JIT's moods, not for a new per-check object graph. */
    private static final long BYTES_PER_CHECK = 3_000;

    @Test
    void aTcpCheckOnTheLoopAllocatesAFewKilobytes() throws Exception {
        try (ServerSocket up = new ServerSocket()) {
            up.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0), 4096); // all of 127/8
            AtomicLong accepted = new AtomicLong();
            Thread acceptor = new Thread(() -> {
                while (!up.isClosed()) {
                    try (Socket s = up.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            StringBuilder conf = new StringBuilder("virtual_server 10.0.0.1 80 {\n protocol TCP\n delay_loop 1\n");
            for (int i = 0; i < SERVERS; i++) {
                conf.append(" real_server 127.0.1.").append(1 + i).append(' ').append(up.getLocalPort())
                        .append(" {\n  TCP_CHECK {\n   connect_timeout 2\n   warmup 1\n  }\n }\n");
            }
            KeepalivedConfig config = CheckConfigs.load(conf.append("}\n").toString());
            HealthOutput quiet = new LinesOnlyOutput(line -> { });
            CheckerLoop loop = new CheckerLoop((i, e) -> { }, (l, s) -> { });
            CheckEngine engine = new CheckEngine(new LoopProbeIo(loop, quiet), quiet, HealthVerdicts.NONE,
                    w -> (long) (Math.random() * w));
            loop.start();
            loop.execute(() -> engine.start(config, new Probes(run -> null, config, Optional::empty, line -> { })));
            loop.release();
            long[] checker = new long[1];
            loop.execute(() -> checker[0] = Thread.currentThread().getId());
            try {
                Thread.sleep(4_000); // the first round, the JIT's warm-up
                long bytes0 = allocatedBytes(checker[0]);
                long checks0 = accepted.get();
                Thread.sleep(4_000);
                long bytes = allocatedBytes(checker[0]) - bytes0;
                long checks = accepted.get() - checks0;
                assertTrue(checks >= SERVERS * 2, "checks in 4 s: " + checks);
                System.out.println("checker loop: " + bytes / checks + " bytes per TCP check (" + checks + " checks)");
                assertTrue(bytes / checks <= BYTES_PER_CHECK,
                        bytes / checks + " bytes allocated per check (bound " + BYTES_PER_CHECK + ")");
            } finally {
                loop.close();
            }
        }
    }

    private static long allocatedBytes(long thread) {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getThreadAllocatedBytes(thread);
    }
}
