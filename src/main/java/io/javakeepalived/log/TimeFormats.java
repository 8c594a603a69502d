package io.javakeepalived.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The C-locale time stamps keepalived's log lines carry. Each uses the local time zone given,
 * like keepalived's {@code localtime_r}.
 */
public final class TimeFormats {

    /** strftime {@code %c} in the C locale: {@code Mon Nov  3 02:17:24 2026} (day space-padded). */
    static final DateTimeFormatter CONSOLE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US);
    /** glibc syslog(3) header stamp {@code %h %e %T}: {@code Nov  3 02:24:38}. */
    static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.US);
    /** keepalived's log file stamp {@code %a %b %d %T.%9ld %Y} (day zero-padded, nanoseconds). */
    static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss.SSSSSSSSS uuuu", Locale.US);

    private TimeFormats() {
    }

    /** The {@code -l} console stamp, e.g. {@code Mon Nov 23 02:17:24 2026}. */
    public static String console(Instant t, ZoneId zone) {
        return CONSOLE.format(t.atZone(zone));
    }

    /** The RFC 3164 header stamp, e.g. {@code Nov 23 02:24:38}. */
    public static String syslog(Instant t, ZoneId zone) {
        return SYSLOG.format(t.atZone(zone));
    }

    /** The {@code -g} log file stamp, e.g. {@code Mon Nov 23 02:17:24.123456789 2026}. */
    public static String file(Instant t, ZoneId zone) {
        return FILE.format(t.atZone(zone));
    }
}
