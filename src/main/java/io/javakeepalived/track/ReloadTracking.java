package io.javakeepalived.track;

import io.javakeepalived.vrrp.Event;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reload (SIGHUP) on the checker loop's side: which instances the reload adds must wait in
 * INIT, and for what ({@link #held}, on the VRRP loop thread), then {@link #apply}: the scripts
 * carry their verdicts over ({@link TrackScriptScheduler#reload}), the polled trackers are
 * replaced, every tracker restates its standing and the {@link TrackerLedger} takes back what
 * no tracker says any more. keepalived builds a reloaded instance's tracking before it starts it,
 * so the instance starts in the state its scripts say: one that tracks a weight-0 script whose
 * verdict carries over starts right away in FAULT or not, one whose weight-0 script is new waits
 * for its first report ({@code num_script_init}), and a sync group of added instances waits for
 * its slowest member.
 */
public final class ReloadTracking {

    private ReloadTracking() {
    }

    /**
     * The added instances the VRRP loop must not start by itself: those tracking a weight-0
     * script, and the added members of their sync groups. Decided from the configuration only
     * (the scripts' states live on the checker loop's thread); {@link #awaiting} then says what
     * each really waits for, which may be nothing but the restatement.
     */
    public static Set<String> held(TrackingPlan plan, Set<String> added) {
        Set<String> held = new LinkedHashSet<>();
        for (TrackingPlan.Scheduled s : plan.scripts()) {
            for (TrackScriptState.Tracking t : s.state().tracking()) {
                if (t.weight() == 0 && added.contains(t.instance())) {
                    held.add(t.instance());
                }
            }
        }
        for (List<String> g : plan.groups()) {
            if (g.stream().anyMatch(held::contains)) {
                g.stream().filter(added::contains).forEach(held::add);
            }
        }
        return held;
    }

    /**
     * For each held instance, the weight-0 scripts ({@code script NAME}) that will report to it:
     * those waiting for their first result, and those whose starting events
     * ({@link TrackScriptState#initialEvents()}, the restated verdict of a script the reload kept
     * or an init_fail one) put it in FAULT or take it out.
     *
     * @param states the scripts as they go on after the reload
     */
    public static Map<String, Set<String>> awaiting(List<TrackingPlan.Scheduled> states, Set<String> held) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (TrackingPlan.Scheduled s : states) {
            TrackScriptState state = s.state();
            List<TrackScriptState.Delivery> initial = state.initialEvents();
            for (TrackScriptState.Tracking t : state.tracking()) {
                if (t.weight() != 0 || !held.contains(t.instance())) {
                    continue;
                }
                boolean reports = state.awaitingFirstResult() || initial.stream().anyMatch(d ->
                        d.instance().equals(t.instance())
                                && (d.event() instanceof Event.FaultRaised || d.event() instanceof Event.FaultCleared));
                if (reports) {
                    out.computeIfAbsent(t.instance(), k -> new LinkedHashSet<>())
                            .add(TrackScriptState.trackerName(state.name()));
                }
            }
        }
        return out;
    }

    /**
     * Carries out a reload on the checker loop's thread: the scheduler takes the new scripts, the
     * gate learns what the held instances wait for, the scripts restate their standing and start
     * their runs, {@code replacePolled} swaps the polled trackers (which restate theirs), the
     * ledger withdraws the rest, and held instances that wait for nothing are started.
     *
     * @param instances the instances of the new configuration
     */
    public static void apply(TrackingPlan plan, Set<String> held, Set<String> instances,
                             TrackScriptScheduler scheduler, TrackerLedger ledger, StartupGate gate,
                             Runnable replacePolled) {
        ledger.beginRestate();
        List<TrackingPlan.Scheduled> states = scheduler.reload(plan.scripts());
        gate.hold(held, awaiting(states, held), plan.groups());
        scheduler.resume();
        replacePolled.run();
        ledger.retain(instances);
        ledger.endRestate();
        gate.startUnawaited();
    }
}
