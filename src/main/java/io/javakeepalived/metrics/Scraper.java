package io.javakeepalived.metrics;

import io.javakeepalived.daemon.LoopSnapshot;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Gets a snapshot from the VRRP loop for a scrape, so that scrapes never cost the loop more than
 * one snapshot per {@code minInterval} and never make the HTTP side wait more than {@code timeout}:
 * <ul>
 * <li>a scrape within {@code minInterval} of the last answer gets that answer again;</li>
 * <li>otherwise one request goes to the loop; while it is unanswered no second one is posted
 *     (a stuck loop's queue does not grow with each scrape), later scrapes wait on the same one;</li>
 * <li>no answer within {@code timeout}: the scrape reports the daemon down.</li>
 * </ul>
 * The loop only builds the snapshot; rendering happens on the caller's (HTTP) thread.
 */
final class Scraper {

    private final SnapshotSource source;
    private final long timeoutNanos;
    private final long minIntervalNanos;
    private final LongSupplier nanoClock;

    private CompletableFuture<Scrape> pending;
    private long pendingSince;
    private Scrape last;
    private long lastAt;

    Scraper(SnapshotSource source, Duration timeout, Duration minInterval, LongSupplier nanoClock) {
        this.source = Objects.requireNonNull(source, "source");
        this.timeoutNanos = timeout.toNanos();
        this.minIntervalNanos = minInterval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** The freshest answer, waiting at most {@code timeout}. Any thread; scrapes are serialised. */
    synchronized Scrape scrape() {
        long now = nanoClock.getAsLong();
        if (last != null && now - lastAt < minIntervalNanos) {
            return last;
        }
        if (pending == null) {
            CompletableFuture<Scrape> f = new CompletableFuture<>();
            long postedAt = now;
            pending = f;
            pendingSince = now;
            source.request((LoopSnapshot s) -> f.complete(new Scrape(s, nanoClock.getAsLong() - postedAt)));
        }
        try {
            Scrape s = pending.get(timeoutNanos, TimeUnit.NANOSECONDS);
            pending = null;
            last = s;
            lastAt = nanoClock.getAsLong();
            return s;
        } catch (TimeoutException e) {
            return new Scrape(null, nanoClock.getAsLong() - pendingSince);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Scrape(null, nanoClock.getAsLong() - pendingSince);
        } catch (ExecutionException e) {
            pending = null;
            return new Scrape(null, nanoClock.getAsLong() - pendingSince);
        }
    }
}
