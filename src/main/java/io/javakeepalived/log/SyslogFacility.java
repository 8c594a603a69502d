package io.javakeepalived.log;

import java.util.Locale;
import java.util.Optional;

/**
 * Syslog facility codes (RFC 3164 §4.1.1; the PRI value is {@code facility * 8 + severity}) and
 * keepalived's {@code -S} argument.
 */
public final class SyslogFacility {

    public static final int KERN = 0;
    public static final int USER = 1;
    public static final int DAEMON = 3;
    public static final int LOCAL0 = 16;
    public static final int LOCAL7 = 23;

    private SyslogFacility() {
    }

    /**
     * The facility for a {@code -S}/{@code --log-facility} argument as keepalived 2.2.7 reads it
     * (core/main.c): {@code 0}..{@code 7} and {@code local0}..{@code local7} mean LOCAL0..LOCAL7
     * (a bare number is <em>not</em> a facility code), {@code user} and {@code daemon} their
     * facilities. Anything else is empty; keepalived then prints
     * {@code Invalid log facility '%s'} to stderr and keeps the default (daemon).
     */
    public static Optional<Integer> parseKeepalivedArgument(String arg) {
        if (arg == null) {
            return Optional.empty();
        }
        String a = arg.toLowerCase(Locale.ROOT);
        String digits = a.startsWith("local") ? a.substring(5) : a;
        if (digits.length() == 1 && digits.charAt(0) >= '0' && digits.charAt(0) <= '7') {
            return Optional.of(LOCAL0 + (digits.charAt(0) - '0'));
        }
        if (arg.equals("daemon")) {
            return Optional.of(DAEMON);
        }
        if (arg.equals("user")) {
            return Optional.of(USER);
        }
        return Optional.empty();
    }

    static int checked(int facility) {
        if (facility < 0 || facility > LOCAL7) {
            throw new IllegalArgumentException("syslog facility must be 0..23, not " + facility);
        }
        return facility;
    }
}
