package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * How keepalived's processes run (global_parser.c, the per-process keywords): nice value,
 * real-time priority and its RLIMIT_RTTIME, memory locking, CPU affinity, process names and
 * netlink receive buffers, for each of the VRRP, checker and BFD processes. javakeepalived runs
 * one process: the scheduling keywords of the VRRP and checker processes go to the thread that
 * stands for each ({@link io.javakeepalived.config.model.ProcessScheduling}), as do
 * {@code max_auto_priority} and {@code min_auto_priority_delay}; the rest are validated with
 * keepalived's messages and recorded.
 */
final class ProcessGlobals {
    /** The highest CPU number a cpu_set_t holds (CPU_SETSIZE - 1). */
    private static final int MAX_CPU = 1023;

    private ProcessGlobals() {
    }

    /** This area's part of the global_defs table ({@link GlobalDefsBinder#TABLE}). */
    static final KeywordTable<GlobalDrafts.Global> KEYWORDS = new KeywordTable<GlobalDrafts.Global>("global_defs")
            .line("max_auto_priority", (g, n, c) -> {
                if (n.argCount() < 1) {
                    g.maxAutoPriority = 99;
                    return;
                }
                OptionalLong p = Numbers.signed(c, n.location(), n.arg(0), -1, 99);
                if (p.isEmpty()) {
                    c.error(n, "max_auto_priority '" + n.arg(0) + "' must be in [0, 99] (or -1 to disable) - ignoring");
                } else {
                    g.maxAutoPriority = (int) p.getAsLong();
                }
            })
            .line("min_auto_priority_delay", (g, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "min_auto_priority_delay requires a delay in microseconds");
                    return;
                }
                OptionalLong p = Numbers.signed(c, n.location(), n.arg(0), 1, 10_000_000);
                if (p.isEmpty()) {
                    c.error(n, "min_auto_priority_delay '" + n.arg(0) + "' must be in [1, 10000000] - ignoring");
                } else {
                    g.minAutoPriorityDelay = p.getAsLong();
                }
            })
            .line("vrrp_priority", ProcessGlobals::niceValue)
            .line("checker_priority", ProcessGlobals::niceValue)
            .line("bfd_priority", ProcessGlobals::niceValue)
            .line("vrrp_rt_priority", ProcessGlobals::realtimePriority)
            .line("checker_rt_priority", ProcessGlobals::realtimePriority)
            .line("bfd_rt_priority", ProcessGlobals::realtimePriority)
            .line("vrrp_rlimit_rttime", ProcessGlobals::rlimit)
            .line("checker_rlimit_rttime", ProcessGlobals::rlimit)
            .line("bfd_rlimit_rttime", ProcessGlobals::rlimit)
            .line("vrrp_rlimit_rtime", ProcessGlobals::rlimit)
            .line("checker_rlimit_rtime", ProcessGlobals::rlimit)
            .line("bfd_rlimit_rtime", ProcessGlobals::rlimit)
            .line("vrrp_no_swap", ProcessGlobals::noSwap)
            .line("checker_no_swap", ProcessGlobals::noSwap)
            .line("bfd_no_swap", ProcessGlobals::noSwap)
            .line("vrrp_cpu_affinity", ProcessGlobals::cpuAffinity)
            .line("checker_cpu_affinity", ProcessGlobals::cpuAffinity)
            .line("bfd_cpu_affinity", ProcessGlobals::cpuAffinity)
            .line("process_name", ProcessGlobals::processName)
            .line("vrrp_process_name", ProcessGlobals::processName)
            .line("checker_process_name", ProcessGlobals::processName)
            .line("bfd_process_name", ProcessGlobals::processName)
            .line("lvs_process_name", (g, n, c) -> {
                c.note(n.location(), "'lvs_process_name' is deprecated - please use 'checker_process_name'");
                processName(g, n, c);
            })
            .line("vrrp_netlink_cmd_rcv_bufs", ProcessGlobals::bufferSize)
            .line("vrrp_netlink_monitor_rcv_bufs", ProcessGlobals::bufferSize)
            .line("process_monitor_rcv_bufs", ProcessGlobals::bufferSize)
            .line("lvs_netlink_cmd_rcv_bufs", ProcessGlobals::bufferSize)
            .line("lvs_netlink_monitor_rcv_bufs", ProcessGlobals::bufferSize);

    private static void niceValue(GlobalDrafts.Global g, ConfigNode n, BindContext c) {
        if (n.argCount() < 1) {
            c.error(n, "No process priority specified for " + n.keyword() + ", expected a nice value -20..19");
            return;
        }
        OptionalLong nice = Numbers.signed(c, n.location(), n.arg(0), -20, 19);
        if (nice.isEmpty()) {
            c.error(n, "Invalid " + n.keyword() + " specified, expected a nice value -20..19");
            return;
        }
        process(g, n).nice = (int) nice.getAsLong();
        GlobalDefsBinder.record(g, n);
    }

    private static void realtimePriority(GlobalDrafts.Global g, ConfigNode n, BindContext c) {
        if (n.argCount() < 1) {
            c.error(n, "No real-time priority specified for " + n.keyword() + ", expected 1-99");
            return;
        }
        OptionalLong p = Numbers.signed(c, n.location(), n.arg(0), Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (p.isEmpty()) {
            c.error(n, n.keyword() + " '" + n.arg(0) + "' invalid, expected 1-99");
            return;
        }
        if (p.getAsLong() < 1) {
            c.error(n, n.keyword() + " " + p.getAsLong() + " less than minimum 1 - setting to minimum");
        } else if (p.getAsLong() > 99) {
            c.error(n, n.keyword() + " " + p.getAsLong() + " greater than maximum 99 - setting to maximum");
        }
        int priority = (int) Math.max(1, Math.min(99, p.getAsLong()));
        process(g, n).realtimePriority = priority;
        g.other.put(n.keyword(), List.of(Integer.toString(priority)));
    }

    private static void rlimit(GlobalDrafts.Global g, ConfigNode n, BindContext c) throws ConfigFatalException {
        if (n.keyword().endsWith("rlimit_rtime")) {
            c.note(n.location(), "Keyword '" + n.keyword() + "' is deprecated - please use '"
                    + n.keyword().replace("rlimit_rtime", "rlimit_rttime") + "'");
        }
        OptionalLong limit = NumberArg.unsigned(n, c, "a limit in microseconds", 1, Numbers.UINT_MAX,
                v -> "Invalid " + n.keyword() + " real-time limit - " + v);
        if (limit.isEmpty()) {
            return;
        }
        // the soft limit is half of it and must not be 0 (keepalived's get_rt_rlimit)
        process(g, n).realtimeLimit = Math.max(2, limit.getAsLong());
        GlobalDefsBinder.record(g, n);
    }

    private static void noSwap(GlobalDrafts.Global g, ConfigNode n, BindContext c) {
        process(g, n).noSwap = true;
        GlobalDefsBinder.record(g, n);
    }

    /**
     * {@code *_cpu_affinity CPU...}: CPU numbers, the set dropped at the first bad one as keepalived
     * does. keepalived also rejects a CPU that is not online here; javakeepalived leaves that to
     * sched_setaffinity when the thread starts, so the check does not depend on the host.
     */
    private static void cpuAffinity(GlobalDrafts.Global g, ConfigNode n, BindContext c) {
        String process = n.keyword().substring(0, n.keyword().indexOf('_'));
        if (n.argCount() < 1) {
            c.error(n, "No " + process + " cpu_id set specified");
            return;
        }
        List<Integer> cpus = new ArrayList<>();
        for (String a : n.args()) {
            OptionalLong cpu = Numbers.signed(c, n.location(), a, 0, MAX_CPU);
            if (cpu.isEmpty()) {
                c.error(n, "Invalid cpu_id:" + a + " specified for " + process + " process");
                process(g, n).cpus = List.of();
                return;
            }
            cpus.add((int) cpu.getAsLong());
        }
        process(g, n).cpus = List.copyOf(new TreeSet<>(cpus));
        GlobalDefsBinder.record(g, n);
    }

    /** The process a {@code vrrp_*}, {@code checker_*} or {@code bfd_*} keyword is about. */
    private static GlobalDrafts.Process process(GlobalDrafts.Global g, ConfigNode n) {
        if (n.keyword().startsWith("vrrp_")) {
            return g.vrrpProcess;
        }
        return n.keyword().startsWith("checker_") ? g.checkerProcess : g.bfdProcess;
    }

    private static void processName(GlobalDrafts.Global g, ConfigNode n, BindContext c) throws ConfigFatalException {
        String v = Args.need(n, 0, "a process name");
        if (v.length() >= 16) {
            c.error(n, "Process name " + v + " more than 15 characters, truncating");
            v = v.substring(0, 15);
        }
        g.other.put(n.keyword(), List.of(v));
    }

    private static void bufferSize(GlobalDrafts.Global g, ConfigNode n, BindContext c) {
        if (n.argCount() < 1) {
            c.error(n, n.keyword() + " size missing");
            return;
        }
        if (Numbers.unsigned(c, n.location(), n.arg(0), 0, Numbers.UINT_MAX).isEmpty()) {
            c.error(n, n.keyword() + " size (" + n.arg(0) + ") invalid");
            return;
        }
        GlobalDefsBinder.record(g, n);
    }
}
