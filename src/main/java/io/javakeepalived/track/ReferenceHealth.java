package io.javakeepalived.track;

import io.javakeepalived.config.model.Text;
import io.javakeepalived.net.EchoOutcome;

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
    private final RiseFall counter;
    private final Contributions standing;
    private boolean firstResultPending = true;
    private boolean restate;
    /** For the dumps and /metrics: the last reply's round trip (-1: none yet), outcomes and misses. */
    private long lastRoundTripNanos = -1;
    private long requests;
    private long misses;

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
        this.counter = new RiseFall(rise, fall, rise - 1);
        this.standing = new Contributions(tracking);
    }

    /**
     * The health after a reload: a reference that has answered or missed keeps its verdict (at the
     * top or bottom of the new counter) and {@link #initialEvents()} restates it to every tracking
     * instance, so a reload causes no blip; one still undecided starts afresh.
     */
    public ReferenceHealth carriedFrom(ReferenceHealth previous) {
        lastRoundTripNanos = previous.lastRoundTripNanos;
        requests = previous.requests;
        misses = previous.misses;
        if (previous.firstResultPending) {
            return this;
        }
        boolean ok = previous.reachable();
        counter.result = ok ? counter.top() : 0;
        firstResultPending = false;
        restate = true;
        standing.assume(ok);
        return this;
    }

    /** The tracker name in events: {@code reference NAME}. */
    public static String trackerName(String reference) {
        return "reference " + reference;
    }

    /** Reachable ⇔ result ≥ rise (false while undecided). */
    public boolean reachable() {
        return !firstResultPending && counter.ok();
    }

    /** True until the first outcome. */
    public boolean awaitingFirstResult() {
        return firstResultPending;
    }

    /** The counter, for the dumps and tests. */
    public int result() {
        return counter.result;
    }

    public List<TrackScriptState.Tracking> tracking() {
        return standing.tracking();
    }

    /** Nothing at start (the instances wait for the first outcome); after a reload, every tracking's standing. */
    public List<TrackScriptState.Delivery> initialEvents() {
        return restate ? standing.restate(trackerName(name)) : List.of();
    }

    /** Counts one echo outcome. */
    public TrackScriptState.Update record(EchoOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        List<String> log = new ArrayList<>();
        Boolean report = null;
        requests++;
        if (outcome instanceof EchoOutcome.Reply reply) {
            lastRoundTripNanos = reply.roundTripNanos();
            if (counter.success()) {
                log.add("Reference " + name + " (" + where + ") reachable");
                report = true;
            }
        } else {
            misses++;
            if (counter.failure(firstResultPending)) {
                log.add("Reference " + name + " (" + where + ") unreachable (" + miss(outcome) + ")");
                report = false;
            }
        }
        firstResultPending = false;
        return new TrackScriptState.Update(log, report == null ? List.of()
                : standing.report(trackerName(name), report));
    }

    /** How it stands, with its counts: for {@link ReferenceView}. */
    public ReferenceView.Standing standing() {
        return firstResultPending ? ReferenceView.Standing.INIT
                : counter.ok() ? ReferenceView.Standing.REACHABLE : ReferenceView.Standing.UNREACHABLE;
    }

    /** The last reply's round trip in nanoseconds; -1 until one came. */
    public long lastRoundTripNanos() {
        return lastRoundTripNanos;
    }

    /** Outcomes counted since start (carried over a reload). */
    public long requests() {
        return requests;
    }

    /** Of them, the ones without a reply. */
    public long misses() {
        return misses;
    }

    private String miss(EchoOutcome outcome) {
        if (outcome instanceof EchoOutcome.SendFailed f) {
            return "echo request not sent: " + f.reason();
        }
        String within = "no echo reply within " + Text.seconds(timeout) + " s";
        return firstResultPending || counter.fall == 1 ? within : within + ", " + counter.fall + " in a row";
    }
}
