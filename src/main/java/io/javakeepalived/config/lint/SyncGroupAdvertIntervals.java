package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.Text;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Members of one vrrp_sync_group with different advert_int. Why it bites: each member's
 * master-down timer is three of its own intervals, so after a failure the members take over one
 * after the other, and for that time the group's addresses are split between two nodes - what
 * a sync group exists to prevent.
 */
final class SyncGroupAdvertIntervals implements Check {

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        List<ConfigWarning> out = new ArrayList<>();
        for (SyncGroup g : config.syncGroups()) {
            List<VrrpInstance> members = g.members().stream().map(config::instance).flatMap(Optional::stream).toList();
            if (members.stream().map(VrrpInstance::advertInterval).distinct().count() > 1) {
                out.add(new ConfigWarning(g.location(), "sync group " + g.name() + ": its members advertise at"
                        + " different intervals (" + members.stream().map(v -> v.name() + " advert_int "
                        + Text.seconds(v.advertInterval())).collect(Collectors.joining(", ")) + ") - after a failure"
                        + " they take over one after the other, and meanwhile the group's addresses are split"
                        + " between two nodes; give every member the same advert_int"));
            }
        }
        return out;
    }
}
