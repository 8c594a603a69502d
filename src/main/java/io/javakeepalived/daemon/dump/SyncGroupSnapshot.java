package io.javakeepalived.daemon.dump;

import java.util.List;
import java.util.Objects;

/**
 * A {@code vrrp_sync_group} (keepalived.data {@code VRRP Sync groups}).
 *
 * @param name group name
 * @param state group state
 * @param numMemberFault members in fault
 * @param numMemberInit members in init
 * @param members member instance names
 * @param trackingWeight {@code track_interface}/{@code track_script} weights apply to the group
 * @param smtpAlert {@code smtp_alert}
 * @param notifyPriorityChanges {@code notify_priority_changes}, null if not set
 * @param trackInterfaces tracked interfaces
 * @param trackScripts tracked scripts
 * @param trackFiles tracked files
 * @param trackProcesses tracked processes
 * @param trackBfds tracked BFDs
 * @param notifyBackup {@code notify_backup}
 * @param notifyMaster {@code notify_master}
 * @param notifyFault {@code notify_fault}
 * @param notifyStop {@code notify_stop}
 * @param notifyGeneric {@code notify}
 */
public record SyncGroupSnapshot(
        String name,
        InstanceState state,
        int numMemberFault,
        int numMemberInit,
        List<String> members,
        boolean trackingWeight,
        boolean smtpAlert,
        Boolean notifyPriorityChanges,
        List<Tracked> trackInterfaces,
        List<Tracked> trackScripts,
        List<Tracked> trackFiles,
        List<Tracked> trackProcesses,
        List<Tracked> trackBfds,
        NotifyScript notifyBackup,
        NotifyScript notifyMaster,
        NotifyScript notifyFault,
        NotifyScript notifyStop,
        NotifyScript notifyGeneric) {

    public SyncGroupSnapshot {
        members = List.copyOf(members);
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
        trackBfds = List.copyOf(trackBfds);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }


    /** A builder with keepalived's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this snapshot's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.state = state;
        b.numMemberFault = numMemberFault;
        b.numMemberInit = numMemberInit;
        b.members = members;
        b.trackingWeight = trackingWeight;
        b.smtpAlert = smtpAlert;
        b.notifyPriorityChanges = notifyPriorityChanges;
        b.trackInterfaces = trackInterfaces;
        b.trackScripts = trackScripts;
        b.trackFiles = trackFiles;
        b.trackProcesses = trackProcesses;
        b.trackBfds = trackBfds;
        b.notifyBackup = notifyBackup;
        b.notifyMaster = notifyMaster;
        b.notifyFault = notifyFault;
        b.notifyStop = notifyStop;
        b.notifyGeneric = notifyGeneric;
        return b;
    }

    /** Builder for {@link SyncGroupSnapshot}; unset values are keepalived's defaults. */
    public static final class Builder {
        private String name;
        private InstanceState state = InstanceState.INIT;
        private int numMemberFault = 0;
        private int numMemberInit = 0;
        private List<String> members = List.of();
        private boolean trackingWeight = false;
        private boolean smtpAlert = false;
        private Boolean notifyPriorityChanges = null;
        private List<Tracked> trackInterfaces = List.of();
        private List<Tracked> trackScripts = List.of();
        private List<Tracked> trackFiles = List.of();
        private List<Tracked> trackProcesses = List.of();
        private List<Tracked> trackBfds = List.of();
        private NotifyScript notifyBackup = null;
        private NotifyScript notifyMaster = null;
        private NotifyScript notifyFault = null;
        private NotifyScript notifyStop = null;
        private NotifyScript notifyGeneric = null;

        private Builder() {
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder state(InstanceState v) {
            state = v;
            return this;
        }

        public Builder numMemberFault(int v) {
            numMemberFault = v;
            return this;
        }

        public Builder numMemberInit(int v) {
            numMemberInit = v;
            return this;
        }

        public Builder members(List<String> v) {
            members = v;
            return this;
        }

        public Builder trackingWeight(boolean v) {
            trackingWeight = v;
            return this;
        }

        public Builder smtpAlert(boolean v) {
            smtpAlert = v;
            return this;
        }

        public Builder notifyPriorityChanges(Boolean v) {
            notifyPriorityChanges = v;
            return this;
        }

        public Builder trackInterfaces(List<Tracked> v) {
            trackInterfaces = v;
            return this;
        }

        public Builder trackScripts(List<Tracked> v) {
            trackScripts = v;
            return this;
        }

        public Builder trackFiles(List<Tracked> v) {
            trackFiles = v;
            return this;
        }

        public Builder trackProcesses(List<Tracked> v) {
            trackProcesses = v;
            return this;
        }

        public Builder trackBfds(List<Tracked> v) {
            trackBfds = v;
            return this;
        }

        public Builder notifyBackup(NotifyScript v) {
            notifyBackup = v;
            return this;
        }

        public Builder notifyMaster(NotifyScript v) {
            notifyMaster = v;
            return this;
        }

        public Builder notifyFault(NotifyScript v) {
            notifyFault = v;
            return this;
        }

        public Builder notifyStop(NotifyScript v) {
            notifyStop = v;
            return this;
        }

        public Builder notifyGeneric(NotifyScript v) {
            notifyGeneric = v;
            return this;
        }

        public SyncGroupSnapshot build() {
            return new SyncGroupSnapshot(name, state, numMemberFault, numMemberInit, members, trackingWeight, smtpAlert, notifyPriorityChanges, trackInterfaces, trackScripts, trackFiles, trackProcesses, trackBfds, notifyBackup, notifyMaster, notifyFault, notifyStop, notifyGeneric);
        }
    }
}
