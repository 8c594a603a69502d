package io.javakeepalived.cli;

import java.util.Locale;
import java.util.Optional;

/**
 * Parses {@code -S/--log-facility} as keepalived does: a digit 0-7 or {@code local0}-{@code local7}
 * selects LOCAL0-LOCAL7; otherwise a syslog facility name. The value is the syslog facility
 * code (the number shifted into the PRI field by the logger).
 */
public final class LogFacility {
    public static final int DAEMON = 3;
    private static final int LOCAL0 = 16;
    private static final String[] NAMES = {
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
    };

    private LogFacility() {
    }

    public static Optional<Integer> parse(String text) {
        String local = text.startsWith("local") ? text.substring("local".length()) : text;
        if (local.length() == 1 && local.charAt(0) >= '0' && local.charAt(0) <= '7') {
            return Optional.of(LOCAL0 + (local.charAt(0) - '0'));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (int code = 0; code < NAMES.length; code++) {
            if (NAMES[code].equals(lower)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
