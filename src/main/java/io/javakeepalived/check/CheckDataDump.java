package io.javakeepalived.check;

import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.Text;
import io.javakeepalived.config.model.VirtualServerGroup;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * keepalived's keepalived_check.data (written on SIGUSR1): the "LVS Topology" section
 * ({@link LvsTopologyDump}), then the "Health checkers" section (check_api.c {@code dump_checker})
 * for the checkers this daemon runs. keepalived writes its global definitions first; those are not
 * written here. Pure.
 */
public final class CheckDataDump {

    private CheckDataDump() {
    }

    /** One running checker as the dump sees it. */
    public record Entry(CheckerHealth health, CheckPlan plan, Checker config) {
    }

    /**
     * The file's text: the LVS topology of {@code pools} (with {@code groups}, the configured
     * virtual_server_groups), then the checkers.
     */
    public static String render(List<VirtualServerGroup> groups, List<VirtualServerHealth> pools, List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        LvsTopologyDump.write(out, groups, pools);
        out.append(render(entries));
        return out.toString();
    }

    /** The "Health checkers" section; empty when no checker runs (keepalived then writes no header either). */
    public static String render(List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        for (Entry e : entries) {
            if (out.length() == 0) {
                line(out, "------< Health checkers >------");
            }
            checker(out, e);
        }
        return out.toString();
    }

    private static void checker(StringBuilder out, Entry e) {
        CheckerHealth h = e.health();
        Checker.Timing t = e.plan().timing();
        line(out, " " + h.subject().virtualServer() + " -> " + h.subject().realServer());
        line(out, "   Enabled = yes");
        line(out, "   Up = " + yesNo(h.isUp()));
        line(out, "   Has run = " + yesNo(h.hasRun()));
        line(out, "   Current weight = " + h.weightShift());
        if (h.kind() != CheckerKind.FILE) {
            line(out, "   Alpha = " + yesNo(h.alpha()));
            line(out, "   Delay loop = " + micros(t.delayLoop()) + " us");
            line(out, "   Warmup = " + micros(t.warmup()) + " us");
            line(out, "   Retries = " + h.retry());
            if (h.retry() > 0) {
                line(out, "   Delay before retry = " + micros(t.delayBeforeRetry()) + " us");
                line(out, "   Retries iterations = " + h.retryIterations());
            }
            line(out, "   Default delay before retry = " + micros(java.time.Duration.ofSeconds(1)) + " us");
        }
        line(out, "   Log all failures = " + yesNo(t.logAllFailures()));
        connection(e.config()).ifPresent(c -> {
            line(out, "   Connection");
            line(out, "     Dest = [" + Text.address(c.connectIp()) + "]:" + c.connectPort());
            c.bindTo().ifPresent(b -> line(out, "     Bind to = [" + Text.address(b) + "]:" + c.bindPort()));
            c.bindInterface().ifPresent(i -> line(out, "     Bind i/f = " + i));
            if (c.fwmark() != 0) {
                line(out, "     Mark = " + c.fwmark());
            }
            line(out, "     Timeout = " + String.format(Locale.ROOT, "%f", c.connectTimeout().toNanos() / 1e9));
        });
        line(out, "   Keepalive method = " + h.kind().keyword());
        if (e.config() instanceof Checker.Misc m) {
            line(out, "   script = " + m.script().configured());
            line(out, "   timeout = " + m.timeout().toSeconds());
            line(out, "   dynamic = " + (m.dynamic() ? "YES" : "NO"));
            line(out, "   uid:gid = " + m.script().uid() + ":" + m.script().gid());
        }
    }

    /** check_api.c dumps the connection of every checker that has one (all but MISC, FILE, BFD). */
    private static Optional<Checker.Connection> connection(Checker c) {
        return Optional.ofNullable(c instanceof Checker.Tcp t ? t.connection()
                : c instanceof Checker.Http h ? h.connection()
                : c instanceof Checker.Smtp m ? m.connection()
                : c instanceof Checker.Dns d ? d.connection()
                : c instanceof Checker.Udp u ? u.connection()
                : c instanceof Checker.Ping p ? p.connection() : null);
    }

    private static long micros(java.time.Duration d) {
        return d.toNanos() / 1_000;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static void line(StringBuilder out, String s) {
        out.append(s).append('\n');
    }
}
