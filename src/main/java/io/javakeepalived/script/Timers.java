package io.javakeepalived.script;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A monotonic clock with one-shot timers: what the runner's timeouts and the track-script
 * schedule need. Tests use a fake that advances by hand. Tasks must be short and not block.
 */
public interface Timers {

    /** Monotonic time in nanoseconds (the origin is arbitrary). */
    long nanoTime();

    /** Runs {@code task} once at (or soon after) {@code deadlineNanos} on {@link #nanoTime()}'s scale. */
    Cancellable at(long deadlineNanos, Runnable task);

    /** Runs {@code task} once after {@code delay}. */
    default Cancellable after(Duration delay, Runnable task) {
        return at(nanoTime() + delay.toNanos(), task);
    }

    /** A pending timer. */
    @FunctionalInterface
    interface Cancellable {
        /** The task will not run if it has not started; harmless if it has. */
        void cancel();
    }

    /** System.nanoTime and one daemon thread, created on first use and shared. */
    static Timers system() {
        return SystemTimers.INSTANCE;
    }

    /** {@link #system()}'s implementation. */
    final class SystemTimers implements Timers {
        static final SystemTimers INSTANCE = new SystemTimers();
        private final ScheduledThreadPoolExecutor executor;

        private SystemTimers() {
            executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "javakeepalived-script-timers");
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Cancellable at(long deadlineNanos, Runnable task) {
            ScheduledFuture<?> f = executor.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    ScriptLog.slf4j(Timers.class.getName()).log(ScriptLog.Level.WARNING,
                            "script timer task failed: " + e);
                }
            }, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }
    }
}
