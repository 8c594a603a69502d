package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.config.model.VrrpScript;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * notify_* and vrrp_script commands whose program is missing, not executable by the user the
 * script runs as, or refused by enable_script_security. Why it bites: a notify hook that cannot
 * run is skipped in silence on every state change (keepalived's most reported "notify script not
 * executed"), and a track script that cannot run is disabled, so the check it stands for never
 * moves the priority.
 */
final class ScriptsThatCannotRun implements Check {

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        boolean security = config.global().enableScriptSecurity();
        List<ConfigWarning> out = new ArrayList<>();
        for (VrrpScript s : config.scripts()) {
            if (isShellRedirection(s.script())) {
                continue;
            }
            node.whyNotRunnable(s.script(), security).ifPresent(why -> out.add(new ConfigWarning(
                    s.script().location(), "vrrp_script " + s.name() + ": script '" + s.script().configured()
                    + "' cannot run (" + why + ") - keepalived disables the check, so the priority never moves and"
                    + " nothing fails over when what it checks fails; " + advice(s.script()))));
        }
        for (VrrpInstance v : config.instances()) {
            hooks("(" + v.name() + ")", v.notifyScripts(), security, node, out);
        }
        for (SyncGroup g : config.syncGroups()) {
            hooks("sync group " + g.name() + ":", g.notifyScripts(), security, node, out);
        }
        return out;
    }

    private static void hooks(String owner, NotifyScripts n, boolean security, NodeView node,
                              List<ConfigWarning> out) {
        hook(owner, "notify_master", n.master(), security, node, out);
        hook(owner, "notify_backup", n.backup(), security, node, out);
        hook(owner, "notify_fault", n.fault(), security, node, out);
        hook(owner, "notify_stop", n.stop(), security, node, out);
        hook(owner, "notify_deleted", n.deleted(), security, node, out);
        hook(owner, "notify", n.generic(), security, node, out);
        hook(owner, "notify_master_rx_lower_pri", n.masterRxLowerPriority(), security, node, out);
    }

    private static void hook(String owner, String keyword, Optional<ScriptCommand> script, boolean security,
                             NodeView node, List<ConfigWarning> out) {
        if (script.isEmpty()) {
            return;
        }
        ScriptCommand s = script.get();
        node.whyNotRunnable(s, security).ifPresent(why -> out.add(new ConfigWarning(s.location(), owner + " "
                + keyword + " '" + s.configured() + "' cannot run (" + why + ") - the hook is skipped without a"
                + " word on every state change; " + advice(s))));
    }

    /**
     * {@code script "</dev/tcp/127.0.0.1/80"}: keepalived hands a command that starts with a
     * {@code <} redirection to the shell (its check_script_secure calls it a system script), so
     * there is no program file to look at.
     */
    private static boolean isShellRedirection(ScriptCommand s) {
        return s.openTestPath().isPresent();
    }

    private static String advice(ScriptCommand s) {
        return "the first word of the line is the program: give its full path, executable by uid " + s.uid()
                + " gid " + s.gid() + (s.uid() == 0 ? "" : " (script_user or the user on the line)");
    }
}
