package io.javakeepalived.sys;

import java.io.IOException;
import java.util.List;

/**
 * The kernel's scheduling knobs keepalived turns for its VRRP and checker processes, aimed here at
 * single threads (one JVM holds both loops): nice, SCHED_RR, RLIMIT_RTTIME, mlockall, CPU
 * affinity. {@link LinuxThreadScheduler} is the real one. Every call fails with the kernel's
 * reason as the message ("Operation not permitted"), for keepalived's log lines.
 */
public interface ThreadScheduler {

    /** The calling thread's kernel id (gettid), as /proc/PID/task/TID shows it. */
    int currentThread();

    /**
     * prctl(PR_SET_NAME): the calling thread's name as {@code ps -L}, {@code top -H} and
     * /proc/PID/task/TID/comm show it (15 bytes at most), so an operator can tell the loops apart.
     */
    void nameCurrentThread(String name);

    /** setpriority(PRIO_PROCESS, tid, nice): on Linux the nice value of that one thread. */
    void setNice(int tid, int nice) throws IOException;

    /**
     * sched_setscheduler(tid, SCHED_RR | SCHED_RESET_ON_FORK, priority): threads it starts later
     * are not real-time, as keepalived's scripts are not.
     */
    void setRoundRobin(int tid, int priority) throws IOException;

    /**
     * setrlimit(RLIMIT_RTTIME): a real-time thread that runs {@code hardMicros} of CPU without
     * blocking is killed (SIGKILL, the whole process); at {@code softMicros} the process gets
     * SIGXCPU (see {@link #onRealtimeOveruse}). The limit is the process's, counted per thread.
     */
    void limitRealtime(long softMicros, long hardMicros) throws IOException;

    /**
     * Catches SIGXCPU (whose default action would end the JVM at the soft limit) and runs
     * {@code warning} on a JVM thread each time it arrives.
     */
    void onRealtimeOveruse(Runnable warning);

    /**
     * mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT): pages stay in memory once touched. On
     * fault, not at once: a JVM maps far more (thread stacks, heap and code cache reserves) than
     * it touches, and locking it all up front would multiply its resident size.
     */
    void lockMemory() throws IOException;

    /** sched_setaffinity(tid, cpus). */
    void setAffinity(int tid, List<Integer> cpus) throws IOException;
}
