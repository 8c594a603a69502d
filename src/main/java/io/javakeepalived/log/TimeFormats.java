package io.javakeepalived.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The C-locale time stamps keepalived's log lines carry. Each uses the local time zone given,
 * like keepalived's {@code localtime_r}.
 *
 * <p>Written out by hand rather than with {@code DateTimeFormatter}: the first formatted line
 * would otherwise load the JDK's locale providers and resource bundles (about 200 classes, a
 * tenth of the daemon's start-up) for names the C locale fixes anyway.
 */
public final class TimeFormats {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    private TimeFormats() {
    }

    /** The {@code -l} console stamp, strftime {@code %c} in the C locale: {@code Mon Nov  3 02:17:24 2026}. */
    public static String console(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        StringBuilder sb = new StringBuilder(24).append(DAYS[z.getDayOfWeek().ordinal()]).append(' ');
        monthDay(sb, z, ' ').append(' ');
        return time(sb, z).append(' ').append(z.getYear()).toString();
    }

    /** The RFC 3164 header stamp, glibc syslog(3)'s {@code %h %e %T}: {@code Nov  3 02:24:38}. */
    public static String syslog(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        StringBuilder sb = new StringBuilder(15);
        monthDay(sb, z, ' ').append(' ');
        return time(sb, z).toString();
    }

    /** The {@code -g} log file stamp {@code %a %b %d %T.%9ld %Y}: {@code Mon Nov 03 02:17:24.123456789 2026}. */
    public static String file(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        StringBuilder sb = new StringBuilder(34).append(DAYS[z.getDayOfWeek().ordinal()]).append(' ');
        monthDay(sb, z, '0').append(' ');
        time(sb, z).append('.');
        String nanos = Integer.toString(z.getNano());
        sb.append("000000000", nanos.length(), 9).append(nanos);
        return sb.append(' ').append(z.getYear()).toString();
    }

    /** {@code Nov  3} or {@code Nov 03}: the day padded to two with {@code pad}. */
    private static StringBuilder monthDay(StringBuilder sb, ZonedDateTime z, char pad) {
        sb.append(MONTHS[z.getMonthValue() - 1]).append(' ');
        int day = z.getDayOfMonth();
        return (day < 10 ? sb.append(pad) : sb).append(day);
    }

    /** {@code 02:17:24}. */
    private static StringBuilder time(StringBuilder sb, ZonedDateTime z) {
        return twoDigits(twoDigits(twoDigits(sb, z.getHour()).append(':'), z.getMinute()).append(':'), z.getSecond());
    }

    private static StringBuilder twoDigits(StringBuilder sb, int value) {
        return (value < 10 ? sb.append('0') : sb).append(value);
    }
}
