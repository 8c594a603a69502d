package io.javakeepalived.log;

import io.javakeepalived.sys.UnixDatagramTransport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreLogging() {
        LogSetup.configureDefault();
    }

    /** An argument that counts how often it is rendered. */
    static final class Counting {
        final AtomicInteger renders = new AtomicInteger();

        @Override
        public String toString() {
            renders.incrementAndGet();
            return "arg";
        }
    }

    private static LogOptions.Builder consoleOnly(ByteArrayOutputStream out) {
        return LogOptions.builder().syslog(false).console(true).consoleStream(out).zone(ZoneOffset.UTC);
    }

    @Test
    void consoleLinesWithoutDetail() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogSetup.configure(consoleOnly(out).build(), UnixDatagramTransport::new);
        Logger log = LoggerFactory.getLogger("vrrp");
        Counting c = new Counting();
        log.info(LogMarkers.DETAIL, "(VI_1) Receive advertisement timeout {}", c);
        log.debug("debug {}", c);
        assertFalse(log.isInfoEnabled(LogMarkers.DETAIL));
        assertFalse(LogSetup.detailEnabled());
        log.info("(VI_1) Entering MASTER STATE");
        assertEquals(0, c.renders.get(), "a refused line must not be formatted");
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}: \\(VI_1\\) Entering MASTER STATE\\R"),
                text);
    }

    @Test
    void detailSwitchLetsDetailLinesThrough() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogSetup.configure(consoleOnly(out).detail(true).build(), UnixDatagramTransport::new);
        Logger log = LoggerFactory.getLogger("vrrp");
        assertTrue(LogSetup.detailEnabled());
        assertTrue(log.isInfoEnabled(LogMarkers.DETAIL));
        log.info(LogMarkers.DETAIL, "({}) setting VIPs.", "VI_1");
        log.debug("still off");
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith(": (VI_1) setting VIPs." + System.lineSeparator()), text);
        assertFalse(text.contains("still off"));
    }

    @Test
    void debugOptionEnablesDebugLines() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogSetup.configure(consoleOnly(out).debug(true).build(), UnixDatagramTransport::new);
        LoggerFactory.getLogger("x").debug("extra {}", 1);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(": extra 1"));
    }

    @Test
    void logFileGetsKeepalivedFileLines() throws Exception {
        Path file = dir.resolve("keepalived.log");
        LogSetup.LogHandle h = LogSetup.configure(LogOptions.builder().syslog(false).logFile(file)
                .zone(ZoneOffset.UTC).build(), UnixDatagramTransport::new);
        assertTrue(h.problems().isEmpty(), h.problems().toString());
        LoggerFactory.getLogger("x").info("Stopped");
        h.close();
        String text = Files.readString(file);
        assertTrue(text.matches("\\w{3} \\w{3} \\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{9} \\d{4}: Stopped\\R"), text);
    }

    @Test
    void unwritableLogFileIsReportedNotThrown() {
        Path asDir = dir.resolve("isdir");
        assertTrue(asDir.toFile().mkdir());
        LogSetup.LogHandle h2 = LogSetup.configure(LogOptions.builder().syslog(false).logFile(asDir).build(),
                UnixDatagramTransport::new);
        assertEquals(1, h2.problems().size(), h2.problems().toString());
        assertTrue(h2.problems().get(0).startsWith("cannot open log file"));
        LoggerFactory.getLogger("x").info("no throw");
        h2.close();
    }

    @Test
    void aLogFileThatIsASymlinkIsNotFollowed() throws Exception {
        Path target = Files.writeString(dir.resolve("shadow"), "root:x:0\n");
        Path link = Files.createSymbolicLink(dir.resolve("keepalived.log"), target);
        LogSetup.LogHandle h = LogSetup.configure(LogOptions.builder().syslog(false).logFile(link).build(),
                UnixDatagramTransport::new);
        assertEquals(List.of("cannot open log file " + link + ": is a symbolic link, not followed"), h.problems());
        LoggerFactory.getLogger("x").info("forged");
        h.close();
        assertEquals("root:x:0\n", Files.readString(target), "the link's target is untouched");
    }

    @Test
    void aNewLogFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("keepalived.log");
        LogSetup.LogHandle h = LogSetup.configure(LogOptions.builder().syslog(false).logFile(file).build(),
                UnixDatagramTransport::new);
        LoggerFactory.getLogger("x").info("line");
        h.close();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void dashGWithoutAFileLogsToKeepalivedsDefault() {
        assertEquals(Path.of("/tmp/keepalived.log"), LogOptions.fromSwitches(false, false, false, null, "").logFile());
        assertEquals(Path.of("/var/log/k.log"), LogOptions.fromSwitches(false, false, false, null, "/var/log/k.log")
                .logFile());
        assertEquals(null, LogOptions.fromSwitches(false, false, false, null, null).logFile());
    }
}
