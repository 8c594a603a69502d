package io.javakeepalived.track;

import io.javakeepalived.config.model.Text;
import io.javakeepalived.net.EchoOutcome;
import io.javakeepalived.vrrp.Event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a reference address answers, counted as keepalived counts a vrrp_script's results, and
 * what that means for the instances tracking it. Pure: echo outcomes in, log lines and
 * state-machine events out (under the tracker name {@code reference NAME}).
 *
 * <h2>Counter</h2>
 * {@code result} stays in [0, rise+fall-1]; the reference is reachable while {@code result >= rise}.
 * From reachable it takes {@code fall} missed replies in a row to become unreachable, from
 * unreachable {@code rise} replies in a row to become reachable again. It starts one step below
 * rise, undecided: the first outcome decides at once, so an instance waits one round trip at start,
 * not rise intervals. Any outcome but a reply (a timeout, a request that could not be sent) is a miss.
 *
 * <h2>Weights</h2>
 * As for vrrp_script ({@link TrackScriptState#contribution}): weight w &gt; 0 adds w while reachable,
 * w &lt; 0 adds w while unreachable, weight 0 puts the instance in FAULT while unreachable. The
 * first outcome is always reported (weight-0 trackers then release instances waiting in INIT);
 * later only changes.
 *
 * <p>Not thread-safe: the checker loop's thread only.
 */
public final class ReferenceHealth {

    private final String name;
    private final String where;
    private final Duration timeout;
    private final int rise;
    private final int fall;
    private final List<TrackScriptState.Tracking> tracking;
    private final int[] contribution;
    private final boolean[] faulted;
    private int result;
    private boolean firstResultPending = true;
    private boolean restate;

    /**
     * @param name     the vrrp_reference's name
     * @param where    the address and the interface, for log lines ("10.0.0.254 on eth0")
     * @param timeout  how long a reply may take, for log lines
     * @param tracking the instances tracking it over this interface (reverse is never set)
     */
    public ReferenceHealth(String name, String where, Duration timeout, int rise, int fall,
                           List<TrackScriptState.Tracking> tracking) {
        this.name = Objects.requireNonNull(name, "name");
        this.where = Objects.requireNonNull(where, "where");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("rise " + rise + ", fall " + fall);
        }
        this.rise = rise;
        this.fall = fall;
        this.tracking = List.copyOf(tracking);
        this.contribution = new int[this.tracking.size()];
        this.faulted = new boolean[this.tracking.size()];
        this.result = rise - 1;
    }

    /**
     * The health after a reload: a reference that has answered or missed keeps its verdict (at the
     * top or bottom of the new counter) and {@link #initialEvents()} restates it to every tracking
     * instance, so a reload causes no blip; one still undecided starts afresh.
     */
    public ReferenceHealth carriedFrom(ReferenceHealth previous) {
        if (previous.firstResultPending) {
            return this;
        }
        boolean ok = previous.reachable();
        result = ok ? rise + fall - 1 : 0;
        firstResultPending = false;
        restate = true;
        for (int i = 0; i < tracking.size(); i++) {
            TrackScriptState.Tracking t = tracking.get(i);
            contribution[i] = t.weight() == 0 ? 0 : TrackScriptState.contribution(t.weight(), false, ok);
            faulted[i] = t.weight() == 0 && TrackScriptState.faulted(false, ok);
        }
        return this;
    }

    /** The tracker name in events: {@code reference NAME}. */
    public static String trackerName(String reference) {
        return "reference " + reference;
    }

    /** Reachable ⇔ result ≥ rise (false while undecided). */
    public boolean reachable() {
        return !firstResultPending && result >= rise;
    }

    /** True until the first outcome. */
    public boolean awaitingFirstResult() {
        return firstResultPending;
    }

    /** The counter, for the dumps and tests. */
    public int result() {
        return result;
    }

    public List<TrackScriptState.Tracking> tracking() {
        return tracking;
    }

    /** Nothing at start (the instances wait for the first outcome); after a reload, every tracking's standing. */
    public List<TrackScriptState.Delivery> initialEvents() {
        List<TrackScriptState.Delivery> out = new ArrayList<>();
        if (!restate) {
            return out;
        }
        String tracker = trackerName(name);
        for (int i = 0; i < tracking.size(); i++) {
            TrackScriptState.Tracking t = tracking.get(i);
            out.add(new TrackScriptState.Delivery(t.instance(), t.weight() == 0
                    ? (faulted[i] ? new Event.FaultRaised(tracker) : new Event.FaultCleared(tracker))
                    : new Event.WeightChanged(tracker, contribution[i])));
        }
        return out;
    }

    /** Counts one echo outcome. */
    public TrackScriptState.Update record(EchoOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        List<String> log = new ArrayList<>();
        boolean reply = outcome instanceof EchoOutcome.Reply;
        Boolean report = null;
        int top = rise + fall - 1;
        if (reply) {
            if (result < rise - 1) {
                result++;
            } else if (result != top) {
                if (result < rise) {
                    log.add("Reference " + name + " (" + where + ") reachable");
                    report = true;
                }
                result = top;
            }
        } else if (result > rise) {
            result--;
        } else {
            if (result == rise || firstResultPending) {
                log.add("Reference " + name + " (" + where + ") unreachable (" + miss(outcome) + ")");
                report = false;
            }
            result = 0;
        }
        firstResultPending = false;
        return new TrackScriptState.Update(log, report == null ? List.of() : events(report));
    }

    private String miss(EchoOutcome outcome) {
        if (outcome instanceof EchoOutcome.SendFailed f) {
            return "echo request not sent: " + f.reason();
        }
        String within = "no echo reply within " + Text.seconds(timeout) + " s";
        return firstResultPending || fall == 1 ? within : within + ", " + fall + " in a row";
    }

    private List<TrackScriptState.Delivery> events(boolean ok) {
        List<TrackScriptState.Delivery> out = new ArrayList<>();
        String tracker = trackerName(name);
        for (int i = 0; i < tracking.size(); i++) {
            TrackScriptState.Tracking t = tracking.get(i);
            if (t.weight() == 0) {
                faulted[i] = TrackScriptState.faulted(false, ok);
                out.add(new TrackScriptState.Delivery(t.instance(),
                        faulted[i] ? new Event.FaultRaised(tracker) : new Event.FaultCleared(tracker)));
            } else {
                int c = TrackScriptState.contribution(t.weight(), false, ok);
                if (c != contribution[i]) {
                    contribution[i] = c;
                    out.add(new TrackScriptState.Delivery(t.instance(), new Event.WeightChanged(tracker, c)));
                }
            }
        }
        return out;
    }
}
