package io.javakeepalived.log;

import io.javakeepalived.sys.UnixDatagramTransport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real AF_UNIX datagrams to a socket bound in a temporary directory. */
class SyslogDatagramTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreLogging() {
        LogSetup.configureDefault();
    }

    static LoggingEvent event(Instant t, Level level, String message) {
        LoggerContext ctx = new LoggerContext();
        LoggingEvent e = new LoggingEvent("x", ctx.getLogger("x"), level, message, null, null);
        e.setInstant(t);
        return e;
    }

    static SyslogAppender appender(Path socket) {
        SyslogAppender a = new SyslogAppender(new SyslogFormat("Keepalived_vrrp", 10798, 3, ZoneOffset.UTC),
                new UnixDatagramTransport(socket));
        a.setContext(new LoggerContext());
        a.start();
        return a;
    }

    @Test
    void datagramIsExactlyKeepalivedsLine() throws Exception {
        Path sock = dir.resolve("log");
        try (DatagramReceiver rx = new DatagramReceiver(sock)) {
            SyslogAppender a = appender(sock);
            Instant t = LocalDateTime.of(2026, 11, 23, 2, 24, 41).toInstant(ZoneOffset.UTC);
            a.doAppend(event(t, Level.INFO, "(VI_1) Entering MASTER STATE"));
            assertEquals("<30>Nov 23 02:24:41 Keepalived_vrrp[10798]: (VI_1) Entering MASTER STATE", rx.receive(2000));
            a.doAppend(event(t, Level.WARN, "w"));
            assertEquals("<28>Nov 23 02:24:41 Keepalived_vrrp[10798]: w", rx.receive(2000));
            a.doAppend(event(t, Level.ERROR, "e"));
            assertEquals("<27>Nov 23 02:24:41 Keepalived_vrrp[10798]: e", rx.receive(2000));
            assertEquals(3, a.sent());
            a.stop();
        }
    }

    @Test
    void reachesAReplacedSocket() throws Exception {
        Path sock = dir.resolve("log");
        SyslogAppender a = appender(sock);
        Instant t = Instant.EPOCH;
        try (DatagramReceiver rx = new DatagramReceiver(sock)) {
            a.doAppend(event(t, Level.INFO, "one"));
            assertEquals("<30>Jan  1 00:00:00 Keepalived_vrrp[10798]: one", rx.receive(2000));
        }
        a.doAppend(event(t, Level.INFO, "lost while the receiver restarts"));
        assertEquals(1, a.failed());
        try (DatagramReceiver rx2 = new DatagramReceiver(sock)) {
            a.doAppend(event(t, Level.INFO, "two"));
            assertEquals("<30>Jan  1 00:00:00 Keepalived_vrrp[10798]: two", rx2.receive(2000));
        }
        assertEquals(2, a.sent());
        a.stop();
    }

    @Test
    void fullReceiverDropsInsteadOfBlocking() throws Exception {
        Path sock = dir.resolve("log");
        try (DatagramReceiver rx = new DatagramReceiver(sock)) {
            SyslogAppender a = appender(sock);
            LoggingEvent big = event(Instant.EPOCH, Level.INFO, "x".repeat(4000));
            // Nobody reads rx: a blocking send would wait forever on the full queue, so "does not
            // block" is "returns at all". The minute is a hang detector, not a speed bound.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < 2000; i++) {
                    a.doAppend(big);
                }
            });
            assertTrue(a.sent() > 0);
            assertTrue(a.dropped() > 0, "nothing dropped; sent " + a.sent() + " failed " + a.failed());
            assertEquals(2000, a.sent() + a.dropped() + a.failed());
            assertNotNull(rx.receive(1000));
            a.stop();
        }
    }

    @Test
    void missingSocketNeverThrows() {
        SyslogAppender a = appender(dir.resolve("nobody-here"));
        a.doAppend(event(Instant.EPOCH, Level.INFO, "x"));
        assertEquals(1, a.failed());
        a.stop();
    }

    @Test
    void logSetupSendsSlf4jLinesToTheSocket() throws Exception {
        Path sock = dir.resolve("dev-log");
        try (DatagramReceiver rx = new DatagramReceiver(sock)) {
            LogSetup.LogHandle h = LogSetup.configure(LogOptions.builder().syslogSocket(sock).pid(4242)
                    .facility(SyslogFacility.LOCAL0 + 2).zone(ZoneOffset.UTC).build(), UnixDatagramTransport::new);
            Logger log = LoggerFactory.getLogger("vrrp");
            log.info("({}) Entering {} STATE", "VI_1", "BACKUP");
            String got = rx.receive(2000);
            assertNotNull(got);
            assertTrue(got.matches("<150>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d Keepalived_vrrp\\[4242\\]: "
                    + "\\(VI_1\\) Entering BACKUP STATE"), got);
            log.info(LogMarkers.DETAIL, "(VI_1) setting VIPs.");
            log.info(LogMarkers.NOTICE, "notice");
            assertTrue(rx.receive(2000).startsWith("<149>"), "detail line must not be sent without -D");
            log.error("failed", new java.io.IOException("boom"));
            assertTrue(rx.receive(2000).endsWith("Keepalived_vrrp[4242]: failed: java.io.IOException: boom"));
            assertNull(rx.receive(50));
            assertEquals(3, h.syslog().orElseThrow().sent());
            h.close();
        }
    }
}
