package io.javakeepalived.track;

import io.javakeepalived.vrrp.Event;

import java.util.ArrayList;
import java.util.List;

/**
 * What one OK/KO check currently tells each instance tracking it: a weight (its
 * {@link TrackScriptState#contribution}) or, for weight 0, FAULT. Turns a verdict into the events
 * that change it, or restates it after a reload. Shared by vrrp_script and the reference
 * addresses. Not thread-safe.
 */
final class Contributions {
    private final List<TrackScriptState.Tracking> tracking;
    private final int[] contribution;
    private final boolean[] faulted;

    Contributions(List<TrackScriptState.Tracking> tracking) {
        this.tracking = List.copyOf(tracking);
        this.contribution = new int[this.tracking.size()];
        this.faulted = new boolean[this.tracking.size()];
    }

    List<TrackScriptState.Tracking> tracking() {
        return tracking;
    }

    /** Takes {@code ok} as the standing without telling anyone (init_fail, a reload's carried verdict). */
    void assume(boolean ok) {
        for (int i = 0; i < tracking.size(); i++) {
            TrackScriptState.Tracking t = tracking.get(i);
            contribution[i] = t.weight() == 0 ? 0 : TrackScriptState.contribution(t.weight(), t.reverse(), ok);
            faulted[i] = t.weight() == 0 && TrackScriptState.faulted(t.reverse(), ok);
        }
    }

    /** A reported verdict: every weight-0 tracking's fault, and the weights that change. */
    List<TrackScriptState.Delivery> report(String tracker, boolean ok) {
        List<TrackScriptState.Delivery> out = new ArrayList<>();
        for (int i = 0; i < tracking.size(); i++) {
            TrackScriptState.Tracking t = tracking.get(i);
            if (t.weight() == 0) {
                faulted[i] = TrackScriptState.faulted(t.reverse(), ok);
                out.add(new TrackScriptState.Delivery(t.instance(),
                        faulted[i] ? new Event.FaultRaised(tracker) : new Event.FaultCleared(tracker)));
            } else {
                int c = TrackScriptState.contribution(t.weight(), t.reverse(), ok);
                if (c != contribution[i]) {
                    contribution[i] = c;
                    out.add(new TrackScriptState.Delivery(t.instance(), new Event.WeightChanged(tracker, c)));
                }
            }
        }
        return out;
    }

    /** Every tracking's weight and fault, zero and clear ones too (after a reload). */
    List<TrackScriptState.Delivery> restate(String tracker) {
        List<TrackScriptState.Delivery> out = new ArrayList<>();
        for (int i = 0; i < tracking.size(); i++) {
            TrackScriptState.Tracking t = tracking.get(i);
            out.add(new TrackScriptState.Delivery(t.instance(), t.weight() == 0
                    ? (faulted[i] ? new Event.FaultRaised(tracker) : new Event.FaultCleared(tracker))
                    : new Event.WeightChanged(tracker, contribution[i])));
        }
        return out;
    }

    /** The faults and non-zero weights only (the starting state of an init_fail script). */
    List<TrackScriptState.Delivery> held(String tracker) {
        List<TrackScriptState.Delivery> out = new ArrayList<>();
        for (int i = 0; i < tracking.size(); i++) {
            TrackScriptState.Tracking t = tracking.get(i);
            if (faulted[i]) {
                out.add(new TrackScriptState.Delivery(t.instance(), new Event.FaultRaised(tracker)));
            } else if (contribution[i] != 0) {
                out.add(new TrackScriptState.Delivery(t.instance(), new Event.WeightChanged(tracker, contribution[i])));
            }
        }
        return out;
    }
}
