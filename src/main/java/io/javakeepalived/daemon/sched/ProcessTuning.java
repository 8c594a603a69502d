package io.javakeepalived.daemon.sched;

import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.daemon.LoopScheduling;
import io.javakeepalived.sys.ThreadScheduler;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;

/**
 * keepalived's per-process scheduling settings for a daemon whose "processes" are two threads of
 * one JVM. What the kernel keeps per thread - nice, SCHED_RR and its priority, CPU affinity - is
 * set on the VRRP loop's thread ({@code vrrp_*}) and on the checker loop's ({@code checker_*}),
 * each by the thread itself; every other JVM thread (GC, JIT, scripts' reapers) is left as it was,
 * and threads a real-time loop starts are not real-time (SCHED_RESET_ON_FORK).
 *
 * <p>What the kernel keeps per process is shared, and settled here:
 * <ul>
 * <li>RLIMIT_RTTIME: one limit, counted per thread; the largest of the limits of the loops that
 *     are real-time (a loop that may run 50 ms must not be killed at the other's 10 ms). The soft
 *     limit is half of it, as keepalived sets it, and its SIGXCPU is caught and logged.</li>
 * <li>mlockall ({@code *_no_swap}): the whole process, heap included, locked as pages are
 *     touched; once.</li>
 * </ul>
 *
 * <h2>Use (cli)</h2>
 * <pre>
 * ProcessTuning tuning = new ProcessTuning(config.global(), new LinuxThreadScheduler(), log);
 * tuning.announce();
 * vrrpLoop.schedule(tuning.vrrpLoop());
 * checkerLoop.execute(tuning.checkerLoop());
 * checkerLoop.watchLateness(tuning::checkerTimerFired);
 * </pre>
 */
public final class ProcessTuning {
    private final ThreadScheduler kernel;
    private final Logger log;
    private final int maxAutoPriority;
    private final LoopThread vrrp;
    private final LoopThread checker;
    private final LateWakeUps late;
    private final LateWakeUps checkerLate;
    private long realtimeLimit;
    private boolean overuseWatched;
    private boolean memoryLocked;

    public ProcessTuning(GlobalDefs global, ThreadScheduler kernel, Logger log) {
        this.kernel = kernel;
        this.log = log;
        this.maxAutoPriority = global.maxAutoPriority();
        this.vrrp = new LoopThread("vrrp", "VRRP", global.vrrpScheduling(), maxAutoPriority, this, kernel, log);
        this.checker = new LoopThread("checker", "Checker", global.checkerScheduling(), maxAutoPriority, this,
                kernel, log);
        this.late = new LateWakeUps(global.minAutoPriorityDelay().toNanos(), vrrp::raise, log);
        this.checkerLate = new LateWakeUps(global.minAutoPriorityDelay().toNanos(), checker::raise, log);
    }

    /** keepalived's start-up line when max_auto_priority is not set (-1 silences it). */
    public void announce() {
        if (maxAutoPriority == 0) {
            log.info("NOTICE: setting config option max_auto_priority should result in better keepalived performance");
        }
    }

    /** The VRRP loop's settings, applied when its turns start; late wake-ups step it up. */
    public LoopScheduling vrrpLoop() {
        return new LoopScheduling() {
            @Override
            public void turnsStart() {
                vrrp.start();
            }

            @Override
            public void woke(long deadlineNanos, long nowNanos) {
                late.woke(deadlineNanos, nowNanos);
            }
        };
    }

    /** The checker loop's settings: to be run on the checker loop's thread. */
    public Runnable checkerLoop() {
        return checker::start;
    }

    /**
     * The checker loop's late timers, as keepalived's checker process watches its own: a timer
     * that ran more than {@code min_auto_priority_delay} late is logged and steps the checker
     * loop up (on the checker loop's thread: {@code (deadline, now)} of a timer it ran).
     */
    public void checkerTimerFired(long deadlineNanos, long nowNanos) {
        checkerLate.woke(deadlineNanos, nowNanos);
    }

    /** A loop has just become real-time: the process limit covers it, and SIGXCPU is logged. */
    synchronized void limitRealtime(LoopThread t) {
        if (!overuseWatched) {
            kernel.onRealtimeOveruse(this::overused);
            overuseWatched = true;
        }
        long limit = t.realtimeLimitMicros();
        if (limit <= realtimeLimit) {
            return;
        }
        try {
            kernel.limitRealtime(limit / 2, limit); // the soft half gives a warning first
            realtimeLimit = limit;
        } catch (IOException e) {
            log.warn("child process cannot set realtime rlimit");
        }
    }

    synchronized void lockMemory() {
        if (memoryLocked) {
            return;
        }
        try {
            kernel.lockMemory();
            memoryLocked = true;
        } catch (IOException e) {
            log.info("Unable to lock process in memory - {}", e.getMessage());
        }
    }

    /** SIGXCPU says which process, not which thread: every real-time loop is named. */
    private void overused() {
        for (LoopThread t : List.of(vrrp, checker)) {
            if (t.isRealtime()) {
                log.info("{} process has used too much CPU time, {}_rlimit_rttime may need to be increased",
                        t.title(), t.process());
            }
        }
    }
}
