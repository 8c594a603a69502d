package io.javakeepalived.daemon.sched;

import io.javakeepalived.config.model.ProcessScheduling;
import io.javakeepalived.sys.ThreadScheduler;

import java.io.IOException;

import org.slf4j.Logger;

/**
 * One loop thread standing for one of keepalived's processes: its settings applied on the thread
 * itself (lib/process.c {@code set_process_priorities}, {@code set_process_cpu_affinity}), and the
 * step up in real-time priority keepalived takes when the process runs late
 * ({@code increment_process_priority}). Touched from its own thread only, except the read of
 * {@link #isRealtime()} by the SIGXCPU warning.
 */
final class LoopThread {
    private final String process;
    private final String title;
    private final ProcessScheduling settings;
    private final int maxAutoPriority;
    private final ProcessTuning shared;
    private final ThreadScheduler kernel;
    private final Logger log;
    private int tid = -1;
    private volatile int realtimePriority;

    /**
     * @param process         keepalived's name of the process in its lines and keywords: "vrrp", "checker"
     * @param title           the same as keepalived starts a sentence with it: "VRRP", "Checker"
     * @param maxAutoPriority how far {@link #raise()} may go; 0 or -1: never
     */
    LoopThread(String process, String title, ProcessScheduling settings, int maxAutoPriority, ProcessTuning shared,
               ThreadScheduler kernel, Logger log) {
        this.process = process;
        this.title = title;
        this.settings = settings;
        this.maxAutoPriority = maxAutoPriority;
        this.shared = shared;
        this.kernel = kernel;
        this.log = log;
    }

    /** On the loop thread: its name, then keepalived's order - real-time or nice, memory, CPUs. */
    void start() {
        kernel.nameCurrentThread(process);
        tid = kernel.currentThread();
        if (settings.realtimePriority() > 0) {
            becomeRealtime(settings.realtimePriority());
        } else if (settings.nice() != 0) {
            try {
                kernel.setNice(tid, settings.nice());
            } catch (IOException e) {
                log.info("Unable to set process priority to {} - {}", settings.nice(), e.getMessage());
            }
        }
        if (settings.noSwap()) {
            shared.lockMemory();
        }
        if (!settings.cpus().isEmpty()) {
            try {
                kernel.setAffinity(tid, settings.cpus());
            } catch (IOException e) {
                log.warn("unable to set cpu affinity to {} process ({})", process, e.getMessage());
            }
        }
    }

    /**
     * The thread ran late: real-time at the lowest priority, or one step higher, up to
     * {@code max_auto_priority}. Nothing before {@link #start()} or without max_auto_priority.
     */
    void raise() {
        if (maxAutoPriority <= 0 || tid < 0 || realtimePriority >= maxAutoPriority) {
            return;
        }
        int next = realtimePriority == 0 ? 1 : realtimePriority + 1;
        if (becomeRealtime(next)) {
            log.info("Set realtime priority {}", next);
        }
    }

    boolean isRealtime() {
        return realtimePriority > 0;
    }

    String process() {
        return process;
    }

    String title() {
        return title;
    }

    long realtimeLimitMicros() {
        return settings.realtimeLimitMicros();
    }

    private boolean becomeRealtime(int priority) {
        try {
            kernel.setRoundRobin(tid, priority);
        } catch (IOException e) {
            log.warn("child process: cannot raise priority");
            return false;
        }
        realtimePriority = priority;
        shared.limitRealtime(this);
        return true;
    }
}
