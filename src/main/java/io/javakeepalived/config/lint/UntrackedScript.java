package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.config.model.VrrpScript;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A vrrp_script no instance or sync group names in track_script. Why it bites: its result moves
 * nothing, so the failure it was written to catch never causes a failover - usually a
 * track_script block forgotten or a name misspelt.
 */
final class UntrackedScript implements Check {

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        Set<String> tracked = new HashSet<>();
        for (VrrpInstance v : config.instances()) {
            v.trackers().scripts().stream().map(TrackedObject::name).forEach(tracked::add);
        }
        for (SyncGroup g : config.syncGroups()) {
            g.trackers().scripts().stream().map(TrackedObject::name).forEach(tracked::add);
        }
        List<ConfigWarning> out = new ArrayList<>();
        for (VrrpScript s : config.scripts()) {
            if (!tracked.contains(s.name())) {
                out.add(new ConfigWarning(s.location(), "vrrp_script " + s.name() + " is not tracked by any"
                        + " vrrp_instance or vrrp_sync_group - its result changes nothing, so the failure it checks"
                        + " for never causes a failover; add track_script { " + s.name() + " } to the instance"
                        + " it guards, or remove it"));
            }
        }
        return out;
    }
}
