package io.javakeepalived.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.javakeepalived.testsupport.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code -l} lines against keepalived 2.2.7's console output (nodeA-run1-debug.log). */
class ConsoleFormatTest {

    static final Pattern LINE = Pattern.compile("(\\w{3}) (\\w{3}) ([ \\d]\\d) (\\d\\d):(\\d\\d):(\\d\\d) (\\d{4}): (.*)");

    static LoggingEvent event(Instant t, String message) {
        LoggerContext ctx = new LoggerContext();
        LoggingEvent e = new LoggingEvent("x", ctx.getLogger("x"), Level.INFO, message, null, null);
        e.setInstant(t);
        return e;
    }

    @Test
    void everyConsoleLineOfTheDebugRunIsReproduced() throws IOException {
        var layout = KeepalivedLayouts.console(ZoneOffset.UTC);
        layout.start();
        int checked = 0;
        for (String name : List.of("nodeA-run1-debug.log", "nodeB-run1-debug.log", "nodeA-preempt-delay.log")) {
            for (String line : Files.readAllLines(SharedFiles.resolve("reference/keepalived-runs/" + name),
                    StandardCharsets.UTF_8)) {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(7)),
                        SyslogFormatTest.MONTHS.indexOf(m.group(2)) + 1, Integer.parseInt(m.group(3).trim()),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
                Instant at = t.toInstant(ZoneOffset.UTC).plusNanos(987_654_321);
                assertEquals(line + System.lineSeparator(), layout.doLayout(event(at, m.group(8))));
                assertEquals(line, KeepalivedLayouts.consoleLine(at, ZoneOffset.UTC, m.group(8)));
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void transitionLineAndPaddedDay() {
        Instant t = LocalDateTime.of(2026, 11, 23, 2, 17, 24).toInstant(ZoneOffset.UTC);
        assertEquals("Mon Nov 23 02:17:24 2026: (VI_1) Entering MASTER STATE",
                KeepalivedLayouts.consoleLine(t, ZoneOffset.UTC, "(VI_1) Entering MASTER STATE"));
        Instant d = LocalDateTime.of(2026, 11, 2, 2, 17, 24).toInstant(ZoneOffset.UTC);
        assertEquals("Mon Nov  2 02:17:24 2026: x", KeepalivedLayouts.consoleLine(d, ZoneOffset.UTC, "x"));
    }

    @Test
    void fileLinesCarryNanosecondsAndZeroPaddedDay() {
        Instant t = LocalDateTime.of(2026, 11, 2, 2, 17, 24).toInstant(ZoneOffset.UTC).plusNanos(1_234_567);
        assertEquals("Mon Nov 02 02:17:24.001234567 2026: x", KeepalivedLayouts.fileLine(t, ZoneOffset.UTC, "x"));
        var layout = KeepalivedLayouts.file(ZoneOffset.UTC);
        layout.start();
        assertEquals("Mon Nov 02 02:17:24.001234567 2026: y" + System.lineSeparator(), layout.doLayout(event(t, "y")));
    }
}
