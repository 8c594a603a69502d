package io.javakeepalived.daemon;

import io.javakeepalived.testsupport.CapturedLogger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Failing loop turns: counted in a row, traces rate-limited, no vouching while failing. */
class TurnFailuresTest {
    private final CapturedLogger lines = new CapturedLogger("test.turns");
    private final AtomicLong now = new AtomicLong();

    private TurnFailures failures(int giveUpAfter) {
        org.slf4j.Logger logger = lines.logger();
        return new TurnFailures(logger, now::get, giveUpAfter);
    }

    @Test
    void givesUpAfterSoManyFailingTurnsInARowOnly() {
        TurnFailures f = failures(3);
        f.failed("timers", new IllegalStateException("x"));
        assertFalse(f.endTurn());
        assertFalse(f.vouching(), "a failing turn is no proof of life");
        assertFalse(f.endTurn()); // a clean turn
        assertTrue(f.vouching());
        for (int i = 0; i < 2; i++) {
            f.failed("timers", new IllegalStateException("x"));
            assertFalse(f.endTurn());
        }
        f.failed("reading socket IPV4/eth0/multicast", new IllegalStateException("y"));
        assertTrue(f.endTurn());
    }

    @Test
    void aRepeatingFailureShowsItsTraceAFewTimesAMinuteThenASummary() {
        TurnFailures f = failures(1000);
        for (int i = 0; i < 100; i++) {
            f.failed("timers", new IllegalStateException("boom"));
            f.endTurn();
        }
        assertEquals(3, lines.events().size());
        assertTrue(lines.events().stream().allMatch(e -> e.getThrowableProxy() != null));
        assertEquals("VRRP loop: timers failed: java.lang.IllegalStateException: boom",
                lines.events().get(0).getFormattedMessage());
        now.addAndGet(61_000_000_000L);
        f.flush();
        assertEquals("VRRP loop: timers failed: java.lang.IllegalStateException: boom ... 97 more suppressed",
                lines.events().get(3).getFormattedMessage());
    }
}
