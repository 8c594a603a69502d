package io.javakeepalived.log;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.MessageFormatter;

/**
 * Per-reason rate limit for repetitive warnings, such as one line per rejected packet: in each
 * interval (which starts with a reason's first line) the first {@code burst} lines of a reason
 * are logged and the rest only counted. The count is reported once the interval is over, as
 * {@code <last line logged> ... N more suppressed}, either before the reason's next line or
 * by {@link #flush()}, which the daemon may call from a timer. A suppressed line is never
 * formatted. Thread-safe.
 *
 * <pre>
 * RateLimitedLog&lt;RejectReason&gt; rejects = RateLimitedLog.of(log, Level.INFO, 5, Duration.ofMinutes(1));
 * rejects.log(rejection.reason(), "{}", rejection.logLine(name));
 * </pre>
 *
 * @param <K> the reason (an enum constant, or a record of instance and reason)
 */
public final class RateLimitedLog<K> {

    private final Logger logger;
    private final Level level;
    private final int burst;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<K, Window> windows = new ConcurrentHashMap<>();
    /**
     * When the first interval holding suppressed lines ends ({@link #NONE}: none holds any).
     * {@link #flush()} runs every loop turn and almost always has nothing to report, even under a
     * flood (it reports once an interval): this spares it the walk, whose iterator the daemon's
     * JIT (C1, without escape analysis) would allocate every turn.
     */
    private final AtomicLong summaryDue = new AtomicLong(NONE);
    private static final long NONE = Long.MAX_VALUE;

    private static final class Window {
        long start;
        int logged;
        long suppressed;
        long totalSuppressed;
        String lastLine;
    }

    public RateLimitedLog(Logger logger, Level level, int burst, Duration interval, LongSupplier nanoClock) {
        this.logger = Objects.requireNonNull(logger, "logger");
        this.level = Objects.requireNonNull(level, "level");
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1");
        }
        this.burst = burst;
        this.intervalNanos = interval.toNanos();
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** A limiter on the system's monotonic clock. */
    public static <K> RateLimitedLog<K> of(Logger logger, Level level, int burst, Duration interval) {
        return new RateLimitedLog<>(logger, level, burst, interval, System::nanoTime);
    }

    /** Logs {@code format} (SLF4J {@code {}} placeholders) unless over the limit; true if logged. */
    public boolean log(K reason, String format, Object arg) {
        return log(reason, format, new Object[] {arg});
    }

    /** As {@link #log(Object, String, Object)} with two arguments. */
    public boolean log(K reason, String format, Object arg1, Object arg2) {
        return log(reason, format, new Object[] {arg1, arg2});
    }

    /** As {@link #log(Object, String, Object)} with any number of arguments. */
    public boolean log(K reason, String format, Object... args) {
        return logLine(reason, null, format, null, args);
    }

    /**
     * Logs the line {@code line} makes, unless over the limit; true if logged. The line is made
     * only when it is written: a flood that the limit holds back costs no text.
     */
    public boolean log(K reason, Supplier<String> line) {
        return logLine(reason, null, null, Objects.requireNonNull(line, "line"), null);
    }

    /**
     * As {@link #log(Object, String, Object...)}, with {@code trace}'s stack trace after the line
     * when it is logged: a failure that repeats every loop turn shows its trace once per interval,
     * not once per turn. The summary lines carry no trace.
     */
    public boolean logWithTrace(K reason, Throwable trace, String format, Object... args) {
        return logLine(reason, Objects.requireNonNull(trace, "trace"), format, null, args);
    }

    private boolean logLine(K reason, Throwable trace, String format, Supplier<String> made, Object[] args) {
        Objects.requireNonNull(reason, "reason");
        long now = nanoClock.getAsLong();
        Window w = windows.get(reason); // no capturing lambda for a window that exists (per advert)
        if (w == null) {
            w = windows.computeIfAbsent(reason, k -> newWindow(now));
        }
        String summary = null;
        String line = null;
        boolean enabled = logger.isEnabledForLevel(level);
        synchronized (w) {
            if (now - w.start >= intervalNanos) {
                summary = takeSummary(w);
                w.start = now;
                w.logged = 0;
            }
            if (w.logged < burst) {
                w.logged++;
                if (enabled) {
                    line = made != null ? made.get() : MessageFormatter.arrayFormat(format, args).getMessage();
                    w.lastLine = line;
                }
            } else {
                w.suppressed++;
                w.totalSuppressed++;
                summaryDue(w);
            }
        }
        if (summary != null) {
            emit(summary, null);
        }
        if (line != null) {
            emit(line, trace);
        }
        return line != null;
    }

    /**
     * Reports the suppressed counts of every interval that is over; returns how many summary
     * lines were logged.
     */
    public int flush() {
        long now = nanoClock.getAsLong();
        long due = summaryDue.get();
        if (due == NONE || now - due < 0) {
            return 0;
        }
        summaryDue.set(NONE); // the windows that still hold lines, and lines suppressed from here on, set it again
        int n = 0;
        for (Window w : windows.values()) {
            String summary = null;
            synchronized (w) {
                if (now - w.start >= intervalNanos) {
                    summary = takeSummary(w);
                } else if (w.suppressed > 0) {
                    summaryDue(w);
                }
            }
            if (summary != null) {
                emit(summary, null);
                n++;
            }
        }
        return n;
    }

    /** Lines of {@code reason} suppressed since this limiter was made. */
    public long totalSuppressed(K reason) {
        Window w = windows.get(reason);
        if (w == null) {
            return 0;
        }
        synchronized (w) {
            return w.totalSuppressed;
        }
    }

    /** Called holding {@code w}'s lock. */
    private void summaryDue(Window w) {
        long end = w.start + intervalNanos;
        summaryDue.accumulateAndGet(end, RateLimitedLog::earlier);
    }

    private static long earlier(long a, long b) {
        if (a == NONE) {
            return b;
        }
        if (b == NONE) {
            return a;
        }
        return b - a < 0 ? b : a; // nanoTime's origin is arbitrary: compare by difference
    }

    private static Window newWindow(long now) {
        Window w = new Window();
        w.start = now;
        return w;
    }

    private static String takeSummary(Window w) {
        if (w.suppressed == 0) {
            return null;
        }
        String s = (w.lastLine == null ? "" : w.lastLine + " ") + "... " + w.suppressed + " more suppressed";
        w.suppressed = 0;
        return s;
    }

    private void emit(String line, Throwable trace) {
        switch (level) {
            case ERROR: logger.error("{}", line, trace); break;
            case WARN: logger.warn("{}", line, trace); break;
            case INFO: logger.info("{}", line, trace); break;
            case DEBUG: logger.debug("{}", line, trace); break;
            default: logger.trace("{}", line, trace); break;
        }
    }
}
