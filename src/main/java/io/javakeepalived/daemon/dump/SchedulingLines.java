package io.javakeepalived.daemon.dump;

import static io.javakeepalived.daemon.dump.DumpText.line;
import static io.javakeepalived.daemon.dump.DumpText.tf;

import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.ProcessScheduling;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code VRRP / Checker / BFD process priority ... realtime limit} lines of keepalived.data's
 * {@code Global definitions} (global_data.c {@code dump_global_data}), as configured. The VRRP
 * and checker values come from the model (they schedule the loop threads); javakeepalived has no
 * BFD process, so the {@code bfd_*} keywords are read back from where the binder recorded them.
 */
final class SchedulingLines {

    /**
     * keepalived's RT_RLIMIT_DEFAULT (µs), printed when no {@code *_rlimit_rttime} is configured.
     * javakeepalived's loop threads use a longer limit then ({@link ProcessScheduling#DEFAULT_REALTIME_LIMIT},
     * which says why), but the dump describes the configuration as keepalived reads it.
     */
    static final long KEEPALIVED_REALTIME_LIMIT = 10_000;

    private SchedulingLines() {
    }

    static void write(StringBuilder o, GlobalDefs g) {
        Map<String, List<String>> other = g.otherSettings();
        process(o, "VRRP", g.vrrpScheduling(), limitConfigured(other, "vrrp"));
        process(o, "Checker", g.checkerScheduling(), limitConfigured(other, "checker"));
        process(o, "BFD", bfd(other), limitConfigured(other, "bfd"));
    }

    private static void process(StringBuilder o, String name, ProcessScheduling s, boolean limitConfigured) {
        line(o, " " + name + " process priority = " + s.nice());
        line(o, " " + name + " don't swap = " + tf(s.noSwap()));
        line(o, " " + name + " realtime priority = " + s.realtimePriority());
        if (!s.cpus().isEmpty()) {
            // keepalived's get_process_cpu_affinity_string: each CPU followed by a space
            StringBuilder cpus = new StringBuilder();
            s.cpus().forEach(c -> cpus.append(c).append(' '));
            line(o, " " + name + " CPU Affinity = " + cpus);
        }
        line(o, " " + name + " realtime limit = "
                + (limitConfigured ? s.realtimeLimitMicros() : KEEPALIVED_REALTIME_LIMIT));
    }

    private static boolean limitConfigured(Map<String, List<String>> other, String process) {
        return other.containsKey(process + "_rlimit_rttime") || other.containsKey(process + "_rlimit_rtime");
    }

    /** The bfd_* keywords as the binder recorded them (validated, the real-time priority clamped). */
    private static ProcessScheduling bfd(Map<String, List<String>> other) {
        int nice = (int) first(other, "bfd_priority", 0);
        int rt = (int) first(other, "bfd_rt_priority", 0);
        long limit = Math.max(2, first(other, "bfd_rlimit_rttime", first(other, "bfd_rlimit_rtime",
                KEEPALIVED_REALTIME_LIMIT)));
        TreeSet<Integer> cpus = new TreeSet<>();
        for (String c : other.getOrDefault("bfd_cpu_affinity", List.of())) {
            cpus.add((int) number(c, 0));
        }
        return new ProcessScheduling(nice, rt, limit, other.containsKey("bfd_no_swap"), List.copyOf(cpus));
    }

    private static long first(Map<String, List<String>> other, String keyword, long absent) {
        List<String> args = other.get(keyword);
        return args == null || args.isEmpty() ? absent : number(args.get(0), absent);
    }

    private static long number(String s, long otherwise) {
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return otherwise; // the binder accepted it, so this is a form Long does not read (hex)
        }
    }
}
