package io.javakeepalived.mail;

import java.time.Duration;

/**
 * How long a mail the server did not take is tried again: after {@code firstDelay}, then twice as
 * long each time up to {@code maxDelay}, at most {@code maxAttempts} attempts in all, and never
 * once {@code window} has passed since the alert was raised (an alert an hour late misleads more
 * than it helps).
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts, Duration window) {

    /** 2 s, 4 s, 8 s, 16 s, 32 s, 60 s, 60 s: 8 attempts within 5 minutes. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60), 8,
            Duration.ofMinutes(5));

    public RetryPolicy {
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxAttempts < 1 || window.isNegative()) {
            throw new IllegalArgumentException("bad retry policy");
        }
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} (1-based) failed. */
    public long delayNanosAfter(int attempt) {
        long d = firstDelay.toNanos();
        for (int i = 1; i < attempt && d < maxDelay.toNanos(); i++) {
            d *= 2;
        }
        return Math.min(d, maxDelay.toNanos());
    }
}
