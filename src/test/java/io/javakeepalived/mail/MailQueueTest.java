package io.javakeepalived.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The queue and its retry policy on a fake clock (nanoseconds passed in). */
class MailQueueTest {
    private static final long S = 1_000_000_000L;

    private static Alert alert(int n) {
        return new Alert("alert " + n, "body");
    }

    @Test
    void aFullQueueDropsTheOldestAlert() {
        MailQueue q = new MailQueue(2, RetryPolicy.DEFAULT);
        assertEquals(Optional.empty(), q.offer(alert(1), 0));
        assertEquals(Optional.empty(), q.offer(alert(2), 1));
        assertEquals(Optional.of(alert(1)), q.offer(alert(3), 2));
        assertEquals(alert(2), q.takeDue(5).orElseThrow().alert);
        assertEquals(alert(3), q.takeDue(5).orElseThrow().alert);
        assertTrue(q.isEmpty());
    }

    @Test
    void aFailedMailIsRetriedTwoFourEightSecondsLaterUpToEightAttemptsWithinFiveMinutes() {
        MailQueue q = new MailQueue(8, RetryPolicy.DEFAULT);
        long t = 100 * S;
        q.offer(alert(1), t);
        List<Long> waits = new ArrayList<>();
        int attempts = 0;
        while (true) {
            MailQueue.Pending p = q.takeDue(t).orElseThrow();
            attempts++;
            MailQueue.Verdict v = q.failed(p, t, true);
            if (!v.retried()) {
                break;
            }
            assertEquals(Optional.empty(), q.takeDue(t + v.delayNanos() - 1), "not due before its time");
            assertEquals(v.delayNanos(), q.nanosUntilDue(t));
            waits.add(v.delayNanos() / S);
            t += v.delayNanos();
        }
        assertEquals(List.of(2L, 4L, 8L, 16L, 32L, 60L, 60L), waits);
        assertEquals(8, attempts);
        assertTrue(q.isEmpty(), "given up");
        assertTrue(t - 100 * S <= Duration.ofMinutes(5).toNanos());
    }

    @Test
    void noRetryPastTheWindowEvenWithAttemptsLeft() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10), 100, Duration.ofSeconds(25));
        MailQueue q = new MailQueue(4, p);
        q.offer(alert(1), 0);
        assertTrue(q.failed(q.takeDue(0).orElseThrow(), 0, true).retried()); // next at 10 s
        assertTrue(q.failed(q.takeDue(10 * S).orElseThrow(), 10 * S, true).retried()); // next at 20 s
        assertFalse(q.failed(q.takeDue(20 * S).orElseThrow(), 20 * S, true).retried(), "30 s is past the window");
        assertTrue(q.isEmpty());
    }

    @Test
    void aRefusalThatWillNotChangeIsNotRetried() {
        MailQueue q = new MailQueue(4, RetryPolicy.DEFAULT);
        q.offer(alert(1), 0);
        assertFalse(q.failed(q.takeDue(0).orElseThrow(), 0, false).retried());
        assertTrue(q.isEmpty());
        assertEquals(Long.MAX_VALUE, q.nanosUntilDue(0));
    }

    @Test
    void aWaitingRetryDoesNotHoldBackANewerAlertThatIsDue() {
        MailQueue q = new MailQueue(4, RetryPolicy.DEFAULT);
        q.offer(alert(1), 0);
        q.failed(q.takeDue(0).orElseThrow(), 0, true); // due at 2 s
        q.offer(alert(2), S);
        assertEquals(alert(2), q.takeDue(S).orElseThrow().alert);
        assertEquals(alert(1), q.takeDue(2 * S).orElseThrow().alert);
    }
}
