package io.javakeepalived.daemon.dump;

/**
 * The INFO lines keepalived logs when a dump signal arrives (core/main.c, vrrp/vrrp_daemon.c),
 * e.g. {@code Printing VRRP data for process(26471) on signal}. Log them before writing.
 */
public final class DumpMessages {

    private DumpMessages() {
    }

    /** SIGUSR1, parent part. */
    public static String parentData(long pid) {
        return "Printing parent data for process(" + pid + ") on signal";
    }

    /** SIGUSR1, VRRP part. */
    public static String vrrpData(long pid) {
        return "Printing VRRP data for process(" + pid + ") on signal";
    }

    /** SIGUSR2, or with {@code clear} SIGRTMAX-1 (STATS_CLEAR). */
    public static String vrrpStats(long pid, boolean clear) {
        return "Printing " + (clear ? "and clearing " : "") + "VRRP stats for process(" + pid + ") on signal";
    }

    /** SIGRTMIN+2 (JSON). */
    public static String vrrpJson(long pid) {
        return "Printing VRRP as json for process(" + pid + ") on signal";
    }
}
