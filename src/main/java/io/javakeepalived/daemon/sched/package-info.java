/**
 * keepalived's cures for scheduling trouble (global_defs {@code vrrp_priority},
 * {@code vrrp_rt_priority}, {@code vrrp_rlimit_rttime}, {@code vrrp_no_swap},
 * {@code vrrp_cpu_affinity}, their {@code checker_*} twins, {@code max_auto_priority} and
 * {@code min_auto_priority_delay}; lib/process.c and lib/scheduler.c), applied to the two loop
 * threads that stand for keepalived's VRRP and checker processes in one JVM.
 *
 * <ul>
 * <li>{@link io.javakeepalived.daemon.sched.ProcessTuning}: what is the process's (one
 *     RLIMIT_RTTIME, one mlockall, one SIGXCPU handler) and the two loops' views of it;</li>
 * <li>{@code LoopThread}: one loop thread's nice, SCHED_RR priority and CPUs, and the step up
 *     in real-time priority keepalived takes when it runs late;</li>
 * <li>{@link io.javakeepalived.daemon.sched.LateWakeUps}: keepalived's trigger for that step
 *     (a timer that fired more than {@code min_auto_priority_delay} late).</li>
 * </ul>
 * The kernel is reached through {@link io.javakeepalived.sys.ThreadScheduler}; a refusal (no
 * CAP_SYS_NICE, no CAP_IPC_LOCK) is logged in keepalived's words and the daemon runs on.
 */
package io.javakeepalived.daemon.sched;
