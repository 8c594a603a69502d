package io.javakeepalived.config.bind;

import io.javakeepalived.config.model.TrackedObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * vrrp_complete_instance's last step for the address owner and for members of a sync group
 * without tracking weights: a priority that cannot move ignores the weights of what it tracks.
 * An interface keeps being tracked (weight 0, only in a sync group), a weighted script, reference or
 * BFD is dropped, a file with weight 1 (keepalived's default) is kept with weight 0.
 */
final class TrackerWeights {
    private final BindContext c;
    private final String n;
    private final boolean syncNoWeight;

    TrackerWeights(BindContext c, String instancePrefix, boolean syncNoWeight) {
        this.c = c;
        this.n = instancePrefix;
        this.syncNoWeight = syncNoWeight;
    }

    private String why() {
        return syncNoWeight ? "SYNC group" : "address_owner";
    }

    void clear(VrrpDrafts.Trackers trackers) {
        interfaces(trackers.interfaces);
        dropWeighted(trackers.scripts, t -> "ignoring tracked script " + t.name() + " with weights");
        files(trackers.files);
        dropWeighted(trackers.references, t -> "ignoring tracked reference " + t.name() + " with weight "
                + t.weight());
        dropWeighted(trackers.bfds, t -> "ignoring tracked bfd " + t.name() + " with weight " + t.weight());
    }

    /** Drops the weighted lines, each with keepalived's error ({@code what} + " due to " + why). */
    private void dropWeighted(List<TrackedObject> tracked, Function<TrackedObject, String> what) {
        tracked.removeIf(t -> {
            if (t.weight() != 0) {
                c.error(t.location(), n + " " + what.apply(t) + " due to " + why());
                return true;
            }
            return false;
        });
    }

    private void interfaces(List<TrackedObject> interfaces) {
        List<TrackedObject> kept = new ArrayList<>();
        for (TrackedObject t : interfaces) {
            if (t.weight() != 0) {
                c.error(t.location(), n + " ignoring " + t.name() + " tracked interface "
                        + (syncNoWeight ? "weight " : "") + "due to "
                        + (syncNoWeight ? "SYNC group" : "address owner"));
                if (syncNoWeight) {
                    kept.add(unweighted(t));
                }
            } else {
                kept.add(t);
            }
        }
        interfaces.clear();
        interfaces.addAll(kept);
    }

    private void files(List<TrackedObject> files) {
        List<TrackedObject> kept = new ArrayList<>();
        for (TrackedObject t : files) {
            if (t.weight() == 1) {
                c.error(t.location(), n + " ignoring weight from tracked file " + t.name() + " due to " + why()
                        + ". specify weight 0");
                kept.add(unweighted(t));
            } else if (t.weight() != 0) {
                c.error(t.location(), n + " ignoring tracked file " + t.name() + " with weight " + t.weight()
                        + " due to " + why());
            } else {
                kept.add(t);
            }
        }
        files.clear();
        files.addAll(kept);
    }

    static TrackedObject unweighted(TrackedObject t) {
        return new TrackedObject(t.name(), 0, t.reverse(), t.location());
    }
}
