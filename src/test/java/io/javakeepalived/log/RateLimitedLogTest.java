package io.javakeepalived.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class RateLimitedLogTest {

    enum Reason { PASSWORD, TTL }

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    ListAppender<ILoggingEvent> seen;
    Logger logger;
    RateLimitedLog<Reason> limited;

    @BeforeEach
    void setUp() {
        LoggerContext ctx = new LoggerContext();
        logger = ctx.getLogger("rejects");
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        seen = new ListAppender<>();
        seen.setContext(ctx);
        seen.start();
        logger.addAppender(seen);
        limited = new RateLimitedLog<>(logger, Level.WARN, 3, Duration.ofSeconds(10), now::get);
    }

    List<String> lines() {
        return seen.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    void advanceSeconds(long s) {
        now.addAndGet(s * 1_000_000_000L);
    }

    @Test
    void firstBurstThenSummaryWhenTheIntervalIsOver() {
        for (int i = 1; i <= 10; i++) {
            limited.log(Reason.PASSWORD, "({}) received an invalid passwd! #{}", "VI_1", i);
            advanceSeconds(1);
        }
        assertEquals(List.of("(VI_1) received an invalid passwd! #1", "(VI_1) received an invalid passwd! #2",
                "(VI_1) received an invalid passwd! #3"), lines());
        assertEquals(ch.qos.logback.classic.Level.WARN, seen.list.get(0).getLevel());
        // t = 10 s after the first line: a new interval; the summary comes before its first line
        assertTrue(limited.log(Reason.PASSWORD, "({}) received an invalid passwd! #{}", "VI_1", 11));
        assertEquals("(VI_1) received an invalid passwd! #3 ... 7 more suppressed", lines().get(3));
        assertEquals("(VI_1) received an invalid passwd! #11", lines().get(4));
        assertEquals(7, limited.totalSuppressed(Reason.PASSWORD));
    }

    /** A line held back is never made: what a flood of adverts at a master costs is its count. */
    @Test
    void aLineGivenAsASupplierIsMadeOnlyWhenWritten() {
        int[] made = {0};
        for (int i = 1; i <= 10; i++) {
            int n = i;
            limited.log(Reason.PASSWORD, () -> {
                made[0]++;
                return "(VI_1) received lower priority #" + n;
            });
            advanceSeconds(1);
        }
        assertEquals(3, made[0], "made for the 3 lines of the burst only");
        assertEquals(List.of("(VI_1) received lower priority #1", "(VI_1) received lower priority #2",
                "(VI_1) received lower priority #3"), lines());
        limited.log(Reason.PASSWORD, () -> "(VI_1) received lower priority #11");
        assertEquals("(VI_1) received lower priority #3 ... 7 more suppressed", lines().get(3));
    }

    @Test
    void reasonsAreLimitedSeparately() {
        for (int i = 0; i < 5; i++) {
            limited.log(Reason.PASSWORD, "pw {}", i);
            limited.log(Reason.TTL, "ttl {}", i);
        }
        assertEquals(List.of("pw 0", "ttl 0", "pw 1", "ttl 1", "pw 2", "ttl 2"), lines());
        assertEquals(2, limited.totalSuppressed(Reason.TTL));
    }

    @Test
    void flushReportsOnlyFinishedIntervals() {
        for (int i = 0; i < 5; i++) {
            limited.log(Reason.TTL, "ttl {}", i);
        }
        advanceSeconds(9);
        assertEquals(0, limited.flush());
        advanceSeconds(1);
        assertEquals(1, limited.flush());
        assertEquals("ttl 2 ... 2 more suppressed", lines().get(3));
        assertEquals(0, limited.flush(), "reported once");
        assertTrue(limited.log(Reason.TTL, "ttl {}", 9));
        assertEquals(5, lines().size());
    }

    /**
     * flush() skips its walk until the first held-back interval ends; a reason whose interval
     * ends later is still reported when its own time comes.
     */
    @Test
    void eachReasonIsReportedWhenItsOwnIntervalEnds() {
        for (int i = 0; i < 4; i++) {
            limited.log(Reason.TTL, "ttl {}", i);
        }
        advanceSeconds(4);
        for (int i = 0; i < 5; i++) {
            limited.log(Reason.PASSWORD, "pw {}", i);
        }
        advanceSeconds(6); // TTL's interval is over, PASSWORD's has 4 s to go
        assertEquals(1, limited.flush());
        assertEquals("ttl 2 ... 1 more suppressed", lines().get(6));
        advanceSeconds(3);
        assertEquals(0, limited.flush());
        advanceSeconds(1);
        assertEquals(1, limited.flush());
        assertEquals("pw 2 ... 2 more suppressed", lines().get(7));
        assertEquals(0, limited.flush(), "nothing held back any more");
        advanceSeconds(30);
        assertEquals(8, lines().size());
        assertEquals(0, limited.flush());
    }

    @Test
    void quietReasonsProduceNoSummary() {
        limited.log(Reason.TTL, "a {}", 1);
        advanceSeconds(60);
        assertEquals(0, limited.flush());
        limited.log(Reason.TTL, "a {}", 2);
        assertEquals(List.of("a 1", "a 2"), lines());
    }

    @Test
    void suppressedAndDisabledLinesAreNotFormatted() {
        AtomicInteger renders = new AtomicInteger();
        Object arg = new Object() {
            @Override
            public String toString() {
                renders.incrementAndGet();
                return "x";
            }
        };
        for (int i = 0; i < 10; i++) {
            limited.log(Reason.TTL, "{}", arg);
        }
        assertEquals(3, renders.get());
        RateLimitedLog<Reason> debug = new RateLimitedLog<>(logger, Level.DEBUG, 3, Duration.ofSeconds(1), now::get);
        assertFalse(debug.log(Reason.TTL, "{}", arg));
        assertEquals(3, renders.get());
    }
}
