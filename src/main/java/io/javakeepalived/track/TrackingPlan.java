package io.javakeepalived.track;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.config.model.VrrpScript;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which instance tracks which {@code vrrp_script} with which weight, as keepalived links them
 * (vrrp.c {@code sync_group_tracking_init()}, vrrp_track.c): an instance's own
 * {@code track_script} lines first, then each sync group's lines for every member that does not
 * track that script itself. The binder has already applied keepalived's weight rules (a
 * {@code weight W [reverse]} on the line overrides the script's; weighted scripts of members of
 * sync groups without sync_group_tracking_weight, and of address owners, are dropped; group
 * weights cleared when a member owns the addresses). Scripts no instance tracks are not run, as
 * in keepalived.
 *
 * @param scripts  each tracked script with its counter and trackings, in configuration order
 * @param awaiting instance → {@code script NAME} of each weight-0 script whose first report it waits
 *                 for before leaving INIT (none for init_fail scripts, which start failed)
 * @param groups   the sync groups' members
 */
public record TrackingPlan(List<Scheduled> scripts, Map<String, Set<String>> awaiting, List<List<String>> groups) {

    /** A script and its state. */
    public record Scheduled(VrrpScript script, TrackScriptState state) {
    }

    public TrackingPlan {
        scripts = List.copyOf(scripts);
        awaiting = Map.copyOf(awaiting);
        groups = List.copyOf(groups);
    }

    public static TrackingPlan fromConfig(KeepalivedConfig config) {
        Objects.requireNonNull(config, "config");
        Map<String, List<TrackScriptState.Tracking>> by = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (VrrpInstance v : config.instances()) {
            for (TrackedObject t : v.trackers().scripts()) {
                add(by, seen, v.name(), t);
            }
        }
        List<List<String>> groups = new ArrayList<>();
        for (SyncGroup g : config.syncGroups()) {
            groups.add(List.copyOf(g.members()));
            for (TrackedObject t : g.trackers().scripts()) {
                for (String m : g.members()) {
                    add(by, seen, m, t);
                }
            }
        }
        List<Scheduled> scheduled = new ArrayList<>();
        Map<String, Set<String>> awaiting = new LinkedHashMap<>();
        for (VrrpScript s : config.scripts()) {
            List<TrackScriptState.Tracking> tracking = by.get(s.name());
            if (tracking == null) {
                continue;
            }
            TrackScriptState state = TrackScriptState.of(s, tracking);
            scheduled.add(new Scheduled(s, state));
            if (state.awaitingFirstResult()) {
                for (TrackScriptState.Tracking t : tracking) {
                    if (t.weight() == 0) {
                        awaiting.computeIfAbsent(t.instance(), k -> new LinkedHashSet<>())
                                .add(TrackScriptState.trackerName(s.name()));
                    }
                }
            }
        }
        return new TrackingPlan(scheduled, awaiting, groups);
    }

    private static void add(Map<String, List<TrackScriptState.Tracking>> by, Map<String, Set<String>> seen,
                            String instance, TrackedObject t) {
        if (seen.computeIfAbsent(instance, k -> new HashSet<>()).add(t.name())) {
            by.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(TrackScriptState.Tracking.of(instance, t));
        }
    }

    /** Whether there is any script to run. */
    public boolean isEmpty() {
        return scripts.isEmpty();
    }
}
