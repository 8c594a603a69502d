package io.javakeepalived.daemon.model;

import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.Trackers;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.ArrayList;
import java.util.List;

/**
 * The trackers keepalived.data lists under an instance: its own lines, then its sync group's
 * for each object it does not track itself, as keepalived's {@code sync_group_tracking_init}
 * links them (and as {@link io.javakeepalived.track.InterfaceTracking} applies them). Pure.
 */
final class ShownTrackers {

    private ShownTrackers() {
    }

    static InstancePlan.Shown of(VrrpInstance v, List<SyncGroup> groups) {
        Trackers own = v.trackers();
        for (SyncGroup g : groups) {
            if (g.members().contains(v.name())) {
                Trackers t = g.trackers();
                own = new Trackers(merged(own.interfaces(), t.interfaces()), own.scripts(),
                        merged(own.files(), t.files()), merged(own.processes(), t.processes()),
                        merged(own.bfds(), t.bfds()), own.references());
            }
        }
        return new InstancePlan.Shown(v.smtpAlert(), own);
    }

    private static List<TrackedObject> merged(List<TrackedObject> own, List<TrackedObject> group) {
        List<TrackedObject> out = new ArrayList<>(own);
        for (TrackedObject t : group) {
            if (own.stream().noneMatch(o -> o.name().equals(t.name()))) {
                out.add(t);
            }
        }
        return out;
    }
}
