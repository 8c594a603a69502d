package io.javakeepalived.daemon;

import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.Trackers;
import io.javakeepalived.daemon.dump.InstanceState;
import io.javakeepalived.daemon.dump.NotifyScript;
import io.javakeepalived.daemon.dump.SyncGroupSnapshot;
import io.javakeepalived.daemon.dump.Tracked;
import io.javakeepalived.daemon.dump.TrackedObjects;
import io.javakeepalived.daemon.model.SyncGroupPlan;
import io.javakeepalived.vrrp.SyncGroup;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.VrrpState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The running sync groups as keepalived.data's {@code VRRP Sync groups} section shows them
 * (vrrp_data.c {@code dump_sync_group}): the plan's settings, the state of the group the members
 * run in. Pure; call it on the loop thread, which owns the instances.
 */
final class SyncGroupSnapshots {

    private SyncGroupSnapshots() {
    }

    /**
     * @param groups  the running plan's groups, in configuration order
     * @param running the running instance of a name, or null if it does not run
     */
    static List<SyncGroupSnapshot> of(List<SyncGroupPlan> groups, Function<String, VrrpInstance> running) {
        List<SyncGroupSnapshot> out = new ArrayList<>(groups.size());
        for (SyncGroupPlan g : groups) {
            out.add(of(g, running));
        }
        return out;
    }

    static SyncGroupSnapshot of(SyncGroupPlan g, Function<String, VrrpInstance> running) {
        VrrpState state = VrrpState.INIT;
        int inFault = 0;
        int inInit = 0;
        for (String m : g.members()) {
            VrrpInstance v = running.apply(m);
            if (v == null) {
                continue;
            }
            // keepalived's num_member_fault: members failing a tracker of their own, not those dragged along
            if (!v.faults().isEmpty()) {
                inFault++;
            }
            // keepalived's num_member_init: members still waiting for their scripts' first
            // results; the start-up gate holds exactly those back from starting here
            if (!v.isStarted()) {
                inInit++;
            }
            Optional<SyncGroup> formed = v.syncGroup();
            if (formed.isPresent()) {
                state = formed.get().state();
            }
        }
        SyncGroupPlan.Shown s = g.shown();
        return new SyncGroupSnapshot(g.name(), InstanceState.valueOf(state.name()), inFault, inInit, g.members(),
                s.trackingWeight(), s.smtpAlert(), s.notifyPriorityChanges(), tracked(s.trackers()),
                notify(s.notifyScripts()));
    }

    /** What track_* lines (a group's, or an instance's with its group's) name, with their weights. */
    static TrackedObjects tracked(Trackers t) {
        return new TrackedObjects(weighted(t.interfaces()), weighted(t.scripts()), weighted(t.files()),
                weighted(t.processes()), weighted(t.bfds()), weighted(t.references()));
    }

    private static List<Tracked> weighted(List<TrackedObject> lines) {
        List<Tracked> out = new ArrayList<>(lines.size());
        for (TrackedObject o : lines) {
            out.add(new Tracked(o.name(), o.weight(), o.reverse(), null));
        }
        return out;
    }

    private static SyncGroupSnapshot.Notify notify(NotifyScripts n) {
        return new SyncGroupSnapshot.Notify(NotifyScript.orNull(n.backup()), NotifyScript.orNull(n.master()),
                NotifyScript.orNull(n.fault()), NotifyScript.orNull(n.stop()), NotifyScript.orNull(n.generic()));
    }
}
