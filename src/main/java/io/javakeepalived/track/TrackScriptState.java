package io.javakeepalived.track;

import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.VrrpScript;
import io.javakeepalived.script.ScriptResult;
import io.javakeepalived.vrrp.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code vrrp_script}'s health as keepalived 2.2.7 counts it
 * ({@code vrrp_script_child_thread()} in vrrp_scheduler.c, {@code process_script_update_priority()}
 * in vrrp_track.c), and what it means for the instances that track it. Pure: results in, log lines
 * and state-machine events out.
 *
 * <h2>Counter</h2>
 * {@code result} stays in [0, rise+fall-1]; the script is OK while {@code result >= rise}. It
 * starts at rise-1 (one success is enough, one failure is enough), or 0 with {@code init_fail}.
 * A success below rise-1 counts up; a success at rise-1 or above jumps to the top (logging
 * {@code VRRP_Script(chk) succeeded} when that makes it OK). A failure above rise counts down; at
 * rise or below it drops to 0 (logging {@code VRRP_Script(chk) failed (exited with status 1)},
 * {@code (due to signal 9)} or {@code VRRP_Script(chk) timed_out} when that makes it KO, and on
 * the very first result). A change of exit status is logged {@code Script `chk` now returning 1}
 * (the last status starts as 0). Every result that is not exit 0 is a failure, including a run
 * that could not be started ({@code failed (not run: ...)}; keepalived's child exits 0 then,
 * i.e. a vanished check script counts as healthy there).
 *
 * <h2>Weights</h2>
 * Each tracking instance has its own weight and direction ({@link Tracking}). With weight w ≠ 0
 * the instance's contribution from this script is w while OK if w &gt; 0, w while KO if w &lt; 0,
 * 0 otherwise; {@code reverse} negates it (keepalived's weight_multiplier -1: w &gt; 0 reverse
 * subtracts w while OK, w &lt; 0 reverse adds |w| while KO). Weight 0: the instance is in FAULT
 * while the script is KO (OK with reverse). The contribution goes out as
 * {@link Event.WeightChanged} when it changes, the fault as {@link Event.FaultRaised} /
 * {@link Event.FaultCleared} each time the script's state is reported (the first result
 * included, so an instance waiting for its weight-0 scripts learns they have returned), all
 * under the tracker name {@code script NAME}.
 *
 * <p>{@code init_fail}: {@link #initialEvents()} gives the events of the failed state to hand to
 * the instances before they start. keepalived 2.2.7 ignores {@code reverse} in that initial
 * accounting (a reverse weight-0 init_fail script puts the instance in FAULT, and then counts it
 * again when the script succeeds); here the initial state obeys the same rule as every later one.
 * Inside sync groups the daemon passes only what keepalived keeps (weights dropped without
 * {@code sync_group_tracking_weight}); group track_scripts are passed once per member.
 *
 * <p>Not thread-safe; {@link TrackScriptScheduler} serialises the calls.
 */
public final class TrackScriptState {

    /**
     * An instance tracking the script.
     *
     * @param weight  the weight in force for this instance (the track_script line's, else the script's)
     * @param reverse whether it applies inverted
     */
    public record Tracking(String instance, int weight, boolean reverse) {
        public Tracking {
            Objects.requireNonNull(instance, "instance");
        }

        /** From a {@code track_script} entry of an instance. */
        public static Tracking of(String instance, TrackedObject tracked) {
            return new Tracking(instance, tracked.weight(), tracked.reverse());
        }
    }

    /** An event for one instance. */
    public record Delivery(String instance, Event event) {
    }

    /**
     * What one result did.
     *
     * @param log    keepalived's lines, in order
     * @param events for the tracking instances, in order
     */
    public record Update(List<String> log, List<Delivery> events) {
        public Update {
            log = List.copyOf(log);
            events = List.copyOf(events);
        }
    }

    private final String name;
    private final RiseFall counter;
    private final Contributions standing;
    private boolean firstResultPending;
    private boolean reloaded;
    private int lastStatus;
    private String lastNotRun;

    /**
     * @param rise     successes needed to become OK (≥ 1)
     * @param fall     failures needed to become KO (≥ 1)
     * @param initFail start KO (result 0) rather than one success away from OK
     */
    public TrackScriptState(String name, int rise, int fall, boolean initFail, List<Tracking> tracking) {
        this.name = Objects.requireNonNull(name, "name");
        this.counter = new RiseFall(rise, fall, initFail ? 0 : rise - 1);
        this.standing = new Contributions(tracking);
        this.firstResultPending = !initFail;
        if (initFail) {
            standing.assume(false);
        }
    }

    /**
     * The state after a reload (SIGHUP), keepalived's {@code clear_diff_script()}: a script that has
     * reported keeps its verdict, its counter moved onto the new rise/fall, and logs
     * {@code VRRP_Script(chk) considered successful on reload} (or {@code unsuccessful}); one that
     * has not reported yet starts afresh. {@link #initialEvents()} then restates every tracking
     * instance's weight and fault, so instances added or changed by the reload converge.
     *
     * @param log receives the "considered ... on reload" line, if any
     */
    public static TrackScriptState reloaded(TrackScriptState previous, VrrpScript script, List<Tracking> tracking,
                                            java.util.function.Consumer<String> log) {
        if (previous.firstResultPending) {
            return new TrackScriptState(script.name(), script.rise(), script.fall(), false, tracking);
        }
        TrackScriptState s = new TrackScriptState(script.name(), script.rise(), script.fall(), true, tracking);
        RiseFall was = previous.counter;
        RiseFall now = s.counter;
        if (was.result < was.rise) {
            now.result = was.result == 0 ? 0 : Math.max(0, now.rise - (was.rise - was.result));
            log.accept("VRRP_Script(" + s.name + ") considered unsuccessful on reload");
        } else {
            now.result = was.result == was.top() ? now.top() : Math.min(now.top(), now.rise + (was.result - was.rise));
            log.accept("VRRP_Script(" + s.name + ") considered successful on reload");
        }
        s.lastStatus = previous.lastStatus;
        s.lastNotRun = previous.lastNotRun;
        s.reloaded = true;
        s.standing.assume(s.ok());
        return s;
    }

    /** For a configured vrrp_script. */
    public static TrackScriptState of(VrrpScript script, List<Tracking> tracking) {
        return new TrackScriptState(script.name(), script.rise(), script.fall(), script.initFail(), tracking);
    }

    /** A tracker's contribution to the priority: see the class comment. */
    public static int contribution(int weight, boolean reverse, boolean ok) {
        int c = weight > 0 ? (ok ? weight : 0) : (ok ? 0 : weight);
        return reverse ? -c : c;
    }

    /** Whether a weight-0 tracker holds its instance in FAULT. */
    public static boolean faulted(boolean reverse, boolean ok) {
        return ok == reverse;
    }

    /** The tracker name in events: {@code script NAME}. */
    public static String trackerName(String script) {
        return "script " + script;
    }

    public String name() {
        return name;
    }

    /** keepalived's {@code result} counter. */
    public int result() {
        return counter.result;
    }

    /** OK ⇔ result ≥ rise. */
    public boolean ok() {
        return counter.ok();
    }

    /** True until the first result arrives (never with init_fail). */
    public boolean awaitingFirstResult() {
        return firstResultPending;
    }

    public List<Tracking> tracking() {
        return standing.tracking();
    }

    /**
     * The instances' starting point: with init_fail the failed state's weights and faults; after
     * {@link #reloaded} every tracking's weight and fault; otherwise nothing.
     */
    public List<Delivery> initialEvents() {
        return reloaded ? standing.restate(trackerName(name)) : standing.held(trackerName(name));
    }

    /** Counts one run's result. */
    public Update record(ScriptResult r) {
        Objects.requireNonNull(r, "result");
        List<String> log = new ArrayList<>();
        boolean success = false;
        String exitType;
        String reason = null;
        if (r instanceof ScriptResult.Exited e) {
            if (e.status() != lastStatus) {
                log.add("Script `" + name + "` now returning " + e.status());
            }
            lastStatus = e.status();
            success = e.status() == 0;
            exitType = success ? "succeeded" : "failed";
            reason = success ? null : "exited with status " + e.status();
        } else if (r instanceof ScriptResult.Signaled s) {
            exitType = "failed";
            reason = "due to signal " + s.signal();
        } else if (r instanceof ScriptResult.TimedOut) {
            exitType = "timed_out";
        } else {
            ScriptResult.NotRun n = (ScriptResult.NotRun) r;
            if (!n.reason().equals(lastNotRun)) {
                log.add("Script `" + name + "` not run: " + n.reason());
            }
            exitType = "failed";
            reason = "not run: " + n.reason();
        }
        lastNotRun = r instanceof ScriptResult.NotRun n ? n.reason() : null;

        Boolean report = null;
        if (success) {
            if (counter.success()) {
                log.add("VRRP_Script(" + name + ") " + exitType);
                report = true;
            }
        } else if (counter.failure(firstResultPending)) {
            log.add("VRRP_Script(" + name + ") " + exitType + (reason == null ? "" : " (" + reason + ")"));
            report = false;
        }
        firstResultPending = false;
        return new Update(log, report == null ? List.of() : standing.report(trackerName(name), report));
    }
}
