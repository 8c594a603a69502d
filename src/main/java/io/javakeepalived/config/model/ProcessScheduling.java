package io.javakeepalived.config.model;

import java.util.List;

/**
 * How keepalived schedules one of its processes, and javakeepalived the loop thread that stands
 * for it (global_defs {@code vrrp_*} for the VRRP loop, {@code checker_*} for the checker loop):
 * keepalived 2.2.7's defaults when not configured.
 *
 * @param nice                {@code *_priority}: nice value -20..19; 0 = left alone
 * @param realtimePriority    {@code *_rt_priority}: SCHED_RR priority 1..99; 0 = not real-time
 * @param realtimeLimitMicros {@code *_rlimit_rttime}: RLIMIT_RTTIME in µs while real-time (the
 *                            soft limit is half of it); default {@value #DEFAULT_REALTIME_LIMIT}
 * @param noSwap              {@code *_no_swap}: lock the process's memory (mlockall)
 * @param cpus                {@code *_cpu_affinity}: the CPUs to run on; empty = any
 */
public record ProcessScheduling(int nice, int realtimePriority, long realtimeLimitMicros, boolean noSwap,
                                List<Integer> cpus) {

    /**
     * 1 s, not keepalived's RT_RLIMIT_DEFAULT of 10 ms (lib/process.h): a JVM's loop runs its
     * first dump or reload in cold code, measured at 10-50 ms of CPU without a blocking call, and
     * 10 ms had the kernel kill the daemon at its first SIGUSR1. A runaway real-time loop is
     * still killed within a second; a configured value is used as written.
     */
    public static final long DEFAULT_REALTIME_LIMIT = 1_000_000;

    /** Nothing configured. */
    public static final ProcessScheduling DEFAULT = new ProcessScheduling(0, 0, DEFAULT_REALTIME_LIMIT, false,
            List.of());

    public ProcessScheduling {
        cpus = List.copyOf(cpus);
    }
}
