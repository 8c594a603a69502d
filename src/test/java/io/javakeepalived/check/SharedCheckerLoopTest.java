package io.javakeepalived.check;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.track.CheckerLoop;
import io.javakeepalived.track.PolledTracker;
import io.javakeepalived.track.TrackScriptState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 TCP checks on the checker loop's thread beside a tracker on a 100 ms grid: the tracker keeps
 * its timing, every check runs on the one thread, and the checks reach their verdicts.
 */
class SharedCheckerLoopTest {

    private static final int SERVERS = 200;

    @Test
    void twoHundredTcpChecksLeaveTheTrackerGridAlone() throws Exception {
        try (ServerSocket up = new ServerSocket()) {
            up.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0), 4096);
            Thread acceptor = new Thread(() -> {
                while (!up.isClosed()) {
                    try (Socket s = up.accept()) {
                        s.getInputStream().available();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            int closed;
            try (ServerSocket gone = new ServerSocket(0)) {
                closed = gone.getLocalPort();
            }
            StringBuilder conf = new StringBuilder("virtual_server 10.0.0.1 80 {\n protocol TCP\n delay_loop 1\n");
            for (int i = 0; i < SERVERS; i++) {
                int port = i % 2 == 0 ? up.getLocalPort() : closed;
                conf.append(" real_server 127.0.").append(i / 200).append('.').append(2 + i % 200).append(' ')
                        .append(port).append(" {\n  TCP_CHECK {\n   connect_timeout 1\n   retry 0\n   warmup 1\n  }\n }\n");
            }
            KeepalivedConfig config = CheckConfigs.load(conf.append("}\n").toString());

            List<Long> polls = Collections.synchronizedList(new ArrayList<>());
            List<String> threads = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger removed = new AtomicInteger();
            CheckerLoop loop = new CheckerLoop((i, e) -> { }, (l, s) -> { });
            loop.add(new PolledTracker() {
                @Override
                public String name() {
                    return "grid";
                }

                @Override
                public Duration interval() {
                    return Duration.ofMillis(100);
                }

                @Override
                public List<TrackScriptState.Delivery> initialEvents() {
                    return List.of();
                }

                @Override
                public List<TrackScriptState.Delivery> poll(long nowNanos) {
                    polls.add(System.nanoTime());
                    return List.of();
                }
            });
            HealthOutput output = new LinesOnlyOutput(line -> {
                threads.add(Thread.currentThread().getName());
                if (line.startsWith("Removing service")) {
                    removed.incrementAndGet();
                }
            });
            CheckEngine engine = new CheckEngine(new LoopProbeIo(loop, output), output, HealthVerdicts.NONE,
                    w -> (long) (Math.random() * w));
            loop.start();
            loop.execute(() -> engine.start(config, new Probes(run -> null, config, Optional::empty, line -> { })));
            loop.release();
            try {
                // ten check bursts: enough that a loop waiting on them shows it every second, while
                // a loaded machine's few stalls stay a minority
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < until) {
                    Thread.sleep(100);
                }
            } finally {
                loop.close();
            }
            assertEquals(SERVERS / 2, removed.get(), "every closed port's server was taken out, no other");
            assertTrue(threads.stream().allMatch("checker"::equals), "one thread: " + threads.stream().distinct().toList());
            List<Long> p = new ArrayList<>(polls);
            // 100 slots; a loaded machine's late wake-ups skip a few (each one as many as it is late)
            assertTrue(p.size() >= 80, "polls in 10 s: " + p.size());
            // the first poll is the overdue slot at release; from the second on, 100 ms apart. A check
            // burst comes every second (delay_loop 1): a loop that waited on checks would be late
            // every second. One or two late polls are the shared test machine's, not the loop's.
            List<Long> late = new ArrayList<>();
            for (int i = 2; i < p.size(); i++) {
                long gap = (p.get(i) - p.get(i - 1)) / 1_000_000;
                if (gap >= 350) {
                    late.add(gap - 100);
                }
            }
            // not a speed target (those live in scripts/bench): a bound a loaded 2-core machine keeps
            // (five polls 61-296 ms late in 5 s seen at load 12) and a loop that waited on checks, late
            // after each of the ten bursts, would not
            assertTrue(late.size() <= 4, "tracker polls 250 ms late or more in 10 s (ms): " + late);
        }
    }
}
