package io.javakeepalived.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written stamps are character for character what the C-locale patterns give. */
class TimeFormatsTest {
    private static final DateTimeFormatter CONSOLE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US);
    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.US);
    private static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss.SSSSSSSSS uuuu",
            Locale.US);

    @Test
    void examplesFromKeepalivedsLogs() {
        ZoneId utc = ZoneId.of("UTC");
        Instant t = Instant.parse("2026-11-03T02:17:24.000123456Z");
        assertEquals("Tue Nov  3 02:17:24 2026", TimeFormats.console(t, utc));
        assertEquals("Nov  3 02:17:24", TimeFormats.syslog(t, utc));
        assertEquals("Tue Nov 03 02:17:24.000123456 2026", TimeFormats.file(t, utc));
        Instant late = Instant.parse("2026-12-23T23:59:59.999999999Z");
        assertEquals("Wed Dec 23 23:59:59 2026", TimeFormats.console(late, utc));
        assertEquals("Wed Dec 23 23:59:59.999999999 2026", TimeFormats.file(late, utc));
    }

    @Test
    void everyDayMonthAndHourMatchesTheLocalePatterns() {
        SplittableRandom random = new SplittableRandom(14);
        for (String zone : new String[] {"UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata"}) {
            ZoneId z = ZoneId.of(zone);
            for (int i = 0; i < 5_000; i++) {
                Instant t = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
                assertEquals(CONSOLE.format(t.atZone(z)), TimeFormats.console(t, z), t + " " + zone);
                assertEquals(SYSLOG.format(t.atZone(z)), TimeFormats.syslog(t, z), t + " " + zone);
                assertEquals(FILE.format(t.atZone(z)), TimeFormats.file(t, z), t + " " + zone);
            }
        }
    }
}
