package io.javakeepalived.daemon.systemd;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * Sends {@code WATCHDOG=1} every half WatchdogSec, and only when every loop has proved since
 * the last round that it still turns. A timer thread that pinged unconditionally would prove
 * only that the JVM is alive, while the thread that owns the VIPs could be stuck in a
 * syscall, a deadlock or an endless loop; systemd could never notice.
 *
 * <p>Each round: note the clock, ping every {@link Heartbeat} (a ping wakes the loop for an
 * empty turn), wait until each loop's {@code lastTurnNanos} is past the noted time, then send
 * WATCHDOG=1 at once. A loop that has not turned by the end of the round withholds the ping
 * and is named in the log, once per stall: "VRRP loop has not turned for 5012 ms - withholding
 * watchdog ping". systemd then kills and restarts the daemon after WatchdogSec; the new
 * daemon removes the VIPs its predecessor left. keepalived sends no WATCHDOG at all (its
 * unit has no WatchdogSec).
 */
public final class Watchdog implements AutoCloseable {

    /** Waits; a seam for tests with a fake clock. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private static final long FIRST_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final List<Heartbeat> beats;
    private final long periodNanos;
    private final ServiceNotifier notifier;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final Logger log;
    private String stalled;
    private long stalledSince;
    private Thread thread;

    Watchdog(List<Heartbeat> beats, Duration period, ServiceNotifier notifier, LongSupplier clock, Sleeper sleeper,
             Logger log) {
        if (beats.isEmpty()) {
            throw new IllegalArgumentException("a watchdog needs at least one heartbeat");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period " + period);
        }
        this.beats = List.copyOf(beats);
        this.periodNanos = period.toNanos();
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Starts the watchdog thread for systemd's {@code timeout} (WatchdogSec): a round every
     * half of it, as sd_watchdog_enabled(3) recommends.
     */
    public static Watchdog start(List<Heartbeat> beats, Duration timeout, ServiceNotifier notifier, Logger log) {
        Watchdog w = new Watchdog(beats, timeout.dividedBy(2), notifier, System::nanoTime,
                n -> TimeUnit.NANOSECONDS.sleep(n), log);
        Thread t = new Thread(w::runRounds, "watchdog");
        t.setDaemon(true);
        w.thread = t;
        t.start();
        log.info("systemd watchdog: WatchdogSec {} ms, a ping every {} ms while the loops turn",
                timeout.toMillis(), w.periodNanos / 1_000_000);
        return w;
    }

    private void runRounds() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                round();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // without this thread there are no pings: systemd restarts us, which is right
            log.error("watchdog thread failed - no more watchdog pings: {}", e.toString(), e);
        }
    }

    /**
     * One round of one period. Returns whether WATCHDOG=1 was sent.
     */
    boolean round() throws InterruptedException {
        long start = clock.getAsLong();
        long deadline = start + periodNanos;
        for (Heartbeat b : beats) {
            b.ping().run();
        }
        Heartbeat late = lateSince(start);
        long wait = FIRST_CHECK_NANOS;
        while (late != null) {
            long left = deadline - clock.getAsLong();
            if (left <= 0) {
                break;
            }
            sleeper.sleep(Math.min(wait, left));
            wait = Math.min(wait * 2, MAX_CHECK_NANOS);
            late = lateSince(start);
        }
        if (late == null) {
            notifier.watchdog();
            if (stalled != null) {
                log.warn("{} turns again after {} ms - watchdog pings resume", stalled,
                        TimeUnit.NANOSECONDS.toMillis(clock.getAsLong() - stalledSince));
                stalled = null;
            }
        } else if (stalled == null) {
            stalled = late.name();
            long last = late.lastTurnNanos().getAsLong();
            long now = clock.getAsLong();
            stalledSince = last == 0 ? start : last;
            if (last == 0) {
                log.error("{} has not started turning - withholding watchdog ping", late.name());
            } else {
                log.error("{} has not turned for {} ms - withholding watchdog ping", late.name(),
                        TimeUnit.NANOSECONDS.toMillis(now - last));
            }
        }
        long left = deadline - clock.getAsLong();
        if (left > 0) {
            sleeper.sleep(left);
        }
        return late == null;
    }

    private Heartbeat lateSince(long pingedAt) {
        for (Heartbeat b : beats) {
            if (b.lastTurnNanos().getAsLong() - pingedAt < 0) {
                return b;
            }
        }
        return null;
    }

    /** Stops the thread (at exit; systemd expects no pings once the main process is gone). */
    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
