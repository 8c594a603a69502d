package io.javakeepalived.daemon.systemd;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Whether systemd watches this process, read as sd_watchdog_enabled(3) does: {@code
 * $WATCHDOG_USEC} is WatchdogSec= in microseconds; {@code $WATCHDOG_PID}, when set, names the
 * process meant (a child that inherited the variables must not ping for its parent).
 */
public final class WatchdogSettings {
    private WatchdogSettings() {
    }

    /** The watchdog timeout for process {@code pid}, or empty when there is none for it. */
    public static Optional<Duration> timeout(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec == null || usec.isBlank()) {
            return Optional.empty();
        }
        String forPid = env.get("WATCHDOG_PID");
        if (forPid != null && !forPid.isBlank()) {
            try {
                if (Long.parseLong(forPid.trim()) != pid) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            long us = Long.parseLong(usec.trim());
            return us > 0 ? Optional.of(Duration.ofNanos(us * 1000)) : Optional.empty();
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
