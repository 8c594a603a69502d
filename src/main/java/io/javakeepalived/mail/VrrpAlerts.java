package io.javakeepalived.mail;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.NotifyState;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which VRRP notifications become mails, as keepalived's {@code vrrp_smtp_notifier} decides: the
 * instance (or sync group) has {@code smtp_alert} (resolved by the binder: own setting, else
 * {@code smtp_alert_vrrp}, else {@code smtp_alert}), {@code no_email_faults} is not set or the
 * state is not FAULT, and the state differs from the last one mailed (keepalived's
 * {@code last_email_state}: a FAULT → FAULT re-notification is not mailed twice).
 *
 * <p>One thread (the VRRP loop's) calls it; it holds no lock.
 */
public final class VrrpAlerts {

    private final Set<String> alertingInstances = new HashSet<>();
    private final Set<String> alertingGroups = new HashSet<>();
    private final Map<String, NotifyState> lastMailedInstance = new HashMap<>();
    private final Map<String, NotifyState> lastMailedGroup = new HashMap<>();
    private String routerId = "";
    private boolean noEmailFaults;

    /**
     * Takes the settings of {@code config} (again at every reload); instances and groups kept by
     * name keep their last mailed state.
     */
    public VrrpAlerts configure(KeepalivedConfig config, MailSettings settings) {
        routerId = settings.routerId();
        noEmailFaults = settings.noEmailFaults();
        alertingInstances.clear();
        alertingGroups.clear();
        Set<String> instances = new HashSet<>();
        for (VrrpInstance v : config.instances()) {
            instances.add(v.name());
            if (v.smtpAlert()) {
                alertingInstances.add(v.name());
            }
        }
        Set<String> groups = new HashSet<>();
        for (SyncGroup g : config.syncGroups()) {
            groups.add(g.name());
            if (g.smtpAlert()) {
                alertingGroups.add(g.name());
            }
        }
        // a reload's DELETED notifications went out before this (under the old settings)
        lastMailedInstance.keySet().retainAll(instances);
        lastMailedGroup.keySet().retainAll(groups);
        return this;
    }

    /** The mail {@code notify} calls for, if any. */
    public Optional<Alert> alertFor(Action notify) {
        if (notify instanceof Action.RunNotify n) {
            return decide(n.instance(), n.state(), alertingInstances, lastMailedInstance,
                    AlertTexts.instance(routerId, n.instance(), n.state()));
        }
        if (notify instanceof Action.RunGroupNotify g) {
            return decide(g.group(), g.state(), alertingGroups, lastMailedGroup,
                    AlertTexts.group(routerId, g.group(), g.state()));
        }
        return Optional.empty();
    }

    private Optional<Alert> decide(String name, NotifyState state, Set<String> alerting,
                                   Map<String, NotifyState> lastMailed, Optional<Alert> text) {
        if (!alerting.contains(name) || text.isEmpty()) {
            return Optional.empty();
        }
        if (noEmailFaults && state == NotifyState.FAULT || lastMailed.get(name) == state) {
            return Optional.empty();
        }
        lastMailed.put(name, state);
        return text;
    }
}
