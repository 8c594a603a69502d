package io.javakeepalived.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Datagram text byte for byte against what keepalived 2.2.7 sent to /dev/log. */
class SyslogFormatTest {

    static final Pattern LINE = Pattern.compile("<(\\d+)>(\\w{3}) ([ \\d]\\d) (\\d\\d):(\\d\\d):(\\d\\d) ([^\\[]+)\\[(\\d+)\\]: (.*)");
    static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec");

    /** Epoch millis of a syslog stamp read field by field, in 2026, UTC. */
    static long epochOf(Matcher m) {
        LocalDateTime t = LocalDateTime.of(2026, MONTHS.indexOf(m.group(2)) + 1, Integer.parseInt(m.group(3).trim()),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
        return t.toInstant(ZoneOffset.UTC).toEpochMilli() + 123; // sub-second part must not show
    }

    @Test
    void everySampleDatagramIsReproduced() throws IOException {
        List<String> lines = Files.readAllLines(
                SharedFiles.resolve("reference/keepalived-runs/syslog-format-sample.txt"), StandardCharsets.UTF_8);
        int checked = 0;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            int pri = Integer.parseInt(m.group(1));
            SyslogFormat f = new SyslogFormat(m.group(7), Long.parseLong(m.group(8)), pri / 8, ZoneOffset.UTC);
            assertEquals(line, f.format(epochOf(m), pri % 8, m.group(9)));
            assertEquals(line, new String(f.datagram(epochOf(m), pri % 8, m.group(9)), StandardCharsets.UTF_8));
            checked++;
        }
        assertEquals(13, checked);
    }

    @Test
    void vrrpTransitionLine() {
        SyslogFormat f = new SyslogFormat("Keepalived_vrrp", 10798, SyslogFacility.DAEMON, ZoneOffset.UTC);
        long t = LocalDateTime.of(2026, 11, 23, 2, 24, 41).toInstant(ZoneOffset.UTC).toEpochMilli();
        assertEquals("<30>Nov 23 02:24:41 Keepalived_vrrp[10798]: (VI_1) Entering MASTER STATE",
                f.format(t, Severity.INFO, "(VI_1) Entering MASTER STATE"));
    }

    @Test
    void singleDigitDayIsSpacePaddedAndPriCombinesFacility() {
        SyslogFormat f = new SyslogFormat("Keepalived", 7, SyslogFacility.LOCAL0 + 5, ZoneOffset.UTC);
        long t = LocalDateTime.of(2026, 3, 3, 9, 5, 7).toInstant(ZoneOffset.UTC).toEpochMilli();
        assertEquals("<171>Mar  3 09:05:07 Keepalived[7]: x", f.format(t, Severity.ERR, "x"));
    }

    @Test
    void stampUsesTheGivenZoneAndSecondCacheFollowsTime() {
        SyslogFormat f = new SyslogFormat("K", 1, 3, ZoneId.of("Europe/Berlin"));
        long t = LocalDateTime.of(2026, 1, 1, 0, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        assertEquals("<30>Jan  1 01:00:00 K[1]: a", f.format(t, 6, "a"));
        assertEquals("<30>Jan  1 01:00:00 K[1]: b", f.format(t + 999, 6, "b"));
        assertEquals("<30>Jan  1 01:00:01 K[1]: c", f.format(t + 1000, 6, "c"));
        assertEquals("<30>Jan  1 00:59:59 K[1]: d", f.format(t - 1, 6, "d"));
    }

    @Test
    void longLinesAreCutOnACharacterBoundary() {
        SyslogFormat f = new SyslogFormat("K", 1, 3, ZoneOffset.UTC);
        String msg = "é".repeat(SyslogFormat.MAX_DATAGRAM);
        byte[] b = f.datagram(0, 6, msg);
        assertTrue(b.length <= SyslogFormat.MAX_DATAGRAM);
        String back = new String(b, StandardCharsets.UTF_8);
        assertFalse(back.contains("\uFFFD"));
        assertTrue(back.startsWith("<30>Jan  1 00:00:00 K[1]: éé"));
    }

    @Test
    void facilityArgumentsAsKeepalivedReadsThem() {
        assertEquals(Optional.of(16), SyslogFacility.parseKeepalivedArgument("0"));
        assertEquals(Optional.of(23), SyslogFacility.parseKeepalivedArgument("7"));
        assertEquals(Optional.of(19), SyslogFacility.parseKeepalivedArgument("local3"));
        assertEquals(Optional.of(3), SyslogFacility.parseKeepalivedArgument("daemon"));
        assertEquals(Optional.of(1), SyslogFacility.parseKeepalivedArgument("user"));
        assertEquals(Optional.empty(), SyslogFacility.parseKeepalivedArgument("8"));
        assertEquals(Optional.empty(), SyslogFacility.parseKeepalivedArgument("local8"));
        assertEquals(Optional.empty(), SyslogFacility.parseKeepalivedArgument("kern"));
        assertEquals(Optional.empty(), SyslogFacility.parseKeepalivedArgument("13"));
        assertEquals(3, LogOptions.fromSwitches(false, false, false, "bogus", null).facility());
        assertEquals(17, LogOptions.fromSwitches(false, false, false, "1", null).facility());
    }
}
