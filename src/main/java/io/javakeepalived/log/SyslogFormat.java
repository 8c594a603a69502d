package io.javakeepalived.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Renders one RFC 3164 datagram the way glibc's syslog(3) does for keepalived (opened with
 * {@code LOG_PID}): {@code <PRI>Mmm dd hh:mm:ss IDENT[PID]: message}, e.g.
 * {@code <30>Nov 23 02:24:38 Keepalived_vrrp[10798]: (VI_1) Entering MASTER STATE}.
 * The message is sent as is (no trailing newline, no escaping). The stamp of the current
 * second is cached, so a line costs one string build. Not thread-safe (the appender
 * serialises calls).
 */
public final class SyslogFormat {

    /** Longest datagram sent; longer lines are cut (rsyslog's default maximum is 8 KiB). */
    public static final int MAX_DATAGRAM = 8192;

    private final String identPart;
    private final int facility;
    private final ZoneId zone;
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedStamp;

    /**
     * @param ident    program name, e.g. {@code Keepalived_vrrp}
     * @param pid      process id written in brackets
     * @param facility facility code 0..23 (daemon = 3)
     * @param zone     time zone of the stamp (the system's for a daemon)
     */
    public SyslogFormat(String ident, long pid, int facility, ZoneId zone) {
        this.identPart = " " + Objects.requireNonNull(ident, "ident") + "[" + pid + "]: ";
        this.facility = SyslogFacility.checked(facility);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The datagram text for a line logged at {@code epochMillis} with {@code severity} 0..7. */
    public String format(long epochMillis, int severity, String message) {
        long second = Math.floorDiv(epochMillis, 1000L);
        if (second != cachedSecond) {
            cachedStamp = TimeFormats.syslog(Instant.ofEpochSecond(second), zone);
            cachedSecond = second;
        }
        int pri = facility * 8 + (severity & 7);
        StringBuilder sb = new StringBuilder(24 + identPart.length() + message.length());
        sb.append('<').append(pri).append('>').append(cachedStamp).append(identPart).append(message);
        return sb.toString();
    }

    /** {@link #format} as UTF-8 bytes, cut to {@link #MAX_DATAGRAM}. */
    public byte[] datagram(long epochMillis, int severity, String message) {
        byte[] b = format(epochMillis, severity, message).getBytes(StandardCharsets.UTF_8);
        if (b.length <= MAX_DATAGRAM) {
            return b;
        }
        int end = MAX_DATAGRAM;
        while (end > 0 && (b[end] & 0xC0) == 0x80) { // do not cut inside a UTF-8 sequence
            end--;
        }
        return java.util.Arrays.copyOf(b, end);
    }
}
