package io.javakeepalived.daemon;

import io.javakeepalived.log.RateLimitedLog;
import io.javakeepalived.vrrp.packet.RejectReason;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * The log lines of received packets the daemon does not accept, in keepalived's wording, rate
 * limited per (instance or socket, reason): keepalived writes one line per bad packet, so a
 * flood of forged adverts, or a peer with the wrong password sending ten adverts a second,
 * would fill syslog. The first {@link #BURST} lines of a reason in an {@link #INTERVAL} are
 * logged at once; the rest are only counted (the packets are counted in the instance's
 * counters all the same) and reported as {@code <last line> ... N more suppressed} when the
 * interval is over, by the next line of that reason or by {@link #flush()}, which the loop
 * calls every turn.
 *
 * <p>Owned by the VRRP loop thread.
 */
final class RejectedPacketLog {
    /** Lines of one reason logged at once in an interval. */
    static final int BURST = 1;
    /** How long the rest of a reason's lines are only counted. */
    static final Duration INTERVAL = Duration.ofSeconds(60);
    /** flush() looks at the windows at most this often. */
    private static final long FLUSH_EVERY_NANOS = 1_000_000_000L;

    /** One rate-limit window: an instance (or a socket, for packets no instance took) and a reason. */
    record Key(String scope, RejectReason reason) {
        Key {
            Objects.requireNonNull(scope, "scope");
        }
    }

    private final RateLimitedLog<Key> lines;
    private final LongSupplier clock;
    private long lastFlush;

    RejectedPacketLog(Logger log, int burst, Duration interval, LongSupplier clock) {
        this.lines = new RateLimitedLog<>(log, Level.INFO, burst, interval, clock);
        this.clock = clock;
        this.lastFlush = clock.getAsLong();
    }

    RejectedPacketLog(Logger log, LongSupplier clock) {
        this(log, BURST, INTERVAL, clock);
    }

    /**
     * Logs {@code line} (already in keepalived's wording, prefix included) unless its window is
     * full; true if it was written.
     */
    boolean log(String scope, RejectReason reason, String line) {
        return lines.log(new Key(scope, reason), "{}", line);
    }

    /** Writes the summaries of windows that are over; cheap enough for every loop turn. */
    void flush() {
        long now = clock.getAsLong();
        if (now - lastFlush < FLUSH_EVERY_NANOS) {
            return;
        }
        lastFlush = now;
        lines.flush();
    }

    /** Lines suppressed so far for (scope, reason). */
    long suppressed(String scope, RejectReason reason) {
        return lines.totalSuppressed(new Key(scope, reason));
    }
}
