package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.ScriptCommand;

import java.util.function.Consumer;

/**
 * Whom a vrrp_instance tells of its state changes (vrrp_parser.c): the notify scripts (the
 * first of each kind wins, keepalived reports the rest), e-mail alerts, priority-change
 * notifications, and the deprecated per-instance lvs_sync_daemon_interface.
 */
final class InstanceNotifyKeywords {
    private InstanceNotifyKeywords() {
    }

    /** This theme's part of the vrrp_instance table ({@link VrrpInstanceBinder#TABLE}). */
    static final KeywordTable<VrrpDrafts.Instance> KEYWORDS = new KeywordTable<VrrpDrafts.Instance>("vrrp_instance")
            .line("notify_master", (v, n, c) -> notify(v, n, c, v.notify.master != null, s -> {
                v.notify.master = s;
            }))
            .line("notify_backup", (v, n, c) -> notify(v, n, c, v.notify.backup != null, s -> {
                v.notify.backup = s;
            }))
            .line("notify_fault", (v, n, c) -> notify(v, n, c, v.notify.fault != null, s -> {
                v.notify.fault = s;
            }))
            .line("notify_stop", (v, n, c) -> notify(v, n, c, v.notify.stop != null, s -> {
                v.notify.stop = s;
            }))
            .line("notify", (v, n, c) -> notify(v, n, c, v.notify.generic != null, s -> {
                v.notify.generic = s;
            }))
            .line("notify_master_rx_lower_pri", (v, n, c) -> notify(v, n, c, v.notify.masterRxLowerPri != null, s -> {
                v.notify.masterRxLowerPri = s;
            }))
            .line("notify_deleted", (v, n, c) -> {
                if (v.notify.notifyDeleted) {
                    c.error(n, "(" + v.name + ") notify_deleted already specified - ignoring " + Args.rest(n, 0));
                    return;
                }
                if (n.argCount() >= 1) {
                    Scripts.notifyLine(n, "notify", c).ifPresent(s -> v.notify.deleted = s);
                }
                v.notify.notifyDeleted = true;
            })
            .line("smtp_alert", (v, n, c) -> VrrpInstanceBinder.boolArg(v, n, c, "smtp_alert",
                    b -> v.smtpAlert = b, true))
            .line("notify_priority_changes", (v, n, c) -> VrrpInstanceBinder.boolArg(v, n, c, "notify_priority_changes",
                    b -> v.notifyPriorityChanges = b, true))
            .line("lvs_sync_daemon_interface", (v, n, c) -> {
                c.deprecated(n.location(), "(" + v.name + ") Specifying lvs_sync_daemon_interface against a vrrp is"
                        + " deprecated. Please use lvs_sync_daemon " + Args.rest(n, 0) + " in global_defs");
                if (c.global.lvsSync != null) {
                    c.error(n, "(" + v.name + ") lvs_sync_daemon_interface has already been specified as "
                            + c.global.lvsSync.interfaceName + " - ignoring");
                    return;
                }
                String ifname = Args.need(n, 0, "an interface name");
                GlobalDrafts.LvsSync s = new GlobalDrafts.LvsSync();
                s.interfaceName = ifname;
                s.instance = v.name;
                c.global.lvsSync = s;
                v.lvsSyncInterface = ifname;
            });

    private static void notify(VrrpDrafts.Instance v, ConfigNode n, BindContext c, boolean already,
                               Consumer<ScriptCommand> set) throws ConfigFatalException {
        if (already) {
            c.error(n, "(" + v.name + ") " + n.keyword() + " script already specified - ignoring "
                    + Args.need(n, 0, "a command"));
            return;
        }
        Scripts.notifyLine(n, "notify", c).ifPresent(set);
    }
}
