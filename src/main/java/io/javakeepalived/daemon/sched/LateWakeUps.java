package io.javakeepalived.daemon.sched;

import org.slf4j.Logger;

/**
 * keepalived's test for a process that does not get the CPU when it needs it (lib/scheduler.c,
 * after each epoll_wait): the earliest timer fired more than {@code min_auto_priority_delay}
 * late. Each such wake-up is logged as keepalived logs it, whether or not
 * {@code max_auto_priority} allows a step up, and the step is asked for.
 */
public final class LateWakeUps {
    private final long minDelayNanos;
    private final Runnable stepUp;
    private final Logger log;

    /**
     * @param minDelayNanos {@code min_auto_priority_delay} (default 1 s)
     * @param stepUp        what a late wake-up asks for: the loop thread's next real-time step
     */
    public LateWakeUps(long minDelayNanos, Runnable stepUp, Logger log) {
        this.minDelayNanos = minDelayNanos;
        this.stepUp = stepUp;
        this.log = log;
    }

    /** After a wait meant to end at {@code deadlineNanos} ended at {@code nowNanos} (one clock). */
    public void woke(long deadlineNanos, long nowNanos) {
        long lateMicros = (nowNanos - deadlineNanos) / 1000;
        if (lateMicros * 1000 <= minDelayNanos) {
            return;
        }
        log.info("A thread timer expired {}.{} seconds ago", lateMicros / 1_000_000,
                String.format("%06d", lateMicros % 1_000_000));
        stepUp.run();
    }
}
