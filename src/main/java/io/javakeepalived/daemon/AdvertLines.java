package io.javakeepalived.daemon;

import io.javakeepalived.log.RateLimitedLog;
import io.javakeepalived.vrrp.Action;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * The per-packet lines of accepted adverts ("Received advert from ... with lower priority"):
 * 5 a minute per instance, then a count. A line's text is made only when the limit lets it
 * through: a flood at a master is mostly held back, and text nobody reads was most of what
 * each of its adverts cost (issue 14).
 */
final class AdvertLines {
    private final RateLimitedLog<String> limit;
    /** The line on offer, handed to the limit without a method reference per line. */
    private final Offered offered = new Offered();

    AdvertLines(Logger log, LongSupplier clock) {
        limit = new RateLimitedLog<>(log, Level.INFO, 5, Duration.ofMinutes(1), clock);
    }

    void offer(String instance, Action.Log line) {
        offered.line = line;
        try {
            limit.log(instance, offered);
        } finally {
            offered.line = null;
        }
    }

    /** Summaries of lines held back whose interval is over. */
    void flush() {
        limit.flush();
    }

    private static final class Offered implements Supplier<String> {
        Action.Log line;

        @Override
        public String get() {
            return line.text();
        }
    }
}
