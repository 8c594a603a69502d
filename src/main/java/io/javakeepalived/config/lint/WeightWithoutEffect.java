package io.javakeepalived.config.lint;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.ArrayList;
import java.util.List;

/**
 * A track_script weight that can never move the advertised priority. The effective priority is
 * the priority plus the weights that apply, held within 1..254 (keepalived's limits for a
 * non-owner); a positive weight on an instance already at 254, or a negative one on an instance
 * at 1, is swallowed whole. Why it bites: the operator expects a failover when the check fails
 * (or a takeover when it succeeds) and none ever comes.
 *
 * <p>One file cannot tell whether a weight is smaller than the gap to the peer's priority (the
 * peer's priority is in the peer's file), so this check warns only when no peer priority would
 * make the weight count.
 */
final class WeightWithoutEffect implements Check {
    private static final int LOWEST = 1;
    private static final int HIGHEST = 254;

    @Override
    public List<ConfigWarning> check(KeepalivedConfig config, NodeView node) {
        List<ConfigWarning> out = new ArrayList<>();
        for (VrrpInstance v : config.instances()) {
            if (v.isAddressOwner()) {
                continue; // keepalived already drops weighted trackers of an owner, and says so
            }
            for (TrackedObject t : v.trackers().scripts()) {
                boolean raisesPastTop = t.weight() > 0 && v.priority() >= HIGHEST;
                boolean lowersPastBottom = t.weight() < 0 && v.priority() <= LOWEST;
                if (raisesPastTop || lowersPastBottom) {
                    out.add(new ConfigWarning(t.location(), "(" + v.name() + ") track_script " + t.name()
                            + " weight " + t.weight() + " can never change the election: priority " + v.priority()
                            + (raisesPastTop ? " cannot rise above " + HIGHEST : " cannot fall below " + LOWEST)
                            + ", so the check never moves this node's advertised priority; "
                            + (raisesPastTop ? "lower the priority so that priority + weight still counts, or use"
                            + " a negative weight" : "raise the priority, or use a positive weight")));
                }
            }
        }
        return out;
    }
}
