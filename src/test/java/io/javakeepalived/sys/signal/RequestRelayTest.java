package io.javakeepalived.sys.signal;

import static io.javakeepalived.sys.signal.SignalRequest.DATA;
import static io.javakeepalived.sys.signal.SignalRequest.JSON;
import static io.javakeepalived.sys.signal.SignalRequest.RELOAD;
import static io.javakeepalived.sys.signal.SignalRequest.STATS;
import static io.javakeepalived.sys.signal.SignalRequest.STATS_CLEAR;
import static io.javakeepalived.sys.signal.SignalRequest.STOP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestRelayTest {

    private final List<KeepalivedSignal> earlyStops = new ArrayList<>();
    private final RequestRelay relay = new RequestRelay(earlyStops::add);
    private final List<SignalRequest> received = new ArrayList<>();

    @Test
    void beforeStartEachKindIsHeldOnceInOrderOfFirstArrival() {
        relay.offer(KeepalivedSignal.RTMIN_PLUS_2);
        relay.offer(KeepalivedSignal.USR1);
        relay.offer(KeepalivedSignal.RTMIN_PLUS_2);
        relay.offer(KeepalivedSignal.HUP);
        relay.offer(KeepalivedSignal.USR1);
        assertFalse(relay.started());
        relay.start(received::add);
        assertEquals(List.of(JSON, DATA, RELOAD), received);
        assertTrue(relay.started());
    }

    @Test
    void afterStartEveryRequestPassesAtOnce() {
        relay.start(received::add);
        relay.offer(KeepalivedSignal.RTMIN_PLUS_2);
        relay.offer(KeepalivedSignal.RTMIN_PLUS_2);
        relay.offer(KeepalivedSignal.USR2);
        relay.offer(KeepalivedSignal.RTMAX_MINUS_1);
        relay.offer(KeepalivedSignal.INT);
        relay.offer(KeepalivedSignal.TERM);
        assertEquals(List.of(JSON, JSON, STATS, STATS_CLEAR, STOP, STOP), received);
        assertEquals(List.of(), earlyStops);
    }

    @Test
    void stopBeforeStartIsNotHeldButHandedToTheEarlyStop() {
        relay.offer(KeepalivedSignal.USR1);
        relay.offer(KeepalivedSignal.TERM);
        relay.offer(KeepalivedSignal.INT);
        assertEquals(List.of(KeepalivedSignal.TERM, KeepalivedSignal.INT), earlyStops);
        relay.start(received::add);
        assertEquals(List.of(DATA), received);
    }

    @Test
    void startTwiceIsAnError() {
        relay.start(received::add);
        assertThrows(IllegalStateException.class, () -> relay.start(received::add));
    }

    @Test
    void concurrentOffersAroundStartLoseNothingAfterStart() throws Exception {
        ConcurrentLinkedQueue<SignalRequest> sink = new ConcurrentLinkedQueue<>();
        AtomicInteger surelyAfterStart = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        int perThread = 2_000;
        try {
            for (int t = 0; t < 4; t++) {
                pool.execute(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        boolean after = relay.started();
                        relay.offer(KeepalivedSignal.RTMIN_PLUS_2);
                        if (after) {
                            surelyAfterStart.incrementAndGet();
                        }
                    }
                });
            }
            go.countDown();
            relay.start(sink::add);
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        // Offers before start merge into one; none made after start may be lost.
        int n = sink.size();
        assertTrue(n >= Math.max(1, surelyAfterStart.get()) && n <= 4 * perThread,
                "got " + n + ", surely after start " + surelyAfterStart.get());
        assertTrue(sink.stream().allMatch(JSON::equals));
    }
}
