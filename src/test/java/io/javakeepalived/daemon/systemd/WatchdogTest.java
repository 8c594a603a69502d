package io.javakeepalived.daemon.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The watchdog's rounds on a fake clock: WATCHDOG=1 only after every loop answered the ping of
 * that round; a stalled loop withholds it and is named once; pings resume when it turns again.
 */
class WatchdogTest {
    private static final long MS = 1_000_000L;

    /** A fake clock that sleeping advances. */
    private long now = 1_000 * MS;

    /** A loop: a ping makes it turn at once unless stalled. */
    private final class FakeLoop {
        final String name;
        long lastTurn;
        boolean stalled;
        long answerDelay;
        long turnAt = -1;

        FakeLoop(String name) {
            this.name = name;
        }

        void ping() {
            if (!stalled) {
                turnAt = now + answerDelay;
            }
        }

        long lastTurn() {
            if (turnAt >= 0 && now >= turnAt) {
                lastTurn = turnAt;
                turnAt = -1;
            }
            return lastTurn;
        }

        Heartbeat heartbeat() {
            return new Heartbeat(name, this::ping, this::lastTurn);
        }
    }

    private final RecordingTransport transport = new RecordingTransport();
    private final LogCapture log = new LogCapture("watchdog");

    private Watchdog watchdog(FakeLoop... loops) {
        ServiceNotifier n = new ServiceNotifier(Optional.of(transport), log.logger);
        return new Watchdog(java.util.Arrays.stream(loops).map(FakeLoop::heartbeat).toList(), Duration.ofSeconds(5), n,
                () -> now, nanos -> now += nanos, log.logger);
    }

    @Test
    void aTurningLoopEarnsOnePingPerPeriodSentAsSoonAsItAnswers() throws Exception {
        FakeLoop vrrp = new FakeLoop("VRRP loop");
        vrrp.answerDelay = 3 * MS;
        Watchdog w = watchdog(vrrp);
        long start = now;
        assertTrue(w.round());
        assertEquals(List.of("WATCHDOG=1"), transport.sent());
        assertEquals(start + 5_000 * MS, now, "a round lasts one period");
        assertTrue(w.round());
        assertTrue(w.round());
        assertEquals(3, transport.sent().size());
        assertEquals(List.of(), log.lines());
    }

    @Test
    void aStalledLoopWithholdsThePingAndIsNamedOnceThenPingsResume() throws Exception {
        FakeLoop vrrp = new FakeLoop("VRRP loop");
        Watchdog w = watchdog(vrrp);
        assertTrue(w.round());
        vrrp.stalled = true;
        assertFalse(w.round());
        assertFalse(w.round());
        assertFalse(w.round());
        assertEquals(1, transport.sent().size(), "no WATCHDOG=1 while stalled");
        List<String> lines = log.lines();
        assertEquals(1, lines.size(), lines.toString());
        // its last turn answered the first round's ping, two periods before the second round ended
        assertTrue(lines.get(0).matches("ERROR VRRP loop has not turned for 10000 ms - withholding watchdog ping"),
                lines.get(0));

        vrrp.stalled = false;
        assertTrue(w.round());
        assertEquals(2, transport.sent().size());
        assertTrue(log.lines().get(1).matches("WARN VRRP loop turns again after \\d+ ms - watchdog pings resume"),
                log.lines().toString());
    }

    @Test
    void oneStalledLoopAmongSeveralIsEnough() throws Exception {
        FakeLoop vrrp = new FakeLoop("VRRP loop");
        FakeLoop checker = new FakeLoop("checker loop");
        Watchdog w = watchdog(vrrp, checker);
        assertTrue(w.round());
        checker.stalled = true;
        assertFalse(w.round());
        assertEquals(1, transport.sent().size());
        assertTrue(log.lines().get(0).startsWith("ERROR checker loop has not turned for"), log.lines().toString());
    }

    @Test
    void aLoopThatTurnedBeforeThePingButNotAfterProvesNothing() throws Exception {
        FakeLoop vrrp = new FakeLoop("VRRP loop");
        vrrp.lastTurn = now - 1; // turned just before the round began
        vrrp.stalled = true;
        assertFalse(watchdog(vrrp).round());
        assertEquals(List.of(), transport.sent());
    }

    @Test
    void aLoopThatNeverStartedIsReportedAsSuch() throws Exception {
        FakeLoop vrrp = new FakeLoop("VRRP loop");
        vrrp.stalled = true;
        assertFalse(watchdog(vrrp).round());
        assertEquals(List.of("ERROR VRRP loop has not started turning - withholding watchdog ping"), log.lines());
    }

    @Test
    void aSlowButTimelyAnswerStillCounts() throws Exception {
        FakeLoop vrrp = new FakeLoop("VRRP loop");
        vrrp.answerDelay = TimeUnit.MILLISECONDS.toNanos(4_900);
        assertTrue(watchdog(vrrp).round());
        vrrp.answerDelay = TimeUnit.MILLISECONDS.toNanos(5_100);
        assertFalse(watchdog(vrrp).round());
    }

    @Test
    void needsAHeartbeatAndAPeriod() {
        ServiceNotifier n = new ServiceNotifier(Optional.of(transport), log.logger);
        assertThrows(IllegalArgumentException.class,
                () -> new Watchdog(List.of(), Duration.ofSeconds(1), n, () -> 0, x -> { }, log.logger));
        assertThrows(IllegalArgumentException.class, () -> new Watchdog(
                List.of(new FakeLoop("x").heartbeat()), Duration.ZERO, n, () -> 0, x -> { }, log.logger));
    }
}
