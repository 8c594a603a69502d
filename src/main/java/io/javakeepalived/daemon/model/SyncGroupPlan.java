package io.javakeepalived.daemon.model;

import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.Trackers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code vrrp_sync_group}: its name, the instances (by name, as planned) it holds, and what
 * else it configures. A reload forms a group again only when its members change
 * ({@link PlanDiff}); the rest is what keepalived.data's {@code VRRP Sync groups} section shows.
 *
 * @param name    group name
 * @param members member instance names, in the group's order
 * @param shown   what the dumps show besides the members
 */
public record SyncGroupPlan(String name, List<String> members, Shown shown) {
    public SyncGroupPlan {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        Objects.requireNonNull(shown, "shown");
    }

    /** A group that configures nothing but its members. */
    public SyncGroupPlan(String name, List<String> members) {
        this(name, members, Shown.NONE);
    }

    /**
     * The group's settings as keepalived.data prints them (the notify hooks run from the
     * configuration itself, see {@code NotifyHooks}).
     *
     * @param notifyScripts         notify_master / _backup / _fault / _stop and notify
     * @param trackers              the group's own track_* lines, weights as the binder left them
     * @param smtpAlert             smtp_alert, resolved through the global defaults
     * @param trackingWeight        sync_group_tracking_weight
     * @param notifyPriorityChanges the group's notify_priority_changes; empty if not set
     */
    public record Shown(NotifyScripts notifyScripts, Trackers trackers, boolean smtpAlert, boolean trackingWeight,
                        Optional<Boolean> notifyPriorityChanges) {
        public static final Shown NONE = new Shown(NotifyScripts.NONE, Trackers.NONE, false, false, Optional.empty());

        public Shown {
            Objects.requireNonNull(notifyScripts, "notifyScripts");
            Objects.requireNonNull(trackers, "trackers");
            Objects.requireNonNull(notifyPriorityChanges, "notifyPriorityChanges");
        }
    }
}
