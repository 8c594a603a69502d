package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.util.List;
import java.util.Objects;

/**
 * {@code vrrp_sync_group NAME { group { VI... } ... }} after validation: members that exist.
 *
 * @param trackingWeight  sync_group_tracking_weight (or deprecated global_tracking): weighted
 *                        trackers of members are kept
 * @param smtpAlert       resolved: group setting, else global smtp_alert_vrrp / smtp_alert, else off
 */
public record SyncGroup(String name, List<String> members, Trackers trackers, NotifyScripts notifyScripts,
                        boolean smtpAlert, boolean trackingWeight, boolean notifyPriorityChanges,
                        SourceLocation location) {
    public SyncGroup {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }
}
