package io.javakeepalived.daemon.dump;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code vrrp_sync_group} (keepalived.data {@code VRRP Sync groups}).
 *
 * @param name                  group name
 * @param state                 group state
 * @param numMemberFault        members in fault
 * @param numMemberInit         members in init
 * @param members               member instance names
 * @param trackingWeight        {@code track_interface}/{@code track_script} weights apply to the group
 * @param smtpAlert             {@code smtp_alert}
 * @param notifyPriorityChanges {@code notify_priority_changes}, empty if not set
 * @param tracked               what the group tracks
 * @param notifyScripts         the group's notify scripts
 */
public record SyncGroupSnapshot(String name, InstanceState state, int numMemberFault, int numMemberInit,
                                List<String> members, boolean trackingWeight, boolean smtpAlert,
                                Optional<Boolean> notifyPriorityChanges, TrackedObjects tracked, Notify notifyScripts) {

    public SyncGroupSnapshot {
        members = List.copyOf(members);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(notifyPriorityChanges, "notifyPriorityChanges");
        Objects.requireNonNull(tracked, "tracked");
        Objects.requireNonNull(notifyScripts, "notifyScripts");
    }

    /**
     * A group's notify scripts; null where none is configured.
     *
     * @param backup  {@code notify_backup}
     * @param master  {@code notify_master}
     * @param fault   {@code notify_fault}
     * @param stop    {@code notify_stop}
     * @param generic {@code notify}
     */
    public record Notify(NotifyScript backup, NotifyScript master, NotifyScript fault, NotifyScript stop,
                         NotifyScript generic) {

        public static final Notify NONE = new Notify(null, null, null, null, null);
    }
}
