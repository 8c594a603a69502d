package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.ScriptCommand;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who is told what, and which scripts run (global_parser.c): the SMTP alert settings, the
 * default user of scripts and enable_script_security, the start-up and shut-down scripts, and
 * the notify FIFOs with their scripts.
 */
final class NotifyGlobals {
    private NotifyGlobals() {
    }

    /** This area's part of the global_defs table ({@link GlobalDefsBinder#TABLE}). */
    static final KeywordTable<GlobalDrafts.Global> KEYWORDS = new KeywordTable<GlobalDrafts.Global>("global_defs")
            .block("notification_email", (g, n, c) -> {
                List<String> items = Blocks.items(n, c);
                if (items.isEmpty()) {
                    c.error(n, "notification_email block is empty, expected one address per line");
                }
                g.emails.addAll(items);
            })
            .line("notification_email_from", (g, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "notification_email_from is missing the address - ignoring");
                } else {
                    g.emailFrom = n.arg(0);
                }
            })
            .line("smtp_server", NotifyGlobals::smtpServer)
            .line("smtp_helo_name", (g, n, c) -> {
                if (n.argCount() >= 1) {
                    g.smtpHelo = n.arg(0);
                }
            })
            .line("smtp_connect_timeout", (g, n, c) -> {
                OptionalLong t = NumberArg.unsigned(n, c, "a timeout in seconds", 0,
                        Numbers.UINT_MAX / Numbers.TIMER_HZ,
                        v -> "smtp_connect_timeout '" + v + "' is not valid, expected seconds - ignoring");
                if (t.isEmpty()) {
                    return;
                }
                long s = t.getAsLong();
                if (s == 0) {
                    c.error(n, "smtp_connect_timeout must be greater than 0 - using 1");
                    s = 1;
                }
                g.smtpConnectTimeout = s * Numbers.TIMER_HZ;
            })
            .line("smtp_alert", (g, n, c) -> GlobalDefsBinder.bool(n, c, "smtp_alert")
                    .ifPresent(b -> g.smtpAlert = b))
            .line("smtp_alert_vrrp", (g, n, c) -> GlobalDefsBinder.bool(n, c, "smtp_alert_vrrp")
                    .ifPresent(b -> g.smtpAlertVrrp = b))
            .line("smtp_alert_checker", (g, n, c) -> GlobalDefsBinder.bool(n, c, "smtp_alert_checker")
                    .ifPresent(b -> g.smtpAlertChecker = b))
            .line("no_email_faults", (g, n, c) -> g.noEmailFaults = true)
            .line("checker_log_all_failures", (g, n, c) -> GlobalDefsBinder.bool(n, c, "checker_log_all_failures")
                    .ifPresent(b -> g.checkerLogAllFailures = b))
            .line("script_user", (g, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "script_user is missing the user name, expected script_user USER [GROUP]");
                    return;
                }
                g.scriptUser = n.arg(0);
                g.scriptGroup = n.arg(1);
                if (!c.scriptUsers().setDefault(n.arg(0), n.arg(1), n.location())) {
                    c.error(n, "Error setting global script uid/gid: user '" + n.arg(0) + "'"
                            + (n.arg(1) != null ? " or group '" + n.arg(1) + "'" : "") + " does not exist");
                }
            })
            .line("enable_script_security", (g, n, c) -> g.scriptSecurity = true)
            .line("startup_script", (g, n, c) -> startStopScript(g, n, c, true))
            .line("shutdown_script", (g, n, c) -> startStopScript(g, n, c, false))
            .line("startup_script_timeout", (g, n, c) -> startStopTimeout(g, n, c, true))
            .line("shutdown_script_timeout", (g, n, c) -> startStopTimeout(g, n, c, false))
            .line("notify_fifo", (g, n, c) -> fifo(g.fifoAll, n, c, ""))
            .line("notify_fifo_script", (g, n, c) -> fifoScript(g.fifoAll, n, c, ""))
            .line("vrrp_notify_fifo", (g, n, c) -> fifo(g.fifoVrrp, n, c, "vrrp_"))
            .line("vrrp_notify_fifo_script", (g, n, c) -> fifoScript(g.fifoVrrp, n, c, "vrrp_"))
            .line("lvs_notify_fifo", (g, n, c) -> fifo(g.fifoLvs, n, c, "lvs_"))
            .line("lvs_notify_fifo_script", (g, n, c) -> fifoScript(g.fifoLvs, n, c, "lvs_"))
            .line("vrrp_notify_priority_changes", (g, n, c) -> GlobalDefsBinder.bool(n, c,
                    "vrrp_notify_priority_changes").ifPresent(b -> g.notifyPriorityChanges = b))
            .line("fifo_write_vrrp_states_on_reload", (g, n, c) -> g.fifoWriteOnReload = true);

    private static void smtpServer(GlobalDrafts.Global g, ConfigNode n, BindContext c) throws ConfigFatalException {
        String host = Args.need(n, 0, "an address or host name, optionally followed by a port");
        int port = 25;
        if (n.argCount() >= 2) {
            OptionalLong p = Numbers.unsigned(c, n.location(), n.arg(1), 1, 65535);
            if (p.isEmpty()) {
                c.error(n, "Invalid smtp server " + host + " " + n.arg(1) + ", expected a port 1-65535");
                return;
            }
            port = (int) p.getAsLong();
        }
        if (InetText.parse(host).isEmpty() && !host.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
            c.error(n, "Invalid smtp server " + host + ", expected an IP address or a host name");
            return;
        }
        g.smtpHost = host;
        g.smtpPort = port;
    }

    private static void startStopScript(GlobalDrafts.Global g, ConfigNode n, BindContext c, boolean startup)
            throws ConfigFatalException {
        String type = startup ? "startup" : "shutdown";
        if ((startup ? g.startupScript : g.shutdownScript) != null) {
            c.error(n, type + " script already specified - ignoring");
            return;
        }
        if (n.argCount() < 1) {
            c.error(n, type + "_script is missing the command");
            return;
        }
        Optional<ScriptCommand> s = Scripts.notifyLine(n, type, c);
        if (s.isEmpty()) {
            c.error(n, "Invalid " + type + " script");
            return;
        }
        if (startup) {
            g.startupScript = s.get();
            if (g.startupTimeout == 0) {
                g.startupTimeout = 10;
            }
        } else {
            g.shutdownScript = s.get();
            if (g.shutdownTimeout == 0) {
                g.shutdownTimeout = 10;
            }
        }
    }

    private static void startStopTimeout(GlobalDrafts.Global g, ConfigNode n, BindContext c, boolean startup) {
        String type = startup ? "startup" : "shutdown";
        if (n.argCount() < 1) {
            c.error(n, type + "_script_timeout requires a value in seconds");
            return;
        }
        OptionalLong t = Numbers.unsigned(c, n.location(), n.arg(0), 1, 1000);
        if (t.isEmpty()) {
            c.error(n, type + "_script_timeout '" + n.arg(0) + "' must be in [1, 1000] - ignoring");
        } else if (startup) {
            g.startupTimeout = (int) t.getAsLong();
        } else {
            g.shutdownTimeout = (int) t.getAsLong();
        }
    }

    private static void fifo(GlobalDrafts.Fifo f, ConfigNode n, BindContext c, String type) {
        if (n.argCount() < 1) {
            c.error(n, "No " + type + "notify_fifo name specified, expected a path");
            return;
        }
        if (f.path != null) {
            c.error(n, type + "notify_fifo already specified - ignoring " + n.arg(0));
            return;
        }
        if (n.argCount() > 1) {
            if (c.scriptUsers().resolve(n.arg(1), n.arg(2), n.location()).isEmpty()) {
                c.note(n.location(), "Invalid user/group for " + type + "fifo " + n.arg(0) + " - ignoring");
                return;
            }
            f.user = n.arg(1);
            f.group = n.arg(2);
        } else if (c.scriptUsers().defaultUser(n.location()).isEmpty()) {
            c.note(n.location(), "Failed to set default user for " + type + "fifo " + n.arg(0) + " - ignoring");
            return;
        }
        f.path = n.arg(0);
    }

    private static void fifoScript(GlobalDrafts.Fifo f, ConfigNode n, BindContext c, String type)
            throws ConfigFatalException {
        if (n.argCount() < 1) {
            c.error(n, "No " + type + "notify_fifo_script specified, expected a command");
            return;
        }
        if (f.script != null) {
            c.error(n, type + "notify_fifo_script already specified - ignoring " + n.arg(0));
            return;
        }
        Scripts.notifyLine(n, type + "notify_fifo", c).ifPresent(s -> f.script = s);
    }
}
