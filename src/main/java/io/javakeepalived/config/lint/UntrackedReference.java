package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.ReferenceAddress;
import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A vrrp_reference no instance names in track_reference. Why it bites: it is never checked, so a
 * node cut off from it keeps fighting for the VIP - the split brain it was declared to prevent.
 */
final class UntrackedReference implements Check {

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        Set<String> tracked = new HashSet<>();
        for (VrrpInstance v : config.instances()) {
            v.trackers().references().stream().map(TrackedObject::name).forEach(tracked::add);
        }
        for (SyncGroup g : config.syncGroups()) {
            g.trackers().references().stream().map(TrackedObject::name).forEach(tracked::add);
        }
        List<ConfigWarning> out = new ArrayList<>();
        for (ReferenceAddress r : config.references()) {
            if (!tracked.contains(r.name())) {
                out.add(new ConfigWarning(r.location(), "vrrp_reference " + r.name() + " is not tracked by any"
                        + " vrrp_instance or vrrp_sync_group - it is never checked, so a node cut off from it keeps its VIP; add"
                        + " track_reference " + r.name() + " to the instance it guards, or remove it"));
            }
        }
        return out;
    }
}
