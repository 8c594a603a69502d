package io.javakeepalived.track;

import io.javakeepalived.vrrp.Event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the checker loop's trackers have told each instance, so that a reload can take back what
 * no tracker of the new configuration says any more. Sits in front of the rest of the sink chain
 * and remembers, per (instance, tracker), the latest non-zero weight and whether the tracker holds
 * the instance in FAULT. A reload {@link #beginRestate() opens} a restatement: the new trackers
 * state what they stand for; {@link #endRestate()} then gives, for every pair nobody restated,
 * {@code WeightChanged(tracker, 0)} or {@code FaultCleared(tracker)} - a removed vrrp_script,
 * track_file or track_process, an instance that no longer tracks one, or a tracking that turned
 * from a weight into a fault one (or back). A pair that is restated with the value it already
 * had does not change anything in the instance, so kept trackers cause no blip.
 *
 * <p>Not thread-safe: the checker loop's thread only (or the starting thread before it runs).
 */
public final class TrackerLedger implements CheckerLoop.Sink {

    private record Key(String instance, String tracker, boolean fault) {
    }

    private final CheckerLoop.Sink next;
    private final Map<Key, Integer> standing = new LinkedHashMap<>();
    private Set<Key> restated;

    public TrackerLedger(CheckerLoop.Sink next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void post(String instance, Event event) {
        Key k = null;
        boolean holds = false;
        if (event instanceof Event.WeightChanged w) {
            k = new Key(instance, w.tracker(), false);
            holds = w.weight() != 0;
            if (holds) {
                standing.put(k, w.weight());
            }
        } else if (event instanceof Event.FaultRaised f) {
            k = new Key(instance, f.source(), true);
            holds = true;
            standing.put(k, 1);
        } else if (event instanceof Event.FaultCleared c) {
            k = new Key(instance, c.source(), true);
        }
        if (k != null) {
            if (!holds) {
                standing.remove(k);
            }
            if (restated != null) {
                restated.add(k);
            }
        }
        next.post(instance, event);
    }

    /** A reload starts: what is posted from now on restates the trackers' standing. */
    public void beginRestate() {
        restated = new HashSet<>();
    }

    /**
     * The reload's trackers have all stated their starting point: withdraws (posts the zero weight
     * or the cleared fault for) every standing nobody restated, and returns those events.
     */
    public List<TrackScriptState.Delivery> endRestate() {
        Set<Key> said = restated == null ? Set.of() : restated;
        restated = null;
        List<TrackScriptState.Delivery> out = new ArrayList<>();
        for (Key k : new ArrayList<>(standing.keySet())) {
            if (!said.contains(k)) {
                out.add(new TrackScriptState.Delivery(k.instance(), k.fault()
                        ? new Event.FaultCleared(k.tracker()) : new Event.WeightChanged(k.tracker(), 0)));
            }
        }
        for (TrackScriptState.Delivery d : out) {
            post(d.instance(), d.event());
        }
        return out;
    }

    /** Forgets instances that are gone (their events would be dropped anyway). */
    public void retain(Set<String> instances) {
        standing.keySet().removeIf(k -> !instances.contains(k.instance()));
    }

    /** For tests: the weight or fault (1) a tracker holds an instance at, 0 if none. */
    int standing(String instance, String tracker, boolean fault) {
        return standing.getOrDefault(new Key(instance, tracker, fault), 0);
    }
}
