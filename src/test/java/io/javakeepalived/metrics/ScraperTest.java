package io.javakeepalived.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.LoopSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ScraperTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Consumer<LoopSnapshot>> posted = new ArrayList<>();

    /** A loop that answers at once, 3 ms after the request. */
    private Scraper answering() {
        return new Scraper(answer -> {
            posted.add(answer);
            now.addAndGet(3_000_000);
            answer.accept(MetricsPageTest.snapshot());
        }, Duration.ofMillis(50), Duration.ofMillis(500), now::get);
    }

    @Test
    void answerCarriesTheLoopsLag() {
        Scrape s = answering().scrape();
        assertTrue(s.up());
        assertEquals(3_000_000, s.lagNanos());
    }

    @Test
    void scrapesWithinTheIntervalShareOneSnapshot() {
        Scraper sc = answering();
        Scrape first = sc.scrape();
        now.addAndGet(400_000_000);
        assertSame(first, sc.scrape());
        assertEquals(1, posted.size());
        now.addAndGet(200_000_000);
        sc.scrape();
        assertEquals(2, posted.size());
    }

    @Test
    void aSilentLoopIsDownAndGetsNoSecondRequest() {
        Scraper sc = new Scraper(posted::add, Duration.ofMillis(20), Duration.ofMillis(500), System::nanoTime);
        Scrape a = sc.scrape();
        assertFalse(a.up());
        assertTrue(a.lagNanos() >= 20_000_000L, Long.toString(a.lagNanos()));
        Scrape b = sc.scrape();
        assertFalse(b.up());
        assertTrue(b.lagNanos() >= 40_000_000L, "waited since the one request: " + b.lagNanos());
        assertEquals(1, posted.size(), "the queue of a stuck loop does not grow with each scrape");
        // the loop wakes up and answers the old request: the next scrape uses it and is up
        posted.get(0).accept(MetricsPageTest.snapshot());
        assertTrue(sc.scrape().up());
        assertEquals(1, posted.size());
    }

    @Test
    void aLoopAnsweringOnItsOwnThreadIsWaitedFor() {
        Scraper sc = new Scraper(answer -> new Thread(() -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                return;
            }
            answer.accept(MetricsPageTest.snapshot());
        }).start(), Duration.ofSeconds(10), Duration.ZERO, System::nanoTime);
        Scrape s = sc.scrape();
        assertTrue(s.up());
        assertTrue(s.lagNanos() >= 30_000_000L, Long.toString(s.lagNanos()));
    }
}
