package io.javakeepalived.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.testsupport.CapturedLogger;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The mail thread around the queue: submit never waits, failures are retried and logged. */
class AlertMailerTest {
    private static final Alert ALERT = new Alert("[n] VRRP Instance VI_1 - Entering MASTER state", "b");
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(40), 4,
            Duration.ofSeconds(10));
    private final CapturedLogger log = new CapturedLogger("mailer");

    private static MailSettings settings(List<String> to) {
        return new MailSettings(Optional.of(new GlobalDefs.SmtpServer("192.0.2.1", 25)), to, "a@n", "n",
                Duration.ofSeconds(1), "n", false);
    }

    private AlertMailer mailer(AlertMailer.Sender sender, List<String> to) {
        return new AlertMailer(settings(to), FAST, 4, sender, System::nanoTime, ZonedDateTime::now, log.logger())
                .startThread();
    }

    @Test
    void submitReturnsAtOnceWhileTheServerHangs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inHand = new CountDownLatch(1);
        AtomicInteger sent = new AtomicInteger();
        try (AlertMailer m = mailer((s, a, d) -> {
            inHand.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.incrementAndGet();
            return SmtpSession.Result.SENT;
        }, List.of("ops@x"))) {
            m.submit(ALERT);
            assertTrue(inHand.await(5, TimeUnit.SECONDS));
            long t0 = System.nanoTime();
            for (int i = 0; i < 9; i++) {
                m.submit(ALERT);
            }
            // a waiting submit would wait for the sender in hand, held until release (10 s at most)
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "submit waited");
            release.countDown();
            assertTrue(m.drain(Duration.ofSeconds(5)));
            // one in hand when the burst came, then the 4 the queue holds; the rest dropped and logged
            assertEquals(5, sent.get());
            assertTrue(log.messages().contains("SMTP alert queue full (4 waiting) - dropped the oldest alert \""
                    + ALERT.subject() + "\""), log.messages().toString());
        }
    }

    @Test
    void aFailedSendIsRetriedAndLoggedUntilTheServerTakesIt() throws Exception {
        List<String> attempts = new CopyOnWriteArrayList<>();
        try (AlertMailer m = mailer((s, a, d) -> {
            attempts.add(a.subject());
            return attempts.size() < 3 ? SmtpSession.Result.TRY_AGAIN : SmtpSession.Result.SENT;
        }, List.of("ops@x"))) {
            m.submit(ALERT);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (attempts.size() < 3 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertEquals(3, attempts.size());
            assertEquals(List.of("SMTP alert \"" + ALERT.subject() + "\" not sent - attempt 1 of 4, next in 0 s",
                    "SMTP alert \"" + ALERT.subject() + "\" not sent - attempt 2 of 4, next in 0 s"), log.messages());
        }
    }

    @Test
    void withoutRecipientsNothingIsSent() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (AlertMailer m = mailer((s, a, d) -> {
            calls.incrementAndGet();
            return SmtpSession.Result.SENT;
        }, List.of())) {
            m.submit(ALERT);
            assertTrue(m.drain(Duration.ofSeconds(10)));
            assertEquals(0, calls.get());
        }
    }
}
