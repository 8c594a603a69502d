package io.javakeepalived.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.testsupport.CapturedLogger;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** keepalived's dialogue against a scripted peer on loopback. */
class SmtpSessionTest {
    private static final ZonedDateTime DATE = ZonedDateTime.of(2026, 12, 7, 0, 40, 30, 0, ZoneOffset.UTC);
    private static final Alert ALERT = new Alert("[node1] VRRP Instance VI_1 - Entering MASTER state",
            "=> VRRP Instance is now owning VRRP VIPs <=");
    private final CapturedLogger log = new CapturedLogger("smtp");

    private static MailSettings settings(int port, Duration timeout) {
        return new MailSettings(Optional.of(new GlobalDefs.SmtpServer("127.0.0.1", port)),
                List.of("ops@example.com", "Oncall <oncall@example.com>"), "keepalived@node1", "node1", timeout,
                "node1", false);
    }

    private SmtpSession.Result send(int port, Duration timeout) {
        return new SmtpSession(settings(port, timeout), log.logger()).send(ALERT, DATE);
    }

    /** A well-behaved server: 250 to everything, 354 to DATA, 221 to QUIT. */
    private static final Function<String, String> POLITE = line -> line.startsWith("DATA") ? "354 go ahead\r\n"
            : line.startsWith("QUIT") ? "221 bye\r\n" : "250 ok\r\n";

    @Test
    void theDialogueIsHeloMailRcptPerRecipientDataQuit() throws Exception {
        try (ScriptedSmtpServer s = new ScriptedSmtpServer("220-mail.example.com ESMTP\r\n220 ready\r\n", POLITE)) {
            SmtpSession.Result r = send(s.port(), Duration.ofSeconds(5));
            assertEquals(SmtpSession.Result.SENT, r);
            assertEquals(List.of("HELO node1\r\n", "MAIL FROM:<keepalived@node1>\r\n",
                    "RCPT TO:<ops@example.com>\r\n", "RCPT TO:<oncall@example.com>\r\n", "DATA\r\n", "QUIT\r\n"),
                    s.received());
            assertEquals(SmtpMessage.data(DATE, "keepalived@node1",
                    List.of("ops@example.com", "Oncall <oncall@example.com>"), ALERT), s.data());
            // "Remote SMTP server [..] connected." and "SMTP alert successfully sent." are -D lines (MailAlertIT)
            assertEquals(List.of(), log.messages());
        }
    }

    @Test
    void aRefusedRecipientEndsTheDialogueWithQuitAndIsNotRetried() throws Exception {
        Function<String, String> refuse = line -> line.startsWith("RCPT") ? "550 no such user\r\n"
                : POLITE.apply(line);
        try (ScriptedSmtpServer s = new ScriptedSmtpServer("220 ready\r\n", refuse)) {
            SmtpSession.Result r = send(s.port(), Duration.ofSeconds(5));
            assertEquals(SmtpSession.Result.GIVE_UP, r);
            assertEquals(List.of("HELO node1\r\n", "MAIL FROM:<keepalived@node1>\r\n",
                    "RCPT TO:<ops@example.com>\r\n", "QUIT\r\n"), s.received());
            assertTrue(log.messages().contains("Error processing RCPT cmd on SMTP server [127.0.0.1]:" + s.port()
                    + ". SMTP status code = 550"), log.messages().toString());
        }
    }

    @Test
    void aTemporaryRefusalIsWorthAnotherTry() throws Exception {
        try (ScriptedSmtpServer s = new ScriptedSmtpServer("421 too busy\r\n", POLITE)) {
            SmtpSession.Result r = send(s.port(), Duration.ofSeconds(5));
            assertEquals(SmtpSession.Result.TRY_AGAIN, r);
            assertTrue(log.messages().contains("Error processing (E)SMTP cmd on SMTP server [127.0.0.1]:"
                    + s.port() + ". SMTP status code = 421"), log.messages().toString());
        }
    }

    @Test
    void aServerThatNeverAnswersCostsOneTimeoutPerStep() throws Exception {
        try (ScriptedSmtpServer s = new ScriptedSmtpServer(null, line -> null)) {
            long t0 = System.nanoTime();
            SmtpSession.Result r = send(s.port(), Duration.ofMillis(300));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(SmtpSession.Result.TRY_AGAIN, r);
            // the greeting times out, then the QUIT keepalived sends after it
            assertTrue(ms >= 550 && ms < 3_000, ms + " ms");
            assertTrue(log.messages().contains("Timeout reading data to remote SMTP server [127.0.0.1]:" + s.port()
                    + "."), log.messages().toString());
        }
    }

    @Test
    void aClosedPortIsAConnectionErrorWorthAnotherTry() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        SmtpSession.Result r = send(port, Duration.ofSeconds(2));
        assertEquals(SmtpSession.Result.TRY_AGAIN, r);
        assertEquals(List.of("SMTP connection ERROR to [127.0.0.1]:" + port + "."), log.messages());
    }
}
