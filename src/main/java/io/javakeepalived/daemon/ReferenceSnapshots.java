package io.javakeepalived.daemon;

import io.javakeepalived.config.model.ReferenceAddress;
import io.javakeepalived.config.model.Text;
import io.javakeepalived.daemon.dump.ReferenceSnapshot;
import io.javakeepalived.daemon.dump.Tracked;
import io.javakeepalived.daemon.dump.TrackingInstance;
import io.javakeepalived.track.ReferenceView;
import io.javakeepalived.track.TrackScriptState;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference trackers' published views as the dumps show them: a {@code VRRP References}
 * entry per tracker and each instance's {@code Tracked references}. Pure.
 */
final class ReferenceSnapshots {

    private ReferenceSnapshots() {
    }

    static List<ReferenceSnapshot> of(List<ReferenceView> views) {
        List<ReferenceSnapshot> out = new ArrayList<>(views.size());
        for (ReferenceView v : views) {
            ReferenceAddress r = v.reference();
            List<TrackingInstance> tracking = new ArrayList<>();
            for (TrackScriptState.Tracking t : v.tracking()) {
                tracking.add(TrackingInstance.of(t.instance(), t.weight()));
            }
            out.add(new ReferenceSnapshot(r.name(), Text.address(r.address()), v.interfaceName().orElse(null),
                    new ReferenceSnapshot.Settings(Text.seconds(r.interval()), Text.seconds(r.timeout()), r.weight(),
                            r.rise(), r.fall()),
                    v.result(), v.standing().name(), v.lastRoundTrip().isPresent()
                            ? v.lastRoundTrip().getAsLong() / 1_000 : -1, v.requests(), v.misses(), tracking));
        }
        return out;
    }

    /** The references {@code instance} tracks, with its weights, each once (a tracker is per interface). */
    static List<Tracked> tracked(String instance, List<ReferenceView> views) {
        Set<String> seen = new LinkedHashSet<>();
        List<Tracked> out = new ArrayList<>();
        for (ReferenceView v : views) {
            for (TrackScriptState.Tracking t : v.tracking()) {
                if (t.instance().equals(instance) && seen.add(v.name())) {
                    out.add(Tracked.of(v.name(), t.weight()));
                }
            }
        }
        return out;
    }
}
