package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code vrrp_sync_group NAME { group { VI... } ... }} after validation: members that exist.
 *
 * @param trackingWeight  sync_group_tracking_weight (or deprecated global_tracking): weighted
 *                        trackers of members are kept
 * @param smtpAlert       resolved: group setting, else global smtp_alert_vrrp / smtp_alert, else off
 * @param notifyPriorityChanges the group's own notify_priority_changes; empty when not set (its
 *                        members then follow the global one; keepalived.data prints the line
 *                        only when set)
 */
public record SyncGroup(String name, List<String> members, Trackers trackers, NotifyScripts notifyScripts,
                        boolean smtpAlert, boolean trackingWeight, Optional<Boolean> notifyPriorityChanges,
                        SourceLocation location) {
    public SyncGroup {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        Objects.requireNonNull(notifyPriorityChanges, "notifyPriorityChanges");
    }
}
